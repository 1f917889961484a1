// codebook_cli_test.cpp — the codebook, code-editing and query commands end to end through the
// nptcoder binary: outputs, JSON keys, exit codes, one-line errors, undo of edits.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "core/store/project.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

using test::run_cli;

class CodebookCli : public ::testing::Test {
protected:
    void SetUp() override {
        ok({"init", P, "--name", "CLI study"});
        test::write_bytes(dir / "p01.txt",
                          "Interviewer: What was the hub for?\n"
                          "P01: Honestly it felt like a quiet room. The hub was nothing like occupational health.\n"
                          "Interviewer: And your manager?\n"
                          "P01: My manager never backed it, so I went in my own time.\n");
        ok({"import", P, (dir / "p01.txt").string(), "--case", "P01"});
        ok({"codebook", "load", P, "npt"});
    }
    test::CommandResult ok(const std::vector<std::string>& args) {
        auto r = run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err;
        return r;
    }
    nlohmann::json json(const std::vector<std::string>& args) { return nlohmann::json::parse(ok(args).out); }
    void expect_error(const std::vector<std::string>& args, const std::string& words) {
        auto r = run_cli(args);
        EXPECT_EQ(r.exit_code, 1) << r.out;
        EXPECT_EQ(r.err.rfind("nptcoder: ", 0), 0u) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
    }

    test::TempDir dir;
    std::string P = (dir / "s.nptq").string();
};

TEST_F(CodebookCli, ListExportImportRoundTrip) {
    auto list = json({"codebook", "list", P, "--json"});
    ASSERT_EQ(list.size(), 21u);
    EXPECT_EQ(list[0]["path"], "Coherence");
    for (const char* key : {"path", "name", "guid", "colour", "description", "inclusion", "exclusion", "examples", "citation", "codings"})
        EXPECT_TRUE(list[1].contains(key)) << key;
    for (const char* ext : {"json", "qdc", "md", "html"}) ok({"codebook", "export", P, (dir / (std::string("cb.") + ext)).string()});
    std::string cmd = "xmllint --noout --schema '" NPT_TEST_DATA_DIR "/refi/Codebook.xsd' '" + (dir / "cb.qdc").string() + "' 2>/dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0);
    EXPECT_NE(test::read_bytes(dir / "cb.md").find("## Code tree"), std::string::npos);
    EXPECT_NE(test::read_bytes(dir / "cb.html").find("Legitimation"), std::string::npos);
    for (const char* file : {"cb.json", "cb.qdc"}) {
        std::string Q = (dir / (std::string("q-") + file + ".nptq")).string();
        ok({"init", Q});
        ok({"codebook", "import", Q, (dir / file).string()});
        auto back = json({"codebook", "list", Q, "--json"});
        ASSERT_EQ(back.size(), list.size()) << file;
        for (std::size_t i = 0; i < list.size(); ++i) {
            for (const char* key : {"path", "guid", "colour", "description", "inclusion", "exclusion", "examples", "citation"})
                EXPECT_EQ(back[i][key], list[i][key]) << file << " " << key;
        }
    }
    auto taguette = run_cli({"codebook", "import", P, NPT_TEST_DATA_DIR "/refi/taguette-1.4.1-codebook.qdc"});
    EXPECT_EQ(taguette.exit_code, 0);
    EXPECT_NE(taguette.err.find("warning"), std::string::npos);
    expect_error({"codebook", "load", P, "nomad"}, "no built-in codebook 'nomad'");
    expect_error({"codebook", "export", P, (dir / "cb.pdf").string()}, "cb.pdf");
}

TEST_F(CodebookCli, EditsAreUndoable) {
    ok({"code", "add", P, "--doc", "p01.txt", "--start", "40", "--end", "74", "--code", "Coherence/Differentiation", "--coder", "Amira"});
    ok({"codebook", "add", P, "Inductive/Manager support", "--description", "Managers backing, or not", "--colour", "#ABC"});
    ok({"code", "add", P, "--doc", "p01.txt", "--start", "160", "--end", "190", "--code", "Inductive/Manager support", "--coder", "Amira"});
    expect_error({"codebook", "delete", P, "Inductive"}, "has 1 coding(s)");
    ok({"codebook", "rename", P, "Inductive/Manager support", "Manager backing"});
    ok({"codebook", "move", P, "Inductive/Manager backing", "Collective action"});
    ok({"codebook", "colour", P, "Collective action/Manager backing", "#112233"});
    ok({"codebook", "describe", P, "Collective action/Manager backing", "--example", "My manager never backed it"});
    auto merged = ok({"codebook", "merge", P, "Collective action/Manager backing", "Collective action/Contextual integration"});
    EXPECT_NE(merged.out.find("1 coding(s) moved"), std::string::npos) << merged.out;
    auto seg = json({"code", "list", P, "--code", "Collective action/Contextual integration", "--json"});
    ASSERT_EQ(seg.size(), 1u);
    EXPECT_EQ(seg[0]["start"], 160);
    ok({"undo", P});  // the merge
    auto back = json({"code", "list", P, "--code", "Collective action/Manager backing", "--json"});
    ASSERT_EQ(back.size(), 1u);
    ok({"codebook", "delete", P, "Collective action/Manager backing", "--force"});
    EXPECT_EQ(json({"code", "list", P, "--json"}).size(), 1u);
    expect_error({"codebook", "colour", P, "Coherence", "teal"}, "not #rrggbb");
    expect_error({"codebook", "rename", P, "Nope", "x"}, "no code 'Nope'");
}

TEST_F(CodebookCli, RetrievalQueriesSearchAndWords) {
    ok({"coder", "add", P, "Amira"});
    // "quiet room" in-vivo (selection inside words snaps to them).
    auto iv = ok({"code", "invivo", P, "--doc", "p01.txt", "--start", "66", "--end", "72", "--coder", "Amira", "--parent", "In vivo"});
    EXPECT_NE(iv.out.find("In vivo/quiet room"), std::string::npos) << iv.out;
    ok({"code", "add", P, "--doc", "p01.txt", "--start", "40", "--end", "121", "--code", "Coherence/Differentiation", "--coder", "Amira"});
    ok({"code", "add", P, "--doc", "p01.txt", "--start", "76", "--end", "121", "--code", "Coherence/Internalisation", "--coder", "Amira"});
    auto list = json({"code", "list", P, "--code", "Coherence", "--descendants", "--speaker", "--context", "5", "--json"});
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["speaker"], "P01");
    EXPECT_EQ(list[0]["before"], "P01: ");
    auto q = json({"query", P, "Coherence/Differentiation AND NOT Coherence/Internalisation", "--json"});
    ASSERT_EQ(q.size(), 1u);
    EXPECT_EQ(q[0]["start"], 40);
    EXPECT_EQ(q[0]["end"], 76);
    for (const char* key : {"doc", "start", "end", "code", "coder", "text", "memo"}) EXPECT_TRUE(q[0].contains(key)) << key;
    auto co = json({"cooccurrence", P, "--coder", "Amira", "--code", "Coherence/Differentiation", "--code", "Coherence/Internalisation", "--json"});
    EXPECT_EQ(co["counts"], nlohmann::json::parse("[[1,1],[1,1]]"));
    auto m = json({"matrix-query", P, "--rows", "case", "--count", "words", "--code", "Coherence", "--descendants", "--json"});
    EXPECT_EQ(m["rows"], nlohmann::json::parse(R"(["P01"])"));
    EXPECT_EQ(m["counts"][0][0], 14);  // the words of "Honestly it felt ... occupational health." (40-121)
    auto s = json({"search", P, "HUB", "--json"});
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0]["start"], 26);
    EXPECT_EQ(s[1]["start"], 80);
    auto w = json({"words", P, "--code", "Coherence", "--descendants", "--stop-words", "--json"});
    ASSERT_FALSE(w.empty());
    expect_error({"query", P, "Coherence AND (Nope"}, "query 'Coherence AND (Nope'");
    expect_error({"code", "list", P, "--where", "group"}, "ATTRIBUTE=VALUE");
    expect_error({"matrix-query", P, "--rows", "site"}, "no case attribute 'site'");
}

TEST_F(CodebookCli, HelpHasExamples) {
    for (std::vector<std::string> cmd : {std::vector<std::string>{"codebook", "load"}, {"codebook", "export"}, {"codebook", "merge"},
                                         {"query"}, {"cooccurrence"}, {"matrix-query"}, {"search"}, {"words"}, {"code", "invivo"}}) {
        cmd.push_back("--help");
        auto r = run_cli(cmd);
        EXPECT_EQ(r.exit_code, 0);
        EXPECT_NE(r.out.find("e.g. nptcoder"), std::string::npos) << cmd[0];
    }
}

}  // namespace
}  // namespace npt
