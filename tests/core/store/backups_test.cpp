// backups_test.cpp — rotating backups next to the project: made before merge, reconcile and a
// large undo, listed newest first, rotated to the keep count, restored into an open project.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "core/store/backups.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/merge.hpp"
#include "core/store/undo.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;
namespace fs = std::filesystem;

namespace {

fs::path make_project(const TempDir& dir, const std::string& name, const std::string& coder) {
    Project p = Project::create(dir / name, "P");
    add_document(p, {"a.txt", std::string(5000, 'a'), "a.txt", "text", "", {}});
    apply_codings(p, {{"a.txt", 0, 10, "Coherence/Differentiation", coder, "", ""}});
    return dir / name;
}

}  // namespace

TEST(Backups, MadeBeforeMergeAndALargeUndoAndRotated) {
    TempDir dir;
    fs::path lead_path = make_project(dir, "lead.nptq", "Amira");
    fs::path other = make_project(dir, "ben.nptq", "Ben");
    Project lead = Project::open(lead_path);
    merge_project(lead, other, {});
    auto backups = list_backups(lead_path);
    ASSERT_EQ(backups.size(), 1u);
    EXPECT_EQ(backups[0].reason, "merge");
    struct stat st {};
    ASSERT_EQ(::stat(backups[0].file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    {  // the backup holds the state before the merge: Amira's coding only
        Project b = Project::open(backups[0].file, OpenMode::ReadOnly);
        EXPECT_EQ(list_segments(b, {}).size(), 1u);
    }

    std::vector<CodingRequest> many;
    for (int i = 0; i < 600; ++i) many.push_back({"a.txt", i * 8, i * 8 + 2, "Coherence/Differentiation", "Amira", "", ""});
    apply_codings(lead, many);  // > kLargeUndoRows row changes (codings and their undo entries)
    ASSERT_TRUE(undo(lead, UndoScope::Any));
    backups = list_backups(lead_path);
    ASSERT_GE(backups.size(), 1u);
    bool undo_backup = false;
    for (const Backup& b : backups) undo_backup = undo_backup || b.reason == "undo";
    EXPECT_FALSE(undo_backup) << "600 codings are 600 row changes: not a large step";

    for (int i = 0; i < 1100; ++i) many.push_back({"a.txt", 4800 + (i % 20) * 0, 4801, "X", "Amira", "", ""});
    many.resize(600);
    std::vector<CodingRequest> big;
    for (int i = 0; i < 1200; ++i) big.push_back({"a.txt", i * 4, i * 4 + 2, "Coherence/Communal specification", "Amira", "", ""});
    apply_codings(lead, big);
    ASSERT_TRUE(undo(lead, UndoScope::Any));
    backups = list_backups(lead_path);
    EXPECT_EQ(backups[0].reason, "undo");

    set_backup_keep(lead, 2);
    for (int i = 0; i < 3; ++i) make_backup(lead, "merge");
    make_backup(lead, "manual");
    int automatic = 0, manual = 0;
    for (const Backup& b : list_backups(lead_path)) (b.reason == "manual" ? manual : automatic)++;
    EXPECT_EQ(automatic, 2);
    EXPECT_EQ(manual, 1);
}

TEST(Backups, RestoreIntoAProjectAnotherConnectionHasOpen) {
    TempDir dir;
    fs::path path = make_project(dir, "p.nptq", "Amira");
    Project p = Project::open(path);
    Project other = Project::open(path);  // another program on the same project
    auto before = make_backup(p, "manual");
    ASSERT_TRUE(before);
    apply_codings(p, {{"a.txt", 100, 110, "Coherence/Differentiation", "Amira", "", ""}});
    EXPECT_EQ(list_segments(other, {}).size(), 2u);
    restore_backup(p, before->file);
    EXPECT_EQ(list_segments(p, {}).size(), 1u);
    EXPECT_EQ(list_segments(other, {}).size(), 1u);  // the other connection sees the restored content
    apply_codings(other, {{"a.txt", 200, 210, "Coherence/Differentiation", "Ben", "", ""}});
    EXPECT_EQ(list_segments(p, {}).size(), 2u);
    EXPECT_EQ(p.integrity_check(), "ok");
    bool before_restore = false;
    for (const Backup& b : list_backups(path)) before_restore = before_restore || b.reason == "before-restore";
    EXPECT_TRUE(before_restore);
    EXPECT_THROW(restore_backup(p, path), InputError);
}
