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

// How cells are written. Neutralised (the default, as OWASP advises against CSV injection): a
// cell that starts with '=', '+', '-', '@', TAB or CR gets a leading "'" so that Excel, LibreOffice
// and Google Sheets show it as text instead of running it as a formula (`=cmd|' /C calc'!A0`);
// a plain number such as -0.25 or +3 is left alone. Raw: cells exactly as given.
enum class Cells { Neutralised, Raw };

// `field` with a leading "'" when a spreadsheet would read it as a formula (see Cells).
std::string neutralise_formula(std::string_view field);
// One field quoted when it holds the delimiter, a quote, CR or LF (quotes doubled).
std::string escape_field(std::string_view field, char delimiter = ',');
// A row of escaped fields ending in CRLF, as RFC 4180 writes it; formulas neutralised unless Raw.
std::string format_row(const std::vector<std::string>& fields, char delimiter = ',', Cells cells = Cells::Neutralised);

}  // namespace npt::csv
