// matrix_xlsx.cpp — a framework matrix as an Excel workbook: the matrix sheet and a sheet of the
// linked quotes with their references, streamed row by row (constant memory), each row as tall as
// its wrapped text needs.
#include <algorithm>

#include "core/store/file_io.hpp"
#include "core/text/media_time.hpp"
#include "exporters/matrix_attributes.hpp"
#include "exporters/matrix_export.hpp"
#include "exporters/xlsx_layout.hpp"
#include "exporters/xlsx_workbook.hpp"

namespace npt {
namespace {

constexpr double kCaseWidth = 16, kAttributeWidth = 14, kCodeWidth = 48;

// The height of a row holding these texts in columns of these widths: its tallest cell.
double row_height(const std::vector<std::pair<std::string_view, double>>& cells) {
    int lines = 1;
    for (const auto& [text, width] : cells) lines = std::max(lines, xlsx::wrapped_lines(text, width));
    return xlsx::row_height_for(lines);
}

void write_matrix_sheet(xlsx::Workbook& book, const FrameworkMatrix& m, Paper paper) {
    xlsx::Sheet sheet = book.add_sheet("Matrix");
    const auto first_code = static_cast<std::uint16_t>(1 + m.attributes.size());
    sheet.column_width(0, 0, kCaseWidth);
    if (!m.attributes.empty()) sheet.column_width(1, static_cast<std::uint16_t>(first_code - 1), kAttributeWidth);
    if (!m.columns.empty())
        sheet.column_width(first_code, static_cast<std::uint16_t>(first_code + m.columns.size() - 1), kCodeWidth);
    sheet.freeze(1, first_code);
    sheet.print_landscape(1, paper);
    std::vector<std::string> header = matrix_header(m);
    std::vector<std::pair<std::string_view, double>> heights;
    for (std::size_t c = 0; c < header.size(); ++c)
        heights.emplace_back(header[c], c == 0 ? kCaseWidth : c < first_code ? kAttributeWidth : kCodeWidth);
    sheet.row_height(0, row_height(heights));
    for (std::size_t c = 0; c < header.size(); ++c) sheet.text(0, static_cast<std::uint16_t>(c), header[c], xlsx::Style::Header);
    std::uint32_t r = 1;
    for (const MatrixRow& row : m.rows) {
        std::vector<std::string> cells;
        cells.reserve(row.cells.size());
        for (const MatrixCell& cell : row.cells) cells.push_back(matrix_cell_text(cell));
        heights.clear();
        heights.emplace_back(row.info.name, kCaseWidth);
        for (const std::string& value : row.attributes) heights.emplace_back(value, kAttributeWidth);
        for (const std::string& text : cells) heights.emplace_back(text, kCodeWidth);
        sheet.row_height(r, row_height(heights));
        std::uint16_t c = 0;
        sheet.text(r, c++, row.info.name, xlsx::Style::Header);
        for (const std::string& value : row.attributes) {
            if (auto number = xlsx::plain_number(value)) sheet.number(r, c++, *number, xlsx::Style::Decimal);
            else sheet.text(r, c++, value);
        }
        for (const std::string& text : cells) sheet.text(r, c++, text);
        ++r;
    }
}

void write_quotes_sheet(xlsx::Workbook& book, const FrameworkMatrix& m, Paper paper) {
    xlsx::Sheet sheet = book.add_sheet("Quotes");
    const std::vector<std::pair<std::string, double>> columns = {
        {"Case", 14}, {"Code", 28}, {"Document", 18}, {"Start", 8}, {"End", 8}, {"Speaker", 14},
        {"Time", 9},  {"Coder", 12}, {"Quote", 70},   {"Status", 10}, {"Reference", 34}};
    for (std::size_t c = 0; c < columns.size(); ++c) {
        sheet.column_width(static_cast<std::uint16_t>(c), static_cast<std::uint16_t>(c), columns[c].second);
        sheet.text(0, static_cast<std::uint16_t>(c), columns[c].first, xlsx::Style::Header);
    }
    sheet.freeze(1, 0);
    sheet.print_landscape(1, paper);
    std::uint32_t r = 1;
    for (const MatrixRow& row : m.rows)
        for (std::size_t col = 0; col < m.columns.size(); ++col)
            for (const MatrixLink& link : row.cells[col].links) {
                std::string reference = link_reference(link);
                sheet.row_height(r, row_height({{m.columns[col].path, columns[1].second},
                                                {link.quote, columns[8].second},
                                                {reference, columns[10].second}}));
                sheet.text(r, 0, row.info.name);
                sheet.text(r, 1, m.columns[col].path);
                sheet.text(r, 2, link.document);
                sheet.number(r, 3, static_cast<double>(link.start));
                sheet.number(r, 4, static_cast<double>(link.end));
                sheet.text(r, 5, link.speaker);
                sheet.text(r, 6, link.time_ms ? format_media_time(*link.time_ms) : "");
                sheet.text(r, 7, link.coder);
                sheet.text(r, 8, link.quote);
                sheet.text(r, 9, to_string(link.status));
                sheet.text(r, 10, reference);
                ++r;
            }
    sheet.autofilter(0, 0, r > 1 ? r - 1 : 1, static_cast<std::uint16_t>(columns.size() - 1));
}

}  // namespace

void write_matrix_xlsx(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options) {
    FrameworkMatrix storage;
    const FrameworkMatrix& shown = shown_matrix(matrix, options.attributes, storage);
    const Paper paper = options.paper_or_locale();
    produce_file_atomic(out, [&](const std::filesystem::path& temp) {
        xlsx::Workbook book(temp, out.string());
        write_matrix_sheet(book, shown, paper);
        write_quotes_sheet(book, shown, paper);
        book.close();
    });
}

}  // namespace npt
