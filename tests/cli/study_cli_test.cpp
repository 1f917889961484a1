// study_cli_test.cpp — what a researcher hit running a real study through the command line
// (issue 13): typos in code and coder names, search across line breaks and curly quotes, coding
// ids in listings, coding by quoted text, and the smaller defects. Each test failed before its fix.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/model/codes.hpp"
#include "core/model/coders.hpp"
#include "core/store/project.hpp"
#include "support/test_support.hpp"

using npt::test::run_cli;
using npt::test::TempDir;
using nlohmann::json;

namespace {

struct Study {
    TempDir dir;
    std::string path = (dir / "s.nptq").string();
    Study() {
        auto r = run_cli({"init", path, "--name", "Study"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    std::string file(const std::string& name, const std::string& bytes) {
        npt::test::write_bytes(dir / name, bytes);
        return (dir / name).string();
    }
    void import(const std::string& name, const std::string& text) {
        auto r = run_cli({"import", path, file(name, text)});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::vector<std::string> code_paths() {
        npt::Project p = npt::Project::open(path);
        std::vector<std::string> out;
        for (const auto& c : npt::list_codes(p)) out.push_back(c.path);
        return out;
    }
    std::vector<std::string> coder_names() {
        npt::Project p = npt::Project::open(path);
        std::vector<std::string> out;
        for (const auto& c : npt::list_coders(p)) out.push_back(c.name);
        return out;
    }
};

const std::string kText = "Interviewer: Was it clear?\nP01: Nobody explained it. I didn't know the phone\nqueue was new.\n";

}  // namespace

TEST(StudyCliNames, TyposOfCodesAndCodersAreRefusedWithASuggestion) {
    Study s;
    s.import("p01.txt", kText);
    auto r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "0", "--end", "5", "--code",
                      "Coherence/Differentiation", "--coder", "Ngozi A."});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto codes = s.code_paths();
    const auto coders = s.coder_names();

    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "5", "--end", "9", "--code",
                 "Coherance/Differentiation", "--coder", "Ngozi A."});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("did you mean 'Coherence/Differentiation'?"), std::string::npos) << r.err;
    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "5", "--end", "9", "--code",
                 "coherence/differentiation", "--coder", "Ngozi A."});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("did you mean 'Coherence/Differentiation'?"), std::string::npos) << r.err;
    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "5", "--end", "9", "--code",
                 "Coherence/Differentiation", "--coder", "Ngozi  A."});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("did you mean 'Ngozi A.'?"), std::string::npos) << r.err;
    EXPECT_EQ(s.code_paths(), codes);  // nothing was created
    EXPECT_EQ(s.coder_names(), coders);
}

TEST(StudyCliNames, NewNamesAreAnnouncedAndStrictRefusesThem) {
    Study s;
    s.import("p01.txt", kText);
    auto r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "0", "--end", "5", "--code",
                      "Coherence/Differentiation", "--coder", "Amira"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "nptcoder: created new code: 'Coherence/Differentiation'\nnptcoder: created new coder: 'Amira'\n");
    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "6", "--end", "9", "--code",
                 "Coherence/Differentiation", "--coder", "Amira"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");  // nothing new, nothing said

    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "0", "--end", "5", "--code",
                 "Coherence/Early doubts", "--coder", "Amira", "--strict"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("no code 'Coherence/Early doubts'"), std::string::npos) << r.err;

    std::string csv = s.file("c.csv",
                             "doc,start,end,code,coder\n"
                             "p01.txt,0,5,Coherence/Early doubts,Amira\n"
                             "p01.txt,6,9,Reflexive monitoring,Chen\n"
                             "p01.txt,10,12,Coherence/Early doubts,Dana\n");
    r = run_cli({"code", "add", s.path, "--from", csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err,
              "nptcoder: created new codes: 'Coherence/Early doubts', 'Reflexive monitoring'\n"
              "nptcoder: created new coders: 'Chen', 'Dana'\n");

    std::string typo = s.file("t.csv",
                              "doc,start,end,code,coder\n"
                              "p01.txt,0,5,Coherence/Differentiation,Amira\n"
                              "p01.txt,6,9,Coherence/Diferentiation,Amira\n");
    r = run_cli({"code", "add", s.path, "--from", typo});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("t.csv line 3: no code 'Coherence/Diferentiation'; did you mean 'Coherence/Differentiation'?"),
              std::string::npos)
        << r.err;
}

TEST(StudyCliSearch, PhrasesMatchAcrossLineBreaksAndCurlyApostrophes) {
    Study s;
    s.import("p01.txt", kText);
    s.import("p02.txt", "P02: I didn\u2019t  see the phone   queue at all.\n");
    auto r = run_cli({"search", s.path, "phone queue", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json hits = json::parse(r.out);
    ASSERT_EQ(hits.size(), 2u) << r.out;
    EXPECT_EQ(hits[0]["doc"], "p01.txt");
    EXPECT_EQ(hits[0]["text"], "phone\nqueue");
    EXPECT_EQ(hits[1]["text"], "phone   queue");
    r = run_cli({"search", s.path, "didn't", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    hits = json::parse(r.out);
    ASSERT_EQ(hits.size(), 2u) << r.out;
    EXPECT_EQ(hits[1]["text"], "didn\u2019t");
    EXPECT_EQ(hits[1]["start"], 7);
}

TEST(StudyCliAgreement, NamingANptConstructCountsItsSubConstructs) {
    Study s;
    s.import("p01.txt", kText);
    ASSERT_EQ(run_cli({"codebook", "load", s.path, "npt"}).exit_code, 0);
    std::string csv = s.file("c.csv",
                             "doc,start,end,code,coder\n"
                             "p01.txt,0,10,Coherence/Differentiation,Amira\n"
                             "p01.txt,5,15,Coherence/Internalisation,Amira\n"
                             "p01.txt,0,20,Coherence/Differentiation,Ben\n");
    ASSERT_EQ(run_cli({"code", "add", s.path, "--from", csv}).exit_code, 0);
    const double length = static_cast<double>(npt::test::read_bytes(s.dir / "p01.txt").size());  // ASCII
    auto r = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--codes", "Coherence", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json j = json::parse(r.out);
    EXPECT_EQ(j["codes_include_descendants"], true);
    EXPECT_DOUBLE_EQ(j["codes"][0]["percent_agreement"].get<double>(), (length - 5) / length);
    r = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--codes", "Coherence", "--exact", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    j = json::parse(r.out);
    EXPECT_EQ(j["codes_include_descendants"], false);
    EXPECT_EQ(j["codes"][0]["units_by_none"], j["codes"][0]["units"]);  // nobody coded Coherence itself
    r = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--unit", "segment", "--chance-codes", "4"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("K = 4"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("depends on which other codes are reported"), std::string::npos) << r.out;
    r = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--unit", "segment", "--chance-codes", "all", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["chance_codes"], 21);  // the 21 codes of the npt codebook
}

TEST(StudyCliAgreement, TableRefusesRepeatedCategoriesAndOffersPairwise) {
    Study s;
    std::string table = s.file("t.csv", "u,A,B,C\n1,a,a,a\n2,a,b,\n3,b,b,\n4,a,,b\n");
    auto r = run_cli({"agreement-table", table, "--categories", "a,a,b"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("'a' twice"), std::string::npos) << r.err;
    r = run_cli({"agreement-table", table, "--pairwise", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json j = json::parse(r.out);
    EXPECT_DOUBLE_EQ(j["percent_agreement"].get<double>(), 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(j["pairwise_percent_agreement"].get<double>(), (2.0 / 3.0 + 0.5 + 1.0) / 3.0);
    ASSERT_EQ(j["pairwise"].size(), 3u);
    EXPECT_EQ(j["pairwise"][1]["coders"], json::array({"A", "C"}));
    r = run_cli({"agreement-table", "--help"});
    EXPECT_NE(r.out.find("pooled"), std::string::npos);
    EXPECT_NE(r.out.find("seed 1"), std::string::npos);
}

TEST(StudyCliCodings, CodingIdsAreListedAndPrinted) {
    Study s;
    s.import("p01.txt", kText);
    auto r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "0", "--end", "11", "--code", "Coherence",
                      "--coder", "Amira", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json made = json::parse(r.out);
    ASSERT_EQ(made.size(), 1u);
    const std::int64_t id = made[0]["id"].get<std::int64_t>();
    EXPECT_EQ(made[0]["start"], 0);
    EXPECT_EQ(made[0]["end"], 11);
    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "13", "--end", "16", "--code", "Coherence",
                 "--coder", "Ben"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("(coding "), std::string::npos) << r.out;

    json listed = json::parse(run_cli({"code", "list", s.path, "--json"}).out);
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0]["id"], id);
    std::string csv = run_cli({"code", "list", s.path, "--format", "csv"}).out;
    EXPECT_EQ(csv.substr(0, 3), "id,");
    EXPECT_NE(csv.find("\n" + std::to_string(id) + ",p01.txt,0,11,"), std::string::npos) << csv;
    std::string text = run_cli({"code", "list", s.path}).out;
    EXPECT_NE(text.find("#" + std::to_string(id)), std::string::npos) << text;
    // The id works where ids are asked for.
    r = run_cli({"memo", "add", s.path, "--on", "coding", "--target", std::to_string(id), "--text", "first"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(StudyCliCodings, CodeByQuotedText) {
    Study s;
    s.import("p01.txt", "P01: nobody explained it.\nP02: Nobody\nexplained it either, nobody explained it.\n");
    auto r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--quote", "nobody explained it", "--code", "Coherence",
                      "--coder", "Amira"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("occurs 3 times (at code points 5, 31, 59)"), std::string::npos) << r.err;
    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--quote", "nobody explained it", "--occurrence", "2",
                 "--code", "Coherence", "--coder", "Amira", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json made = json::parse(r.out);
    EXPECT_EQ(made[0]["start"], 31);
    EXPECT_EQ(made[0]["end"], 50);  // "Nobody\nexplained it": the line break is part of the span
    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--quote", "somebody explained", "--code", "Coherence",
                 "--coder", "Amira"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("is not in the text"), std::string::npos) << r.err;
    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--quote", "nobody explained it", "--occurrence", "4",
                 "--code", "Coherence", "--coder", "Amira"});
    EXPECT_NE(r.exit_code, 0);
}

TEST(StudyCliCodings, NegativeAndMissingOffsetsAreNamed) {
    Study s;
    s.import("p01.txt", kText);
    auto r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "-5", "--end", "4", "--code", "Coherence",
                      "--coder", "Amira"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("--start -5 is negative"), std::string::npos) << r.err;
    r = run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "0", "--code", "Coherence", "--coder", "Amira"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("missing --end"), std::string::npos) << r.err;
}

TEST(StudyCliDocuments, DocListShowsCasesInEveryFormatAligned) {
    Study s;
    ASSERT_EQ(run_cli({"import", s.path, s.file("p01.txt", kText), "--case", "P01"}).exit_code, 0);
    s.import("a-very-long-document-name-from-the-transcription-service.txt", "Another interview.\n");
    std::string csv = run_cli({"doc", "list", s.path, "--format", "csv"}).out;
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "name,length,format,source_file,imported,sha256,cases");
    EXPECT_NE(csv.find(",P01\r\n"), std::string::npos) << csv;
    std::string text = run_cli({"doc", "list", s.path}).out;
    std::vector<std::string> lines;
    for (std::size_t at = 0, nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1) lines.push_back(text.substr(at, nl - at));
    ASSERT_EQ(lines.size(), 2u) << text;
    EXPECT_EQ(lines[0].find(" chars"), lines[1].find(" chars")) << text;  // the length column lines up
    EXPECT_NE(lines[1].find("  P01"), std::string::npos) << text;
}

TEST(StudyCliDocuments, DocsOptionTakesCommasAndGlobs) {
    Study s;
    s.import("p01.txt", "a b c\n");  // three different texts: an import skips a text it already has
    s.import("p02.txt", "d e f\n");
    s.import("q01.txt", "g h i\n");
    for (const char* coder : {"Amira", "Ben"})
        ASSERT_EQ(run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "0", "--end", "1", "--code", "X", "--coder", coder})
                      .exit_code,
                  0);
    auto docs_of = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"agreement", s.path, "--coders", "Amira,Ben", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::vector<std::string> names;
        const json report = json::parse(r.out);
        for (const auto& d : report["documents"]) names.push_back(d["document"]);
        return names;
    };
    EXPECT_EQ(docs_of({"--docs", "p*.txt"}), (std::vector<std::string>{"p01.txt", "p02.txt"}));
    EXPECT_EQ(docs_of({"--docs", "q01.txt,p02.txt"}), (std::vector<std::string>{"q01.txt", "p02.txt"}));
    auto r = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--docs", "z*"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("no document matches 'z*'"), std::string::npos) << r.err;
}

TEST(StudyCliCodings, CodingCsvWithSemicolonsIsRead) {
    Study s;
    s.import("p01.txt", kText);
    std::string csv = s.file("c.csv", "doc;start;end;code;coder;memo\np01.txt;0;11;Coherence;Amira;\"a; b\"\n");
    auto r = run_cli({"code", "add", s.path, "--from", csv, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json listed = json::parse(run_cli({"code", "list", s.path, "--json"}).out);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0]["end"], 11);
    EXPECT_EQ(listed[0]["memo"], "a; b");
}

TEST(StudyCliCodings, MemoOnAMissingCodingSaysSo) {
    Study s;
    auto r = run_cli({"memo", "add", s.path, "--on", "coding", "--target", "99999", "--text", "lost"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("no coding with id 99999"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("FOREIGN KEY"), std::string::npos) << r.err;
}

TEST(StudyCliQueries, WordsTextOutputHasAHeader) {
    Study s;
    s.import("p01.txt", kText);
    ASSERT_EQ(run_cli({"code", "add", s.path, "--doc", "p01.txt", "--start", "0", "--end", "11", "--code", "X", "--coder", "A"})
                  .exit_code,
              0);
    auto r = run_cli({"words", s.path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "count\tdocuments\tword");
    EXPECT_NE(r.out.find("1\t1\tinterviewer\n"), std::string::npos) << r.out;
}
