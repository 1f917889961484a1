// fuzz_srt.cpp — SRT subtitles: numbered cue blocks and timings.
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("srt")
