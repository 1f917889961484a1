// bulk_kill_cli_test.cpp — 100,000 codings from one CSV through the CLI land in one transaction;
// killing the process part-way leaves a project that opens, is intact, and holds all or none.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "core/detail/db_access.hpp"
#include "core/store/project.hpp"
#include "support/test_support.hpp"

using npt::test::run_cli;
using npt::test::TempDir;

TEST(BulkCodingCli, OneHundredThousandCodingsAreAllOrNothingUnderSigkill) {
    TempDir dir;
    std::string path = (dir / "s.nptq").string();
    ASSERT_EQ(run_cli({"init", path}).exit_code, 0);
    npt::test::write_bytes(dir / "a.txt", std::string(250000, 'a'));
    ASSERT_EQ(run_cli({"import", path, (dir / "a.txt").string()}).exit_code, 0);
    std::string rows = "doc,start,end,code,coder\n";
    rows.reserve(5000000);
    for (int i = 0; i < 100000; ++i)
        rows += "a.txt," + std::to_string(i * 2) + "," + std::to_string(i * 2 + 1) + ",Code " + std::to_string(i % 20) + ",A\n";
    npt::test::write_bytes(dir / "big.csv", rows);

    // Kill a run part-way through.
    pid_t child = ::fork();
    if (child == 0) {
        int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 1);
        ::dup2(devnull, 2);
        ::execl(NPT_CLI_PATH, NPT_CLI_PATH, "code", "add", path.c_str(), "--from", (dir / "big.csv").c_str(), nullptr);
        ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    {
        npt::Project p = npt::Project::open(path);
        EXPECT_EQ(p.integrity_check(), "ok");
        auto n = p.db().scalar_int("SELECT count(*) FROM coding");
        EXPECT_TRUE(n == 0 || n == 100000) << n << " codings after the kill";
        if (n == 100000) GTEST_SKIP() << "the import finished before the kill; all-or-nothing still held";
    }
    // A full run lands every row.
    auto r = run_cli({"code", "add", path, "--from", (dir / "big.csv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    npt::Project p = npt::Project::open(path);
    EXPECT_EQ(p.db().scalar_int("SELECT count(*) FROM coding"), 100000);
}
