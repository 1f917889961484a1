// test_support.hpp — helpers every test uses: a temporary folder removed at the end, a fresh
// project in it, running the nptcoder binary and capturing its output, and file hashing.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt::test {

// A fresh folder under the system temp dir, removed (with its contents) on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Writes bytes to a file (binary), creating folders as needed.
void write_bytes(const std::filesystem::path& path, const std::string& bytes);
std::string read_bytes(const std::filesystem::path& path);
// SHA-256 of a file's bytes (for "the project is unchanged" checks).
std::string file_sha256(const std::filesystem::path& path);

struct CommandResult {
    int exit_code = 0;
    std::string out;
    std::string err;
};
// Runs the built `nptcoder` with the arguments (no shell), capturing stdout and stderr.
CommandResult run_cli(const std::vector<std::string>& args);

// Row counts of every user table, for before/after comparisons.
std::string table_counts(Project& project);

}  // namespace npt::test
