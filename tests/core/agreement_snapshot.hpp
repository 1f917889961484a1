// agreement_snapshot.hpp — a content snapshot of a project's user data (coders, codes, documents,
// codings, memos, reconcile decisions) for "nothing changed" and "undo restored it" checks in the
// agreement, reconcile and merge tests. Ids and timestamps are left out on purpose.
#pragma once
#include <string>

#include "core/detail/db_access.hpp"
#include "core/store/project.hpp"

namespace npt::agreement::test_snapshot {

inline std::string user_data(Project& p) {
    const char* queries[] = {
        "SELECT name || '|' || guid FROM coder ORDER BY name",
        "SELECT name || '|' || guid || '|' || ifnull(parent_id, 0) FROM code ORDER BY guid",
        "SELECT name || '|' || sha256 FROM document ORDER BY name",
        "SELECT d.name || '|' || k.guid || '|' || c.name || '|' || x.start || '-' || x.end FROM coding x "
        "JOIN document d ON d.id = x.document_id JOIN code k ON k.id = x.code_id JOIN coder c ON c.id = x.coder_id "
        "ORDER BY 1",
        "SELECT guid || '|' || text || '|' || ifnull(document_id, '-') || ifnull(code_id, '-') || ifnull(coding_id, '-') "
        "FROM memo ORDER BY guid",
        "SELECT decision || '|' || start || '-' || end || '|' || decided_by FROM reconcile_decision ORDER BY id"};
    std::string out;
    for (const char* q : queries) {
        sqlite::Statement st(p.db(), q);
        while (st.step()) out += st.text(0) + "\n";
        out += "--\n";
    }
    return out;
}

}  // namespace npt::agreement::test_snapshot
