// private_files_test.cpp — every file nptcoder creates (exports through write_file_atomic and
// produce_file_atomic, new projects, copies) is 0600 whatever the umask, and its temporary file is
// made under a fresh name with O_EXCL|O_NOFOLLOW, so a symlink planted under the temporary name
// the old code used (".NAME.tmp-PID", "NAME.copying-PID", "NAME.creating-PID") is never followed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "core/store/file_io.hpp"
#include "core/store/project.hpp"
#include "support/test_support.hpp"

using namespace npt;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
    return st.st_mode & 07777;
}

// Sets a umask for the test's lifetime: 022 is the usual one, under which files were 0644.
struct Umask {
    explicit Umask(mode_t m) : old(::umask(m)) {}
    ~Umask() { ::umask(old); }
    mode_t old;
};

// A symlink `link` to a victim file holding "precious"; the victim must stay as it was.
fs::path plant(const test::TempDir& dir, const fs::path& link) {
    fs::path victim = dir / "victim.txt";
    test::write_bytes(victim, "precious");
    fs::create_symlink(victim, link);
    return victim;
}

std::string pid() { return std::to_string(::getpid()); }

}  // namespace

TEST(PrivateFiles, WriteFileAtomicIsOwnerOnlyUnderTheUsualUmask) {
    Umask usual(022);
    test::TempDir dir;
    write_file_atomic(dir / "out.csv", "a,b\r\n");
    EXPECT_EQ(mode_of(dir / "out.csv"), 0600u);
    EXPECT_EQ(test::read_bytes(dir / "out.csv"), "a,b\r\n");
    // Replacing a world-readable file leaves an owner-only one.
    test::write_bytes(dir / "old.html", "old");
    fs::permissions(dir / "old.html", fs::perms(0644));
    write_file_atomic(dir / "old.html", "new");
    EXPECT_EQ(mode_of(dir / "old.html"), 0600u);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 2) << "no temporary file left";
}

TEST(PrivateFiles, ProduceFileAtomicHandsTheWriterAnEmptyOwnerOnlyFile) {
    Umask usual(022);
    test::TempDir dir;
    fs::path seen;
    produce_file_atomic(dir / "m.xlsx", [&](const fs::path& temp) {
        seen = temp;
        EXPECT_EQ(temp.parent_path(), dir.path());
        EXPECT_EQ(mode_of(temp), 0600u);
        EXPECT_EQ(fs::file_size(temp), 0u);
        std::ofstream(temp, std::ios::binary) << "zip bytes";
    });
    EXPECT_FALSE(fs::exists(seen));
    EXPECT_EQ(mode_of(dir / "m.xlsx"), 0600u);
    EXPECT_EQ(test::read_bytes(dir / "m.xlsx"), "zip bytes");
}

TEST(PrivateFiles, ASymlinkPlantedUnderTheOldTemporaryNameIsNotFollowedByAnExport) {
    test::TempDir dir;
    fs::path victim = plant(dir, dir / (".out.csv.tmp-" + pid()));
    write_file_atomic(dir / "out.csv", "exported");
    EXPECT_EQ(test::read_bytes(victim), "precious");
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(dir / "out.csv")));
    EXPECT_EQ(test::read_bytes(dir / "out.csv"), "exported");

    fs::path victim2 = dir / "victim2.txt";
    test::write_bytes(victim2, "precious");
    fs::create_symlink(victim2, dir / (".r.xlsx.tmp-" + pid()));
    produce_file_atomic(dir / "r.xlsx", [](const fs::path& temp) { std::ofstream(temp, std::ios::binary) << "sheet"; });
    EXPECT_EQ(test::read_bytes(victim2), "precious");
    EXPECT_EQ(test::read_bytes(dir / "r.xlsx"), "sheet");
}

TEST(PrivateFiles, ASymlinkAtTheTargetIsReplacedNotWrittenThrough) {
    test::TempDir dir;
    fs::path victim = plant(dir, dir / "out.md");
    write_file_atomic(dir / "out.md", "# report");
    EXPECT_EQ(test::read_bytes(victim), "precious");
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(dir / "out.md")));
}

TEST(PrivateFiles, NewProjectsAndCopiesAreOwnerOnlyAndIgnorePlantedSymlinks) {
    Umask usual(022);
    test::TempDir dir;
    fs::path victim_create = plant(dir, dir / ("p.nptq.creating-" + pid()));
    {
        Project p = Project::create(dir / "p.nptq", "Private");
        EXPECT_EQ(mode_of(dir / "p.nptq"), 0600u);
        fs::path victim_copy = dir / "victim-copy.txt";
        test::write_bytes(victim_copy, "precious");
        fs::create_symlink(victim_copy, dir / ("c.nptq.copying-" + pid()));
        p.save_copy(dir / "c.nptq");
        EXPECT_EQ(test::read_bytes(victim_copy), "precious") << "the copy was written through the planted symlink";
        EXPECT_EQ(mode_of(dir / "c.nptq"), 0600u);
        for (const char* side : {"-wal", "-shm"}) {
            fs::path companion = dir / (std::string("p.nptq") + side);
            if (fs::exists(companion)) EXPECT_EQ(mode_of(companion), 0600u) << companion;
        }
    }
    EXPECT_EQ(test::read_bytes(victim_create), "precious");
    Project copy = Project::open(dir / "c.nptq");
    EXPECT_EQ(copy.name(), "Private");
}
