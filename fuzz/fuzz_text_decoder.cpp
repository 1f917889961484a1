// fuzz_text_decoder.cpp — importers/text_decoding: BOMs, UTF-16/32 without BOM, UTF-8 damage
// and repair, ICU charset detection and conversion, on arbitrary bytes.
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("text_decoder")
