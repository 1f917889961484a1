// undo.cpp — replays a step's recorded inverse statements in reverse order while the triggers
// record the statements that reverse the replay (which become the redo, or the undo again).
#include "core/store/undo.hpp"

#include "core/detail/db_access.hpp"
#include "core/error.hpp"

namespace npt {
namespace {

std::optional<UndoStep> read_step(Project& p, const char* sql) {
    sqlite::Statement st(p.db(), sql);
    if (!st.step()) return std::nullopt;
    return UndoStep{st.int64(0), st.text(1), st.text(2), st.text(3), st.int64(4) != 0};
}

constexpr const char* kNextUndo =
    "SELECT id, label, actor, time, undone FROM undo_step WHERE undone = 0 ORDER BY id DESC LIMIT 1";
constexpr const char* kNextRedo =
    "SELECT id, label, actor, time, undone FROM undo_step WHERE undone = 1 ORDER BY id ASC LIMIT 1";

std::optional<UndoStep> replay(Project& p, const char* which_sql, bool undoing) {
    if (p.in_action()) throw StoreError("cannot undo or redo inside another action");
    sqlite::Database& db = p.db();
    sqlite::Transaction tx(db);
    auto step = read_step(p, which_sql);
    if (!step) return std::nullopt;

    std::vector<std::pair<Id, std::string>> entries;
    {
        sqlite::Statement st(db, "SELECT id, sql FROM undo_entry WHERE step_id = ? ORDER BY id DESC");
        st.bind(1, step->id);
        while (st.step()) entries.emplace_back(st.int64(0), st.text(1));
    }
    {
        sqlite::Statement del(db, "DELETE FROM undo_entry WHERE step_id = ?");
        del.bind(1, step->id).run();
        sqlite::Statement on(db, "UPDATE undo_state SET recording = 1, step_id = ? WHERE id = 1");
        on.bind(1, step->id).run();
    }
    for (const auto& [id, sql] : entries) db.exec(sql);
    db.exec("UPDATE undo_state SET recording = 0, step_id = NULL WHERE id = 1");
    {
        sqlite::Statement mark(db, "UPDATE undo_step SET undone = ? WHERE id = ?");
        mark.bind(1, undoing ? 1 : 0).bind(2, step->id).run();
        sqlite::Statement log(db, "INSERT INTO event_log(time, actor, action) VALUES(?, ?, ?)");
        log.bind(1, utc_now_iso()).bind(2, p.actor()).bind(3, std::string(undoing ? "Undo: " : "Redo: ") + step->label).run();
    }
    tx.commit();
    step->undone = undoing;
    return step;
}

}  // namespace

std::optional<UndoStep> next_undo(Project& p) { return read_step(p, kNextUndo); }
std::optional<UndoStep> next_redo(Project& p) { return read_step(p, kNextRedo); }
std::optional<UndoStep> undo(Project& p) { return replay(p, kNextUndo, true); }
std::optional<UndoStep> redo(Project& p) { return replay(p, kNextRedo, false); }

std::vector<UndoStep> undo_history(Project& p, int limit) {
    sqlite::Statement st(p.db(), "SELECT id, label, actor, time, undone FROM undo_step ORDER BY id DESC LIMIT ?");
    st.bind(1, limit);
    std::vector<UndoStep> out;
    while (st.step()) out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.int64(4) != 0});
    return out;
}

}  // namespace npt
