// export_test_support.hpp — reading back what the exporters wrote: XLSX entries unzipped with
// libzip and sheet cells read with pugixml (inline strings, shared strings and numbers), plus a
// small study whose quotes hold commas, newlines, double quotes, emoji and right-to-left text.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt::test {

// The bytes of one entry of a zip file; throws std::runtime_error when missing.
std::string unzip_entry(const std::filesystem::path& zip, const std::string& entry);
std::vector<std::string> zip_entries(const std::filesystem::path& zip);

struct XlsxCell {
    std::string text;   // the string, or the number as written in <v>
    bool number = false;
    int style = 0;      // the s attribute (index into cellXfs)
};
// Cells of xl/worksheets/sheetN.xml (1-based) as [row][column] (0-based), missing cells empty.
std::vector<std::vector<XlsxCell>> read_sheet(const std::filesystem::path& xlsx, int sheet);
// Text grid of a sheet (numbers as written), each row padded to the header row's width.
std::vector<std::vector<std::string>> sheet_text(const std::filesystem::path& xlsx, int sheet);
// The solid fill colour ("RRGGBB", upper case) of a cell style, or "" when it has none.
std::string style_fill(const std::filesystem::path& xlsx, int style);
// Whether the style wraps text.
bool style_wraps(const std::filesystem::path& xlsx, int style);

// Undoes md::escape_cell: <br> to newlines, backslash escapes and &amp; &lt; &gt;.
std::string unescape_markdown_cell(const std::string& cell);
// Splits a Markdown table row "| a | b\| c |" into its cells (unescaped).
std::vector<std::string> markdown_row(const std::string& line);

// Quotes that stress every format.
extern const std::string kTrickyTranscript;

// A study in `dir`: two documents (one with speaker turns and media times), cases P01 (group
// "Hub client", site "North") and P02 (group "Hub staff", site "South, East"), P03 with no
// documents, the four NPT constructs with sub-constructs, coders Amira and Ben, and codings
// (with memos) over the tricky passages. Returns the open project.
Project make_export_study(const std::filesystem::path& dir);

}  // namespace npt::test
