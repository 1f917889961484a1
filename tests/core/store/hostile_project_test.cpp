// hostile_project_test.cpp — a project file from someone else brings data, never code: planted or
// altered schema objects refuse the open, undo runs only the statements nptcoder's triggers write,
// files that only look like projects are left untouched, and a damaged file is not written to.
#include <gtest/gtest.h>

#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/memos.hpp"
#include "core/model/merge.hpp"
#include "core/store/project_repair.hpp"
#include "core/store/undo.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;
namespace fs = std::filesystem;

namespace {

fs::path make_project(const TempDir& dir, const std::string& name) {
    Project p = Project::create(dir / name, "P");
    add_document(p, {"a.txt", std::string(500, 'a'), "a.txt", "text", "", {}});
    apply_codings(p, {{"a.txt", 0, 10, "Coherence/Differentiation", "Amira", "", ""}});
    return dir / name;
}

// Changes a project with the plain sqlite3 API, as an attacker's tool would.
void tamper(const fs::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
}

// Runs `sql` with one of nptcoder's triggers out of the way, then puts the trigger back as it was.
void tamper_past_trigger(const fs::path& path, const std::string& trigger, const std::string& sql) {
    std::string create;
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
        sqlite::Statement st(db, "SELECT sql FROM sqlite_schema WHERE name = ?");
        st.bind(1, trigger);
        ASSERT_TRUE(st.step());
        create = st.text(0);
    }
    tamper(path, "DROP TRIGGER " + trigger + "; " + sql + "; " + create + ";");
}

std::string open_error(const fs::path& path) {
    try {
        Project::open(path);
    } catch (const FormatError& e) {
        return e.what();
    }
    return "(opened)";
}

std::int64_t codings_in(const fs::path& path) {
    Project p = Project::open(path, OpenMode::ReadOnly);
    return static_cast<std::int64_t>(list_segments(p, {}).size());
}

}  // namespace

TEST(HostileProject, APlantedTriggerRefusesTheOpenAndNothingRuns) {
    TempDir dir;
    fs::path path = make_project(dir, "p.nptq");
    tamper(path, "CREATE TRIGGER wipe AFTER INSERT ON memo BEGIN DELETE FROM coding; END;");
    std::string before = npt::test::file_sha256(path);
    std::string error = open_error(path);
    EXPECT_NE(error.find("unexpected schema object 'trigger wipe'"), std::string::npos) << error;
    EXPECT_NE(error.find("--repair"), std::string::npos) << error;
    EXPECT_EQ(npt::test::file_sha256(path), before);
    auto r = npt::test::run_cli({"memo", "add", path.string(), "--text", "hello"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("unexpected schema object"), std::string::npos) << r.err;
    EXPECT_EQ(npt::test::file_sha256(path), before);
}

TEST(HostileProject, AnAlteredTriggerOrAViewInPlaceOfATableIsRefused) {
    TempDir dir;
    fs::path altered = make_project(dir, "altered.nptq");
    tamper(altered,
           "DROP TRIGGER undo_insert_memo; CREATE TRIGGER undo_insert_memo AFTER INSERT ON memo BEGIN DELETE FROM coding; END;");
    EXPECT_NE(open_error(altered).find("altered schema object 'trigger undo_insert_memo'"), std::string::npos)
        << open_error(altered);

    fs::path view = make_project(dir, "view.nptq");
    tamper(view,
           "PRAGMA foreign_keys=OFF; CREATE TABLE coder_data AS SELECT * FROM coder; DROP TABLE coder; "
           "CREATE VIEW coder AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
           "SELECT n AS id, 'x' AS name, '' AS colour, '' AS guid, '' AS created FROM r;");
    std::string error = open_error(view);
    EXPECT_NE(error.find("schema object"), std::string::npos) << error;
}

// The undo log is data read from the file: a statement reaching another project is refused.
TEST(HostileProject, UndoRunsOnlyTheStatementsTheTriggersWrite) {
    TempDir dir;
    fs::path victim = make_project(dir, "victim.nptq");
    fs::path path = make_project(dir, "p.nptq");
    std::string victim_before = npt::test::file_sha256(victim);
    std::int64_t step = 0;
    {
        Project p = Project::open(path);
        step = next_undo(p, UndoScope::Any)->id.value;  // the raw rowid, written into SQL below
    }
    const std::string attacks[] = {
        "ATTACH '" + victim.string() + "' AS v; DELETE FROM v.coding;",
        "DELETE FROM coding WHERE rowid=1; ATTACH '" + victim.string() + "' AS v",
        "INSERT INTO coding(rowid,id) VALUES(1,(SELECT count(*) FROM sqlite_schema))",
        "UPDATE project_meta SET value=load_extension('x') WHERE rowid=1",
        "PRAGMA writable_schema=ON",
        "DELETE FROM undo_step WHERE rowid=1",
    };
    for (const std::string& attack : attacks) {
        tamper(path, "DELETE FROM undo_entry; INSERT INTO undo_entry(step_id, sql) VALUES(" + std::to_string(step) +
                         ", '" + [&] {
                             std::string quoted;
                             for (char c : attack) quoted += c == '\'' ? std::string("''") : std::string(1, c);
                             return quoted;
                         }() + "');");
        Project p = Project::open(path);
        std::string counts = npt::test::table_counts(p);
        try {
            undo(p, UndoScope::Any);
            ADD_FAILURE() << "ran: " << attack;
        } catch (const FormatError& e) {
            EXPECT_NE(std::string(e.what()).find("holds a statement nptcoder does not write"), std::string::npos) << e.what();
        }
        EXPECT_EQ(npt::test::table_counts(p), counts) << attack;
    }
    EXPECT_EQ(npt::test::file_sha256(victim), victim_before);
    EXPECT_EQ(codings_in(victim), 1);
}

// Files that carry nptcoder's application id but are not finished projects are refused unchanged.
TEST(HostileProject, LookalikeFilesAreRefusedUnchanged) {
    TempDir dir;
    fs::path no_tables = dir / "no-tables.nptq";
    tamper(no_tables, "PRAGMA application_id = 1313883217; PRAGMA user_version = 1;");
    fs::path version0 = dir / "version0.nptq";
    tamper(version0, "PRAGMA application_id = 1313883217; CREATE TABLE t(x);");
    for (const fs::path& path : {no_tables, version0}) {
        std::string before = npt::test::file_sha256(path);
        std::string error = open_error(path);
        EXPECT_NE(error.find("not"), std::string::npos) << error;
        EXPECT_NE(error, "(opened)");
        EXPECT_EQ(npt::test::file_sha256(path), before) << path;
        EXPECT_FALSE(fs::exists(fs::path(path) += "-wal"));
    }
}

TEST(HostileProject, ADamagedProjectIsNotWrittenTo) {
    TempDir dir;
    fs::path path = dir / "p.nptq";
    {
        Project p = Project::create(path, "P");
        for (int i = 0; i < 40; ++i)
            add_document(p, {"d" + std::to_string(i) + ".txt", std::string(3000, static_cast<char>('a' + i % 26)),
                             "d.txt", "text", "", {}});
    }
    // Overwrite the pages holding document text with garbage, keeping the header and schema page.
    std::string bytes = npt::test::read_bytes(path);
    ASSERT_GT(bytes.size(), 16u * 4096u);
    for (std::size_t i = 8 * 4096; i < 14 * 4096; ++i) bytes[i] = static_cast<char>(0xA5 ^ (i * 131));
    npt::test::write_bytes(path, bytes);

    Project p = Project::open(path);
    try {
        EXPECT_NE(p.integrity_check(), "ok");
    } catch (const StoreError&) {  // SQLite may stop the check itself with SQLITE_CORRUPT
    }
    EXPECT_TRUE(p.damaged());
    try {
        add_memo(p, MemoTarget::Project, std::nullopt, "written into a damaged file?");
        ADD_FAILURE() << "wrote into a damaged project";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("damaged"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("--repair"), std::string::npos) << e.what();
    }
}

TEST(ProjectRepair, ACopyWithoutThePlantedTriggerAndEveryRow) {
    TempDir dir;
    fs::path path = make_project(dir, "p.nptq");
    tamper(path, "CREATE TRIGGER wipe AFTER INSERT ON memo BEGIN DELETE FROM coding; END;");
    std::string before = npt::test::file_sha256(path);
    auto r = npt::test::run_cli({"check", path.string(), "--repair"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("left out: unexpected schema object 'trigger wipe'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(integrity: ok)"), std::string::npos) << r.out;
    EXPECT_EQ(npt::test::file_sha256(path), before);
    fs::path repaired = dir / "p-repaired.nptq";
    Project p = Project::open(repaired);
    EXPECT_EQ(list_segments(p, {}).size(), 1u);
    EXPECT_EQ(p.name(), "P");
    add_memo(p, MemoTarget::Project, std::nullopt, "now safe");
    EXPECT_EQ(list_segments(p, {}).size(), 1u);
    // A second repair does not overwrite the first copy.
    r = npt::test::run_cli({"check", path.string(), "--repair"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
}

TEST(ProjectRepair, RecoversTheReadableRowsOfADamagedFile) {
    TempDir dir;
    fs::path path = dir / "p.nptq";
    {
        Project p = Project::create(path, "P");
        for (int i = 0; i < 40; ++i) {
            std::string name = "d" + std::to_string(i) + ".txt";
            add_document(p, {name, std::string(3000, static_cast<char>('a' + i % 26)), "d.txt", "text", "", {}});
            apply_codings(p, {{name, 0, 10, "Coherence/Differentiation", "Amira", "", ""}});
        }
    }
    std::string bytes = npt::test::read_bytes(path);
    for (std::size_t i = 8 * 4096; i < 14 * 4096; ++i) bytes[i] = static_cast<char>(0xA5 ^ (i * 131));
    npt::test::write_bytes(path, bytes);
    std::string before = npt::test::file_sha256(path);

    RepairReport report = repair_project(path, dir / "out.nptq");
    EXPECT_EQ(report.integrity, "ok");
    EXPECT_EQ(npt::test::file_sha256(path), before);
    Project p = Project::open(dir / "out.nptq");
    auto documents = list_documents(p);
    EXPECT_GT(documents.size(), 20u);
    EXPECT_LE(documents.size(), 40u);
    // Every coding kept has its document, and every document kept its text intact.
    for (const CodedSegment& s : list_segments(p, {})) EXPECT_EQ(s.text.size(), 10u);
    for (const DocumentInfo& d : documents) EXPECT_EQ(d.length, 3000);
}

// merge reads the other project only after checking it: its stored hashes, references, code tree,
// sizes and spans are not trusted.
TEST(HostileProject, MergeValidatesTheOtherProjectFirst) {
    TempDir dir;
    fs::path lead_path = make_project(dir, "lead.nptq");
    std::string lead_sha;
    {
        Project lead = Project::open(lead_path);
        lead_sha = list_documents(lead).front().sha256;
    }
    auto other_with = [&](const std::string& name, const std::string& sql) {
        fs::path path = dir / name;
        {
            Project p = Project::create(path, "Ben");
            add_document(p, {"b.txt", std::string(300, 'b'), "b.txt", "text", "", {}});
            apply_codings(p, {{"b.txt", 0, 10, "Coherence/Differentiation/Detail", "Ben", "", ""}});
        }
        tamper(path, sql);
        return path;
    };
    struct Case { fs::path file; std::string expected; };
    const Case cases[] = {
        {other_with("hash.nptq", "UPDATE document SET sha256 = '" + lead_sha + "'"), "stored SHA-256 does not match"},
        {other_with("cycle.nptq", "PRAGMA foreign_keys=OFF; UPDATE code SET parent_id = (SELECT max(id) FROM code) "
                                  "WHERE parent_id IS NULL"),
         "is its own ancestor"},
        {other_with("dangling.nptq", "PRAGMA foreign_keys=OFF; DELETE FROM coder"), "refers to a missing 'coder'"},
    };
    Project lead = Project::open(lead_path);
    std::string before = npt::test::table_counts(lead);
    for (const Case& c : cases) {
        try {
            merge_project(lead, c.file, {});
            ADD_FAILURE() << "merged " << c.file;
        } catch (const FormatError& e) {
            EXPECT_NE(std::string(e.what()).find(c.expected), std::string::npos) << e.what();
        }
        EXPECT_EQ(npt::test::table_counts(lead), before) << c.file;
    }
    fs::path span = other_with("span.nptq", "SELECT 1");
    tamper_past_trigger(span, "coding_update_within_document", "UPDATE coding SET end = 9999");
    try {
        merge_project(lead, span, {});
        ADD_FAILURE() << "merged a coding outside its document";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("outside its document"), std::string::npos) << e.what();
    }
    EXPECT_EQ(npt::test::table_counts(lead), before);
    MergeOptions small;
    small.max_document_bytes = 100;
    try {
        merge_project(lead, other_with("big.nptq", "SELECT 1"), small);
        ADD_FAILURE() << "merged a document over --max-size";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("over the limit of 100"), std::string::npos) << e.what();
    }
}
