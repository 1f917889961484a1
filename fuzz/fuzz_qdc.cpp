// fuzz_qdc.cpp — REFI-QDA codebooks (.qdc): XML, the code tree walk and its limits, labelled
// descriptions, and writing the result back out.
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("qdc")
