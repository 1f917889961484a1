// schema_check.hpp — a project file brings data, never code: its schema objects (tables, indexes,
// triggers, views) must be exactly those nptcoder's migrations create for its schema version.
// A trigger planted in a colleague's project once deleted every coding on `memo add`; a VIEW put in
// place of a table made merge hang. Project::open refuses such a file before anything runs or is
// written; `nptcoder check --repair` writes a copy without them (project_repair.hpp).
#pragma once
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"

namespace npt::schema {

struct SchemaObject {
    std::string type;  // table, index, trigger, view
    std::string name;
    std::string sql;   // as stored in sqlite_schema (empty for automatic indexes)
};

struct SchemaDifference {
    enum class Kind { Unexpected, Altered, Missing };
    Kind kind;
    SchemaObject object;  // the file's object (Unexpected, Altered) or the expected one (Missing)
    std::string describe() const;  // "unexpected schema object 'trigger evil'"
};

// The schema objects nptcoder creates for schema `version`, built in a private in-memory database.
std::vector<SchemaObject> expected_objects(int version);

// How the schema of `db` (at `version`) differs from the expected one; empty when it matches.
// Reads sqlite_schema only: nothing in the file runs.
std::vector<SchemaDifference> compare_with_expected(sqlite::Database& db, int version);

}  // namespace npt::schema
