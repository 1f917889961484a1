// undo.cpp — replays a step's recorded inverse statements in reverse order while the triggers
// record the statements that reverse the replay (which become the redo, or the undo again).
// With several writers the history interleaves their steps; a replay is refused when a later step
// that is still in force touched one of the rows the replay changes, so nobody's acknowledged work
// is taken back by somebody else's undo.
#include "core/store/undo.hpp"

#include <set>
#include <utility>

#include "core/detail/db_access.hpp"
#include "core/store/backups.hpp"
#include "core/error.hpp"
#include "core/store/undo_entry_sql.hpp"

namespace npt {
namespace {

using undo_sql::RowRef;

constexpr const char* kStepColumns = "SELECT id, label, actor, time, undone FROM undo_step ";

UndoStep read_step_row(sqlite::Statement& st) {
    return UndoStep{st.id<UndoStepId>(0), st.text(1), st.text(2), st.text(3), st.int64(4) != 0};
}

std::optional<UndoStep> find_step(Project& p, bool undoing, UndoScope scope) {
    std::string sql = std::string(kStepColumns) + (undoing ? "WHERE undone = 0" : "WHERE undone = 1");
    if (scope == UndoScope::Own) sql += " AND actor = ?1";
    sql += undoing ? " ORDER BY id DESC LIMIT 1" : " ORDER BY id ASC LIMIT 1";
    sqlite::Statement st(p.db(), sql);
    if (scope == UndoScope::Own) st.bind(1, p.actor());
    if (!st.step()) return std::nullopt;
    return read_step_row(st);
}

std::vector<std::pair<std::int64_t, std::string>> entries_of(sqlite::Database& db, UndoStepId step_id) {
    std::vector<std::pair<std::int64_t, std::string>> entries;
    sqlite::Statement st(db, "SELECT id, sql FROM undo_entry WHERE step_id = ? ORDER BY id DESC");
    st.bind(1, step_id);
    while (st.step()) entries.emplace_back(st.int64(0), st.text(1));
    return entries;
}

void add_rows(std::set<RowRef>& rows, const std::vector<std::pair<std::int64_t, std::string>>& entries) {
    for (const auto& [id, sql] : entries)
        if (auto row = undo_sql::row_of(sql)) rows.insert(std::move(*row));
}

// Refuses the replay of `step` when a later step still in force touched any of `rows`.
void refuse_if_later_steps_touch(Project& p, const UndoStep& step, const std::set<RowRef>& rows, bool undoing) {
    sqlite::Statement later(p.db(), std::string(kStepColumns) + "WHERE id > ? AND undone = 0 ORDER BY id");
    later.bind(1, step.id);
    while (later.step()) {
        UndoStep other = read_step_row(later);
        std::set<RowRef> touched;
        add_rows(touched, entries_of(p.db(), other.id));
        for (const RowRef& row : rows)
            if (touched.count(row))
                throw InputError(std::string("cannot ") + (undoing ? "undo" : "redo") + " \"" + step.label + "\" (" +
                                 step.actor + "'s step): " + other.actor + "'s later step \"" + other.label +
                                 "\" touches " + row.first + " " + std::to_string(row.second) + ", which this " +
                                 (undoing ? "undo" : "redo") + " would change; undo that step first (`undo --any`), "
                                 "or leave both as they are");
    }
}

std::optional<UndoStep> replay(Project& p, bool undoing, UndoScope scope) {
    if (p.in_action()) throw StoreError("cannot undo or redo inside another action");
    if (p.read_only())
        throw InputError(p.path().string() + ": is read-only (" + (undoing ? "undo" : "redo") +
                         " needs write access to the file and its folder); nothing was changed");
    sqlite::Database& db = p.db();
    if (auto large = find_step(p, undoing, scope)) {  // a large step: keep a backup from before it
        sqlite::Statement count(db, "SELECT count(*) FROM undo_entry WHERE step_id = ?");
        count.bind(1, large->id);
        if (count.step() && count.int64(0) > kLargeUndoRows) {
            count.reset();
            make_backup(p, undoing ? "undo" : "redo");
        }
    }
    sqlite::Transaction tx(db);
    auto step = find_step(p, undoing, scope);
    if (!step) return std::nullopt;

    auto entries = entries_of(db, step->id);
    std::set<RowRef> rows;
    add_rows(rows, entries);
    refuse_if_later_steps_touch(p, *step, rows, undoing);  // before replaying: rows it names itself
    {
        sqlite::Statement del(db, "DELETE FROM undo_entry WHERE step_id = ?");
        del.bind(1, step->id).run();
        sqlite::Statement on(db, "UPDATE undo_state SET recording = 1, step_id = ? WHERE id = 1");
        on.bind(1, step->id).run();
    }
    for (const auto& [id, sql] : entries) undo_sql::run_recorded(db, sql, step->id.value);
    db.exec("UPDATE undo_state SET recording = 0, step_id = NULL WHERE id = 1");
    // After replaying: its effects include cascades (deleting a code deletes the codings made with
    // it since), and the statements it recorded name every row it changed.
    std::set<RowRef> changed;
    add_rows(changed, entries_of(db, step->id));
    refuse_if_later_steps_touch(p, *step, changed, undoing);
    {
        sqlite::Statement mark(db, "UPDATE undo_step SET undone = ? WHERE id = ?");
        mark.bind(1, undoing ? 1 : 0).bind(2, step->id).run();
        sqlite::Statement log(db, "INSERT INTO event_log(time, actor, action) VALUES(?, ?, ?)");
        std::string whose = step->actor == p.actor() ? "" : " (" + step->actor + "'s step)";
        log.bind(1, utc_now_iso()).bind(2, p.actor()).bind(3, std::string(undoing ? "Undo: " : "Redo: ") + step->label + whose).run();
    }
    tx.commit();
    step->undone = undoing;
    return step;
}

}  // namespace

std::optional<UndoStep> next_undo(Project& p, UndoScope scope) { return find_step(p, true, scope); }
std::optional<UndoStep> next_redo(Project& p, UndoScope scope) { return find_step(p, false, scope); }
std::optional<UndoStep> undo(Project& p, UndoScope scope) { return replay(p, true, scope); }
std::optional<UndoStep> redo(Project& p, UndoScope scope) { return replay(p, false, scope); }

std::vector<UndoStep> undo_history(Project& p, int limit) {
    sqlite::Statement st(p.db(), std::string(kStepColumns) + "ORDER BY id DESC LIMIT ?");
    st.bind(1, limit);
    std::vector<UndoStep> out;
    while (st.step()) out.push_back(read_step_row(st));
    return out;
}

}  // namespace npt
