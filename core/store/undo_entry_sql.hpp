// undo_entry_sql.hpp — the inverse statements the undo triggers record (schema.cpp), read back
// from the project file, which is untrusted: a colleague's project could hold
// `ATTACH '<another project>' AS v; DELETE FROM v.coding` in its undo log (that deleted a different
// project's codings once). So a recorded statement runs only if it has one of the three shapes the
// triggers write, is a single statement, and SQLite's authorizer allows it nothing but INSERT,
// UPDATE or DELETE on the undoable tables of `main` (no ATTACH, PRAGMA, DDL, functions, SELECT).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/store/sqlite.hpp"

namespace npt::undo_sql {

using RowRef = std::pair<std::string, std::int64_t>;  // (table, rowid)

// The row a recorded statement changes, if it has one of the triggers' shapes:
//   DELETE FROM t WHERE rowid=N      UPDATE t SET … WHERE rowid=N      INSERT INTO t(rowid,…) VALUES(N,…
std::optional<RowRef> row_of(std::string_view sql);

// Runs one recorded statement under the rules above. Throws FormatError naming the step (and the
// statement's start) when it is not one nptcoder writes; nothing of it has run then.
void run_recorded(sqlite::Database& db, std::string_view sql, std::int64_t step_id);

}  // namespace npt::undo_sql
