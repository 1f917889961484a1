// markdown_text.hpp — escaping text for Markdown reports so that what the participant said is
// shown literally: no accidental emphasis, links, headings, HTML or broken table cells.
#pragma once
#include <string>
#include <string_view>

namespace npt::md {

// Escapes Markdown punctuation (\ ` * _ [ ] # | ~) with a backslash and &, <, > as HTML entities.
// Newlines are kept.
std::string escape(std::string_view text);
// For a table cell: escape() and newlines as <br>.
std::string escape_cell(std::string_view text);
// A block quote: every line of escape(text) prefixed with "> ".
std::string blockquote(std::string_view text);

}  // namespace npt::md
