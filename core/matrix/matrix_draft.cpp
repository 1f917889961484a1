// matrix_draft.cpp — drafting a framework matrix: each cell the analyst has not edited gets links
// to the case's coded segments for its column, ready to be summarised.
#include <map>
#include <memory>
#include <unordered_map>

#include "core/detail/db_access.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {
namespace {

struct DraftLink {
    CodingId coding_id;
    DocumentId document_id;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string quote;
    bool same_place(const DraftLink& o) const {
        return document_id == o.document_id && start == o.start && end == o.end;
    }
    bool operator==(const DraftLink& o) const { return coding_id == o.coding_id && same_place(o) && quote == o.quote; }
};

struct StoredCell {
    std::int64_t id = 0;  // matrix_cell rowid
    bool edited = false;
    std::vector<DraftLink> links;
};

using CellKey = std::pair<CaseId, CodeId>;  // case id, column code id

std::string id_list_json(const std::vector<CoderId>& ids) {
    std::string json = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) json += (i ? "," : "") + to_string(ids[i]);
    return json + "]";
}

// Every matching segment, bucketed by cell, in document order, one link per distinct span.
std::map<CellKey, std::vector<DraftLink>> gather(Project& project, const std::vector<MatrixColumn>& columns,
                                                 const std::vector<CoderId>& coder_ids) {
    std::unordered_map<CodeId, std::vector<CodeId>> columns_of_code;  // code id -> column code ids it counts for
    for (const MatrixColumn& col : columns)
        for (CodeId id : code_and_descendants(project, col.code_id)) columns_of_code[id].push_back(col.code_id);

    std::string sql =
        "SELECT cd.case_id, c.id, c.document_id, c.code_id, c.start, c.end FROM coding c "
        "JOIN case_document cd ON cd.document_id = c.document_id JOIN document d ON d.id = c.document_id ";
    if (!coder_ids.empty()) sql += "WHERE c.coder_id IN (SELECT value FROM json_each(?)) ";
    sql += "ORDER BY d.name, c.document_id, c.start, c.end, c.id";
    sqlite::Statement st(project.db(), sql);
    if (!coder_ids.empty()) st.bind(1, id_list_json(coder_ids));

    std::map<CellKey, std::vector<DraftLink>> out;
    DocumentId loaded_doc;
    std::string text;
    std::unique_ptr<text::CodePointIndex> index;
    while (st.step()) {
        auto cols = columns_of_code.find(st.id<CodeId>(3));
        if (cols == columns_of_code.end()) continue;
        DraftLink link{st.id<CodingId>(1), st.id<DocumentId>(2), st.int64(4), st.int64(5), {}};
        if (link.document_id != loaded_doc) {
            index.reset();
            text = document_text(project, link.document_id);
            index = std::make_unique<text::CodePointIndex>(text);
            loaded_doc = link.document_id;
        }
        link.quote = std::string(index->slice(static_cast<std::size_t>(link.start), static_cast<std::size_t>(link.end)));
        for (CodeId column : cols->second) {
            auto& list = out[{st.id<CaseId>(0), column}];
            if (!list.empty() && list.back().same_place(link)) continue;  // same span by another coder
            list.push_back(link);
        }
    }
    return out;
}

std::map<CellKey, StoredCell> stored_cells(Project& project, MatrixId matrix_id) {
    std::map<CellKey, StoredCell> out;
    std::unordered_map<std::int64_t, StoredCell*> by_id;
    sqlite::Statement st(project.db(), "SELECT id, case_id, code_id, edited FROM matrix_cell WHERE matrix_id = ?");
    st.bind(1, matrix_id);
    while (st.step()) {
        StoredCell& c = out[{st.id<CaseId>(1), st.id<CodeId>(2)}];
        c.id = st.int64(0);
        c.edited = st.int64(3) != 0;
        by_id[c.id] = &c;
    }
    sqlite::Statement links(project.db(),
                            "SELECT l.cell_id, l.coding_id, l.document_id, l.start, l.end, l.quote FROM matrix_link l "
                            "JOIN matrix_cell mc ON mc.id = l.cell_id WHERE mc.matrix_id = ? AND mc.edited = 0 "
                            "ORDER BY l.cell_id, l.position, l.id");
    links.bind(1, matrix_id);
    while (links.step()) {
        auto it = by_id.find(links.int64(0));
        if (it == by_id.end()) continue;
        it->second->links.push_back({CodingId{links.optional_int64(1).value_or(0)}, DocumentId{links.optional_int64(2).value_or(0)},
                                     links.int64(3), links.int64(4), links.text(5)});
    }
    return out;
}

}  // namespace

DraftResult draft_matrix(Project& project, MatrixId matrix_id, const DraftOptions& options) {
    MatrixInfo matrix = matrix_by_id(project, matrix_id);
    return project.action("Draft matrix " + matrix.name, [&] {
        std::vector<MatrixColumn> columns = matrix_columns(project, matrix.id);
        std::vector<CoderId> coder_ids;
        for (const std::string& c : options.coders) coder_ids.push_back(require_coder(project, c).id);

        auto drafts = gather(project, columns, coder_ids);
        auto stored = stored_cells(project, matrix.id);
        std::vector<CaseId> cases;
        {
            sqlite::Statement st(project.db(), "SELECT id FROM cases ORDER BY name");
            while (st.step()) cases.push_back(st.id<CaseId>(0));
        }

        sqlite::Statement insert_cell(project.db(),
                                      "INSERT INTO matrix_cell(matrix_id, case_id, code_id, summary, edited, modified) "
                                      "VALUES(?, ?, ?, '', 0, ?)");
        sqlite::Statement touch_cell(project.db(), "UPDATE matrix_cell SET modified = ? WHERE id = ?");
        sqlite::Statement delete_cell(project.db(), "DELETE FROM matrix_cell WHERE id = ?");
        sqlite::Statement delete_links(project.db(), "DELETE FROM matrix_link WHERE cell_id = ?");
        sqlite::Statement insert_link(project.db(),
                                      "INSERT INTO matrix_link(cell_id, coding_id, document_id, start, end, quote, position) "
                                      "VALUES(?, ?, ?, ?, ?, ?, ?)");
        const std::string now = project.now();
        DraftResult result;
        bool changed = false;
        for (CaseId case_id : cases) {
            for (const MatrixColumn& col : columns) {
                CellKey key{case_id, col.code_id};
                auto have = stored.find(key);
                if (have != stored.end() && have->second.edited) {
                    ++result.kept_edited;
                    continue;
                }
                auto want = drafts.find(key);
                if (want == drafts.end()) {
                    if (have != stored.end()) {
                        delete_cell.bind(1, have->second.id).run();
                        changed = true;
                    }
                    ++result.without_segments;
                    continue;
                }
                if (have != stored.end() && have->second.links == want->second) {
                    ++result.unchanged;
                    continue;
                }
                changed = true;
                std::int64_t cell_id = 0;
                if (have != stored.end()) {
                    cell_id = have->second.id;
                    delete_links.bind(1, cell_id).run();
                    touch_cell.bind(1, now).bind(2, cell_id).run();
                } else {
                    insert_cell.bind(1, matrix.id).bind(2, case_id).bind(3, col.code_id).bind(4, now).run();
                    cell_id = project.db().last_insert_rowid();
                }
                std::int64_t position = 0;
                for (const DraftLink& l : want->second) {
                    insert_link.bind(1, cell_id).bind(2, l.coding_id).bind(3, l.document_id).bind(4, l.start);
                    insert_link.bind(5, l.end).bind(6, l.quote).bind(7, position++).run();
                }
                ++result.filled;
                result.links += static_cast<int>(want->second.size());
            }
        }
        if (changed) {
            sqlite::Statement touch(project.db(), "UPDATE framework_matrix SET modified = ? WHERE id = ?");
            touch.bind(1, now).bind(2, matrix.id).run();
        }
        return result;
    });
}

}  // namespace npt
