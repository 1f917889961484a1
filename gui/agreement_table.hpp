// agreement_table.hpp — what the agreement view's table shows, as plain data a test can read: one
// row per code of the core's AgreementReport placed in the codebook's tree (a construct row folds
// open to its sub-constructs; a construct the report has no row for is a heading with no
// numbers), the overall row and the per-document rows, each cell formatted as the view draws it,
// a sort key per cell, and the colour band Krippendorff (2004, p. 241) names for the row's alpha:
// alpha >= .800 reliable, .667 <= alpha < .800 tentative conclusions only, below .667 unreliable.
// Nothing here computes a statistic: every number is the report's.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/agreement/coding_agreement.hpp"
#include "core/model/model.hpp"

namespace npt::gui {

enum class AlphaBand { Reliable, Tentative, Unreliable, Undefined };
AlphaBand alpha_band(const std::optional<double>& alpha);
const char* band_name(AlphaBand band);  // "alpha >= .800 (reliable)"...

struct AgreementColumn {
    std::string header;
    std::string tooltip;
};

struct AgreementTableRow {
    std::string label;  // the code's own name, "Overall", or the document's name
    std::string path;   // the code's path ("" for the overall and document rows)
    int depth = 0;
    int parent = -1;    // index into AgreementTable::codes, -1 at the top
    bool has_children = false;
    bool heading = false;  // a construct above reported codes with no row of its own
    std::vector<std::string> cells;  // one per column, "—" where a statistic is undefined
    std::vector<double> keys;        // sort keys; NaN where undefined
    AlphaBand band = AlphaBand::Undefined;
};

struct AgreementTable {
    std::vector<AgreementColumn> columns;  // after the name column
    std::vector<AgreementTableRow> codes;  // tree order: a row's parent comes before it
    AgreementTableRow overall;
    std::vector<AgreementTableRow> documents;
    // Index of a column by header, or -1.
    int column(const std::string& header) const;
};

// The table for a report. `codebook` (tree order, as list_codes gives it) places codes under their
// constructs; `bootstrap` adds the alpha interval column.
AgreementTable make_agreement_table(const agreement::AgreementReport& report, const std::vector<Code>& codebook,
                                    bool bootstrap);

// Rows of table.codes to draw, in order: siblings sorted by column `sort_column` (-1: tree order),
// children under their parent, and nothing below a row whose path is in `closed`. Undefined
// values sort last either way.
std::vector<int> visible_code_rows(const AgreementTable& table, int sort_column, bool ascending,
                                   const std::set<std::string>& closed);

// "0.812" / "—": how the view shows a statistic (three decimals, as the HTML report).
std::string format_statistic(const std::optional<double>& x);

}  // namespace npt::gui
