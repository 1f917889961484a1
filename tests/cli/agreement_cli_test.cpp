// agreement_cli_test.cpp — `agreement`, `agreement-table`, `disagreements`, `reconcile` and
// `merge` run as a lead would: published examples through the CSV path, the stable JSON keys,
// a self-contained HTML report, undoable reconciliation and a merge that refuses non-projects.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "support/test_support.hpp"

using nlohmann::json;
using npt::test::run_cli;
using npt::test::TempDir;

namespace {

const char* kKrippendorff2011 =
    "unit,A,B,C,D\n1,1,1,,1\n2,2,2,3,2\n3,3,3,3,3\n4,3,3,3,3\n5,2,2,2,2\n6,1,2,3,4\n"
    "7,4,4,4,4\n8,1,1,2,1\n9,2,2,2,2\n10,,5,5,5\n11,,,1,1\n12,,3,,\n";

double round3(double x) { return std::round(x * 1000) / 1000; }

json run_json(const std::vector<std::string>& args) {
    auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
}

// A project with two documents, three coders and a few overlapping codings, built through the CLI.
struct Study {
    TempDir dir;
    std::string path = (dir / "study.nptq").string();
    Study() {
        EXPECT_EQ(run_cli({"init", path, "--name", "Hub evaluation"}).exit_code, 0);
        npt::test::write_bytes(dir / "p01.txt", "Interviewer: what changed?\nP01: the hub staff knew us, it felt safe.\n");
        npt::test::write_bytes(dir / "p02.txt", "Interviewer: and the referral?\nP02: waiting list was long, café was nice.\n");
        auto imp = run_cli({"import", path, (dir / "p01.txt").string(), (dir / "p02.txt").string()});
        EXPECT_EQ(imp.exit_code, 0) << imp.err;
        npt::test::write_bytes(dir / "codings.csv",
                               "doc,start,end,code,coder\n"
                               "p01.txt,32,60,Coherence,Amira\n"
                               "p01.txt,36,60,Coherence,Ben\n"
                               "p01.txt,32,45,Coherence,Chloe\n"
                               "p02.txt,36,55,Collective action,Amira\n"
                               "p02.txt,60,70,Collective action,Ben\n");
        auto add = run_cli({"code", "add", path, "--from", (dir / "codings.csv").string()});
        EXPECT_EQ(add.exit_code, 0) << add.err;
    }
};

}  // namespace

TEST(AgreementCli, TableReproducesKrippendorff2011AtFourLevels) {
    TempDir dir;
    npt::test::write_bytes(dir / "k.csv", kKrippendorff2011);
    std::map<std::string, double> expected = {{"nominal", 0.743}, {"ordinal", 0.815}, {"interval", 0.849}, {"ratio", 0.797}};
    for (auto& [level, alpha] : expected) {
        json j = run_json({"agreement-table", (dir / "k.csv").string(), "--level", level, "--json"});
        EXPECT_EQ(j["level"], level);
        EXPECT_DOUBLE_EQ(round3(j["krippendorff_alpha"].get<double>()), alpha) << level;
        EXPECT_EQ(j["pairable_values"], 40);
        EXPECT_TRUE(j["cohen_kappa"].is_null());  // four coders
    }
    auto text = run_cli({"agreement-table", (dir / "k.csv").string(), "--level", "interval"});
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("0.849"), std::string::npos) << text.out;
    json boot = run_json({"agreement-table", (dir / "k.csv").string(), "--bootstrap", "500", "--seed", "3", "--json"});
    ASSERT_TRUE(boot["krippendorff_alpha_ci95"].is_array());
    EXPECT_LT(boot["krippendorff_alpha_ci95"][0].get<double>(), boot["krippendorff_alpha"].get<double>());
    // Labels at the interval level are refused with the file and line.
    npt::test::write_bytes(dir / "bad.csv", "unit,A,B\n1,yes,no\n");
    auto bad = run_cli({"agreement-table", (dir / "bad.csv").string(), "--level", "interval"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("bad.csv line 2"), std::string::npos) << bad.err;
}

TEST(AgreementCli, TableReproducesFleissAndCohen) {
    TempDir dir;
    const int rows[10][5] = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                             {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
    std::string csv = "subject";
    for (int r = 1; r <= 14; ++r) csv += ",rater" + std::to_string(r);
    csv += "\n";
    for (int s = 0; s < 10; ++s) {
        csv += "s" + std::to_string(s + 1);
        for (int c = 0; c < 5; ++c)
            for (int k = 0; k < rows[s][c]; ++k) csv += "," + std::to_string(c + 1);
        csv += "\n";
    }
    npt::test::write_bytes(dir / "fleiss.csv", csv);
    json f = run_json({"agreement-table", (dir / "fleiss.csv").string(), "--json"});
    EXPECT_DOUBLE_EQ(round3(f["fleiss_kappa"].get<double>()), 0.210);

    std::string cohen = "item,A,B\n";
    int n = 0;
    for (auto [a, b, count] : {std::tuple{"yes", "yes", 20}, {"yes", "no", 5}, {"no", "yes", 10}, {"no", "no", 15}})
        for (int i = 0; i < count; ++i) cohen += std::to_string(++n) + "," + a + "," + b + "\n";
    npt::test::write_bytes(dir / "cohen.csv", cohen);
    json c = run_json({"agreement-table", (dir / "cohen.csv").string(), "--categories", "yes,no", "--json"});
    EXPECT_DOUBLE_EQ(round3(c["cohen_kappa"].get<double>()), 0.400);
    EXPECT_DOUBLE_EQ(round3(c["percent_agreement"].get<double>()), 0.700);
    EXPECT_DOUBLE_EQ(round3(c["brennan_prediger"].get<double>()), 0.400);
}

TEST(AgreementCli, AgreementJsonHasTheStableKeys) {
    Study s;
    json j = run_json({"agreement", s.path, "--coders", "Amira,Ben", "--unit", "character", "--json"});
    EXPECT_EQ(j["unit"], "character");
    EXPECT_EQ(j["coders"], json::array({"Amira", "Ben"}));
    ASSERT_EQ(j["codes"].size(), 2u);
    EXPECT_EQ(j["codes"][0]["code"], "Coherence");
    for (const json* row : {&j["codes"][0], &j["codes"][1], &j["overall"]})
        for (const char* key : {"percent_agreement", "cohen_kappa", "scott_pi", "fleiss_kappa", "krippendorff_alpha",
                                "brennan_prediger", "units", "units_by_all", "units_disputed", "units_by_none"})
            EXPECT_TRUE(row->contains(key)) << key;
    // Coherence in p01 (length 70 incl. newline) and p02: Amira 32-60, Ben 36-60 -> 24 both, 4 only Amira.
    const json& coh = j["codes"][0];
    EXPECT_EQ(coh["units_by_all"], 24);
    EXPECT_EQ(coh["units_disputed"], 4);
    EXPECT_EQ(coh["coded_units"]["Amira"], 28);
    EXPECT_EQ(coh["units"], coh["units_by_all"].get<int>() + coh["units_disputed"].get<int>() + coh["units_by_none"].get<int>());
    // Collective action: Amira and Ben never overlap.
    const json& ca = j["codes"][1];
    EXPECT_EQ(ca["units_by_all"], 0);
    EXPECT_LT(ca["cohen_kappa"].get<double>(), 0.0);

    // Three coders: Cohen and Scott are null, Fleiss and alpha are numbers.
    json three = run_json({"agreement", s.path, "--coders", "Amira,Ben,Chloe", "--json"});
    EXPECT_TRUE(three["overall"]["cohen_kappa"].is_null());
    EXPECT_TRUE(three["overall"]["fleiss_kappa"].is_number());
    // Document unit, p01 only, where both coders applied Coherence: no variation -> null, not 1.
    json doc = run_json({"agreement", s.path, "--coders", "Amira,Ben", "--unit", "document", "--codes", "Coherence",
                         "--docs", "p01.txt", "--json"});
    EXPECT_DOUBLE_EQ(doc["codes"][0]["percent_agreement"].get<double>(), 1.0);
    EXPECT_TRUE(doc["codes"][0]["cohen_kappa"].is_null());
    EXPECT_TRUE(doc["codes"][0]["krippendorff_alpha"].is_null());
    // With p02 (neither coder applied it there) the two documents vary: kappa is 1.
    json both = run_json({"agreement", s.path, "--coders", "Amira,Ben", "--unit", "document", "--codes", "Coherence", "--json"});
    EXPECT_DOUBLE_EQ(both["codes"][0]["cohen_kappa"].get<double>(), 1.0);
    // Segment unit: Amira's and Ben's Coherence segments overlap 24/28 = 0.857.
    json seg = run_json({"agreement", s.path, "--coders", "Amira,Ben", "--unit", "segment", "--overlap", "0.85", "--json"});
    EXPECT_EQ(seg["codes"][0]["agreeing_segments"], 2);
    EXPECT_EQ(seg["overall"]["segments"], 4);
    EXPECT_DOUBLE_EQ(seg["overall"]["percent_agreement"].get<double>(), 0.5);
    EXPECT_DOUBLE_EQ(seg["overall"]["brennan_prediger"].get<double>(), 0.0);  // K = 2: (0.5 - 0.5) / 0.5
    json strict = run_json({"agreement", s.path, "--coders", "Amira,Ben", "--unit", "segment", "--overlap", "0.9", "--json"});
    EXPECT_EQ(strict["overall"]["agreeing_segments"], 0);

    auto csv = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--format", "csv"});
    EXPECT_EQ(csv.exit_code, 0);
    EXPECT_EQ(csv.out.rfind("scope,name,percent_agreement,cohen_kappa", 0), 0u) << csv.out;
    EXPECT_NE(csv.out.find("overall,overall,"), std::string::npos);

    auto unknown = run_cli({"agreement", s.path, "--coders", "Amira,Zed"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_EQ(unknown.err.rfind("nptcoder: ", 0), 0u) << unknown.err;
    EXPECT_NE(unknown.err.find("Zed"), std::string::npos);
}

TEST(AgreementCli, HtmlReportIsSelfContained) {
    Study s;
    std::string out = (s.dir / "agreement.html").string();
    auto r = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--format", "html", "--out", out, "--bootstrap", "200"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string html = npt::test::read_bytes(out);
    EXPECT_NE(html.find("<style>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos);
    EXPECT_EQ(html.find("href=\"http"), std::string::npos);
    EXPECT_NE(html.find("Method"), std::string::npos);
    EXPECT_NE(html.find("Every code point"), std::string::npos);  // the unit in words
    EXPECT_NE(html.find("Krippendorff, K. (2011)"), std::string::npos);
    EXPECT_NE(html.find("Overall (all codes pooled)"), std::string::npos);
    EXPECT_NE(html.find("bootstrap"), std::string::npos);
    // The longest disagreement is Collective action in p02 (Amira's 19 characters) with its text.
    EXPECT_NE(html.find("Longest disagreements"), std::string::npos);
    EXPECT_NE(html.find("waiting list was l"), std::string::npos) << html;
}

TEST(AgreementCli, DisagreementsThenReconcileAndUndo) {
    Study s;
    json list = run_json({"disagreements", s.path, "--coders", "Amira,Ben", "--json"});
    ASSERT_EQ(list.size(), 3u);  // p01 32-36 Coherence; p02 36-55 and 60-70 Collective action
    EXPECT_EQ(list[0]["doc"], "p01.txt");
    EXPECT_EQ(list[0]["start"], 32);
    EXPECT_EQ(list[0]["end"], 36);
    EXPECT_EQ(list[0]["coders_with"], json::array({"Amira"}));
    EXPECT_EQ(list[0]["speaker"], "P01");
    EXPECT_EQ(list[1]["code"], "Collective action");
    json only = run_json({"disagreements", s.path, "--coders", "Amira,Ben", "--code", "Coherence", "--json"});
    EXPECT_EQ(only.size(), 1u);

    auto rec = run_cli({"reconcile", s.path, "--coders", "Amira,Ben", "--into", "Consensus", "--rule", "intersection"});
    ASSERT_EQ(rec.exit_code, 0) << rec.err;
    auto acc = run_cli({"reconcile", s.path, "--coders", "Amira,Ben", "--into", "Consensus", "--accept",
                        list[0]["id"].get<std::string>(), "--reject", list[1]["id"].get<std::string>()});
    ASSERT_EQ(acc.exit_code, 0) << acc.err;
    EXPECT_NE(acc.out.find("2 decision(s)"), std::string::npos) << acc.out;
    json segs = run_json({"code", "list", s.path, "--coder", "Consensus", "--json"});
    ASSERT_EQ(segs.size(), 1u);  // 36-60 by rule joined with the accepted 32-36
    EXPECT_EQ(segs[0]["start"], 32);
    EXPECT_EQ(segs[0]["end"], 60);
    ASSERT_EQ(run_cli({"undo", s.path}).exit_code, 0);
    segs = run_json({"code", "list", s.path, "--coder", "Consensus", "--json"});
    ASSERT_EQ(segs.size(), 1u);
    EXPECT_EQ(segs[0]["start"], 36);

    auto stale = run_cli({"reconcile", s.path, "--coders", "Amira,Ben", "--into", "Consensus", "--accept", "1:1:0-5"});
    EXPECT_EQ(stale.exit_code, 1);
    EXPECT_NE(stale.err.find("not a current disagreement"), std::string::npos) << stale.err;
}

TEST(AgreementCli, MergeIsIdempotentAndRefusesNonProjects) {
    Study lead;
    TempDir dir;
    std::string other = (dir / "ben.nptq").string();
    ASSERT_EQ(run_cli({"copy", lead.path, other}).exit_code, 0);
    npt::test::write_bytes(dir / "more.csv", "doc,start,end,code,coder\np02.txt,0,12,Coherence,Ben M\n");
    ASSERT_EQ(run_cli({"code", "add", other, "--from", (dir / "more.csv").string()}).exit_code, 0);

    json first = run_json({"merge", lead.path, other, "--coder-map", "Ben M=Ben", "--json"});
    EXPECT_EQ(first["codings_added"], 1);
    EXPECT_EQ(first["coders_added"], 0);
    EXPECT_EQ(first["documents_matched"], 2);
    EXPECT_TRUE(first["conflicts"].empty());
    json second = run_json({"merge", lead.path, other, "--coder-map", "Ben M=Ben", "--json"});
    EXPECT_EQ(second["codings_added"], 0);
    EXPECT_EQ(second["codings_present"], 6);

    std::string before = npt::test::file_sha256(lead.path);
    npt::test::write_bytes(dir / "notes.nptq", "not a project at all");
    auto bad = run_cli({"merge", lead.path, (dir / "notes.nptq").string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err.rfind("nptcoder: ", 0), 0u);
    EXPECT_NE(bad.err.find("notes.nptq"), std::string::npos) << bad.err;
    EXPECT_EQ(npt::test::file_sha256(lead.path), before);
    auto text = run_cli({"merge", lead.path, other});
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("0 coding(s)"), std::string::npos) << text.out;
}
