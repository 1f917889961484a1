// csv.hpp — RFC 4180 CSV: parsing (quoted fields, embedded newlines, doubled quotes, UTF-8 BOM,
// ',' ';' or tab detected) and writing. Pure functions over text; no files.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace npt::csv {

struct Row {
    std::vector<std::string> fields;
    std::size_t line = 0;  // 1-based line where the row starts
};

// The delimiter of the first line outside quotes: the most frequent of ',', ';' and tab
// (',' on a tie or when none appears).
char detect_delimiter(std::string_view text);

// Parses the whole text. delimiter 0 = detect. A leading BOM is skipped; CRLF, LF and CR all end
// rows; blank lines are skipped. Throws npt::FormatError ("line N: ...") on a quote left open or
// a stray character after a closing quote.
std::vector<Row> parse(std::string_view text, char delimiter = 0);

// One field quoted when it holds the delimiter, a quote, CR or LF (quotes doubled).
std::string escape_field(std::string_view field, char delimiter = ',');
// A row of escaped fields ending in CRLF, as RFC 4180 writes it.
std::string format_row(const std::vector<std::string>& fields, char delimiter = ',');

}  // namespace npt::csv
