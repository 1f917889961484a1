// matrix_xlsx.cpp — a framework matrix as an Excel workbook: the matrix sheet and a sheet of the
// linked quotes with their references, streamed row by row (constant memory).
#include "core/store/file_io.hpp"
#include "core/text/media_time.hpp"
#include "exporters/matrix_export.hpp"
#include "exporters/xlsx_workbook.hpp"

namespace npt {
namespace {

void write_matrix_sheet(xlsx::Workbook& book, const FrameworkMatrix& m) {
    xlsx::Sheet sheet = book.add_sheet("Matrix");
    const auto first_code = static_cast<std::uint16_t>(1 + m.attributes.size());
    sheet.column_width(0, 0, 16);
    if (!m.attributes.empty()) sheet.column_width(1, static_cast<std::uint16_t>(first_code - 1), 14);
    if (!m.columns.empty())
        sheet.column_width(first_code, static_cast<std::uint16_t>(first_code + m.columns.size() - 1), 48);
    sheet.freeze(1, first_code);
    sheet.print_landscape(1);
    std::vector<std::string> header = matrix_header(m);
    for (std::size_t c = 0; c < header.size(); ++c) sheet.text(0, static_cast<std::uint16_t>(c), header[c], xlsx::Style::Header);
    std::uint32_t r = 1;
    for (const MatrixRow& row : m.rows) {
        std::uint16_t c = 0;
        sheet.text(r, c++, row.info.name, xlsx::Style::Header);
        for (const std::string& value : row.attributes) sheet.text(r, c++, value);
        for (const MatrixCell& cell : row.cells) sheet.text(r, c++, matrix_cell_text(cell));
        ++r;
    }
}

void write_quotes_sheet(xlsx::Workbook& book, const FrameworkMatrix& m) {
    xlsx::Sheet sheet = book.add_sheet("Quotes");
    const std::vector<std::pair<std::string, double>> columns = {
        {"Case", 14}, {"Code", 28}, {"Document", 18}, {"Start", 8}, {"End", 8}, {"Speaker", 14},
        {"Time", 9},  {"Coder", 12}, {"Quote", 70},   {"Status", 10}, {"Reference", 34}};
    for (std::size_t c = 0; c < columns.size(); ++c) {
        sheet.column_width(static_cast<std::uint16_t>(c), static_cast<std::uint16_t>(c), columns[c].second);
        sheet.text(0, static_cast<std::uint16_t>(c), columns[c].first, xlsx::Style::Header);
    }
    sheet.freeze(1, 0);
    std::uint32_t r = 1;
    for (const MatrixRow& row : m.rows)
        for (std::size_t col = 0; col < m.columns.size(); ++col)
            for (const MatrixLink& link : row.cells[col].links) {
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
                sheet.text(r, 10, link_reference(link));
                ++r;
            }
    sheet.autofilter(0, 0, r > 1 ? r - 1 : 1, static_cast<std::uint16_t>(columns.size() - 1));
}

}  // namespace

void write_matrix_xlsx(const FrameworkMatrix& matrix, const std::filesystem::path& out) {
    produce_file_atomic(out, [&](const std::filesystem::path& temp) {
        xlsx::Workbook book(temp, out.string());
        write_matrix_sheet(book, matrix);
        write_quotes_sheet(book, matrix);
        book.close();
    });
}

}  // namespace npt
