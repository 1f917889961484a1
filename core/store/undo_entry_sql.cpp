// undo_entry_sql.cpp — parsing and guarded execution of recorded undo statements.
#include "core/store/undo_entry_sql.hpp"

#include <algorithm>
#include <charconv>
#include <memory>

#include "core/error.hpp"
#include "core/store/schema.hpp"

namespace npt::undo_sql {
namespace {

bool is_undoable_table(std::string_view name) {
    const auto& tables = schema::undoable_tables();
    return std::find(tables.begin(), tables.end(), name) != tables.end();
}

std::optional<std::int64_t> number(std::string_view digits) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end == digits.data()) return std::nullopt;
    return value;
}

std::string_view word_after(std::string_view sql, std::string_view prefix) {
    std::string_view rest = sql.substr(prefix.size());
    return rest.substr(0, rest.find_first_of(" ("));
}

// Top-level statements may only change rows of the undoable tables of main (and read main, which
// a rowid lookup does). Inside triggers — which Project::open has checked are nptcoder's own — the
// schema's statements run as designed.
int authorize(void*, int action, const char* object, const char*, const char* database, const char* trigger) {
    if (trigger) return SQLITE_OK;
    bool in_main = database && std::string_view(database) == "main";
    switch (action) {
        case SQLITE_INSERT:
        case SQLITE_UPDATE:
        case SQLITE_DELETE:
            return in_main && object && is_undoable_table(object) ? SQLITE_OK : SQLITE_DENY;
        case SQLITE_READ:
            return in_main ? SQLITE_OK : SQLITE_DENY;
        default:
            return SQLITE_DENY;
    }
}

class AuthorizerScope {
public:
    explicit AuthorizerScope(sqlite::Database& db) : db_(db) {
        // FTS5 connects document_fts the first time a statement of this connection touches it,
        // running its own SQL outside any trigger, which the authorizer would refuse (an import
        // could then not be undone from a fresh process). Connect it first, with the schema's
        // own statement; the schema check on open has made sure the table is nptcoder's.
        db_.exec("SELECT rowid FROM document_fts WHERE 0");
        sqlite3_set_authorizer(db_.handle(), authorize, nullptr);
    }
    ~AuthorizerScope() { sqlite3_set_authorizer(db_.handle(), nullptr, nullptr); }
    AuthorizerScope(const AuthorizerScope&) = delete;
    AuthorizerScope& operator=(const AuthorizerScope&) = delete;

private:
    sqlite::Database& db_;
};

[[noreturn]] void refuse(const sqlite::Database& db, std::string_view sql, std::int64_t step_id, std::string_view why) {
    throw FormatError(db.path().filename().string() + ": undo step " + std::to_string(step_id) +
                      " holds a statement nptcoder does not write (" + std::string(why) + ": `" +
                      std::string(sql.substr(0, 60)) + "`); refused, nothing was changed — run `nptcoder check`");
}

}  // namespace

std::optional<RowRef> row_of(std::string_view sql) {
    constexpr std::string_view kWhere = " WHERE rowid=";
    if (sql.starts_with("DELETE FROM ")) {
        std::string_view table = word_after(sql, "DELETE FROM ");
        std::string_view rest = sql.substr(12 + table.size());
        if (!rest.starts_with(kWhere)) return std::nullopt;
        std::string_view digits = rest.substr(kWhere.size());
        auto id = number(digits);
        if (!id || std::to_string(*id) != digits) return std::nullopt;  // nothing after the rowid
        return RowRef{std::string(table), *id};
    }
    if (sql.starts_with("UPDATE ")) {
        std::string_view table = word_after(sql, "UPDATE ");
        auto at = sql.rfind(kWhere);
        if (at == std::string_view::npos) return std::nullopt;
        std::string_view digits = sql.substr(at + kWhere.size());
        auto id = number(digits);
        if (!id || std::to_string(*id) != digits) return std::nullopt;
        return RowRef{std::string(table), *id};
    }
    if (sql.starts_with("INSERT INTO ")) {
        std::string_view table = word_after(sql, "INSERT INTO ");
        if (!sql.substr(12 + table.size()).starts_with("(rowid,")) return std::nullopt;
        auto at = sql.find(") VALUES(");
        if (at == std::string_view::npos) return std::nullopt;
        if (auto id = number(sql.substr(at + 9))) return RowRef{std::string(table), *id};
    }
    return std::nullopt;
}

void run_recorded(sqlite::Database& db, std::string_view sql, std::int64_t step_id) {
    auto row = row_of(sql);
    if (!row) refuse(db, sql, step_id, "not an inverse of one row change");
    if (!is_undoable_table(row->first)) refuse(db, sql, step_id, "table '" + row->first + "' is not undoable");
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc;
    {
        AuthorizerScope guard(db);
        rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &raw, &tail);
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
    if (rc == SQLITE_AUTH) refuse(db, sql, step_id, "not authorised");
    if (rc != SQLITE_OK) refuse(db, sql, step_id, sqlite3_errmsg(db.handle()));
    std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos) refuse(db, sql, step_id, "more than one statement");
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) throw StoreError(sqlite::error_message(db.handle(), rc, db.path().filename().string()));
}

}  // namespace npt::undo_sql
