// matrix_markdown.cpp — a framework matrix as Markdown: a pipe table per group of rows (or one
// table when the matrix is not grouped), each cell the summary followed by its quotes.
#include "exporters/markdown_text.hpp"
#include "exporters/matrix_export.hpp"

namespace npt {
namespace {

std::string table_head(const FrameworkMatrix& m) {
    std::string out = "|", rule = "|";
    for (const std::string& h : matrix_header(m)) {
        out += " " + md::escape_cell(h) + " |";
        rule += " --- |";
    }
    return out + "\n" + rule + "\n";
}

}  // namespace

std::string matrix_markdown(const FrameworkMatrix& m) {
    std::string out = "# Framework matrix: " + md::escape(m.info.name) + "\n\n";
    if (!m.info.description.empty()) out += md::escape(m.info.description) + "\n\n";
    out += std::to_string(m.rows.size()) + " cases × " + std::to_string(m.columns.size()) +
           " codes. Quote references give the document, its span in characters (code points), and the speaker and "
           "time where known.\n\n";
    std::vector<std::string> last_group;
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        const MatrixRow& row = m.rows[r];
        std::vector<std::string> group = m.group_of(row);
        if (r == 0 || group != last_group) {
            if (!m.info.group_by.empty()) {
                out += r == 0 ? "## " : "\n## ";
                for (std::size_t i = 0; i < group.size(); ++i)
                    out += (i ? " · " : "") + md::escape(m.info.group_by[i]) + ": " +
                           (group[i].empty() ? std::string("(not set)") : md::escape(group[i]));
                out += "\n\n";
            }
            if (r == 0 || !m.info.group_by.empty()) out += table_head(m);
            last_group = group;
        }
        out += "| " + md::escape_cell(row.info.name) + " |";
        for (const std::string& v : row.attributes) out += " " + md::escape_cell(v) + " |";
        for (const MatrixCell& cell : row.cells) out += " " + md::escape_cell(matrix_cell_text(cell)) + " |";
        out += "\n";
    }
    if (m.rows.empty()) out += table_head(m);
    return out;
}

}  // namespace npt
