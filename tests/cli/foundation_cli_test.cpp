// foundation_cli_test.cpp — the `nptcoder` commands of the foundation, run as a user would:
// init, info, import, doc list/show, coder, code add/remove/list, undo/redo, and their errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "core/text/csv.hpp"
#include "core/text/utf8_text.hpp"
#include "core/store/project.hpp"
#include "support/test_support.hpp"

using npt::test::run_cli;
using npt::test::TempDir;
using nlohmann::json;

namespace {

struct CliProject {
    TempDir dir;
    std::string path = (dir / "s.nptq").string();
    CliProject() {
        auto r = run_cli({"init", path, "--name", "Study"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    std::string file(const std::string& name, const std::string& bytes) {
        npt::test::write_bytes(dir / name, bytes);
        return (dir / name).string();
    }
};

const std::string kTranscript =
    "Interviewer: How did the hub feel different?\r\n"
    "P01: Zoë said the café team 👩🏽‍⚕️ trusted it; 支持 was real. قال الدعم كان مفيدا\r\n";

}  // namespace

TEST(FoundationCli, InitInfoImportAndShowRoundTripTheText) {
    CliProject p;
    auto f = p.file("p01.txt", kTranscript);
    auto r = run_cli({"import", p.path, f, "--case", "P01"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"doc", "show", p.path, "p01.txt"});
    ASSERT_EQ(r.exit_code, 0);
    std::string expected = kTranscript;
    for (std::size_t pos; (pos = expected.find("\r\n")) != std::string::npos;) expected.replace(pos, 2, "\n");
    EXPECT_EQ(r.out, expected);

    r = run_cli({"info", p.path, "--json"});
    ASSERT_EQ(r.exit_code, 0);
    json info = json::parse(r.out);
    EXPECT_EQ(info["name"], "Study");
    EXPECT_EQ(info["documents"], 1);
    EXPECT_EQ(info["cases"], 1);

    r = run_cli({"doc", "list", p.path, "--json"});
    json docs = json::parse(r.out);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0]["name"], "p01.txt");
    EXPECT_EQ(docs[0]["cases"], json::array({"P01"}));
}

TEST(FoundationCli, CodeListReturnsExactUnicodeTextInJsonAndCsv) {
    CliProject p;
    run_cli({"import", p.path, p.file("p01.txt", kTranscript)});
    // Offsets found independently: position of each quote in the decoded (code point) text.
    std::u32string text = npt::text::to_u32(run_cli({"doc", "show", p.path, "p01.txt"}).out);
    auto at = [&](const std::string& quote) { return std::to_string(text.find(npt::text::to_u32(quote))); };
    auto end = [&](const std::string& quote) {
        return std::to_string(text.find(npt::text::to_u32(quote)) + npt::text::to_u32(quote).size());
    };
    auto r = run_cli({"code", "add", p.path, "--doc", "p01.txt", "--start", at("Zoë said"), "--end", end("Zoë said"), "--code",
                      "Coherence/Differentiation", "--coder", "Amira", "--memo", "names, \"quoted\""});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"code", "add", p.path, "--doc", "p01.txt", "--start", at("👩🏽‍⚕️"), "--end", end("👩🏽‍⚕️"), "--code",
                 "Collective action/Relational integration", "--coder", "Ben"});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    r = run_cli({"code", "list", p.path, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json rows = json::parse(r.out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]["text"], "Zoë said");
    EXPECT_EQ(rows[0]["memo"], "names, \"quoted\"");
    EXPECT_EQ(rows[1]["text"], "👩🏽‍⚕️");
    for (auto& row : rows) {
        std::vector<std::string> keys;
        for (auto& [k, v] : row.items()) keys.push_back(k);
        EXPECT_EQ(keys, (std::vector<std::string>{"code", "coder", "doc", "end", "id", "memo", "start", "text"}));
    }

    r = run_cli({"code", "list", p.path, "--format", "csv", "--coder", "Amira"});
    auto csv = npt::csv::parse(r.out, ',');
    ASSERT_EQ(csv.size(), 2u);
    EXPECT_EQ(csv[0].fields, (std::vector<std::string>{"id", "doc", "start", "end", "code", "coder", "text", "memo"}));
    EXPECT_EQ(csv[1].fields[6], "Zoë said");
    EXPECT_EQ(csv[1].fields[7], "names, \"quoted\"");
}

TEST(FoundationCli, ErrorsAreOneLineNonZeroAndChangeNothing) {
    CliProject p;
    run_cli({"import", p.path, p.file("p01.txt", "short text")});
    std::string before = npt::test::file_sha256(p.path);
    struct Case {
        std::vector<std::string> args;
        std::string expect;
    };
    std::vector<Case> cases = {
        {{"code", "add", p.path, "--doc", "p01.txt", "--start", "5", "--end", "5", "--code", "X", "--coder", "A"}, "invalid offsets 5-5"},
        {{"code", "add", p.path, "--doc", "p01.txt", "--start", "3", "--end", "11", "--code", "X", "--coder", "A"}, "invalid offsets 3-11"},
        {{"code", "add", p.path, "--doc", "nope.txt", "--start", "0", "--end", "1", "--code", "X", "--coder", "A"}, "no document named 'nope.txt'"},
        {{"code", "add", p.path, "--strict", "--doc", "p01.txt", "--start", "0", "--end", "1", "--code", "X", "--coder", "A"}, "no code 'X'"},
        {{"import", p.path, p.file("bad.txt", "bad \xFF byte"), "--encoding", "UTF-8"}, "bad.txt: invalid UTF-8 at byte 4"},
        {{"info", p.file("junk.nptq", "not a database at all, just some words here")}, "not an nptcoder project"},
        {{"doc", "show", p.path, "missing.txt"}, "no document named 'missing.txt'"},
    };
    for (const auto& c : cases) {
        auto r = run_cli(c.args);
        EXPECT_NE(r.exit_code, 0) << c.expect;
        EXPECT_NE(r.err.find(c.expect), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("nptcoder: "), 0u) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), c.args[0] == "import" ? 2 : 1) << r.err;
    }
    EXPECT_EQ(npt::test::file_sha256(p.path), before);
}

TEST(FoundationCli, CsvBulkCodingIsOneTransactionAndUndoable) {
    CliProject p;
    run_cli({"import", p.path, p.file("a.txt", std::string(3000, 'a'))});
    std::string rows = "doc,start,end,code,coder,memo\n";
    for (int i = 0; i < 1000; ++i)
        rows += "a.txt," + std::to_string(i * 3) + "," + std::to_string(i * 3 + 2) + ",Coherence/Code " +
                std::to_string(i % 7) + ",Coder " + std::to_string(i % 2) + ",\n";
    auto good = p.file("codings.csv", rows);
    auto bad = p.file("bad.csv", rows + "a.txt,10,9999,Coherence,Amira,\n");
    std::string before = npt::test::file_sha256(p.path);
    auto r = run_cli({"code", "add", p.path, "--from", bad});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("bad.csv line 1002: a.txt: invalid offsets 10-9999"), std::string::npos) << r.err;
    EXPECT_EQ(npt::test::file_sha256(p.path), before);

    r = run_cli({"code", "add", p.path, "--from", good});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"code", "list", p.path, "--json"});
    EXPECT_EQ(json::parse(r.out).size(), 1000u);
    r = run_cli({"undo", p.path});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "Undone: Code 1000 segments\n");
    EXPECT_EQ(json::parse(run_cli({"code", "list", p.path, "--json"}).out).size(), 0u);
    EXPECT_EQ(json::parse(run_cli({"info", p.path, "--json"}).out)["codes"], 0);
    run_cli({"redo", p.path});
    EXPECT_EQ(json::parse(run_cli({"code", "list", p.path, "--json"}).out).size(), 1000u);
}

TEST(FoundationCli, RemoveSplitsACoding) {
    CliProject p;
    run_cli({"import", p.path, p.file("a.txt", "We felt the hub was different from occupational health.")});
    run_cli({"code", "add", p.path, "--doc", "a.txt", "--start", "3", "--end", "30", "--code", "C", "--coder", "A"});
    auto r = run_cli({"code", "remove", p.path, "--doc", "a.txt", "--start", "12", "--end", "16", "--code", "C", "--coder", "A"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json rows = json::parse(run_cli({"code", "list", p.path, "--json"}).out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]["text"], "felt the ");
    EXPECT_EQ(rows[1]["text"], "was different ");
}

TEST(FoundationCli, HelpWorksOnEveryCommand) {
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {"--help"}, {"init", "--help"}, {"import", "--help"}, {"code", "add", "--help"}, {"doc", "show", "--help"}}) {
        auto r = run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << args[0];
        EXPECT_NE(r.out.find("Usage"), std::string::npos);
    }
}
