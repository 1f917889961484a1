// undo.hpp — undo and redo over the command log stored in the project file. Every
// Project::action() is one step; triggers record the SQL that reverses each row change
// (see schema.cpp), so undo works for every kind of edit and survives a restart. The CLI and
// the GUI share one history per project file, and several writers (a GUI and a CLI, two coders)
// may add to it at once: by default each takes back only its own steps (UndoScope::Own).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt {

struct UndoStep {
    UndoStepId id;
    std::string label;
    std::string actor;
    std::string time;
    bool undone = false;
};

// Whose steps undo and redo take: Own — the steps whose actor is project.actor() (the active
// coder in the GUI, NPT_ACTOR/--actor at the command line); Any — the whole shared history, newest
// first, whoever made it.
enum class UndoScope { Own, Any };

// The step that undo() / redo() would reverse, if any (for menus: "Undo Ben: Code 3 segments").
std::optional<UndoStep> next_undo(Project& project, UndoScope scope = UndoScope::Own);
std::optional<UndoStep> next_redo(Project& project, UndoScope scope = UndoScope::Own);

// Reverses the newest step (in scope) that is not undone, in one transaction. Returns it, or
// nullopt if there is nothing to undo. Throws InputError, changing nothing, when a later step of
// someone else's that is still in force touched a row this undo would change (undo that one
// first), and when the project is read-only.
std::optional<UndoStep> undo(Project& project, UndoScope scope = UndoScope::Own);
// Re-applies the most recently undone step (in scope); same contract as undo().
std::optional<UndoStep> redo(Project& project, UndoScope scope = UndoScope::Own);

// The newest `limit` steps, newest first.
std::vector<UndoStep> undo_history(Project& project, int limit = 50);

}  // namespace npt
