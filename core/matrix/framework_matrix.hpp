// framework_matrix.hpp — framework matrices (Gale et al. 2013): named charts stored in the project
// with one row per case, one column per chosen code, and in each cell the analyst's summary plus
// links to the coded segments (quotes) it rests on.
//
// Rows are every case in the project, sorted by the matrix's group-by attributes (outermost
// first) and then by case name. A column's code matches its own codings and those of every code
// below it, so a "Coherence" column gathers its four sub-constructs too. Which codes are columns
// is the caller's choice: the core knows no theory.
//
// Drafting fills each cell the analyst has not touched with the case's coded segments for that
// column; set-cell, link and unlink mark a cell edited, and draft never changes an edited cell.
// A link keeps a snapshot of its quote, so a cell whose linked coding was later deleted or
// changed still shows what it said, flagged as such.
//
// Offsets are Unicode code points, end-exclusive. Every mutation is one undoable action.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

struct MatrixInfo {
    MatrixId id;
    std::string name;
    std::string description;
    std::vector<std::string> group_by;  // attribute names, outermost group first
    std::string created;
    std::string modified;
    std::string guid;
};

struct MatrixColumn {
    CodeId code_id;
    std::string path;  // code path, e.g. "Coherence/Differentiation"
    std::string name;  // the code's own name
    std::string colour;
};

// Whether a link still matches the coding it was made from.
enum class LinkStatus {
    Current,  // the coding exists with the linked span
    Changed,  // the coding exists but was shrunk, split or grown since it was linked
    Deleted,  // the coding (or its whole document) was deleted; the quote is the snapshot
};
const char* to_string(LinkStatus status);

struct MatrixLink {
    MatrixLinkId id;
    std::optional<CodingId> coding_id;  // empty once the coding was deleted
    std::string document;         // document name; empty once the document was deleted
    std::int64_t start = 0;       // code points, as linked
    std::int64_t end = 0;
    std::string quote;            // the linked text as it was when linked
    std::string coder;            // who made the coding; empty once deleted
    std::string speaker;          // speaker of the turn holding `start`, when the document has turns
    std::optional<std::int64_t> time_ms;  // media time of that turn, when the source had it
    LinkStatus status = LinkStatus::Current;
};

struct MatrixCell {
    std::string summary;  // the analyst's text
    bool edited = false;  // the analyst changed this cell: draft leaves it alone
    std::vector<MatrixLink> links;
    bool empty() const { return summary.empty() && links.empty(); }
};

struct MatrixRow {
    Case info;
    std::vector<std::string> attributes;  // one value per FrameworkMatrix::attributes ("" when unset)
    std::vector<MatrixCell> cells;        // one per FrameworkMatrix::columns
};

// A matrix as shown and exported.
struct FrameworkMatrix {
    MatrixInfo info;
    std::vector<std::string> attributes;  // attribute columns: group-by attributes first, then the rest
    std::vector<MatrixColumn> columns;
    std::vector<MatrixRow> rows;
    // Values of the group-by attributes for a row (the first info.group_by.size() attributes).
    std::vector<std::string> group_of(const MatrixRow& row) const;
};

struct NewMatrix {
    std::string name;
    std::string description;
    std::vector<std::string> codes;     // column code paths, in order (at least one)
    std::vector<std::string> group_by;  // attribute names
};

// Creates a matrix (one action) with the given columns (the CLI and GUI resolve default ones, such
// as NPT's constructs, from the codebook: codebook/npt_constructs.hpp). Throws InputError for an
// empty or taken name, a repeated column, or no columns at all; NotFoundError for an unknown
// code or attribute.
MatrixInfo create_matrix(Project& project, const NewMatrix& matrix);

std::vector<MatrixInfo> list_matrices(Project& project);  // by name
std::optional<MatrixInfo> find_matrix(Project& project, const std::string& name);
MatrixInfo require_matrix(Project& project, const std::string& name);  // NotFoundError
MatrixInfo matrix_by_id(Project& project, MatrixId id);                // NotFoundError
// Renames a matrix (one action), keeping its columns, cells and links. Throws InputError for an
// empty name or one another matrix has; NotFoundError when the matrix is missing. Renaming to
// its own name changes nothing.
MatrixInfo rename_matrix(Project& project, MatrixId matrix, const std::string& name);
// Deletes a matrix with its cells and links (one action). NotFoundError when missing.
void delete_matrix(Project& project, MatrixId matrix);

// The matrix's columns in order (codes deleted since are gone).
std::vector<MatrixColumn> matrix_columns(Project& project, MatrixId matrix_id);

// Reads the whole matrix: every case as a row, every column, stored cells with their links
// (missing cells are empty). NotFoundError when the matrix is missing.
FrameworkMatrix load_matrix(Project& project, const std::string& name);

// ---- drafting and editing (matrix_draft.cpp, matrix_cells.cpp) ----------------------------------

struct DraftOptions {
    std::vector<std::string> coders;  // only codings by these coders (e.g. the consensus coder); empty = all
};

struct DraftResult {
    int filled = 0;        // cells (re)drafted with at least one segment
    int unchanged = 0;     // untouched cells whose draft was already up to date
    int kept_edited = 0;   // cells the analyst edited, left alone
    int without_segments = 0;  // cells with nothing to draft from
    int links = 0;         // links written
};

// Fills every cell the analyst has not edited with the case's coded segments for that column
// (the column's code and its descendants, in documents linked to the case), in document order.
// The same span coded by several coders is linked once. One action; edited cells never change.
// NotFoundError for an unknown matrix or coder.
DraftResult draft_matrix(Project& project, MatrixId matrix, const DraftOptions& options = {});

// A cell is named by its matrix, its row's case and its column's code.
// Sets a cell's summary and marks it edited (one action). NotFoundError for an unknown matrix,
// case or code; InputError when the code is not one of the matrix's columns.
void set_cell_summary(Project& project, MatrixId matrix, CaseId case_id, CodeId code, const std::string& summary);
// Links a coding to a cell, snapshotting its text, and marks the cell edited. Returns the link's
// id. InputError when the coding is not in one of the case's documents or is already linked
// there; NotFoundError for an unknown matrix, case, code or coding.
MatrixLinkId link_coding(Project& project, MatrixId matrix, CaseId case_id, CodeId code, CodingId coding_id);
// Removes links from a cell: the link with `link_id`, or every link to `coding_id`. Marks the cell
// edited. Returns how many were removed; NotFoundError when none matched.
int unlink_from_cell(Project& project, MatrixId matrix, CaseId case_id, CodeId code, std::optional<MatrixLinkId> link_id,
                     std::optional<CodingId> coding_id);
// Empties a cell and clears its edited mark, handing it back to draft. Returns false if it was
// already empty and unedited.
bool reset_cell(Project& project, MatrixId matrix, CaseId case_id, CodeId code);

}  // namespace npt
