// open_project_files.hpp — the project files this process holds open through SQLite, so that no
// other code in the process opens (and then closes) a descriptor of one of them.
//
// Why: POSIX advisory locks belong to the process, and closing ANY descriptor of a file drops every
// lock the process holds on it. SQLite's locks are what tell another process that a project (and
// its -wal/-shm files) is in use; once they are gone, the next process to close the project deletes
// the -wal and -shm files from under us, and from then on each process writes its own copy. That
// lost a researcher's codings once (docs/reliability.md). So while a connection is open, a project
// file — and its -wal, -shm and -journal files — is opened only through SQLite.
//
// This registry is the one piece of process-wide mutable state in the core: it mirrors the
// process-wide locks it protects. It is thread-safe (the GUI's import worker opens a second
// connection on another thread).
#pragma once
#include <filesystem>
#include <string_view>

namespace npt {

// Held by each open Project: while it lives, `path` counts as an open project file.
class OpenProjectFile {
public:
    OpenProjectFile() = default;
    explicit OpenProjectFile(const std::filesystem::path& path);
    ~OpenProjectFile();
    OpenProjectFile(OpenProjectFile&& other) noexcept;
    OpenProjectFile& operator=(OpenProjectFile&& other) noexcept;
    OpenProjectFile(const OpenProjectFile&) = delete;
    OpenProjectFile& operator=(const OpenProjectFile&) = delete;

private:
    void release() noexcept;
    bool held_ = false;
    unsigned long long device_ = 0, inode_ = 0;
};

// True when `path` (or the project it is the -wal, -shm or -journal file of) is a project this
// process has open. Does not open the file (it only stats it).
bool is_open_project_file(const std::filesystem::path& path);

// Throws InputError "<path>: is an nptcoder project open in this program; <doing> it …" when
// is_open_project_file(path). Every raw file read and write in nptcoder calls this first.
void refuse_open_project_file(const std::filesystem::path& path, std::string_view doing);

}  // namespace npt
