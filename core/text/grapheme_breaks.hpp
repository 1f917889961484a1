// grapheme_breaks.hpp — user-perceived characters (extended grapheme clusters, UAX #29) and the
// word or cluster under a position, from ICU's character and word BreakIterators over UTF-8.
// So a caret never lands inside 👍🏽, a flag, or a letter with its combining marks, and a
// double-click selects an emoji or a CJK word. Offsets are code points, end-exclusive.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/span.hpp"

namespace npt::text {

// Every grapheme-cluster boundary of the text, ascending: 0, ..., length (just {0} when empty).
std::vector<std::int64_t> grapheme_boundaries(std::string_view utf8);

// The boundary after `cp` (length at the end) and before `cp` (0 at the start); `cp` is clamped
// to the text.
std::int64_t next_grapheme(std::string_view utf8, std::int64_t cp);
std::int64_t previous_grapheme(std::string_view utf8, std::int64_t cp);

// What a double-click at `cp` selects: the ICU word segment containing it (a word, a CJK word
// found by ICU's dictionary, a number, an emoji sequence, a punctuation mark); {cp, cp} on
// white space or past the end.
Span word_or_cluster_at(std::string_view utf8, std::int64_t cp);

}  // namespace npt::text
