// shared_project_test.cpp — one project used by several connections at once: two in this process
// (as the GUI and its import worker), another process, read-only opens, merge's read of the other
// file, and undo that takes back only the actor's own steps. Each case lost or changed work once.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/store/file_io.hpp"
#include "core/model/memos.hpp"
#include "core/model/merge.hpp"
#include "core/store/undo.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;
namespace fs = std::filesystem;

namespace {

CodingRequest coding(std::int64_t start, std::int64_t end, std::string coder) {
    return {"a.txt", start, end, "Coherence/Differentiation", std::move(coder), "", ""};
}

fs::path make_project(const TempDir& dir, const std::string& name = "p.nptq") {
    Project p = Project::create(dir / name, "P");
    add_document(p, {"a.txt", std::string(2000, 'a'), "a.txt", "text", "", {}});
    apply_codings(p, {coding(1990, 2000, "Setup")});  // the code exists before anyone's step
    return dir / name;
}

std::set<std::pair<std::int64_t, std::string>> codings_of(Project& p) {
    std::set<std::pair<std::int64_t, std::string>> out;
    for (const CodedSegment& s : list_segments(p, {}))
        if (s.coder != "Setup") out.insert({s.coding.start, s.coder});
    return out;
}

// Files this process has open that were deleted from under it (the symptom of dropped locks).
std::vector<std::string> deleted_open_files(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& fd : fs::directory_iterator("/proc/self/fd")) {
        std::error_code ec;
        fs::path target = fs::read_symlink(fd.path(), ec);
        if (!ec && target.string().starts_with(dir.string()) && target.string().ends_with("(deleted)"))
            out.push_back(target.string());
    }
    return out;
}

bool file_exists(const fs::path& p) { return fs::exists(p); }
fs::path with_suffix(fs::path p, const char* suffix) { return p += suffix; }

}  // namespace

// The GUI opens a project, its import worker opens it again, and the CLI writes meanwhile. Opening
// the second connection once read the file's header through a stream, and closing that stream
// dropped the first connection's locks: the next process deleted the -wal/-shm files and each
// process went on writing its own copy.
TEST(SharedProject, TwoConnectionsInOneProcessAndAnotherProcessLoseNothing) {
    TempDir dir;
    fs::path path = make_project(dir);
    Project gui = Project::open(path);
    apply_codings(gui, {coding(0, 5, "Amira")});
    Project worker = Project::open(path);  // the import worker's connection
    apply_codings(worker, {coding(10, 15, "Amira")});

    auto r = npt::test::run_cli({"info", path.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = npt::test::run_cli({"code", "add", path.string(), "--doc", "a.txt", "--start", "20", "--end", "25", "--code",
                            "Coherence/Differentiation", "--coder", "Ben"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(deleted_open_files(dir.path()).empty());
    EXPECT_TRUE(file_exists(with_suffix(path, "-wal")));

    apply_codings(gui, {coding(30, 35, "Amira")});
    apply_codings(worker, {coding(40, 45, "Amira")});
    r = npt::test::run_cli({"code", "add", path.string(), "--doc", "a.txt", "--start", "50", "--end", "55", "--code",
                            "Coherence/Differentiation", "--coder", "Ben"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(codings_of(gui).size(), 6u);  // the GUI sees the other process's codings

    { Project moved = std::move(worker); }
    { Project moved = std::move(gui); }
    Project reopened = Project::open(path);
    std::set<std::pair<std::int64_t, std::string>> expected = {{0, "Amira"},  {10, "Amira"}, {20, "Ben"},
                                                                {30, "Amira"}, {40, "Amira"}, {50, "Ben"}};
    EXPECT_EQ(codings_of(reopened), expected);
    EXPECT_EQ(reopened.integrity_check(), "ok");
    auto history = undo_history(reopened, 100);
    std::set<UndoStepId> step_ids;
    for (const UndoStep& s : history) EXPECT_TRUE(step_ids.insert(s.id).second) << "undo step " << s.id << " twice";
}

TEST(SharedProject, DataVersionChangesWhenAnotherConnectionCommits) {
    TempDir dir;
    fs::path path = make_project(dir);
    Project gui = Project::open(path);
    Project other = Project::open(path);
    std::int64_t before = gui.data_version();
    EXPECT_EQ(gui.data_version(), before);
    apply_codings(other, {coding(0, 5, "Ben")});
    EXPECT_NE(gui.data_version(), before);
    std::int64_t after_other = gui.data_version();
    apply_codings(gui, {coding(10, 15, "Amira")});  // its own commits do not count
    EXPECT_EQ(gui.data_version(), after_other);
}

// While a project is open, nothing in the process may open its file (or -wal/-shm) as a plain file.
TEST(SharedProject, RawFileAccessToAnOpenProjectIsRefused) {
    TempDir dir;
    fs::path path = make_project(dir);
    {
        Project p = Project::open(path);
        EXPECT_THROW(read_file(path), InputError);
        EXPECT_THROW(read_file(with_suffix(path, "-wal")), InputError);
        EXPECT_THROW(write_file_atomic(path, "x"), InputError);
        fs::path alias = dir / "alias.nptq";
        fs::create_hard_link(path, alias);
        EXPECT_THROW(read_file(alias), InputError);
        try {
            read_file(path);
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find("is an nptcoder project open in this program"), std::string::npos) << e.what();
        }
        apply_codings(p, {coding(0, 5, "Amira")});
    }
    EXPECT_NO_THROW(read_file(path));  // closed: an ordinary file again
}

TEST(SharedProject, NotADatabaseIsRefusedWithoutBeingChanged) {
    TempDir dir;
    npt::test::write_bytes(dir / "notes.nptq", "Interview notes, not a project\n");
    npt::test::write_bytes(dir / "empty.nptq", "");
    std::string before = npt::test::file_sha256(dir / "notes.nptq");
    try {
        Project::open(dir / "notes.nptq");
        FAIL() << "opened a text file";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("not an SQLite database"), std::string::npos) << e.what();
    }
    EXPECT_THROW(Project::open(dir / "empty.nptq"), FormatError);
    EXPECT_EQ(npt::test::file_sha256(dir / "notes.nptq"), before);
    EXPECT_EQ(fs::file_size(dir / "empty.nptq"), 0u);
    EXPECT_FALSE(file_exists(dir / "notes.nptq-wal"));
}

TEST(ReadOnlyProject, ReadsEverythingWritesNothingLeavesNothing) {
    TempDir dir;
    fs::path path = make_project(dir);
    { Project p = Project::open(path); apply_codings(p, {coding(0, 5, "Amira")}); }
    ASSERT_FALSE(file_exists(with_suffix(path, "-wal")));
    std::string before = npt::test::file_sha256(path);
    {
        Project p = Project::open(path, OpenMode::ReadOnly);
        EXPECT_TRUE(p.read_only());
        EXPECT_EQ(codings_of(p).size(), 1u);
        try {
            apply_codings(p, {coding(10, 15, "Amira")});
            FAIL() << "wrote into a read-only project";
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find("is read-only"), std::string::npos) << e.what();
        }
        EXPECT_THROW(undo(p), InputError);
        EXPECT_THROW(add_memo(p, MemoTarget::Project, std::nullopt, "x"), InputError);
        EXPECT_FALSE(file_exists(with_suffix(path, "-wal")));
        EXPECT_FALSE(file_exists(with_suffix(path, "-shm")));
    }
    EXPECT_EQ(npt::test::file_sha256(path), before);
    EXPECT_FALSE(file_exists(with_suffix(path, "-wal")));
    EXPECT_FALSE(file_exists(with_suffix(path, "-shm")));
}

// A read-only open while a writer has the project open sees the writer's committed work.
TEST(ReadOnlyProject, SeesAWriterThatHasTheProjectOpen) {
    TempDir dir;
    fs::path path = make_project(dir);
    Project writer = Project::open(path);
    apply_codings(writer, {coding(0, 5, "Amira")});
    Project reader = Project::open(path, OpenMode::ReadOnly);
    EXPECT_EQ(codings_of(reader).size(), 1u);
    apply_codings(writer, {coding(10, 15, "Amira")});
    EXPECT_EQ(codings_of(reader).size(), 2u);
}

// A file this user cannot write (0444, or another user's) opens read-only and leaves no -wal/-shm
// files owned by the reader, which would later stop the owner writing. As root (CI), the reader is
// a child process that drops to the 'nobody' user; otherwise the file is made 0444.
TEST(ReadOnlyProject, UnwritableFileOpensReadOnlyAndLeavesNothingBehind) {
    TempDir dir;
    fs::path path = make_project(dir);
    { Project p = Project::open(path); apply_codings(p, {coding(0, 5, "Amira")}); }
    std::string before = npt::test::file_sha256(path);
    fs::permissions(dir.path(), fs::perms::all);  // the folder is writable by everyone, the file by nobody
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);

    // 0: opened read-only, read 1 coding, refused a write; 1..: what went wrong.
    auto read_as_reader = [&]() -> int {
        try {
            Project p = Project::open(path);
            if (!p.read_only()) return 1;
            if (codings_of(p).size() != 1) return 2;
            try {
                apply_codings(p, {coding(10, 15, "Ben")});
                return 3;
            } catch (const InputError&) {
            }
            return 0;
        } catch (const std::exception&) {
            return 4;
        }
    };
    int result = -1;
    if (::geteuid() == 0) {
        pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(5);
            ::_exit(read_as_reader());
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFEXITED(status));
        result = WEXITSTATUS(status);
    } else {
        result = read_as_reader();
    }
    EXPECT_EQ(result, 0);
    EXPECT_FALSE(file_exists(with_suffix(path, "-wal")));
    EXPECT_FALSE(file_exists(with_suffix(path, "-shm")));
    EXPECT_EQ(npt::test::file_sha256(path), before);

    // The owner can still write once the file is writable again.
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    Project owner = Project::open(path);
    EXPECT_FALSE(owner.read_only());
    EXPECT_NO_THROW(apply_codings(owner, {coding(10, 15, "Amira")}));
}

// merge reads the other coder's project: it must stay byte-for-byte as it was, even when it is in
// rollback-journal mode (as `nptcoder copy` writes it) and would otherwise be switched to WAL.
TEST(ReadOnlyProject, MergeLeavesTheOtherProjectUnchanged) {
    TempDir dir;
    fs::path lead_path = make_project(dir, "lead.nptq");
    {
        Project ben = Project::open(make_project(dir, "ben-live.nptq"));
        apply_codings(ben, {coding(0, 5, "Ben")});
        ben.save_copy(dir / "ben.nptq");  // journal_mode = DELETE: header bytes 18-19 are 01 01
    }
    fs::path other = dir / "ben.nptq";
    std::string header = npt::test::read_bytes(other).substr(18, 2);
    ASSERT_EQ(header, std::string("\x01\x01", 2));
    std::string before = npt::test::file_sha256(other);

    Project lead = Project::open(lead_path);
    MergeReport report = merge_project(lead, other, {});
    EXPECT_EQ(report.codings_added, 1);
    EXPECT_EQ(npt::test::file_sha256(other), before);
    EXPECT_FALSE(file_exists(with_suffix(other, "-wal")));
    EXPECT_FALSE(file_exists(with_suffix(other, "-shm")));
}

TEST(Memos, OnAMissingTargetIsNotFoundAndChangesNothing) {
    TempDir dir;
    Project p = Project::open(make_project(dir));
    std::string before = npt::test::table_counts(p);
    try {
        add_memo(p, MemoTarget::Coding, CodingId{99999}, "a memo");
        FAIL() << "memo on a missing coding";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(std::string(e.what()), "no coding with id 99999");
    }
    EXPECT_THROW(add_memo(p, MemoTarget::Document, DocumentId{42}, "a memo"), NotFoundError);
    EXPECT_EQ(npt::test::table_counts(p), before);
}

// ---- undo with several writers -------------------------------------------------------------------

TEST(SharedUndo, TakesBackOnlyTheActorsOwnStep) {
    TempDir dir;
    fs::path path = make_project(dir);
    Project amira = Project::open(path);
    amira.set_actor("Amira");
    Project ben = Project::open(path);
    ben.set_actor("Ben");
    apply_codings(amira, {coding(0, 5, "Amira")});
    apply_codings(ben, {coding(10, 15, "Ben")});  // Ben's acknowledged coding, made after Amira's

    auto next = next_undo(amira);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->actor, "Amira");
    EXPECT_EQ(next_undo(amira, UndoScope::Any)->actor, "Ben");
    auto undone = undo(amira);
    ASSERT_TRUE(undone);
    EXPECT_EQ(undone->actor, "Amira");
    EXPECT_EQ(codings_of(amira), (std::set<std::pair<std::int64_t, std::string>>{{10, "Ben"}}));

    // Ben's next action does not forget Amira's redo.
    apply_codings(ben, {coding(20, 25, "Ben")});
    ASSERT_TRUE(redo(amira));
    EXPECT_EQ(codings_of(amira).size(), 3u);
    // Nothing of Ben's is Amira's to undo twice over.
    ASSERT_TRUE(undo(amira));
    EXPECT_FALSE(undo(amira).has_value());
    EXPECT_EQ(codings_of(amira).size(), 2u);
}

TEST(SharedUndo, RefusesWhenSomeoneElsesLaterStepDependsOnIt) {
    TempDir dir;
    fs::path path = make_project(dir);
    Project amira = Project::open(path);
    amira.set_actor("Amira");
    Project ben = Project::open(path);
    ben.set_actor("Ben");
    add_document(amira, {"b.txt", std::string(100, 'b'), "b.txt", "text", "", {}});
    apply_codings(ben, {{"b.txt", 0, 10, "Coherence/Internalisation", "Ben", "", ""}});
    std::string before = npt::test::table_counts(amira);
    try {
        undo(amira);  // would delete b.txt and, by cascade, Ben's coding in it
        FAIL() << "undid a step that Ben's coding depends on";
    } catch (const InputError& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("Ben's later step"), std::string::npos) << what;
        EXPECT_NE(what.find("undo --any"), std::string::npos) << what;
    }
    EXPECT_EQ(npt::test::table_counts(amira), before);
    // The whole history, newest first, still works: Ben's step, then Amira's.
    ASSERT_TRUE(undo(amira, UndoScope::Any));
    ASSERT_TRUE(undo(amira));
    EXPECT_FALSE(find_document(amira, "b.txt"));
}

TEST(SharedUndo, RedoIsRefusedWhenSomeoneReusedTheRows) {
    TempDir dir;
    fs::path path = make_project(dir);
    Project amira = Project::open(path);
    amira.set_actor("Amira");
    Project ben = Project::open(path);
    ben.set_actor("Ben");
    apply_codings(amira, {coding(0, 5, "Amira")});
    ASSERT_TRUE(undo(amira));
    apply_codings(ben, {coding(10, 15, "Amira")});  // Ben codes for Amira (e.g. a CSV): may reuse the rowid
    std::string before = npt::test::table_counts(amira);
    try {
        redo(amira);
        // If SQLite chose another rowid, the redo is independent and must have landed.
        EXPECT_EQ(codings_of(amira).size(), 2u);
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("Ben's later step"), std::string::npos) << e.what();
        EXPECT_EQ(npt::test::table_counts(amira), before);
    }
}
