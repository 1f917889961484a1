// schema_check.cpp — comparing a file's sqlite_schema with the objects the migrations create.
#include "core/store/schema_check.hpp"

#include <map>

#include "core/store/schema.hpp"

namespace npt::schema {
namespace {

// SQLite keeps a CREATE statement's text as written; compare modulo runs of whitespace.
std::string normalised(std::string_view sql) {
    std::string out;
    bool space = false;
    for (char c : sql) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// FTS5 creates its shadow tables itself, with SQL that may differ between SQLite versions: match
// them by type and name only (they hold index data and run nothing).
bool is_fts_shadow_table(const SchemaObject& o) {
    return o.type == "table" && o.name.starts_with("document_fts_");
}

std::vector<SchemaObject> objects_of(sqlite::Database& db) {
    std::vector<SchemaObject> out;
    sqlite::Statement st(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
    return out;
}

}  // namespace

std::string SchemaDifference::describe() const {
    const char* what = kind == Kind::Unexpected ? "unexpected" : kind == Kind::Altered ? "altered" : "missing";
    return std::string(what) + " schema object '" + object.type + " " + object.name + "'";
}

namespace {

std::vector<SchemaObject> build_expected_objects(int version) {
    sqlite::Database reference(":memory:", sqlite::Database::Mode::ReadWriteCreate);
    migrate_to(reference, version);
    return objects_of(reference);
}

}  // namespace

std::vector<SchemaObject> expected_objects(int version) {
    // Every open checks the current schema: build its reference once per process (a constant
    // once made; thread-safe initialisation), older versions on demand.
    static const std::vector<SchemaObject> current = build_expected_objects(current_version());
    return version == current_version() ? current : build_expected_objects(version);
}


std::vector<SchemaDifference> compare_with_expected(sqlite::Database& db, int version) {
    std::map<std::string, SchemaObject> expected;
    for (SchemaObject& o : expected_objects(version)) expected.emplace(o.name, std::move(o));
    std::vector<SchemaDifference> out;
    for (SchemaObject& o : objects_of(db)) {
        auto it = expected.find(o.name);
        if (it == expected.end()) {
            out.push_back({SchemaDifference::Kind::Unexpected, std::move(o)});
            continue;
        }
        bool same = it->second.type == o.type &&
                    (is_fts_shadow_table(o) || normalised(it->second.sql) == normalised(o.sql));
        if (!same) out.push_back({SchemaDifference::Kind::Altered, std::move(o)});
        expected.erase(it);
    }
    for (auto& [name, o] : expected) out.push_back({SchemaDifference::Kind::Missing, std::move(o)});
    return out;
}

}  // namespace npt::schema
