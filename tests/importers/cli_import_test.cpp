// cli_import_test.cpp — `nptcoder import` and `nptcoder cases import|list` run as a researcher
// would: batch summary and exit code, progress on stderr (and --quiet), --format, --encoding,
// cases with attribute values and linked documents in JSON.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "importers/import_fixtures.hpp"
#include "support/test_support.hpp"

using npt::test::run_cli;
using npt::test::TempDir;
using npt::test::write_bytes;

namespace {
std::string init(const TempDir& dir) {
    std::string project = (dir / "study.nptq").string();
    EXPECT_EQ(run_cli({"init", project}).exit_code, 0);
    return project;
}
}  // namespace

TEST(CliImport, BatchSummaryProgressAndExitCode) {
    TempDir dir;
    std::string project = init(dir);
    write_bytes(dir / "in/p01.txt", "Interviewer: hi\nP01: hello\n");
    write_bytes(dir / "in/p02.docx", npt::test::make_docx(npt::test::docx_paragraph({"P02: words"})));
    write_bytes(dir / "in/p03.txt", "café bad \xC3\x28");
    auto r = run_cli({"import", project, (dir / "in").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "Imported 2, skipped 0, failed 1\n");
    EXPECT_NE(r.err.find("[1/3] p01.txt"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nptcoder: " + (dir / "in/p03.txt").string() + ": invalid UTF-8 at byte 10"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nptcoder: 1 file(s) failed to import"), std::string::npos) << r.err;

    auto again = run_cli({"import", project, (dir / "in/p01.txt").string(), (dir / "in/p02.docx").string(), "--quiet"});
    EXPECT_EQ(again.exit_code, 0);
    EXPECT_EQ(again.out, "Imported 0, skipped 2, failed 0\n");
    EXPECT_EQ(again.err, "");
}

TEST(CliImport, FormatEncodingAndJsonSummary) {
    TempDir dir;
    std::string project = init(dir);
    write_bytes(dir / "raw.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nKept as typed\n");
    write_bytes(dir / "greek.txt", "\xE1\xE2\xE3");
    auto r = run_cli({"import", project, (dir / "raw.txt").string(), "--format", "text", "--json", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["imported"][0]["format"], "text");
    EXPECT_EQ(run_cli({"doc", "show", project, "raw.txt"}).out, "WEBVTT\n\n00:01.000 --> 00:02.000\nKept as typed\n");
    ASSERT_EQ(run_cli({"import", project, (dir / "greek.txt").string(), "--encoding", "ISO-8859-7"}).exit_code, 0);
    EXPECT_EQ(run_cli({"doc", "show", project, "greek.txt"}).out, "αβγ");
    auto bad = run_cli({"import", project, (dir / "raw.txt").string(), "--format", "odt"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err, "nptcoder: unknown format 'odt' (use auto, text, docx, vtt, srt or pdf)\n");
}

TEST(CliCases, ImportAndListWithDocuments) {
    TempDir dir;
    std::string project = init(dir);
    write_bytes(dir / "P07.docx", npt::test::make_docx(npt::test::docx_paragraph({"P07: words"})));
    write_bytes(dir / "p08-teams.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v P08>hello</v>\n");
    ASSERT_EQ(run_cli({"import", project, (dir / "P07.docx").string(), (dir / "p08-teams.vtt").string(), "-q"}).exit_code, 0);
    write_bytes(dir / "people.csv", "participant;group;age\r\nP07;hub client;41\r\nP08;\"non-user; nurse\";29\r\n");
    auto r = run_cli({"cases", "import", project, (dir / "people.csv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Cases: 2 added, 0 updated; 4 value(s) set; 2 document link(s) added"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("age (number)"), std::string::npos) << r.out;
    auto list = run_cli({"cases", "list", project, "--json"});
    ASSERT_EQ(list.exit_code, 0);
    auto j = nlohmann::json::parse(list.out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["name"], "P07");
    EXPECT_EQ(j[0]["values"]["group"], "hub client");
    EXPECT_EQ(j[0]["documents"], nlohmann::json::array({"P07.docx"}));
    EXPECT_EQ(j[1]["values"]["group"], "non-user; nurse");
    EXPECT_EQ(j[1]["documents"], nlohmann::json::array({"p08-teams.vtt"}));
    auto csv = run_cli({"cases", "list", project, "--format", "csv"});
    EXPECT_EQ(csv.out, "case,group,age,documents\r\nP07,hub client,41,P07.docx\r\nP08,non-user; nurse,29,p08-teams.vtt\r\n");

    write_bytes(dir / "ragged.csv", "participant,group\nP09\n");
    auto bad = run_cli({"cases", "import", project, (dir / "ragged.csv").string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err, "nptcoder: " + (dir / "ragged.csv").string() + ": line 2 has 1 field(s) but the header has 2\n");
}
