// framework_matrix.cpp — creating, listing, deleting and reading framework matrices.
#include "core/matrix/framework_matrix.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"

namespace npt {
namespace {

constexpr const char* kColumns = "SELECT id, name, description, group_by, created, modified, guid FROM framework_matrix ";

MatrixInfo read_info(sqlite::Statement& st) {
    MatrixInfo m{st.id<MatrixId>(0), st.text(1), st.text(2), {}, st.text(4), st.text(5), st.text(6)};
    auto groups = nlohmann::json::parse(st.text_view(3), nullptr, false);
    if (groups.is_array())
        for (auto& g : groups)
            if (g.is_string()) m.group_by.push_back(g.get<std::string>());
    return m;
}

// Orders attribute values: set before unset; numbers numerically for number attributes.
bool value_less(const std::string& a, const std::string& b, AttributeType type) {
    if (a.empty() != b.empty()) return b.empty();
    if (type == AttributeType::Number) {
        char* ea = nullptr;
        char* eb = nullptr;
        double x = std::strtod(a.c_str(), &ea), y = std::strtod(b.c_str(), &eb);
        if (!a.empty() && !b.empty() && *ea == '\0' && *eb == '\0' && x != y) return x < y;
    }
    return a < b;
}

std::vector<MatrixColumn> read_columns(Project& project, MatrixId matrix_id) {
    std::unordered_map<CodeId, const Code*> by_id;
    std::vector<Code> codes = list_codes(project);
    for (const Code& c : codes) by_id[c.id] = &c;
    sqlite::Statement st(project.db(), "SELECT code_id FROM matrix_column WHERE matrix_id = ? ORDER BY position, code_id");
    st.bind(1, matrix_id);
    std::vector<MatrixColumn> out;
    while (st.step()) {
        auto it = by_id.find(st.id<CodeId>(0));
        if (it == by_id.end()) continue;
        out.push_back({it->second->id, it->second->path, it->second->name, it->second->colour});
    }
    return out;
}

// The speaker turn holding `offset`, found by binary search over turns sorted by start.
const SpeakerTurn* turn_at(const std::vector<SpeakerTurn>& turns, std::int64_t offset) {
    auto it = std::upper_bound(turns.begin(), turns.end(), offset,
                               [](std::int64_t o, const SpeakerTurn& t) { return o < t.start; });
    if (it == turns.begin()) return nullptr;
    --it;
    return offset < it->end ? &*it : nullptr;
}

}  // namespace

const char* to_string(LinkStatus status) {
    switch (status) {
        case LinkStatus::Current: return "current";
        case LinkStatus::Changed: return "changed";
        case LinkStatus::Deleted: return "deleted";
    }
    return "current";
}

std::vector<std::string> FrameworkMatrix::group_of(const MatrixRow& row) const {
    std::size_t n = std::min(info.group_by.size(), row.attributes.size());
    return {row.attributes.begin(), row.attributes.begin() + static_cast<std::ptrdiff_t>(n)};
}

MatrixInfo create_matrix(Project& project, const NewMatrix& matrix) {
    if (matrix.name.empty()) throw InputError("a matrix needs a name");
    return project.action("Create matrix " + matrix.name, [&] {
        if (find_matrix(project, matrix.name))
            throw InputError("matrix '" + matrix.name + "' already exists; choose another name");
        if (matrix.codes.empty()) throw InputError("matrix '" + matrix.name + "': no columns named");
        std::vector<Code> columns;
        std::set<CodeId> seen;
        for (const std::string& path : matrix.codes) {
            Code c = require_code(project, path);
            if (!seen.insert(c.id).second)
                throw InputError("matrix '" + matrix.name + "': code '" + path + "' is named twice");
            columns.push_back(c);
        }
        std::set<std::string> groups;
        for (const std::string& a : matrix.group_by) {
            if (!find_attribute(project, a)) throw NotFoundError("no attribute named '" + a + "' to group matrix rows by");
            if (!groups.insert(a).second) throw InputError("matrix '" + matrix.name + "': attribute '" + a + "' is named twice");
        }

        MatrixInfo info{MatrixId{}, matrix.name, matrix.description, matrix.group_by, project.now(), project.now(),
                        project.guids().next()};
        sqlite::Statement st(project.db(),
                             "INSERT INTO framework_matrix(name, description, group_by, created, modified, guid) "
                             "VALUES(?,?,?,?,?,?)");
        st.bind(1, info.name).bind(2, info.description).bind(3, nlohmann::json(info.group_by).dump());
        st.bind(4, info.created).bind(5, info.modified).bind(6, info.guid).run();
        info.id = MatrixId{project.db().last_insert_rowid()};
        sqlite::Statement col(project.db(), "INSERT INTO matrix_column(matrix_id, code_id, position) VALUES(?,?,?)");
        for (std::size_t i = 0; i < columns.size(); ++i)
            col.bind(1, info.id).bind(2, columns[i].id).bind(3, static_cast<std::int64_t>(i)).run();
        return info;
    });
}

std::vector<MatrixInfo> list_matrices(Project& project) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "ORDER BY name");
    std::vector<MatrixInfo> out;
    while (st.step()) out.push_back(read_info(st));
    return out;
}

std::optional<MatrixInfo> find_matrix(Project& project, const std::string& name) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return read_info(st);
}

MatrixInfo require_matrix(Project& project, const std::string& name) {
    if (auto m = find_matrix(project, name)) return *m;
    throw NotFoundError("no matrix named '" + name + "' (see `nptcoder matrix list`)");
}

MatrixInfo matrix_by_id(Project& project, MatrixId id) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError("no matrix with id " + to_string(id));
    return read_info(st);
}

MatrixInfo rename_matrix(Project& project, MatrixId matrix, const std::string& name) {
    MatrixInfo m = matrix_by_id(project, matrix);
    if (name.empty()) throw InputError("a matrix needs a name");
    if (name == m.name) return m;
    return project.action("Rename matrix " + m.name + " to " + name, [&] {
        if (find_matrix(project, name)) throw InputError("matrix '" + name + "' already exists; choose another name");
        m.name = name;
        m.modified = project.now();
        sqlite::Statement st(project.db(), "UPDATE framework_matrix SET name = ?, modified = ? WHERE id = ?");
        st.bind(1, m.name).bind(2, m.modified).bind(3, m.id).run();
        return m;
    });
}

void delete_matrix(Project& project, MatrixId matrix) {
    MatrixInfo m = matrix_by_id(project, matrix);
    project.action("Delete matrix " + m.name, [&] {
        sqlite::Statement st(project.db(), "DELETE FROM framework_matrix WHERE id = ?");
        st.bind(1, m.id).run();
    });
}

FrameworkMatrix load_matrix(Project& project, const std::string& name) {
    FrameworkMatrix m;
    m.info = require_matrix(project, name);
    m.columns = read_columns(project, m.info.id);

    // Attribute columns: group-by attributes first (in group order), then the others.
    std::vector<Attribute> attributes = list_attributes(project);
    std::vector<Attribute> ordered;
    for (const std::string& g : m.info.group_by)
        for (const Attribute& a : attributes)
            if (a.name == g) ordered.push_back(a);
    for (const Attribute& a : attributes)
        if (std::find(m.info.group_by.begin(), m.info.group_by.end(), a.name) == m.info.group_by.end())
            ordered.push_back(a);
    m.info.group_by.erase(std::remove_if(m.info.group_by.begin(), m.info.group_by.end(),
                                         [&](const std::string& g) { return !find_attribute(project, g); }),
                          m.info.group_by.end());
    std::unordered_map<AttributeId, std::size_t> attribute_index;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        m.attributes.push_back(ordered[i].name);
        attribute_index[ordered[i].id] = i;
    }

    std::unordered_map<CaseId, std::size_t> row_of_case;
    for (Case& c : list_cases(project)) {
        row_of_case[c.id] = m.rows.size();
        m.rows.push_back({std::move(c), std::vector<std::string>(ordered.size()), std::vector<MatrixCell>(m.columns.size())});
    }
    {
        sqlite::Statement st(project.db(), "SELECT case_id, attribute_id, value FROM case_value");
        while (st.step()) {
            auto r = row_of_case.find(st.id<CaseId>(0));
            auto a = attribute_index.find(st.id<AttributeId>(1));
            if (r != row_of_case.end() && a != attribute_index.end()) m.rows[r->second].attributes[a->second] = st.text(2);
        }
    }

    std::unordered_map<CodeId, std::size_t> column_of_code;
    for (std::size_t i = 0; i < m.columns.size(); ++i) column_of_code[m.columns[i].code_id] = i;
    std::unordered_map<std::int64_t, MatrixCell*> cell_by_id;  // matrix_cell rowid
    {
        sqlite::Statement st(project.db(),
                             "SELECT id, case_id, code_id, summary, edited FROM matrix_cell WHERE matrix_id = ?");
        st.bind(1, m.info.id);
        while (st.step()) {
            auto r = row_of_case.find(st.id<CaseId>(1));
            auto c = column_of_code.find(st.id<CodeId>(2));
            if (r == row_of_case.end() || c == column_of_code.end()) continue;
            MatrixCell& cell = m.rows[r->second].cells[c->second];
            cell.summary = st.text(3);
            cell.edited = st.int64(4) != 0;
            cell_by_id[st.int64(0)] = &cell;
        }
    }
    {
        sqlite::Statement st(project.db(),
                             "SELECT l.id, l.cell_id, l.coding_id, l.document_id, l.start, l.end, l.quote, d.name, "
                             "c.document_id, c.start, c.end, k.name "
                             "FROM matrix_link l JOIN matrix_cell mc ON mc.id = l.cell_id "
                             "LEFT JOIN document d ON d.id = l.document_id "
                             "LEFT JOIN coding c ON c.id = l.coding_id LEFT JOIN coder k ON k.id = c.coder_id "
                             "WHERE mc.matrix_id = ? ORDER BY l.cell_id, l.position, l.id");
        st.bind(1, m.info.id);
        std::unordered_map<DocumentId, std::vector<SpeakerTurn>> turns;
        while (st.step()) {
            auto cell = cell_by_id.find(st.int64(1));
            if (cell == cell_by_id.end()) continue;
            MatrixLink link;
            link.id = st.id<MatrixLinkId>(0);
            link.coding_id = st.optional_id<CodingId>(2);
            std::optional<DocumentId> doc_id = st.optional_id<DocumentId>(3);
            link.start = st.int64(4);
            link.end = st.int64(5);
            link.quote = st.text(6);
            link.document = st.optional_text(7).value_or("");
            if (!link.coding_id || st.is_null(8)) {
                link.status = LinkStatus::Deleted;
                link.coding_id.reset();
            } else {
                link.coder = st.optional_text(11).value_or("");
                bool same = doc_id && st.id<DocumentId>(8) == *doc_id && st.int64(9) == link.start && st.int64(10) == link.end;
                link.status = same ? LinkStatus::Current : LinkStatus::Changed;
            }
            if (doc_id && !link.document.empty()) {
                auto t = turns.find(*doc_id);
                if (t == turns.end()) t = turns.emplace(*doc_id, speaker_turns(project, *doc_id)).first;
                if (const SpeakerTurn* turn = turn_at(t->second, link.start)) {
                    link.speaker = turn->speaker;
                    link.time_ms = turn->start_ms;
                }
            }
            cell->second->links.push_back(std::move(link));
        }
    }

    // Rows: grouped by the group-by attributes (outermost first), then by case name.
    std::vector<AttributeType> types;
    for (std::size_t i = 0; i < m.info.group_by.size(); ++i) types.push_back(ordered[i].type);
    std::stable_sort(m.rows.begin(), m.rows.end(), [&](const MatrixRow& a, const MatrixRow& b) {
        for (std::size_t i = 0; i < types.size(); ++i) {
            if (value_less(a.attributes[i], b.attributes[i], types[i])) return true;
            if (value_less(b.attributes[i], a.attributes[i], types[i])) return false;
        }
        return a.info.name < b.info.name;
    });
    return m;
}

std::vector<MatrixColumn> matrix_columns(Project& project, MatrixId matrix_id) { return read_columns(project, matrix_id); }

}  // namespace npt
