// backups.cpp — writing, rotating, listing and restoring backups (see backups.hpp).
#include "core/store/backups.hpp"

#include <algorithm>
#include <ctime>

#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/store/project_meta.hpp"

namespace npt {
namespace fs = std::filesystem;
namespace {

std::string compact_utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

// "<stem>-<time>-<reason>.nptq" -> (time, reason)
std::optional<Backup> parse_backup(const fs::path& file, const std::string& stem) {
    std::string name = file.filename().string();
    if (file.extension() != ".nptq" || !name.starts_with(stem + "-")) return std::nullopt;
    std::string rest = name.substr(stem.size() + 1, name.size() - stem.size() - 1 - 5);
    auto dash = rest.find('-');
    if (dash != 16 || rest.size() < 18) return std::nullopt;
    std::error_code ec;
    return Backup{file, rest.substr(0, dash), rest.substr(dash + 1), fs::file_size(file, ec)};
}

bool is_automatic(const std::string& reason) { return !reason.starts_with("manual"); }

}  // namespace

fs::path backup_folder(const fs::path& project_path) {
    fs::path folder = project_path;
    folder += ".backups";
    return folder;
}

int backup_keep(Project& project) {
    std::string value = project.meta("backup_keep");
    if (value.empty()) return kDefaultBackupKeep;
    try {
        return std::clamp(std::stoi(value), 1, 1000);
    } catch (const std::exception&) {
        return kDefaultBackupKeep;
    }
}

void set_backup_keep(Project& project, int keep) {
    if (keep < 1 || keep > 1000) throw InputError("backups to keep: " + std::to_string(keep) + " is outside 1–1000");
    project.action("Keep " + std::to_string(keep) + " backups", [&] { set_meta(project, "backup_keep", std::to_string(keep)); });
}

std::vector<Backup> list_backups(const fs::path& project_path) {
    std::vector<Backup> out;
    std::error_code ec;
    fs::path folder = backup_folder(project_path);
    if (!fs::is_directory(folder, ec)) return out;
    std::string stem = project_path.stem().string();
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec))
            if (auto b = parse_backup(entry.path(), stem)) out.push_back(std::move(*b));
    std::sort(out.begin(), out.end(), [](const Backup& a, const Backup& b) { return a.file.filename() > b.file.filename(); });
    return out;
}

std::optional<Backup> make_backup(Project& project, const std::string& reason) {
    if (project.read_only()) return std::nullopt;
    if (project.in_action()) throw StoreError("a backup cannot be made inside another action");
    fs::path folder = backup_folder(project.path());
    std::error_code ec;
    fs::create_directory(folder, ec);
    fs::permissions(folder, fs::perms::owner_all, ec);  // interview data: the owner only
    if (!fs::is_directory(folder)) throw InputError(folder.string() + ": cannot create the backup folder");
    std::string stem = project.path().stem().string();
    fs::path file = folder / (stem + "-" + compact_utc_now() + "-" + reason + ".nptq");
    for (int n = 2; fs::exists(file, ec); ++n)
        file = folder / (stem + "-" + compact_utc_now() + "-" + reason + "-" + std::to_string(n) + ".nptq");
    project.save_copy(file);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, ec);
    int keep = backup_keep(project);
    int automatic = 0;
    for (const Backup& b : list_backups(project.path())) {
        if (!is_automatic(b.reason)) continue;
        if (++automatic > keep) fs::remove(b.file, ec);
    }
    return parse_backup(file, stem);
}

void restore_backup(Project& project, const fs::path& backup) {
    if (project.read_only()) throw InputError(project.path().string() + ": is read-only; nothing was restored");
    std::error_code ec;
    if (fs::exists(backup, ec) && fs::exists(project.path(), ec) && fs::equivalent(backup, project.path(), ec))
        throw InputError(backup.string() + ": is the project itself");
    { Project checked = Project::open(backup, OpenMode::ReadOnly); }  // an nptcoder project, schema and all
    make_backup(project, "before-restore");
    sqlite::Database source(backup, sqlite::Database::Mode::ReadOnly);
    sqlite3_backup* copy = sqlite3_backup_init(project.db().handle(), "main", source.handle(), "main");
    if (!copy) throw StoreError(sqlite::error_message(project.db().handle(), SQLITE_ERROR, project.path().string()));
    int rc = sqlite3_backup_step(copy, -1);
    sqlite3_backup_finish(copy);
    if (rc != SQLITE_DONE) throw StoreError(sqlite::error_message(project.db().handle(), rc, project.path().string()));
    sqlite::Statement log(project.db(), "INSERT INTO event_log(time, actor, action) VALUES(?, ?, ?)");
    log.bind(1, utc_now_iso()).bind(2, project.actor()).bind(3, "Restore backup " + backup.filename().string()).run();
}

}  // namespace npt
