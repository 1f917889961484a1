// undo.hpp — undo and redo over the command log stored in the project file. Every
// Project::action() is one step; triggers record the SQL that reverses each row change
// (see schema.cpp), so undo works for every kind of edit and survives a restart. The CLI and
// the GUI share one history per project file.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt {

struct UndoStep {
    Id id = 0;
    std::string label;
    std::string actor;
    std::string time;
    bool undone = false;
};

// Label of the step that undo() / redo() would reverse, if any (for menus: "Undo Code 3 segments").
std::optional<UndoStep> next_undo(Project& project);
std::optional<UndoStep> next_redo(Project& project);

// Reverses the newest step that is not undone, in one transaction. Returns it, or nullopt if
// there is nothing to undo.
std::optional<UndoStep> undo(Project& project);
// Re-applies the oldest undone step. Returns it, or nullopt if there is nothing to redo.
std::optional<UndoStep> redo(Project& project);

// The newest `limit` steps, newest first.
std::vector<UndoStep> undo_history(Project& project, int limit = 50);

}  // namespace npt
