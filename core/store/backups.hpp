// backups.hpp — rotating backups of a project, kept next to it in "P.nptq.backups/", made with
// SQLite's backup API (a consistent copy while other programs have the project open). They are
// made automatically before the actions that change the most at once — merge, reconcile, and the
// undo of a step with more than kLargeUndoRows row changes — and on demand; the newest `keep`
// automatic ones are kept (project setting "backup_keep", default 5). Restoring copies a backup
// back INTO the project through SQLite (after backing up the current state), so another program
// that has the project open sees the restored content and no lock is broken.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt {

inline constexpr int kDefaultBackupKeep = 5;
inline constexpr std::int64_t kLargeUndoRows = 1000;

struct Backup {
    std::filesystem::path file;
    std::string time;    // UTC, from the file name: 20261201T175400Z
    std::string reason;  // "merge", "reconcile", "undo", "manual", "before-restore"
    std::uintmax_t bytes = 0;
};

// The folder backups of `project_path` live in.
std::filesystem::path backup_folder(const std::filesystem::path& project_path);

// Writes a backup now (0600, like every project file) and drops the oldest automatic ones beyond
// the project's keep count. Returns it. Read-only projects are not backed up (nullopt).
std::optional<Backup> make_backup(Project& project, const std::string& reason);

// The project's backups, newest first.
std::vector<Backup> list_backups(const std::filesystem::path& project_path);

// How many automatic backups to keep (1–1000), stored in the project; one action.
void set_backup_keep(Project& project, int keep);
int backup_keep(Project& project);

// Replaces the project's content with the backup's, in one step, after backing up the current
// state ("before-restore"). The backup must be an nptcoder project (checked like any project).
// The undo history becomes the backup's.
void restore_backup(Project& project, const std::filesystem::path& backup);

}  // namespace npt
