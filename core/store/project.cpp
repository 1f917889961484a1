// project.cpp — creating, opening and validating project files, and the action machinery.
#include "core/store/project.hpp"

#include <cstdlib>
#include <cstring>
#include <optional>
#include <unistd.h>

#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/store/schema.hpp"
#include "core/store/schema_check.hpp"
#include "core/store/schema.hpp"
#include "core/store/schema_check.hpp"

namespace npt {
namespace fs = std::filesystem;

namespace {

std::string default_actor() {
    if (const char* u = std::getenv("NPT_CODER"); u && *u) return u;
    if (const char* u = std::getenv("USER"); u && *u) return u;
    return "unknown";
}

std::string file_label(const fs::path& p) { return p.string(); }

// Whether this process may write the project: the file itself, and the folder (SQLite creates the
// -wal and -shm files there) unless both already exist and can be written.
bool can_write(const fs::path& path) {
    if (::access(path.c_str(), W_OK) != 0) return false;
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (::access(dir.c_str(), W_OK) == 0) return true;
    fs::path wal = path, shm = path;
    wal += "-wal";
    shm += "-shm";
    return ::access(wal.c_str(), W_OK) == 0 && ::access(shm.c_str(), W_OK) == 0;
}

// A read-only connection that leaves nothing behind. When no -wal file exists, no connection has
// the project open in WAL mode (SQLite removes it when the last one closes), so the file is opened
// immutable: no locks, no -wal/-shm created, not a byte written. Otherwise a writer may be active,
// and a plain read-only connection uses the -wal/-shm files that are already there.
sqlite::Database open_read_only(const fs::path& path) {
    fs::path wal = path;
    wal += "-wal";
    std::error_code ec;
    bool writer_may_be_active = fs::exists(wal, ec);
    return sqlite::Database(path, writer_may_be_active ? sqlite::Database::Mode::ReadOnly
                                                       : sqlite::Database::Mode::ReadOnlyImmutable);
}

}  // namespace

Project::Project(sqlite::Database db, fs::path path, bool read_only)
    : open_file_(path), db_(std::move(db)), path_(std::move(path)), read_only_(read_only), actor_(default_actor()) {}

void Project::configure(sqlite::Database& db) {
    sqlite3_busy_timeout(db.handle(), 10000);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    // 32 MB of page cache (SQLite's default is 2 MB): listing documents reads past each text's
    // overflow pages, which then stay in memory instead of being read from the file again.
    db.exec("PRAGMA cache_size = -32768");
}

Project Project::create(const fs::path& path, std::string_view name) {
    std::error_code ec;
    if (fs::exists(path, ec)) throw InputError(file_label(path) + ": already exists; choose another file name");
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(dir, ec)) throw InputError(file_label(path) + ": folder " + dir.string() + " does not exist");

    // An empty 0600 file under a fresh name (never a planted symlink); SQLite fills it, and gives
    // its -journal/-wal/-shm files the same mode.
    CreatedFile created = create_private_file(dir, path.filename().string() + ".creating-", file_label(path));
    ::close(created.fd);
    const fs::path temp = created.path;
    try {
        {
            sqlite::Database db(temp, sqlite::Database::Mode::ReadWriteCreate);
            db.exec("PRAGMA journal_mode = DELETE");
            db.exec("PRAGMA foreign_keys = ON");
            sqlite::Transaction tx(db);
            schema::migrate(db);
            GuidGenerator guids;
            sqlite::Statement meta(db, "INSERT INTO project_meta(key, value) VALUES(?, ?)");
            std::string project_name = name.empty() ? path.stem().string() : std::string(name);
            for (auto [k, v] : {std::pair<std::string, std::string>{"name", project_name},
                                {"created", utc_now_iso()},
                                {"guid", guids.next()},
                                {"created_by", "nptcoder " NPT_VERSION_STRING}}) {
                meta.bind(1, k).bind(2, v).run();
            }
            tx.commit();
        }
        if (::link(temp.c_str(), path.c_str()) != 0)
            throw InputError(file_label(path) + ": cannot create (" + std::strerror(errno) + ")");
        fs::remove(temp, ec);
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
    return open(path);
}

Project Project::open(const fs::path& path, OpenMode mode) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (!fs::exists(status)) throw NotFoundError(file_label(path) + ": no such project (create one with `nptcoder init`)");
    if (fs::is_directory(status)) throw FormatError(file_label(path) + ": is a folder, not a project file");
    if (fs::is_regular_file(status) && fs::file_size(path, ec) == 0 && !ec)
        throw FormatError(file_label(path) + ": not an nptcoder project (an empty file)");

    // Only SQLite ever opens the file (never a stream, not even to read its header): see
    // open_project_files.hpp. A file that is not a database fails its first read (SQLITE_NOTADB).
    bool read_only = mode == OpenMode::ReadOnly || !can_write(path);
    std::optional<sqlite::Database> opened;
    std::int64_t app_id = 0, version = 0;
    try {
        opened.emplace(read_only ? open_read_only(path) : sqlite::Database(path, sqlite::Database::Mode::ReadWrite));
        sqlite3_busy_timeout(opened->handle(), 10000);
        app_id = opened->scalar_int("PRAGMA application_id");
        version = opened->scalar_int("PRAGMA user_version");
        opened->scalar_int("SELECT count(*) FROM sqlite_schema");
    } catch (const StoreError& e) {
        int code = opened ? sqlite3_errcode(opened->handle()) : SQLITE_CANTOPEN;
        if (code == SQLITE_NOTADB)
            throw FormatError(file_label(path) + ": not an nptcoder project (not an SQLite database)");
        throw FormatError(file_label(path) + ": corrupt or unreadable project (" + e.what() + ")");
    }
    sqlite::Database& db = *opened;
    if (app_id != schema::kApplicationId)
        throw FormatError(file_label(path) + ": not an nptcoder project (an SQLite database of another program)");
    if (version > schema::current_version())
        throw FormatError(file_label(path) + ": made by a newer nptcoder (schema " + std::to_string(version) +
                          "; this build reads up to " + std::to_string(schema::current_version()) +
                          "); the file was not modified");
    if (version < 1)
        throw FormatError(file_label(path) + ": not an nptcoder project (it has nptcoder's mark but no schema: an "
                          "unfinished or damaged file); the file was not modified");
    try {
        auto differences = schema::compare_with_expected(db, static_cast<int>(version));
        if (!differences.empty())
            throw FormatError(file_label(path) + ": " + differences.front().describe() +
                              (differences.size() > 1 ? " (and " + std::to_string(differences.size() - 1) + " more)" : "") +
                              "; a project file brings no code of its own, so it was not opened or modified — "
                              "`nptcoder check " + path.string() + " --repair` writes a copy without it");
    } catch (const StoreError& e) {
        throw FormatError(file_label(path) + ": corrupt or unreadable project (" + e.what() + ")");
    }
    if (read_only && version < schema::current_version())
        throw FormatError(file_label(path) + ": made by an older nptcoder (schema " + std::to_string(version) +
                          ") and opened read-only, so it cannot be upgraded; open it once with write access");
    try {
        if (read_only) {
            db.exec("PRAGMA query_only = ON");
        } else {
            configure(db);
            if (version < schema::current_version()) {
                sqlite::Transaction tx(db);
                schema::migrate(db);
                tx.commit();
            }
        }
    } catch (const StoreError& e) {
        throw FormatError(file_label(path) + ": corrupt or unreadable project (" + e.what() + ")");
    }
    return Project(std::move(db), path, read_only);
}

std::int64_t Project::data_version() { return db_.scalar_int("PRAGMA data_version"); }

std::string Project::meta(std::string_view key) {
    sqlite::Statement st(db_, "SELECT value FROM project_meta WHERE key = ?");
    st.bind(1, key);
    return st.step() ? st.text(0) : std::string();
}

std::string Project::name() { return meta("name"); }

void Project::save_copy(const fs::path& target) {
    std::error_code ec;
    if (fs::exists(target, ec)) throw InputError(file_label(target) + ": already exists; choose another file name");
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(dir, ec)) throw InputError(file_label(target) + ": folder " + dir.string() + " does not exist");
    // An empty 0600 file under a fresh name (never a planted symlink), which the backup fills.
    CreatedFile created = create_private_file(dir, target.filename().string() + ".copying-", file_label(target));
    ::close(created.fd);
    const fs::path temp = created.path;
    try {
        sqlite::Database out(temp, sqlite::Database::Mode::ReadWriteCreate);
        sqlite3_backup* backup = sqlite3_backup_init(out.handle(), "main", db_.handle(), "main");
        if (!backup) throw StoreError(sqlite::error_message(out.handle(), SQLITE_ERROR, target.string()));
        int rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) throw StoreError(sqlite::error_message(out.handle(), rc, target.string()));
        out.exec("PRAGMA journal_mode = DELETE");
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw StoreError(file_label(target) + ": cannot write the copy (" + ec.message() + ")");
    }
}

std::string Project::integrity_check() {
    std::string out;
    try {
        sqlite::Statement st(db_, "PRAGMA integrity_check");
        while (st.step()) {
            if (!out.empty()) out += "; ";
            out += st.text(0);
        }
    } catch (const StoreError&) {
        if (sqlite::is_corruption(sqlite3_extended_errcode(db_.handle()))) damaged_ = true;
        throw;
    }
    if (out != "ok") damaged_ = true;
    return out;
}

// ---- actions ---------------------------------------------------------------------------------

Project::ActionScope::ActionScope(Project& project, std::string_view label)
    : project_(project), outermost_(project.depth_ == 0), label_(label) {
    if (outermost_) {
        if (project_.damaged_)
            throw FormatError(file_label(project_.path_) + ": the project file is damaged (SQLite reported corruption); "
                              "nothing more is written to it — `nptcoder check " + project_.path_.string() +
                              " --repair` writes a recovered copy");
        if (project_.read_only_)
            throw InputError(file_label(project_.path_) + ": is read-only (" + label_ +
                             " needs write access to the file and its folder); nothing was changed");
        if (project_.db_.in_transaction())
            throw StoreError("an action was started inside a raw transaction");
        project_.db_.exec("BEGIN IMMEDIATE");
        project_.failed_ = false;
        try {
            // A new action forgets what its actor could have redone (other writers keep theirs).
            sqlite::Statement forget_entries(
                project_.db_, "DELETE FROM undo_entry WHERE step_id IN (SELECT id FROM undo_step WHERE undone = 1 AND actor = ?)");
            forget_entries.bind(1, project_.actor_).run();
            sqlite::Statement forget_steps(project_.db_, "DELETE FROM undo_step WHERE undone = 1 AND actor = ?");
            forget_steps.bind(1, project_.actor_).run();
            sqlite::Statement st(project_.db_, "INSERT INTO undo_step(label, actor, time) VALUES(?, ?, ?)");
            st.bind(1, label_).bind(2, project_.actor_).bind(3, utc_now_iso()).run();
            step_id_ = UndoStepId{project_.db_.last_insert_rowid()};
            sqlite::Statement on(project_.db_, "UPDATE undo_state SET recording = 1, step_id = ? WHERE id = 1");
            on.bind(1, step_id_).run();
        } catch (...) {
            sqlite3_exec(project_.db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
    ++project_.depth_;
}

void Project::ActionScope::commit() {
    committed_ = true;
    if (!outermost_) return;
    if (project_.failed_) throw StoreError(label_ + ": a part of this action failed; nothing was saved");
    project_.db_.exec("UPDATE undo_state SET recording = 0, step_id = NULL WHERE id = 1");
    sqlite::Statement count(project_.db_, "SELECT count(*) FROM undo_entry WHERE step_id = ?");
    count.bind(1, step_id_);
    count.step();
    bool changed = count.int64(0) > 0;
    count.reset();
    if (!changed) {
        sqlite::Statement del(project_.db_, "DELETE FROM undo_step WHERE id = ?");
        del.bind(1, step_id_).run();
    } else {
        sqlite::Statement log(project_.db_, "INSERT INTO event_log(time, actor, action) VALUES(?, ?, ?)");
        log.bind(1, utc_now_iso()).bind(2, project_.actor_).bind(3, label_).run();
    }
    project_.db_.exec("COMMIT");
}

Project::ActionScope::~ActionScope() {
    --project_.depth_;
    if (!committed_) project_.failed_ = true;
    if (!committed_ && sqlite::is_corruption(sqlite3_extended_errcode(project_.db_.handle()))) project_.damaged_ = true;
    if (outermost_ && !committed_) {
        sqlite3_exec(project_.db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    } else if (outermost_ && project_.db_.in_transaction()) {
        // commit() threw after starting (e.g. COMMIT failed on a deferred foreign key).
        sqlite3_exec(project_.db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    if (outermost_) project_.failed_ = false;
}

}  // namespace npt
