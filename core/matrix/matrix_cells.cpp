// matrix_cells.cpp — the analyst's edits to one framework matrix cell: summary text, links to
// coded segments, and handing a cell back to draft. Each edit marks the cell edited so that
// draft_matrix() never overwrites it.
#include <algorithm>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {
namespace {

struct CellRef {
    MatrixId matrix_id;
    CaseId case_id;
    CodeId code_id;
    std::string case_name;
    std::string code_path;
    std::string label;  // "matrix 'M', case 'P01', code 'Coherence'" for messages
};

// The cell's names, for labels and messages. Throws NotFoundError for an unknown matrix, case or
// code, InputError when the code is not one of the matrix's columns.
CellRef resolve(Project& project, MatrixId matrix_id, CaseId case_id, CodeId code_id) {
    MatrixInfo m = matrix_by_id(project, matrix_id);
    Case c = case_by_id(project, case_id);
    Code code = code_by_id(project, code_id);
    auto columns = matrix_columns(project, m.id);
    bool is_column = std::any_of(columns.begin(), columns.end(), [&](const MatrixColumn& col) { return col.code_id == code.id; });
    if (!is_column) throw InputError("matrix '" + m.name + "': code '" + code.path + "' is not one of its columns");
    return {m.id, c.id, code.id, c.name, code.path, "matrix '" + m.name + "', case '" + c.name + "', code '" + code.path + "'"};
}

// Cells are rows of matrix_cell; their ids never leave this file.
std::optional<std::int64_t> find_cell(Project& project, const CellRef& ref) {
    sqlite::Statement st(project.db(), "SELECT id FROM matrix_cell WHERE matrix_id = ? AND case_id = ? AND code_id = ?");
    st.bind(1, ref.matrix_id).bind(2, ref.case_id).bind(3, ref.code_id);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

// The cell's id, creating an empty cell when there is none. Marks it edited.
std::int64_t edit_cell(Project& project, const CellRef& ref) {
    std::string now = project.now();
    std::int64_t id = 0;
    if (auto existing = find_cell(project, ref)) {
        id = *existing;
        sqlite::Statement st(project.db(), "UPDATE matrix_cell SET edited = 1, modified = ? WHERE id = ?");
        st.bind(1, now).bind(2, id).run();
    } else {
        sqlite::Statement st(project.db(),
                             "INSERT INTO matrix_cell(matrix_id, case_id, code_id, summary, edited, modified) "
                             "VALUES(?, ?, ?, '', 1, ?)");
        st.bind(1, ref.matrix_id).bind(2, ref.case_id).bind(3, ref.code_id).bind(4, now).run();
        id = project.db().last_insert_rowid();
    }
    sqlite::Statement touch(project.db(), "UPDATE framework_matrix SET modified = ? WHERE id = ?");
    touch.bind(1, now).bind(2, ref.matrix_id).run();
    return id;
}

}  // namespace

void set_cell_summary(Project& project, MatrixId matrix, CaseId case_id, CodeId code, const std::string& summary) {
    CellRef ref = resolve(project, matrix, case_id, code);
    project.action("Edit matrix cell " + ref.case_name + " / " + ref.code_path, [&] {
        std::int64_t id = edit_cell(project, ref);
        sqlite::Statement st(project.db(), "UPDATE matrix_cell SET summary = ? WHERE id = ?");
        st.bind(1, text::to_nfc(summary)).bind(2, id).run();
    });
}

MatrixLinkId link_coding(Project& project, MatrixId matrix, CaseId case_id, CodeId code, CodingId coding_id) {
    CellRef ref = resolve(project, matrix, case_id, code);
    return project.action("Link quote to " + ref.case_name + " / " + ref.code_path, [&] {
        Coding coding = coding_by_id(project, coding_id);
        DocumentInfo doc = document_info(project, coding.document_id);
        auto docs = documents_of_case(project, ref.case_id);
        if (std::find(docs.begin(), docs.end(), coding.document_id) == docs.end())
            throw InputError(ref.label + ": coding " + to_string(coding_id) + " is in " + doc.name +
                             ", which is not one of the case's documents");
        std::int64_t cell = edit_cell(project, ref);
        {
            sqlite::Statement dup(project.db(), "SELECT count(*) FROM matrix_link WHERE cell_id = ? AND coding_id = ?");
            dup.bind(1, cell).bind(2, coding_id);
            dup.step();
            if (dup.int64(0) > 0)
                throw InputError(ref.label + ": coding " + to_string(coding_id) + " is already linked there");
        }
        std::string text = document_text(project, doc.id);
        text::CodePointIndex index(text);
        std::string quote(index.slice(static_cast<std::size_t>(coding.start), static_cast<std::size_t>(coding.end)));
        std::int64_t position = 0;
        {
            sqlite::Statement pos(project.db(), "SELECT ifnull(max(position) + 1, 0) FROM matrix_link WHERE cell_id = ?");
            pos.bind(1, cell);
            pos.step();
            position = pos.int64(0);
        }
        sqlite::Statement st(project.db(),
                             "INSERT INTO matrix_link(cell_id, coding_id, document_id, start, end, quote, position) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, cell).bind(2, coding_id).bind(3, doc.id).bind(4, coding.start).bind(5, coding.end);
        st.bind(6, quote).bind(7, position).run();
        return MatrixLinkId{project.db().last_insert_rowid()};
    });
}

int unlink_from_cell(Project& project, MatrixId matrix, CaseId case_id, CodeId code, std::optional<MatrixLinkId> link_id,
                     std::optional<CodingId> coding_id) {
    if (!link_id && !coding_id) throw InputError("say which link to remove: a link id or a coding id");
    CellRef ref = resolve(project, matrix, case_id, code);
    return project.action("Unlink quote from " + ref.case_name + " / " + ref.code_path, [&] {
        auto cell = find_cell(project, ref);
        int removed = 0;
        if (cell) {
            sqlite::Statement st(project.db(),
                                 link_id ? "DELETE FROM matrix_link WHERE cell_id = ? AND id = ?"
                                         : "DELETE FROM matrix_link WHERE cell_id = ? AND coding_id = ?");
            st.bind(1, *cell).bind(2, link_id ? link_id->value : coding_id->value).run();
            removed = project.db().changes();
        }
        if (removed == 0)
            throw NotFoundError(ref.label + ": no link " +
                                (link_id ? "with id " + to_string(*link_id) : "to coding " + to_string(*coding_id)));
        edit_cell(project, ref);
        return removed;
    });
}

bool reset_cell(Project& project, MatrixId matrix, CaseId case_id, CodeId code) {
    CellRef ref = resolve(project, matrix, case_id, code);
    return project.action("Reset matrix cell " + ref.case_name + " / " + ref.code_path, [&] {
        auto cell = find_cell(project, ref);
        if (!cell) return false;
        sqlite::Statement st(project.db(), "DELETE FROM matrix_cell WHERE id = ?");
        st.bind(1, *cell).run();
        return true;
    });
}

}  // namespace npt
