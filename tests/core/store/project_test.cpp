// project_test.cpp — creating and opening project files, and refusing files that are not ours.
#include <gtest/gtest.h>

#include "core/detail/db_access.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/store/project.hpp"
#include "core/store/schema.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;

TEST(Project, CreateThenOpenKeepsNameAndSchema) {
    TempDir dir;
    {
        Project p = Project::create(dir / "study.nptq", "Hub evaluation");
        EXPECT_EQ(p.name(), "Hub evaluation");
    }
    Project p = Project::open(dir / "study.nptq");
    EXPECT_EQ(p.name(), "Hub evaluation");
    EXPECT_EQ(p.db().scalar_int("PRAGMA user_version"), schema::current_version());
    EXPECT_EQ(p.db().scalar_int("PRAGMA application_id"), schema::kApplicationId);
    EXPECT_EQ(p.db().scalar_int("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(p.db().scalar_text("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(p.integrity_check(), "ok");
}

TEST(Project, CreateRefusesAnExistingFile) {
    TempDir dir;
    npt::test::write_bytes(dir / "x.nptq", "keep me");
    EXPECT_THROW(Project::create(dir / "x.nptq", "X"), InputError);
    EXPECT_EQ(npt::test::read_bytes(dir / "x.nptq"), "keep me");
}

TEST(Project, OpenRefusesMissingJunkAndForeignFilesWithoutTouchingThem) {
    TempDir dir;
    EXPECT_THROW(Project::open(dir / "missing.nptq"), NotFoundError);

    npt::test::write_bytes(dir / "junk.nptq", std::string(5000, '\x07'));
    std::string before = npt::test::file_sha256(dir / "junk.nptq");
    EXPECT_THROW(Project::open(dir / "junk.nptq"), FormatError);
    EXPECT_EQ(npt::test::file_sha256(dir / "junk.nptq"), before);

    npt::test::write_bytes(dir / "empty.nptq", "");
    EXPECT_THROW(Project::open(dir / "empty.nptq"), FormatError);

    {  // an SQLite database of another program
        sqlite::Database other(dir / "other.db", sqlite::Database::Mode::ReadWriteCreate);
        other.exec("CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    }
    std::string other_before = npt::test::file_sha256(dir / "other.db");
    try {
        Project::open(dir / "other.db");
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("not an nptcoder project"), std::string::npos);
    }
    EXPECT_EQ(npt::test::file_sha256(dir / "other.db"), other_before);
}

TEST(Project, OpenRefusesAFileFromANewerVersion) {
    TempDir dir;
    { Project::create(dir / "p.nptq", "P"); }
    {
        sqlite::Database db(dir / "p.nptq", sqlite::Database::Mode::ReadWrite);
        db.exec("PRAGMA user_version = 999");
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::string before = npt::test::file_sha256(dir / "p.nptq");
    try {
        Project::open(dir / "p.nptq");
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("newer nptcoder"), std::string::npos);
    }
    EXPECT_EQ(npt::test::file_sha256(dir / "p.nptq"), before);
}

TEST(Project, OpenReportsACorruptFile) {
    TempDir dir;
    {
        Project p = Project::create(dir / "p.nptq", "P");
        add_document(p, {"a.txt", std::string(20000, 'a'), "a.txt", "text", "", {}});
        p.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::string bytes = npt::test::read_bytes(dir / "p.nptq");
    // Keep the header, overwrite the schema page's body with junk.
    for (std::size_t i = 100; i < 4096 && i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xA5);
    npt::test::write_bytes(dir / "p.nptq", bytes);
    EXPECT_THROW(Project::open(dir / "p.nptq"), FormatError);
}

TEST(Project, ActionRollsBackEverythingOnError) {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    std::string before = npt::test::table_counts(p);
    EXPECT_THROW(p.action("two documents, the second bad", [&] {
        add_document(p, {"ok.txt", "fine", "ok.txt", "text", "", {}});
        add_document(p, {"bad.txt", "bad \xFF", "bad.txt", "text", "", {}});
    }),
                 FormatError);
    EXPECT_EQ(npt::test::table_counts(p), before);
    EXPECT_FALSE(p.db().in_transaction());
}

TEST(Project, SaveCopyWritesAnOpenableProject) {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    add_document(p, {"a.txt", "text", "a.txt", "text", "", {}});
    p.save_copy(dir / "copy.nptq");
    Project copy = Project::open(dir / "copy.nptq");
    EXPECT_EQ(list_documents(copy).size(), 1u);
    EXPECT_THROW(p.save_copy(dir / "copy.nptq"), InputError);
}
