// memos.cpp — storage of memos; the target is one of four nullable foreign keys (none = project).
#include "core/model/memos.hpp"

#include "core/detail/db_access.hpp"
#include "core/error.hpp"

namespace npt {
namespace {

const char* column_of(MemoTarget t) {
    switch (t) {
        case MemoTarget::Document: return "document_id";
        case MemoTarget::Code: return "code_id";
        case MemoTarget::Case: return "case_id";
        case MemoTarget::Coding: return "coding_id";
        case MemoTarget::Project: return nullptr;
    }
    return nullptr;
}

const char* table_of(MemoTarget t) {
    switch (t) {
        case MemoTarget::Document: return "document";
        case MemoTarget::Code: return "code";
        case MemoTarget::Case: return "cases";
        case MemoTarget::Coding: return "coding";
        case MemoTarget::Project: return nullptr;
    }
    return nullptr;
}

// Throws NotFoundError when the memo's target does not exist. Checked before inserting, because
// foreign keys are deferred (a missing target would surface only at COMMIT, as a store failure).
void require_target(Project& project, MemoTarget target, MemoTargetId target_id) {
    const char* table = table_of(target);
    if (!table) return;
    sqlite::Statement st(project.db(), std::string("SELECT 1 FROM ") + table + " WHERE id = ?");
    st.bind(1, target_id.value);
    if (!st.step()) throw NotFoundError(std::string("no ") + to_string(target) + " with id " + std::to_string(target_id.value));
}

constexpr const char* kColumns =
    "SELECT id, document_id, code_id, case_id, coding_id, author, title, text, created, modified, guid FROM memo ";

Memo read_memo(sqlite::Statement& st) {
    Memo m;
    m.id = st.id<MemoId>(0);
    const MemoTarget kinds[] = {MemoTarget::Document, MemoTarget::Code, MemoTarget::Case, MemoTarget::Coding};
    for (int i = 0; i < 4; ++i)
        if (!st.is_null(1 + i)) {
            m.target = kinds[i];
            m.target_id = MemoTargetId{st.int64(1 + i)};
        }
    m.author = st.text(5);
    m.title = st.text(6);
    m.text = st.text(7);
    m.created = st.text(8);
    m.modified = st.text(9);
    m.guid = st.text(10);
    return m;
}

}  // namespace

Memo add_memo(Project& project, MemoTarget target, std::optional<MemoTargetId> target_id, const std::string& text,
              const std::string& title) {
    if (target != MemoTarget::Project && !target_id)
        throw InputError(std::string("a memo on a ") + to_string(target) + " needs to say which one");
    return project.action(std::string("Add memo on ") + to_string(target), [&] {
        if (target != MemoTarget::Project) require_target(project, target, *target_id);
        Memo m;
        m.target = target;
        m.target_id = target == MemoTarget::Project ? std::nullopt : target_id;
        m.author = project.actor();
        m.title = title;
        m.text = text;
        m.created = m.modified = project.now();
        m.guid = project.guids().next();
        std::optional<std::int64_t> cols[4];
        if (const char* c = column_of(target)) {
            int idx = target == MemoTarget::Document ? 0 : target == MemoTarget::Code ? 1 : target == MemoTarget::Case ? 2 : 3;
            cols[idx] = target_id->value;
            (void)c;
        }
        sqlite::Statement st(project.db(),
                             "INSERT INTO memo(document_id, code_id, case_id, coding_id, author, title, text, created, "
                             "modified, guid) VALUES(?,?,?,?,?,?,?,?,?,?)");
        for (int i = 0; i < 4; ++i) st.bind(i + 1, cols[i]);
        st.bind(5, m.author).bind(6, m.title).bind(7, m.text).bind(8, m.created).bind(9, m.modified).bind(10, m.guid);
        st.run();
        m.id = MemoId{project.db().last_insert_rowid()};
        return m;
    });
}

void update_memo(Project& project, MemoId memo_id, const std::string& text, const std::string& title) {
    project.action("Edit memo", [&] {
        memo_by_id(project, memo_id);
        sqlite::Statement st(project.db(), "UPDATE memo SET text = ?, title = ?, modified = ? WHERE id = ?");
        st.bind(1, text).bind(2, title).bind(3, project.now()).bind(4, memo_id).run();
    });
}

void delete_memo(Project& project, MemoId memo_id) {
    project.action("Delete memo", [&] {
        memo_by_id(project, memo_id);
        sqlite::Statement st(project.db(), "DELETE FROM memo WHERE id = ?");
        st.bind(1, memo_id).run();
    });
}

Memo memo_by_id(Project& project, MemoId memo_id) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "WHERE id = ?");
    st.bind(1, memo_id);
    if (!st.step()) throw NotFoundError("no memo with id " + to_string(memo_id));
    return read_memo(st);
}

std::vector<Memo> list_memos(Project& project, std::optional<MemoTarget> target, std::optional<MemoTargetId> target_id) {
    std::string sql = kColumns;
    if (target) {
        if (const char* col = column_of(*target)) {
            sql += std::string("WHERE ") + col + (target_id ? " = ?" : " IS NOT NULL");
        } else {
            sql += "WHERE document_id IS NULL AND code_id IS NULL AND case_id IS NULL AND coding_id IS NULL";
        }
    }
    sql += " ORDER BY id";
    sqlite::Statement st(project.db(), sql);
    if (target && column_of(*target) && target_id) st.bind(1, target_id->value);
    std::vector<Memo> out;
    while (st.step()) out.push_back(read_memo(st));
    return out;
}

}  // namespace npt
