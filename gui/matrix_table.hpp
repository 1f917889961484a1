// matrix_table.hpp — how the framework matrix window lays its table out: one line per case, with
// a group header line wherever the group-by attributes' values change (load_matrix already sorts
// rows by them), the few words under each cell ("3 quotes, 1 stale"), and the pages of columns
// (ImGui 1.86 tables hold at most 64 columns, so a wider matrix is shown a page at a time).
#pragma once
#include <string>
#include <vector>

#include "core/matrix/framework_matrix.hpp"

namespace npt::gui {

// Code columns on one page of the table (the case column makes one more).
inline constexpr int kMatrixPageColumns = 48;

// One line of the table: a group header, or a case's row.
struct MatrixLine {
    int row = -1;       // index into FrameworkMatrix::rows; -1 for a group header
    std::string label;  // a group header's text: "group: Hub staff (4 cases)"; "(no group)" when unset
};

// The table's lines for `matrix`: with no group-by attributes, its rows alone.
std::vector<MatrixLine> matrix_lines(const FrameworkMatrix& matrix);

// Links of a cell whose coding was changed or deleted since it was linked.
int stale_links(const MatrixCell& cell);
// "2 quotes", "1 quote, 1 stale", "no quotes".
std::string quote_count_label(const MatrixCell& cell);

// The number of column pages for `columns` code columns (at least one).
int matrix_column_pages(std::size_t columns);

}  // namespace npt::gui
