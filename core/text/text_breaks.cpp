// text_breaks.cpp — BreakIterator wrappers working directly on UTF-8 through UText.
#include "core/text/text_breaks.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>
#include <string>

#include "core/error.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::text {
namespace {

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

// A break iterator bound to UTF-8 text; boundaries are byte offsets into the text.
class Utf8Breaks {
public:
    enum class Kind { Word, Sentence };
    Utf8Breaks(std::string_view utf8, Kind kind) {
        UErrorCode status = U_ZERO_ERROR;
        text_.reset(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
        if (kind == Kind::Word)
            iter_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        else
            iter_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) throw Error(std::string("ICU break iterator: ") + u_errorName(status));
        iter_->setText(text_.get(), status);
        if (U_FAILURE(status)) throw Error(std::string("ICU break iterator: ") + u_errorName(status));
    }
    icu::BreakIterator& get() { return *iter_; }

private:
    std::unique_ptr<UText, UTextCloser> text_;
    std::unique_ptr<icu::BreakIterator> iter_;
};

bool is_space_at(const CodePointIndex& index, std::int64_t cp) {
    return u_isUWhiteSpace(static_cast<UChar32>(index.at(static_cast<std::size_t>(cp))));
}

}  // namespace

Span snap_to_words(std::string_view utf8, Span sel) {
    CodePointIndex index(utf8);
    const auto length = static_cast<std::int64_t>(index.size());
    if (sel.start < 0 || sel.end > length || sel.start > sel.end)
        throw InputError("selection " + std::to_string(sel.start) + "-" + std::to_string(sel.end) +
                         " is outside the text (length " + std::to_string(length) + ")");
    Span s = sel;
    while (s.start < s.end && is_space_at(index, s.start)) ++s.start;
    while (s.end > s.start && is_space_at(index, s.end - 1)) --s.end;
    if (s.empty()) return sel;

    Utf8Breaks breaks(utf8, Utf8Breaks::Kind::Word);
    auto& bi = breaks.get();
    auto b_start = static_cast<int32_t>(index.byte_offset(static_cast<std::size_t>(s.start)));
    auto b_end = static_cast<int32_t>(index.byte_offset(static_cast<std::size_t>(s.end)));
    if (!bi.isBoundary(b_start)) b_start = bi.preceding(b_start);
    if (!bi.isBoundary(b_end)) b_end = bi.following(b_end);
    return {static_cast<std::int64_t>(index.code_point_at(static_cast<std::size_t>(b_start))),
            static_cast<std::int64_t>(index.code_point_at(static_cast<std::size_t>(b_end)))};
}

std::vector<Span> words(std::string_view utf8) {
    std::vector<Span> out;
    if (utf8.empty()) return out;
    CodePointIndex index(utf8);
    Utf8Breaks breaks(utf8, Utf8Breaks::Kind::Word);
    auto& bi = breaks.get();
    int32_t prev = bi.first();
    std::size_t prev_cp = 0;
    for (int32_t b = bi.next(); b != icu::BreakIterator::DONE; prev = b, b = bi.next()) {
        std::size_t cp = index.code_point_at(static_cast<std::size_t>(b));
        if (bi.getRuleStatus() != UBRK_WORD_NONE)
            out.push_back({static_cast<std::int64_t>(prev_cp), static_cast<std::int64_t>(cp)});
        prev_cp = cp;
    }
    (void)prev;
    return out;
}

std::vector<Span> sentences(std::string_view utf8) {
    std::vector<Span> out;
    if (utf8.empty()) return out;
    CodePointIndex index(utf8);
    Utf8Breaks breaks(utf8, Utf8Breaks::Kind::Sentence);
    auto& bi = breaks.get();
    std::size_t prev_cp = static_cast<std::size_t>(bi.first());
    for (int32_t b = bi.next(); b != icu::BreakIterator::DONE; b = bi.next()) {
        std::size_t cp = index.code_point_at(static_cast<std::size_t>(b));
        out.push_back({static_cast<std::int64_t>(prev_cp), static_cast<std::int64_t>(cp)});
        prev_cp = cp;
    }
    return out;
}

std::vector<Span> paragraphs(std::string_view utf8) {
    std::vector<Span> out;
    std::int64_t cp = 0, start = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if ((c & 0xC0) == 0x80) continue;
        if (c == '\n') {
            if (cp > start) out.push_back({start, cp});
            start = cp + 1;
        }
        ++cp;
    }
    if (cp > start) out.push_back({start, cp});
    return out;
}

}  // namespace npt::text
