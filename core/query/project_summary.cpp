// project_summary.cpp — one query per count.
#include "core/query/project_summary.hpp"
#include "core/detail/db_access.hpp"

namespace npt {

ProjectSummary summarize(Project& project) {
    auto& db = project.db();
    ProjectSummary s;
    s.name = project.name();
    s.path = project.path().string();
    s.created = project.meta("created");
    s.schema_version = static_cast<int>(db.scalar_int("PRAGMA user_version"));
    s.documents = db.scalar_int("SELECT count(*) FROM document");
    s.characters = db.scalar_int("SELECT ifnull(sum(length), 0) FROM document");
    s.cases = db.scalar_int("SELECT count(*) FROM cases");
    s.attributes = db.scalar_int("SELECT count(*) FROM attribute");
    s.codes = db.scalar_int("SELECT count(*) FROM code");
    s.coders = db.scalar_int("SELECT count(*) FROM coder");
    s.codings = db.scalar_int("SELECT count(*) FROM coding");
    s.memos = db.scalar_int("SELECT count(*) FROM memo");
    s.matrices = db.scalar_int("SELECT count(*) FROM framework_matrix");
    return s;
}

}  // namespace npt
