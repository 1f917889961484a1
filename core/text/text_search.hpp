// text_search.hpp — find every occurrence of a query in a text, ignoring case (full Unicode
// case folding) and accents (combining marks after canonical decomposition), with results in
// code points of the original text. Correct on combining marks, non-BMP emoji, CJK and RTL
// (logical order). Not thread-safe per call site only in the trivial sense: it holds no state.
// By default any run of white space (spaces, tabs, line breaks, no-break spaces) matches any
// other run, and typographic apostrophes, quotes and dashes match their ASCII forms:
// ’ ‘ ʼ ′ as ', “ ” „ as ", ‒ – — − as -. Offsets stay those of the original text.
#pragma once
#include <string_view>
#include <vector>

#include "core/text/span.hpp"

namespace npt::text {

struct SearchOptions {
    bool ignore_case = true;
    bool ignore_accents = true;
    bool whole_words = false;  // matches must start and end on ICU word boundaries
    bool fold_whitespace = true;   // a white space run is one space ("phone queue" finds "phone\nqueue")
    bool fold_punctuation = true;  // ’‘ʼ′ → ', “”„ → ", ‒–—− → - ("didn't" finds "didn’t")
};

// Non-overlapping matches, left to right. An empty (or all-mark) query matches nothing.
std::vector<Span> find_all(std::string_view text_utf8, std::string_view query_utf8,
                           const SearchOptions& options = {});

}  // namespace npt::text
