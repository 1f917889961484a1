// fuzz_cases_csv.cpp — the participants' attributes CSV: decoding, RFC 4180 parsing, header and
// row checks, type inference.
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("cases_csv")
