// matrix_docx.cpp — a framework matrix as a Word document: one table of cases × columns whose
// header row repeats on every page, group headings as full-width shaded rows, each cell the
// summary then its quotes with their references; landscape pages for a matrix wider than three
// columns.
#include "exporters/docx_document.hpp"
#include "exporters/matrix_attributes.hpp"
#include "exporters/matrix_export.hpp"

namespace npt {
namespace {

std::string group_label(const FrameworkMatrix& m, const MatrixRow& row) {
    std::string label;
    auto values = m.group_of(row);
    for (std::size_t i = 0; i < values.size(); ++i)
        label += (i ? " · " : "") + m.info.group_by[i] + ": " + (values[i].empty() ? "(not set)" : values[i]);
    return label;
}

docx::Cell matrix_cell(const MatrixCell& cell) {
    docx::Cell out;
    if (!cell.summary.empty()) out.paragraphs.push_back({{{cell.summary}}, ""});
    for (const MatrixLink& link : cell.links) {
        out.paragraphs.push_back({{{"\xE2\x80\x9C" + link.quote + "\xE2\x80\x9D"}}, "Quote"});
        docx::Paragraph reference{{{link_reference(link)}}, "Reference"};
        if (link.status == LinkStatus::Deleted) reference.runs.push_back({" coding deleted", true});
        if (link.status == LinkStatus::Changed) reference.runs.push_back({" coding changed since linked", true});
        out.paragraphs.push_back(std::move(reference));
    }
    return out;
}

}  // namespace

void write_matrix_docx(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options) {
    FrameworkMatrix storage;
    const FrameworkMatrix& m = shown_matrix(matrix, options.attributes, storage);
    docx::Table table;
    table.header = matrix_header(m);
    table.widths = matrix_column_shares(m);
    const auto orientation = table.header.size() > 3 ? docx::Orientation::Landscape : docx::Orientation::Portrait;
    docx::Document doc("Framework matrix: " + m.info.name, options.paper_or_locale(), orientation);
    doc.title("Framework matrix: " + m.info.name);
    if (!m.info.description.empty()) doc.paragraph(m.info.description);
    std::string about = std::to_string(m.rows.size()) + " cases × " + std::to_string(m.columns.size()) + " codes.";
    if (!m.info.group_by.empty()) {
        about += " Rows grouped by ";
        for (std::size_t i = 0; i < m.info.group_by.size(); ++i) about += (i ? ", " : "") + m.info.group_by[i];
        about += ".";
    }
    about += " Each quote's reference gives the document, its span in characters (code points), and the speaker and "
             "time where known.";
    doc.paragraph(about, "Reference");

    std::string last_group;
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        const MatrixRow& row = m.rows[r];
        if (!m.info.group_by.empty()) {
            std::string group = group_label(m, row);
            if (r == 0 || group != last_group) {
                docx::Cell heading{{{{{group, true}}, ""}}, "DDE5EE", static_cast<int>(table.header.size())};
                table.rows.push_back({heading});
            }
            last_group = group;
        }
        std::vector<docx::Cell> cells;
        cells.push_back(docx::Cell{{{{{row.info.name, true}}, ""}}, "", 1});
        for (const std::string& v : row.attributes) cells.push_back(docx::text_cell(v));
        for (const MatrixCell& cell : row.cells) cells.push_back(matrix_cell(cell));
        table.rows.push_back(std::move(cells));
    }
    doc.table(table);
    doc.write(out);
}

}  // namespace npt
