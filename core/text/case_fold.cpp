// case_fold.cpp — ICU's full case folding over the NFC form of the text.
#include "core/text/case_fold.hpp"

#include <unicode/unistr.h>

#include "core/text/utf8_text.hpp"

namespace npt::text {

std::u32string fold_case(std::string_view utf8) {
    std::string nfc = to_nfc(utf8);
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(nfc.data(), static_cast<int32_t>(nfc.size())));
    s.foldCase();
    std::u32string out;
    out.reserve(static_cast<std::size_t>(s.length()));
    for (int32_t k = 0; k < s.length();) {
        UChar32 u = s.char32At(k);
        k += U16_LENGTH(u);
        out.push_back(static_cast<char32_t>(u));
    }
    return out;
}

}  // namespace npt::text
