// xlsx_workbook.hpp — a small RAII wrapper over libxlsxwriter used by every XLSX export
// (framework matrices, matrix coding queries, segment reports, and any other table).
//
// Workbooks are written in constant-memory mode: each row goes to a temporary file as soon as the
// next row starts, so memory stays flat however many rows there are. The price is that rows of a
// sheet must be written top to bottom (cells within a row in any order), and strings are stored
// inline in the sheet XML (<is><t>), not in sharedStrings.xml.
//
// Write to a temporary path (produce_file_atomic in core/store/file_io.hpp) and call close(): errors
// throw npt::InputError or npt::WriteError naming the user's file, in one line. libxlsxwriter
// assembles the package in memory (a memfd) and close() writes it to the file itself, so a full
// disk is one WriteError, never libxlsxwriter's own "[ERROR]" lines on stderr. Not thread-safe;
// one workbook per thread.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/export_format.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace npt::xlsx {

// Excel holds at most this many characters (UTF-16 units) in one cell.
constexpr std::size_t kMaxCellChars = 32767;

// Cuts text to fit one Excel cell, at a code point boundary, ending with a note saying how much
// was cut. Returns the text unchanged when it fits. Control characters Excel cannot store
// (other than tab and newline) become U+FFFD.
std::string fit_cell(std::string_view text, bool* truncated = nullptr);

enum class Style {
    Plain,    // no formatting
    Header,   // bold, shaded, bordered, wrapped, top-aligned
    Wrap,     // wrapped text, top-aligned
    Number,   // whole number, right-aligned
    Decimal,  // a number as it is (Excel's General format), top-aligned
    Note,     // small grey italic text (titles, explanations)
};

class Workbook;

// One worksheet. Obtained from Workbook::add_sheet; valid while its workbook is open.
class Sheet {
public:
    // Writes text (fit_cell applied). Empty text writes no cell (unless Header). Rows must not go backwards.
    void text(std::uint32_t row, std::uint16_t col, std::string_view value, Style style = Style::Wrap);
    void number(std::uint32_t row, std::uint16_t col, double value, Style style = Style::Number);
    // A whole number on a background colour ("#rrggbb"), black or white text by contrast.
    void shaded_number(std::uint32_t row, std::uint16_t col, double value, std::string_view colour);
    // Width in characters for columns first..last.
    void column_width(std::uint16_t first, std::uint16_t last, double width);
    // Height of a row in points (see xlsx_layout.hpp). In constant-memory mode, set it before
    // writing the row's cells.
    void row_height(std::uint32_t row, double points);
    // Keeps `rows` rows and `cols` columns in view while scrolling.
    void freeze(std::uint32_t rows, std::uint16_t cols);
    void autofilter(std::uint32_t first_row, std::uint16_t first_col, std::uint32_t last_row, std::uint16_t last_col);
    // The paper the sheet prints on (Excel's paper codes 9, A4, and 1, US Letter).
    void paper(Paper paper);
    // Landscape on `paper`, fit to one page wide, header row repeated on every printed page.
    void print_landscape(std::uint32_t repeat_rows, Paper paper = Paper::A4);

private:
    friend class Workbook;
    Sheet(Workbook& book, lxw_worksheet* sheet) : book_(&book), sheet_(sheet) {}
    void check(int error, std::uint32_t row, std::uint16_t col);
    Workbook* book_;
    lxw_worksheet* sheet_;
};

class Workbook {
public:
    // Starts a workbook to be written to `file` (which close() truncates and fills); `label` is the
    // file the user asked for, used in error messages.
    Workbook(const std::filesystem::path& file, std::string label);
    // Discards an unclosed workbook quietly (after an error the file is discarded by the caller).
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    // Adds a sheet; the name is made valid for Excel (31 characters, no []:*?/\) and unique.
    Sheet add_sheet(std::string_view name);
    // Writes the file. Throws WriteError naming `label` when the disk refuses it (full, no
    // permission, an I/O error), InputError for anything else libxlsxwriter reports.
    void close();
    // How many cells were cut to fit Excel's cell limit so far.
    const std::string& label() const { return label_; }

private:
    friend class Sheet;
    lxw_format* format(Style style);
    lxw_format* fill(std::string_view colour);
    void write_package();
    lxw_workbook* book_ = nullptr;
    std::filesystem::path file_;
    int package_fd_ = -1;  // the memfd libxlsxwriter writes the package to; -1: it writes file_ directly
    std::string label_;
    std::vector<lxw_worksheet*> sheets_;
    std::map<Style, lxw_format*> formats_;
    std::map<std::string, lxw_format*, std::less<>> fills_;
    std::map<std::string, int> sheet_names_;
};

}  // namespace npt::xlsx
