// case_fold.hpp — full Unicode case folding of a string (ICU), for comparing names a user typed
// with the names a project holds ("Straße" and "STRASSE" fold alike).
#pragma once
#include <string>
#include <string_view>

namespace npt::text {

// The case-folded code points of valid UTF-8 text (NFC first, so composed and decomposed forms
// fold alike). Throws npt::FormatError on invalid UTF-8.
std::u32string fold_case(std::string_view utf8);

}  // namespace npt::text
