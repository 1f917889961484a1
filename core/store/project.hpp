// project.hpp — one nptcoder project: a single SQLite file (".nptq") opened with foreign keys,
// WAL and a busy timeout. Every mutation runs inside Project::action(), which makes it one
// transaction and one undoable step in the project's command log (see undo.hpp).
// A Project is not thread-safe; open one per thread (SQLite serialises writers across processes).
#pragma once
#include <concepts>
#include <filesystem>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/store/ids.hpp"
#include "core/store/open_project_files.hpp"
#include "core/store/sqlite.hpp"

namespace npt {

using Id = std::int64_t;

// How Project::open may use the file. Auto: read-write when the file (and, for its -wal/-shm files,
// its folder) can be written, otherwise read-only. ReadOnly: never write, and leave nothing behind.
enum class OpenMode { Auto, ReadOnly };

namespace detail {
struct DbKey;  // defined in core/detail/db_access.hpp, which only the core libraries can include
}

class Project {
public:
    // Creates a new project file. Throws InputError if `path` exists. The file appears only
    // when complete (built beside it, then renamed into place).
    static Project create(const std::filesystem::path& path, std::string_view name);
    // Opens an existing project, upgrading an older schema in one transaction. Throws
    // NotFoundError (no such file), FormatError (not a project, corrupt, or from a newer
    // version; the file is then left untouched). The file is only ever opened through SQLite.
    // Read-only (asked for, or the file cannot be written): nothing is written, no -wal/-shm file
    // is created, and every action() throws InputError "<path>: is read-only …".
    static Project open(const std::filesystem::path& path, OpenMode mode = OpenMode::Auto);

    Project(Project&&) noexcept = default;
    Project& operator=(Project&&) noexcept = default;

    const std::filesystem::path& path() const { return path_; }
    bool read_only() const { return read_only_; }
    // True once SQLite has reported corruption in this file (an action failed with SQLITE_CORRUPT,
    // or integrity_check() found problems): every later action is refused with FormatError.
    bool damaged() const { return damaged_; }
    // SQLite's PRAGMA data_version: changes whenever another connection (another process, or
    // another Project on the same file) commits. Poll it to notice other writers.
    std::int64_t data_version();
    // The SQLite connection, for the core only. The key's type is complete only where
    // core/detail/db_access.hpp is included, and the layering (core/CMakeLists.txt) keeps that
    // header off every include path above the core: there `project.db()` does not compile.
    template <class Key = detail::DbKey>
        requires std::same_as<Key, detail::DbKey>
    sqlite::Database& db(Key = {}) {
        return db_;
    }
    GuidGenerator& guids() { return guids_; }
    std::string now() const { return utc_now_iso(); }

    // Who is acting (recorded in the event log and undo steps). Defaults to $USER or "unknown".
    void set_actor(std::string actor) { actor_ = std::move(actor); }
    const std::string& actor() const { return actor_; }

    std::string name();
    std::string meta(std::string_view key);

    // Runs fn as one undoable action named `label`: one IMMEDIATE transaction; all of it lands or
    // none does (an exception rolls it back and propagates). Calls nested inside an action join it.
    template <class F>
    decltype(auto) action(std::string_view label, F&& fn) {
        ActionScope scope(*this, label);
        if constexpr (std::is_void_v<std::invoke_result_t<F>>) {
            fn();
            scope.commit();
        } else {
            decltype(auto) result = fn();
            scope.commit();
            return result;
        }
    }
    bool in_action() const { return depth_ > 0; }

    // Copies the whole project to `target` with the SQLite backup API (consistent while open).
    void save_copy(const std::filesystem::path& target);

    // Runs PRAGMA integrity_check; returns "ok" or the problems found.
    std::string integrity_check();

private:
    class ActionScope {
    public:
        ActionScope(Project& project, std::string_view label);
        ~ActionScope();
        ActionScope(const ActionScope&) = delete;
        ActionScope& operator=(const ActionScope&) = delete;
        void commit();

    private:
        Project& project_;
        bool outermost_;
        bool committed_ = false;
        std::string label_;
        Id step_id_ = 0;
    };

    Project(sqlite::Database db, std::filesystem::path path, bool read_only);
    static void configure(sqlite::Database& db);

    OpenProjectFile open_file_;  // first in, last out: registered for the connection's whole life
    sqlite::Database db_;
    std::filesystem::path path_;
    bool read_only_ = false;
    bool damaged_ = false;
    GuidGenerator guids_;
    std::string actor_;
    int depth_ = 0;
    bool failed_ = false;
};

}  // namespace npt
