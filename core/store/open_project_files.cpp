// open_project_files.cpp — the process-wide set of open project files (see the header for why).
#include "core/store/open_project_files.hpp"

#include <sys/stat.h>

#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "core/error.hpp"

namespace npt {
namespace fs = std::filesystem;
namespace {

using FileKey = std::pair<unsigned long long, unsigned long long>;  // (st_dev, st_ino)

struct Registry {
    std::mutex mutex;
    std::map<FileKey, int> open;  // file -> number of open connections
};

Registry& registry() {
    static Registry r;  // process-wide by nature: POSIX locks are per process
    return r;
}

bool key_of(const fs::path& path, FileKey& key) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    key = {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
    return true;
}

bool registered(const fs::path& path) {
    FileKey key;
    if (!key_of(path, key)) return false;
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    return r.open.count(key) > 0;
}

}  // namespace

OpenProjectFile::OpenProjectFile(const fs::path& path) {
    FileKey key;
    if (!key_of(path, key)) return;
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    ++r.open[key];
    held_ = true;
    device_ = key.first;
    inode_ = key.second;
}

void OpenProjectFile::release() noexcept {
    if (!held_) return;
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.open.find({device_, inode_});
    if (it != r.open.end() && --it->second == 0) r.open.erase(it);
    held_ = false;
}

OpenProjectFile::~OpenProjectFile() { release(); }

OpenProjectFile::OpenProjectFile(OpenProjectFile&& other) noexcept
    : held_(std::exchange(other.held_, false)), device_(other.device_), inode_(other.inode_) {}

OpenProjectFile& OpenProjectFile::operator=(OpenProjectFile&& other) noexcept {
    if (this != &other) {
        release();
        held_ = std::exchange(other.held_, false);
        device_ = other.device_;
        inode_ = other.inode_;
    }
    return *this;
}

bool is_open_project_file(const fs::path& path) {
    if (registered(path)) return true;
    // SQLite's companion files: P.nptq-wal, P.nptq-shm, P.nptq-journal.
    std::string name = path.filename().string();
    for (std::string_view suffix : {"-wal", "-shm", "-journal"}) {
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            fs::path base = path;
            base.replace_filename(name.substr(0, name.size() - suffix.size()));
            if (registered(base)) return true;
        }
    }
    return false;
}

void refuse_open_project_file(const fs::path& path, std::string_view doing) {
    if (is_open_project_file(path))
        throw InputError(path.string() + ": is an nptcoder project open in this program; " + std::string(doing) +
                         " it as a plain file would break its locks (use the project commands instead)");
}

}  // namespace npt
