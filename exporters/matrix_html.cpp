// matrix_html.cpp — a framework matrix as one self-contained, printable HTML page: rows grouped
// by the matrix's group-by attributes, each cell the summary followed by its quotes.
#include "exporters/html_page.hpp"
#include "exporters/matrix_export.hpp"

namespace npt {
namespace {

constexpr const char* kMatrixCss = R"CSS(
table.matrix td { min-width: 12em; }
table.matrix th.case { white-space: nowrap; }
tr.group th { background: #dde5ee; font-size: 1.05em; }
td .summary { margin: 0 0 .4em 0; }
.stale { color: #9b2c2c; font-weight: bold; }
@page { size: A4 landscape; margin: 12mm; }
)CSS";

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

std::string matrix_html(const FrameworkMatrix& m) {
    html::Page page("Framework matrix: " + m.info.name, kMatrixCss);
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
    std::string table = "<table class=\"matrix\">\n<thead><tr><th class=\"case\">Case</th>";
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
