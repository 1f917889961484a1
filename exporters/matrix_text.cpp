// matrix_text.cpp — a linked quote's reference, a framework matrix cell as plain text, the header
// row, the columns' shares of a page, the CSV writer, and the dispatcher choosing a writer by file
// extension.
#include <algorithm>

#include "core/text/csv.hpp"
#include "core/text/media_time.hpp"
#include "core/store/file_io.hpp"
#include "exporters/matrix_attributes.hpp"
#include "exporters/matrix_export.hpp"

namespace npt {

std::string link_reference(const MatrixLink& link) {
    std::string out = link.document.empty() ? "(deleted document)" : link.document;
    out += " " + std::to_string(link.start) + "-" + std::to_string(link.end);
    if (!link.speaker.empty()) out += ", " + link.speaker;
    if (link.time_ms) out += ", " + format_media_time(*link.time_ms);
    return out;
}

std::string matrix_quote_line(const MatrixLink& link) {
    std::string out = "\xE2\x80\x9C" + link.quote + "\xE2\x80\x9D (" + link_reference(link);
    if (link.status == LinkStatus::Deleted) out += "; coding deleted";
    if (link.status == LinkStatus::Changed) out += "; coding changed since linked";
    return out + ")";
}

std::string matrix_cell_text(const MatrixCell& cell) {
    std::string out = cell.summary;
    for (std::size_t i = 0; i < cell.links.size(); ++i) {
        if (!out.empty()) out += i == 0 ? "\n\n" : "\n";
        out += matrix_quote_line(cell.links[i]);
    }
    return out;
}

std::vector<std::string> matrix_header(const FrameworkMatrix& matrix) {
    std::vector<std::string> header{"Case"};
    header.insert(header.end(), matrix.attributes.begin(), matrix.attributes.end());
    for (const MatrixColumn& c : matrix.columns) header.push_back(c.path);
    return header;
}

std::vector<double> matrix_column_shares(const FrameworkMatrix& matrix) {
    const std::size_t attributes = matrix.attributes.size(), codes = matrix.columns.size();
    // In units of one code column: the case column takes 0.5 and each attribute 0.4, but together
    // they never take more than a third of the page while there are code columns.
    double fixed_units = 0.5 + 0.4 * static_cast<double>(attributes);
    double code_units = static_cast<double>(codes);
    if (codes > 0 && fixed_units > code_units / 2) fixed_units = code_units / 2;
    const double total = fixed_units + code_units;
    const double case_share = 0.5 / (0.5 + 0.4 * static_cast<double>(attributes)) * fixed_units / total;
    const double attribute_share = attributes ? (fixed_units / total - case_share) / static_cast<double>(attributes) : 0;
    std::vector<double> shares{case_share};
    shares.insert(shares.end(), attributes, attribute_share);
    shares.insert(shares.end(), codes, 1.0 / total);
    return shares;
}

std::string matrix_csv(const FrameworkMatrix& matrix, bool excel_bom, csv::Cells cells) {
    std::string out = excel_bom ? "\xEF\xBB\xBF" : "";
    out += csv::format_row(matrix_header(matrix), ',', cells);
    for (const MatrixRow& row : matrix.rows) {
        std::vector<std::string> fields{row.info.name};
        fields.insert(fields.end(), row.attributes.begin(), row.attributes.end());
        for (const MatrixCell& cell : row.cells) fields.push_back(matrix_cell_text(cell));
        out += csv::format_row(fields, ',', cells);
    }
    return out;
}

void write_matrix_csv(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options) {
    FrameworkMatrix storage;
    write_file_atomic(out, matrix_csv(shown_matrix(matrix, options.attributes, storage), options.excel_bom,
                                      options.raw_cells ? csv::Cells::Raw : csv::Cells::Neutralised));
}

void write_matrix_html(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options) {
    write_file_atomic(out, matrix_html(matrix, options));
}

void write_matrix_markdown(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options) {
    FrameworkMatrix storage;
    write_file_atomic(out, matrix_markdown(shown_matrix(matrix, options.attributes, storage)));
}

void export_matrix(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options) {
    switch (export_format_of(out)) {
        case ExportFormat::Xlsx: return write_matrix_xlsx(matrix, out, options);
        case ExportFormat::Csv: return write_matrix_csv(matrix, out, options);
        case ExportFormat::Html: return write_matrix_html(matrix, out, options);
        case ExportFormat::Markdown: return write_matrix_markdown(matrix, out, options);
        case ExportFormat::Docx: return write_matrix_docx(matrix, out, options);
    }
}

}  // namespace npt
