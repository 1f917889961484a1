// text_search.cpp — folding with an origin map, then a plain substring search over the folded
// code points; matches are mapped back to whole code points (and trailing marks) of the original.
// A white space run folds to one space standing at the run's first code point; the rest of the
// run folds to nothing, so a match ending in the space covers the whole run.
#include "core/text/text_search.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <functional>
#include <string>
#include <unordered_set>

#include "core/error.hpp"
#include "core/text/text_breaks.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::text {
namespace {

struct Folded {
    std::u32string chars;               // folded code points
    std::vector<std::int64_t> origin;   // for each folded code point, its original code point index
    std::vector<bool> empty_output;     // for each original code point: folded to nothing
};

bool is_white_space(char32_t c) {
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    return u_isUWhiteSpace(static_cast<UChar32>(c));
}

// The ASCII form of a typographic apostrophe, quote or dash, or 0 when `c` is none of them.
char32_t ascii_punctuation(char32_t c) {
    switch (c) {
        case 0x2019: case 0x2018: case 0x02BC: case 0x2032: return U'\'';
        case 0x201C: case 0x201D: case 0x201E: return U'"';
        case 0x2012: case 0x2013: case 0x2014: case 0x2212: return U'-';
        default: return 0;
    }
}

Folded fold(std::string_view utf8, const SearchOptions& opt) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("ICU NFD normaliser unavailable: ") + u_errorName(status));

    std::u32string original = to_u32(utf8);
    Folded f;
    f.chars.reserve(original.size());
    f.origin.reserve(original.size());
    f.empty_output.assign(original.size(), false);
    for (std::size_t i = 0; i < original.size(); ++i) {
        char32_t c = original[i];
        std::size_t before = f.chars.size();
        if (opt.fold_whitespace && is_white_space(c)) {
            if (i > 0 && is_white_space(original[i - 1])) {
                f.empty_output[i] = true;
            } else {
                f.chars.push_back(U' ');
                f.origin.push_back(static_cast<std::int64_t>(i));
            }
            continue;
        }
        if (char32_t ascii = opt.fold_punctuation ? ascii_punctuation(c) : 0) {
            f.chars.push_back(ascii);
            f.origin.push_back(static_cast<std::int64_t>(i));
            continue;
        }
        if (c < 0x80) {  // ASCII fast path
            f.chars.push_back(opt.ignore_case && c >= 'A' && c <= 'Z' ? c + 32 : c);
            f.origin.push_back(static_cast<std::int64_t>(i));
            continue;
        }
        icu::UnicodeString s(static_cast<UChar32>(c));
        if (opt.ignore_accents) {
            icu::UnicodeString d;
            nfd->normalize(s, d, status);
            if (U_SUCCESS(status)) s = d;
            status = U_ZERO_ERROR;
        }
        if (opt.ignore_case) s.foldCase();
        for (int32_t k = 0; k < s.length();) {
            UChar32 u = s.char32At(k);
            k += U16_LENGTH(u);
            if (opt.ignore_accents && u_charType(u) == U_NON_SPACING_MARK) continue;
            f.chars.push_back(static_cast<char32_t>(u));
            f.origin.push_back(static_cast<std::int64_t>(i));
        }
        if (f.chars.size() == before) f.empty_output[i] = true;
    }
    return f;
}

}  // namespace

std::vector<Span> find_all(std::string_view text_utf8, std::string_view query_utf8, const SearchOptions& opt) {
    std::vector<Span> out;
    Folded query = fold(to_nfc(query_utf8), opt);
    if (query.chars.empty()) return out;
    Folded hay = fold(text_utf8, opt);

    std::unordered_set<std::int64_t> word_bounds;
    if (opt.whole_words) {
        for (const Span& w : words(text_utf8)) {
            word_bounds.insert(w.start);
            word_bounds.insert(w.end);
        }
    }

    const std::size_t n = hay.chars.size();
    std::boyer_moore_horspool_searcher searcher(query.chars.begin(), query.chars.end());
    auto it = hay.chars.begin();
    while (true) {
        auto [first, last] = searcher(it, hay.chars.end());
        if (first == hay.chars.end()) break;
        std::size_t i = static_cast<std::size_t>(first - hay.chars.begin());
        std::size_t j = static_cast<std::size_t>(last - hay.chars.begin());
        bool starts_clean = i == 0 || hay.origin[i - 1] != hay.origin[i];
        bool ends_clean = j == n || hay.origin[j] != hay.origin[j - 1];
        if (!starts_clean || !ends_clean) {
            it = first + 1;
            continue;
        }
        std::int64_t start = hay.origin[i];
        std::int64_t end = hay.origin[j - 1] + 1;
        while (end < static_cast<std::int64_t>(hay.empty_output.size()) && hay.empty_output[end]) ++end;
        if (opt.whole_words && (!word_bounds.count(start) || !word_bounds.count(end))) {
            it = first + 1;
            continue;
        }
        out.push_back({start, end});
        it = last;
    }
    return out;
}

}  // namespace npt::text
