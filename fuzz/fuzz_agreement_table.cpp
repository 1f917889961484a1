// fuzz_agreement_table.cpp — `agreement-table`: a units x coders CSV parsed at each measurement
// level, and the reliability statistics computed from it (no bootstrap).
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("agreement_table")
