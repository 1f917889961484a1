// fuzz_plain_text.cpp — a plain-text transcript from bytes to stored text and speaker turns.
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("plain_text")
