// fuzz_codebook_json.cpp — nptcoder codebook JSON: the JSON parser, the code tree walk and its
// limits, and writing the result back out.
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("codebook_json")
