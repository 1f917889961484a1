// matrix_html.cpp — a framework matrix as one self-contained, printable HTML page: rows grouped
// by the matrix's group-by attributes, each cell the summary followed by its quotes. The table has
// a fixed layout whose column widths sum to 100% of the page, and words wrap inside their cell, so
// every column prints on one landscape page width (A4 or US Letter).
#include <fmt/format.h>

#include "exporters/html_page.hpp"
#include "exporters/matrix_attributes.hpp"
#include "exporters/matrix_export.hpp"

namespace npt {
namespace {

constexpr const char* kMatrixCss = R"CSS(
table.matrix { table-layout: fixed; width: 100%; }
table.matrix th, table.matrix td { overflow-wrap: anywhere; word-wrap: break-word; hyphens: auto; }
tr.group th { background: #dde5ee; font-size: 1.05em; }
td .summary { margin: 0 0 .4em 0; }
td blockquote { margin-left: 0; }
.stale { color: #9b2c2c; font-weight: bold; }
@media print { table.matrix tr { page-break-inside: auto; } body { font-size: 8pt; } }
)CSS";

std::string page_css(Paper paper) {
    return std::string(kMatrixCss) + "@page { size: " + (paper == Paper::Letter ? "letter" : "A4") + " landscape; margin: 12mm; }\n";
}

// <colgroup> with one width per column, in percent, summing to exactly 100.
std::string colgroup(const FrameworkMatrix& m) {
    std::vector<double> shares = matrix_column_shares(m);
    std::string out = "<colgroup>";
    int used = 0;  // tenths of a percent
    for (std::size_t i = 0; i < shares.size(); ++i) {
        int tenths = i + 1 == shares.size() ? 1000 - used : static_cast<int>(shares[i] * 1000 + 0.5);
        used += tenths;
        out += fmt::format("<col style=\"width:{}.{}%\">", tenths / 10, tenths % 10);
    }
    return out + "</colgroup>\n";
}

std::string group_label(const FrameworkMatrix& m, const MatrixRow& row) {
    std::string label;
    auto values = m.group_of(row);
    for (std::size_t i = 0; i < values.size(); ++i)
        label += (i ? " · " : "") + m.info.group_by[i] + ": " + (values[i].empty() ? "(not set)" : values[i]);
    return label;
}

std::string cell_html(const MatrixCell& cell) {
    std::string out;
    if (!cell.summary.empty()) out += "<p class=\"summary\" dir=\"auto\">" + html::escape_multiline(cell.summary) + "</p>";
    for (const MatrixLink& link : cell.links) {
        out += "<blockquote dir=\"auto\">" + html::escape_multiline(link.quote) + "</blockquote>";
        out += "<div class=\"ref\">" + html::escape(link_reference(link));
        if (link.status == LinkStatus::Deleted) out += " <span class=\"stale\">coding deleted</span>";
        if (link.status == LinkStatus::Changed) out += " <span class=\"stale\">coding changed since linked</span>";
        out += "</div>";
    }
    return out;
}

}  // namespace

std::string matrix_html(const FrameworkMatrix& matrix, const ExportOptions& options) {
    FrameworkMatrix storage;
    const FrameworkMatrix& m = shown_matrix(matrix, options.attributes, storage);
    html::Page page("Framework matrix: " + m.info.name, page_css(options.paper_or_locale()));
    page.heading(1, "Framework matrix: " + m.info.name);
    if (!m.info.description.empty()) page.paragraph(m.info.description);
    std::string about = std::to_string(m.rows.size()) + " cases × " + std::to_string(m.columns.size()) + " codes.";
    if (!m.info.group_by.empty()) {
        about += " Rows grouped by ";
        for (std::size_t i = 0; i < m.info.group_by.size(); ++i) about += (i ? ", " : "") + m.info.group_by[i];
        about += ".";
    }
    about += " Each quote's reference gives the document, its span in characters (code points), and the speaker and "
             "time where known.";
    page.raw("<p class=\"muted\">" + html::escape(about) + "</p>\n");

    const std::size_t width = 1 + m.attributes.size() + m.columns.size();
    std::string table = "<table class=\"matrix\">\n" + colgroup(m) + "<thead><tr><th class=\"case\">Case</th>";
    for (const std::string& a : m.attributes) table += "<th>" + html::escape(a) + "</th>";
    for (const MatrixColumn& c : m.columns) table += "<th>" + html::swatch(c.colour) + html::escape(c.path) + "</th>";
    table += "</tr></thead>\n<tbody>\n";
    std::string last_group;
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        const MatrixRow& row = m.rows[r];
        if (!m.info.group_by.empty()) {
            std::string group = group_label(m, row);
            if (r == 0 || group != last_group)
                table += "<tr class=\"group\"><th colspan=\"" + std::to_string(width) + "\">" + html::escape(group) + "</th></tr>\n";
            last_group = group;
        }
        table += "<tr><th class=\"case\">" + html::escape(row.info.name) + "</th>";
        for (const std::string& v : row.attributes) table += "<td dir=\"auto\">" + html::escape(v) + "</td>";
        for (const MatrixCell& cell : row.cells) table += "<td>" + cell_html(cell) + "</td>";
        table += "</tr>\n";
    }
    table += "</tbody>\n</table>\n";
    page.raw(table);
    return page.finish();
}

}  // namespace npt
