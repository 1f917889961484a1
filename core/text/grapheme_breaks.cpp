// grapheme_breaks.cpp — ICU character and word BreakIterators over UTF-8 through UText.
#include "core/text/grapheme_breaks.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::text {
namespace {

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

enum class Kind { Character, Word };

// A break iterator over UTF-8; boundaries are byte offsets.
class Breaks {
public:
    Breaks(std::string_view utf8, Kind kind) {
        UErrorCode status = U_ZERO_ERROR;
        text_.reset(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
        iter_.reset(kind == Kind::Character ? icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status)
                                            : icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_SUCCESS(status)) iter_->setText(text_.get(), status);
        if (U_FAILURE(status)) throw Error(std::string("ICU break iterator: ") + u_errorName(status));
    }
    icu::BreakIterator& get() { return *iter_; }

private:
    std::unique_ptr<UText, UTextCloser> text_;
    std::unique_ptr<icu::BreakIterator> iter_;
};

}  // namespace

std::vector<std::int64_t> grapheme_boundaries(std::string_view utf8) {
    std::vector<std::int64_t> out{0};
    if (utf8.empty()) return out;
    Breaks breaks(utf8, Kind::Character);
    auto& bi = breaks.get();
    std::size_t byte = 0;
    std::int64_t cp = 0;
    for (int32_t b = bi.next(); b != icu::BreakIterator::DONE; b = bi.next()) {
        for (; byte < static_cast<std::size_t>(b); ++byte)
            if ((static_cast<unsigned char>(utf8[byte]) & 0xC0) != 0x80) ++cp;
        out.push_back(cp);
    }
    return out;
}

std::int64_t next_grapheme(std::string_view utf8, std::int64_t cp) {
    const std::vector<std::int64_t> b = grapheme_boundaries(utf8);
    auto it = std::upper_bound(b.begin(), b.end(), cp);
    return it == b.end() ? b.back() : *it;
}

std::int64_t previous_grapheme(std::string_view utf8, std::int64_t cp) {
    const std::vector<std::int64_t> b = grapheme_boundaries(utf8);
    auto it = std::lower_bound(b.begin(), b.end(), cp);
    return it == b.begin() ? 0 : *(it - 1);
}

Span word_or_cluster_at(std::string_view utf8, std::int64_t cp) {
    CodePointIndex index(utf8);
    const auto length = static_cast<std::int64_t>(index.size());
    if (cp < 0 || cp >= length) return {cp, cp};
    if (u_isUWhiteSpace(static_cast<UChar32>(index.at(static_cast<std::size_t>(cp))))) return {cp, cp};
    Breaks breaks(utf8, Kind::Word);
    auto& bi = breaks.get();
    const auto byte = static_cast<int32_t>(index.byte_offset(static_cast<std::size_t>(cp)));
    const int32_t start = bi.isBoundary(byte) ? byte : bi.preceding(byte);
    const int32_t end = bi.following(byte);
    return {static_cast<std::int64_t>(index.code_point_at(static_cast<std::size_t>(start))),
            static_cast<std::int64_t>(index.code_point_at(static_cast<std::size_t>(end == icu::BreakIterator::DONE
                                                                                         ? static_cast<int32_t>(utf8.size())
                                                                                         : end)))};
}

}  // namespace npt::text
