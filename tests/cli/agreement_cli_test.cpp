// agreement_cli_test.cpp — `agreement`, `agreement-table`, `disagreements`, `reconcile` and
// `merge` run as a lead would: published examples through the CSV path, the stable JSON keys,
// a self-contained HTML report, undoable reconciliation and a merge that refuses non-projects.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "core/text/csv.hpp"
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

TEST(AgreementCli, ConfusionTableCountsCodePointsPerPairOfCodes) {
    Study s;
    json m = run_json({"agreement", s.path, "--coders", "Amira,Ben", "--confusion", "--json"});
    EXPECT_EQ(m["coder_a"], "Amira");
    EXPECT_EQ(m["coder_b"], "Ben");
    // Cells by row and column label, from the codings above: Amira 32-60 / Ben 36-60 Coherence in p01;
    // Amira 36-55 / Ben 60-70 Collective action in p02.
    auto cell = [&](const std::string& row, const std::string& column) -> std::int64_t {
        for (const auto& r : m["rows"])
            if (r["code"] == row) return r["cells"][column].get<std::int64_t>();
        ADD_FAILURE() << "no row " << row;
        return -1;
    };
    const std::string none = m["not_coded"];
    EXPECT_EQ(none, "(not coded)");
    EXPECT_EQ(cell("Coherence", "Coherence"), 24);
    EXPECT_EQ(cell("Coherence", none), 4);
    EXPECT_EQ(cell("Coherence", "Collective action"), 0);
    EXPECT_EQ(cell("Collective action", none), 19);
    EXPECT_EQ(cell(none, "Collective action"), 10);
    EXPECT_EQ(cell("Collective action", "Collective action"), 0);
    EXPECT_EQ(cell(none, none), m["code_points"].get<std::int64_t>() - 28 - 19 - 10);
    // The CSV carries the same numbers.
    auto csv = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--confusion", "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    auto rows = npt::csv::parse(csv.out, ',');
    ASSERT_EQ(rows.size(), 5u);  // header, two codes, not coded, coded-by-Ben totals
    EXPECT_EQ(rows[0].fields[0], "Amira \\ Ben");
    EXPECT_EQ(rows[0].fields[3], "(not coded)");
    for (std::size_t r = 1; r <= 3; ++r)
        for (std::size_t c = 1; c <= 3; ++c) EXPECT_EQ(std::stoll(rows[r].fields[c]), cell(rows[r].fields[0], rows[0].fields[c])) << r << "," << c;
    // Narrowed to one code, the other one's code points are "not coded".
    json one = run_json({"agreement", s.path, "--coders", "Amira,Ben", "--confusion", "--codes", "Coherence", "--json"});
    EXPECT_EQ(one["codes"], json::array({"Coherence"}));
    // The passages behind a cell, with their text.
    json passages = run_json({"agreement", s.path, "--coders", "Amira,Ben", "--confusion", "--row", "Coherence",
                              "--column", "-", "--json"});
    ASSERT_EQ(passages.size(), 1u);
    EXPECT_EQ(passages[0]["doc"], "p01.txt");
    EXPECT_EQ(passages[0]["start"], 32);
    EXPECT_EQ(passages[0]["end"], 36);
    EXPECT_EQ(passages[0]["text"], "the ");
    EXPECT_EQ(passages[0]["speaker"], "P01");
    auto text = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--confusion"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("Construct confusion"), std::string::npos) << text.out;
    // Refusals: three coders, a unit other than character, a row without a column, an unknown code.
    EXPECT_EQ(run_cli({"agreement", s.path, "--coders", "Amira,Ben,Chloe", "--confusion"}).exit_code, 1);
    EXPECT_EQ(run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--confusion", "--unit", "document"}).exit_code, 1);
    EXPECT_EQ(run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--confusion", "--row", "Coherence"}).exit_code, 1);
    auto unknown = run_cli({"agreement", s.path, "--coders", "Amira,Ben", "--confusion", "--row", "Nope", "--column", "-"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("Nope"), std::string::npos) << unknown.err;
}

TEST(AgreementCli, ReconcileLogIsAnAppendixInEveryFormat) {
    Study s;
    json list = run_json({"disagreements", s.path, "--coders", "Amira,Ben", "--json"});
    ASSERT_EQ(list.size(), 3u);
    ASSERT_EQ(run_cli({"reconcile", s.path, "--coders", "Amira,Ben", "--into", "Consensus", "--rule", "intersection"}).exit_code, 0);
    auto walk = run_cli({"reconcile", s.path, "--coders", "Amira,Ben", "--into", "Consensus", "--accept-a",
                         list[0]["id"].get<std::string>(), "--accept-b", list[2]["id"].get<std::string>(), "--set-span",
                         list[1]["id"].get<std::string>() + "=40-50", "--note", "agreed in the team meeting, 3 May"});
    ASSERT_EQ(walk.exit_code, 0) << walk.err;
    EXPECT_NE(walk.out.find("3 decision(s)"), std::string::npos) << walk.out;
    json segs = run_json({"code", "list", s.path, "--coder", "Consensus", "--json"});
    ASSERT_EQ(segs.size(), 3u);  // p01 32-60 (36-60 by rule + Amira's 32-36); p02 40-50; p02 60-70 (Ben's)
    EXPECT_EQ(segs[0]["start"], 32);
    EXPECT_EQ(segs[1]["start"], 40);
    EXPECT_EQ(segs[1]["end"], 50);
    EXPECT_EQ(segs[2]["start"], 60);

    TempDir out;
    for (const char* format : {"csv", "json", "md", "html"}) {
        auto file = (out / (std::string("log.") + format)).string();
        auto r = run_cli({"reconcile", s.path, "--log", "--format", format, "--out", file});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    json log = json::parse(npt::test::read_bytes(out / "log.json"));
    ASSERT_EQ(log.size(), 6u);  // three by rule, three by hand
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(log[i]["method"], "rule");
        EXPECT_EQ(log[i]["rule"], "intersection");
        EXPECT_TRUE(log[i]["result"].is_null());  // intersection never keeps a disagreement
    }
    EXPECT_EQ(log[3]["method"], "manual");
    EXPECT_EQ(log[3]["decision"], "accept coder");
    EXPECT_EQ(log[3]["coder"], "Amira");
    EXPECT_EQ(log[3]["text"], "the ");
    EXPECT_EQ(log[3]["speaker"], "P01");
    EXPECT_EQ(log[3]["note"], "agreed in the team meeting, 3 May");
    EXPECT_EQ(log[3]["consensus_coder"], "Consensus");
    EXPECT_FALSE(log[3]["time"].get<std::string>().empty());
    EXPECT_FALSE(log[3]["decided_by"].get<std::string>().empty());
    EXPECT_EQ(log[4]["decision"], "accept coder");
    EXPECT_EQ(log[4]["coder"], "Ben");
    EXPECT_EQ(log[5]["decision"], "span");
    EXPECT_EQ(log[5]["result"]["start"], 40);

    auto rows = npt::csv::parse(npt::test::read_bytes(out / "log.csv"), ',');
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_EQ(rows[0].fields[0], "id");
    EXPECT_EQ(rows[0].fields.back(), "note");
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].fields.size(), rows[0].fields.size());
        EXPECT_EQ(rows[i].fields[4], log[i - 1]["doc"]);
        EXPECT_EQ(rows[i].fields[18], log[i - 1]["text"]);  // text column
    }
    EXPECT_EQ(rows[4].fields[17], "accepted Amira's coding (coded)");
    EXPECT_EQ(rows[6].fields[17], "set the span to 40-50");
    const std::string md = npt::test::read_bytes(out / "log.md");
    EXPECT_EQ(md.rfind("# Reconciliation decisions: Hub evaluation", 0), 0u) << md.substr(0, 80);
    EXPECT_NE(md.find("agreed in the team meeting, 3 May"), std::string::npos);
    const std::string html = npt::test::read_bytes(out / "log.html");
    EXPECT_NE(html.find("<table>"), std::string::npos);
    EXPECT_NE(html.find("accepted Ben&#39;s coding"), std::string::npos) << html;
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http"), std::string::npos);  // self-contained
    // --into narrows the log; an unknown consensus coder has none.
    json none = run_json({"reconcile", s.path, "--log", "--into", "Nobody", "--json"});
    EXPECT_TRUE(none.empty());
    // Deciding and logging in one call is refused.
    EXPECT_EQ(run_cli({"reconcile", s.path, "--log", "--rule", "union"}).exit_code, 1);
    EXPECT_EQ(run_cli({"reconcile", s.path, "--coders", "Amira,Ben", "--into", "C2", "--set-span", "garbage"}).exit_code, 1);
}

TEST(AgreementCli, MergeDryRunReportsTheMergeAndChangesNoFile) {
    Study lead;
    TempDir dir;
    std::string other = (dir / "ben.nptq").string();
    ASSERT_EQ(run_cli({"copy", lead.path, other}).exit_code, 0);
    npt::test::write_bytes(dir / "more.csv", "doc,start,end,code,coder\np02.txt,0,12,Inductive/Waiting,Ben M\n");
    ASSERT_EQ(run_cli({"code", "add", other, "--from", (dir / "more.csv").string()}).exit_code, 0);
    const std::string lead_hash = npt::test::file_sha256(lead.path), other_hash = npt::test::file_sha256(other);
    json preview = run_json({"merge", lead.path, other, "--dry-run", "--json"});
    EXPECT_EQ(npt::test::file_sha256(lead.path), lead_hash);
    EXPECT_EQ(npt::test::file_sha256(other), other_hash);
    EXPECT_EQ(preview["dry_run"], true);
    EXPECT_EQ(preview["added_coders"], json::array({"Ben M"}));
    EXPECT_EQ(preview["added_codes"], json::array({"Inductive", "Inductive/Waiting"}));
    EXPECT_EQ(preview["codings_added"], 1);
    auto text = run_cli({"merge", lead.path, other, "--dry-run"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("would add"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Nothing was changed"), std::string::npos) << text.out;
    EXPECT_EQ(npt::test::file_sha256(lead.path), lead_hash);
    // The merge itself reports the same numbers and names.
    json real = run_json({"merge", lead.path, other, "--json"});
    for (const char* key : {"coders_added", "documents_added", "codes_added", "codings_added", "codings_present",
                            "memos_added", "added_coders", "added_codes", "added_documents", "conflicts"})
        EXPECT_EQ(real[key], preview[key]) << key;
    EXPECT_EQ(real["dry_run"], false);
    EXPECT_EQ(npt::test::file_sha256(other), other_hash);
}
