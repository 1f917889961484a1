// crash_safety_test.cpp — a process killed with SIGKILL in the middle of a 100,000-coding action
// leaves a project that opens, passes integrity_check, and holds none of that action.
#include <gtest/gtest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "core/detail/db_access.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;

TEST(CrashSafety, SigkillInTheMiddleOfABulkActionLosesNothingCommitted) {
    TempDir dir;
    const auto path = dir / "p.nptq";
    DocumentId doc;
    CodeId code;
    CoderId coder;
    {
        Project p = Project::create(path, "P");
        doc = add_document(p, {"d.txt", std::string(200000, 'x'), "d.txt", "text", "", {}}).id;
        code = ensure_code(p, "Coherence").id;
        coder = ensure_coder(p, "Amira").id;
        apply_coding(p, doc, code, coder, {0, 5});  // committed before the crash
    }
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    pid_t child = ::fork();
    if (child == 0) {
        ::close(pipe_fds[0]);
        Project p = Project::open(path);
        p.action("Code 100000 segments", [&] {
            for (std::int64_t i = 0; i < 100000; ++i) {
                apply_coding(p, doc, code, coder, {10 + i * 2, 11 + i * 2});
                if (i == 50000) {
                    char c = 'x';
                    (void)!::write(pipe_fds[1], &c, 1);
                    ::pause();  // wait here, mid-transaction, for the kill
                }
            }
        });
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    char c;
    ASSERT_EQ(::read(pipe_fds[0], &c, 1), 1);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));

    Project p = Project::open(path);
    EXPECT_EQ(p.integrity_check(), "ok");
    EXPECT_EQ(p.db().scalar_int("SELECT count(*) FROM coding"), 1);
    EXPECT_EQ(p.db().scalar_int("SELECT count(*) FROM undo_entry WHERE sql LIKE 'DELETE FROM coding%'"), 1);
}
