// schema.hpp — the project file's schema: ordered migrations keyed by PRAGMA user_version, the
// application id that marks a file as ours, and the undo-recording triggers (see undo.hpp).
#pragma once
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"

namespace npt::schema {

// 'NPTQ' — written to PRAGMA application_id so a foreign SQLite file is recognised as not ours.
constexpr int kApplicationId = 0x4E505451;
// The newest schema this build reads and writes.
int current_version();

// Applies every migration above the file's user_version, in order, in the caller's transaction,
// then re-creates the undo triggers. Throws npt::FormatError if the file is newer than this build.
void migrate(sqlite::Database& db);
// The same, up to schema `target` (≤ current_version()): builds the reference schema of an older
// version, against which a file of that version is checked (schema_check.hpp).
void migrate_to(sqlite::Database& db, int target);

// The tables whose changes are recorded for undo (user data; not the event log or undo tables).
const std::vector<std::string>& undoable_tables();

}  // namespace npt::schema
