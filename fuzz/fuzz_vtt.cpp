// fuzz_vtt.cpp — WebVTT transcripts: cue blocks, timings, voice tags, markup and references.
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("vtt")
