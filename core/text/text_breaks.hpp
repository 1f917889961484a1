// text_breaks.hpp — ICU BreakIterator over UTF-8 text: word snapping of a selection, and
// iteration over words, sentences and paragraphs. Offsets are code points, end-exclusive.
#pragma once
#include <string_view>
#include <vector>

#include "core/text/span.hpp"

namespace npt::text {

// Grows a selection to whole words: leading/trailing white space is trimmed, then a start or end
// that falls inside a word moves to that word's boundary. A selection of only white space is
// returned unchanged. Throws npt::InputError if the span is outside the text.
Span snap_to_words(std::string_view utf8, Span selection);

// Spans of words (letters, numbers, ideographs, kana); punctuation and spaces excluded.
std::vector<Span> words(std::string_view utf8);
// Spans of sentences as ICU's sentence rules find them (root locale).
std::vector<Span> sentences(std::string_view utf8);
// Spans of paragraphs: maximal runs of text between newlines, empty lines skipped.
std::vector<Span> paragraphs(std::string_view utf8);

}  // namespace npt::text
