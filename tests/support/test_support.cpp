// test_support.cpp — temporary folders, file helpers and a subprocess runner for CLI tests.
#include "support/test_support.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "core/detail/db_access.hpp"
#include "core/model/sha256.hpp"

namespace npt::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("nptcoder-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string file_sha256(const fs::path& path) { return sha256_hex(read_bytes(path)); }

static std::string slurp_fd(int fd) {
    std::string out;
    char buf[65536];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    return out;
}

CommandResult run_cli(const std::vector<std::string>& args) {
    char out_tmpl[] = "/tmp/nptcoder-out-XXXXXX";
    char err_tmpl[] = "/tmp/nptcoder-err-XXXXXX";
    int out_fd = ::mkstemp(out_tmpl), err_fd = ::mkstemp(err_tmpl);
    // Everything the child needs is built before fork: between fork and exec only async-signal-safe
    // calls are made, so run_cli may be called from several threads at once.
    std::string exe = NPT_CLI_PATH;
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    argv.push_back(exe.data());
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out_fd, 1);
        ::dup2(err_fd, 2);
        ::execv(exe.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    ::lseek(out_fd, 0, SEEK_SET);
    ::lseek(err_fd, 0, SEEK_SET);
    r.out = slurp_fd(out_fd);
    r.err = slurp_fd(err_fd);
    ::close(out_fd);
    ::close(err_fd);
    ::unlink(out_tmpl);
    ::unlink(err_tmpl);
    return r;
}

std::string table_counts(Project& project) {
    std::string out;
    sqlite::Statement tables(project.db(),
                             "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                             "AND name NOT LIKE 'document_fts%' ORDER BY name");
    while (tables.step()) {
        std::string t = tables.text(0);
        out += t + "=" + std::to_string(project.db().scalar_int("SELECT count(*) FROM \"" + t + "\"")) + " ";
    }
    return out;
}

}  // namespace npt::test
