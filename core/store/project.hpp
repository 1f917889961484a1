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
#include "core/store/sqlite.hpp"

namespace npt {

using Id = std::int64_t;

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
    // version; the file is then left untouched).
    static Project open(const std::filesystem::path& path);

    Project(Project&&) noexcept = default;
    Project& operator=(Project&&) noexcept = default;

    const std::filesystem::path& path() const { return path_; }
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

    Project(sqlite::Database db, std::filesystem::path path);
    static void configure(sqlite::Database& db);

    sqlite::Database db_;
    std::filesystem::path path_;
    GuidGenerator guids_;
    std::string actor_;
    int depth_ = 0;
    bool failed_ = false;
};

}  // namespace npt
