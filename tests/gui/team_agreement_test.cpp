// team_agreement_test.cpp — Team > Agreement in the headless workbench: every number the table
// shows (statistics and unit counts, per code, overall and per document) equals what
// `nptcoder agreement --json` prints for the same scope — all codes, one construct with its
// sub-codes, a case, the documents every coder coded, the three units, a bootstrap; constructs
// fold and rows sort; the exported HTML, CSV and JSON are byte for byte the CLI's files; Cancel
// gives the window back and shows nothing stale; the construct confusion cells list passages
// whose lengths add up to the cell.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "core/store/file_io.hpp"
#include "gui/agreement_view.hpp"
#include "gui/app.hpp"
#include "gui/frames_until.hpp"
#include "gui/headless.hpp"
#include "gui/team_study.hpp"
#include "gui/team_views.hpp"

namespace npt::test {
namespace {
namespace fs = std::filesystem;
using gui::AgreementRequest;

struct Team {
    TempDir dir;
    fs::path file = dir / "team.nptq";
    std::unique_ptr<gui::App> app;
    std::unique_ptr<Headless> ui;
    Team() {
        make_team_study(file);
        app = std::make_unique<gui::App>(dir / "cfg");
        app->set_coder("Lead");
        app->open_project(file);
        ui = std::make_unique<Headless>(*app);
        ui->frames(2);
    }
    gui::AgreementView& view() { return app->team().agreement(); }
    // Runs the request in the view and waits for the table.
    const gui::AgreementRun& run(const AgreementRequest& request) {
        view().open();
        view().request() = request;
        view().run(*app);
        EXPECT_TRUE(view().running());
        EXPECT_TRUE(app->busy());
        EXPECT_TRUE(frames_until(*ui, [&] { return !view().running(); }, 60));
        EXPECT_TRUE(app->error_message().empty()) << app->error_message();
        EXPECT_TRUE(view().result().has_value());
        return *view().result();
    }
};

std::optional<double> number(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j[key].is_null()) return std::nullopt;
    return j[key].get<double>();
}

// One row of the view against one row of the CLI's JSON: the shown cells and the numbers.
void expect_row(const gui::AgreementTable& table, const gui::AgreementTableRow& row, const nlohmann::json& j,
                const std::vector<std::string>& coders, bool segment, const std::string& what) {
    SCOPED_TRACE(what);
    auto cell = [&](const std::string& header) {
        const int c = table.column(header);
        EXPECT_GE(c, 0) << header;
        return c < 0 ? std::string() : row.cells[static_cast<std::size_t>(c)];
    };
    const std::pair<const char*, const char*> stats[] = {
        {"Agreement", "percent_agreement"}, {"Cohen's κ", "cohen_kappa"},      {"Scott's π", "scott_pi"},
        {"Fleiss' κ", "fleiss_kappa"},      {"Krippendorff's α", "krippendorff_alpha"}, {"Brennan-Prediger", "brennan_prediger"}};
    for (const auto& [header, key] : stats) {
        const std::optional<double> x = number(j, key);
        if (x) {
            char expected[32];
            std::snprintf(expected, sizeof expected, "%.3f", *x);
            EXPECT_EQ(cell(header), expected) << header;
        } else {
            EXPECT_EQ(cell(header), "—") << header;
        }
    }
    const int alpha = table.column("Krippendorff's α");
    const std::optional<double> a = number(j, "krippendorff_alpha");
    if (a) {
        EXPECT_EQ(row.keys[static_cast<std::size_t>(alpha)], *a);  // the number itself, not only its rounding
    }
    const gui::AlphaBand band = !a ? gui::AlphaBand::Undefined : *a >= 0.8 ? gui::AlphaBand::Reliable
                                                               : *a >= 0.667 ? gui::AlphaBand::Tentative
                                                                             : gui::AlphaBand::Unreliable;
    EXPECT_EQ(row.band, band);
    if (j.contains("krippendorff_alpha_ci95")) {
        const auto& ci = j["krippendorff_alpha_ci95"];
        char expected[64];
        if (ci.is_null()) std::snprintf(expected, sizeof expected, "—");
        else std::snprintf(expected, sizeof expected, "[%.3f, %.3f]", ci[0].get<double>(), ci[1].get<double>());
        EXPECT_EQ(cell("α 95% CI"), expected);
    }
    if (segment) {
        EXPECT_EQ(cell("Segments"), std::to_string(j["segments"].get<std::int64_t>()));
        EXPECT_EQ(cell("Agreeing"), std::to_string(j["agreeing_segments"].get<std::int64_t>()));
        for (const std::string& c : coders) {
            EXPECT_EQ(cell(c + ": segments"), std::to_string(j["segments_by_coder"][c].get<std::int64_t>()));
            EXPECT_EQ(cell(c + ": agreeing"), std::to_string(j["agreeing_by_coder"][c].get<std::int64_t>()));
        }
        return;
    }
    EXPECT_EQ(cell("Units"), std::to_string(j["units"].get<std::int64_t>()));
    EXPECT_EQ(cell("Pairs"), std::to_string(j["pairs"].get<std::int64_t>()));
    EXPECT_EQ(cell("Coded by all"), std::to_string(j["units_by_all"].get<std::int64_t>()));
    EXPECT_EQ(cell("Disputed"), std::to_string(j["units_disputed"].get<std::int64_t>()));
    EXPECT_EQ(cell("Coded by none"), std::to_string(j["units_by_none"].get<std::int64_t>()));
    for (const std::string& c : coders) EXPECT_EQ(cell(c), std::to_string(j["coded_units"][c].get<std::int64_t>()));
}

// The whole table against the CLI's report for `args`.
void expect_cli_numbers(const gui::AgreementView& view, const fs::path& file, std::vector<std::string> args) {
    std::vector<std::string> cli{"agreement", file.string()};
    cli.insert(cli.end(), args.begin(), args.end());
    cli.push_back("--json");
    const nlohmann::json j = cli_json(cli);
    const gui::AgreementTable& t = view.table();
    const auto coders = j["coders"].get<std::vector<std::string>>();
    const bool segment = j["unit"] == "segment";
    EXPECT_EQ(coders, view.result()->report.coders);
    std::size_t rows_with_numbers = 0;
    for (const auto& row : t.codes) rows_with_numbers += row.heading ? 0 : 1;
    ASSERT_EQ(rows_with_numbers, j["codes"].size());
    for (const auto& code : j["codes"]) {
        const std::string path = code["code"];
        auto it = std::find_if(t.codes.begin(), t.codes.end(), [&](const auto& r) { return r.path == path && !r.heading; });
        ASSERT_NE(it, t.codes.end()) << path;
        expect_row(t, *it, code, coders, segment, path);
    }
    expect_row(t, t.overall, j["overall"], coders, segment, "overall");
    ASSERT_EQ(t.documents.size(), j["documents"].size());
    for (std::size_t i = 0; i < t.documents.size(); ++i) {
        EXPECT_EQ(t.documents[i].label, j["documents"][i]["document"]);
        expect_row(t, t.documents[i], j["documents"][i], coders, segment, t.documents[i].label);
    }
}

AgreementRequest request(std::vector<std::string> coders) {
    AgreementRequest r;
    r.coders = std::move(coders);
    return r;
}

TEST(TeamAgreement, EveryNumberIsTheCliNumber) {
    Team team;
    {  // two coders, character unit, every code
        team.run(request({"Amira", "Ben"}));
        expect_cli_numbers(team.view(), team.file, {"--coders", "Amira,Ben"});
    }
    {  // three coders at the document unit
        AgreementRequest r = request({"Amira", "Ben", "Chloe"});
        r.options.unit = agreement::Unit::Document;
        team.run(r);
        expect_cli_numbers(team.view(), team.file, {"--coders", "Amira,Ben,Chloe", "--unit", "document"});
    }
    {  // segments with an overlap threshold
        AgreementRequest r = request({"Amira", "Ben"});
        r.options.unit = agreement::Unit::Segment;
        r.options.overlap = 0.6;
        team.run(r);
        expect_cli_numbers(team.view(), team.file, {"--coders", "Amira,Ben", "--unit", "segment", "--overlap", "0.6"});
    }
    {  // one construct with its sub-codes: the codes passed to the CLI are the construct's three
        AgreementRequest r = request({"Amira", "Ben"});
        r.codes = AgreementRequest::Codes::WithDescendants;
        r.code = "Coherence";
        const gui::AgreementRun& run = team.run(r);
        EXPECT_EQ(run.scope.codes,
                  (std::vector<std::string>{"Coherence", "Coherence/Differentiation", "Coherence/Communal specification"}));
        expect_cli_numbers(team.view(), team.file,
                           {"--coders", "Amira,Ben", "--codes", "Coherence", "--codes", "Coherence/Differentiation", "--codes",
                            "Coherence/Communal specification"});
    }
    {  // one code
        AgreementRequest r = request({"Amira", "Ben"});
        r.codes = AgreementRequest::Codes::One;
        r.code = "Cognitive participation/Legitimation";
        team.run(r);
        expect_cli_numbers(team.view(), team.file, {"--coders", "Amira,Ben", "--codes", "Cognitive participation/Legitimation"});
    }
    {  // a case's documents
        AgreementRequest r = request({"Amira", "Chloe"});
        r.documents = AgreementRequest::Documents::Case;
        r.case_name = "Site A";
        const gui::AgreementRun& run = team.run(r);
        EXPECT_EQ(run.documents_in_scope, 2u);
        expect_cli_numbers(team.view(), team.file, {"--coders", "Amira,Chloe", "--docs", "p01.txt", "--docs", "p02.txt"});
    }
    {  // the documents every chosen coder coded: p03 is Amira's alone
        AgreementRequest r = request({"Amira", "Ben"});
        r.documents = AgreementRequest::Documents::CodedByAll;
        const gui::AgreementRun& run = team.run(r);
        EXPECT_EQ(run.scope.documents, (std::vector<std::string>{"p01.txt", "p02.txt"}));
        expect_cli_numbers(team.view(), team.file, {"--coders", "Amira,Ben", "--docs", "p01.txt", "--docs", "p02.txt"});
    }
    {  // a bootstrap interval with a seed
        AgreementRequest r = request({"Amira", "Ben"});
        r.options.bootstrap = 200;
        r.options.seed = 7;
        team.run(r);
        ASSERT_GE(team.view().table().column("α 95% CI"), 0);
        expect_cli_numbers(team.view(), team.file, {"--coders", "Amira,Ben", "--bootstrap", "200", "--seed", "7"});
    }
    team.ui->frames(3);  // the window draws the last table
}

TEST(TeamAgreement, ConstructsFoldOpenToTheirSubCodesAndRowsSort) {
    Team team;
    team.run(request({"Amira", "Ben"}));
    const gui::AgreementTable& t = team.view().table();
    auto index = [&](const std::string& path) {
        for (std::size_t i = 0; i < t.codes.size(); ++i)
            if (t.codes[i].path == path) return static_cast<int>(i);
        return -1;
    };
    // Amira and Ben never used the construct codes themselves: headings above their sub-codes.
    const int coherence = index("Coherence"), participation = index("Cognitive participation");
    ASSERT_GE(coherence, 0);
    ASSERT_GE(participation, 0);
    EXPECT_TRUE(t.codes[static_cast<std::size_t>(coherence)].heading);
    EXPECT_TRUE(t.codes[static_cast<std::size_t>(coherence)].has_children);
    EXPECT_EQ(t.codes[static_cast<std::size_t>(index("Coherence/Differentiation"))].parent, coherence);
    EXPECT_EQ(t.codes[static_cast<std::size_t>(index("Coherence/Differentiation"))].depth, 1);
    EXPECT_EQ(team.view().visible_rows().size(), 6u);
    team.view().set_folded("Coherence", true);
    std::vector<int> rows = team.view().visible_rows();
    EXPECT_EQ(rows.size(), 4u);
    EXPECT_EQ(std::count(rows.begin(), rows.end(), index("Coherence/Differentiation")), 0);
    team.ui->frames(2);
    team.view().set_folded("Coherence", false);

    // Sorted by alpha, lowest first, within each construct; undefined values last.
    const int alpha = t.column("Krippendorff's α");
    team.view().sort_by(alpha, true);
    rows = team.view().visible_rows();
    ASSERT_EQ(rows.size(), 6u);
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        const auto& a = t.codes[static_cast<std::size_t>(rows[i])];
        const auto& b = t.codes[static_cast<std::size_t>(rows[i + 1])];
        if (a.parent != b.parent || a.heading || b.heading) continue;
        const double x = a.keys[static_cast<std::size_t>(alpha)], y = b.keys[static_cast<std::size_t>(alpha)];
        if (!std::isnan(x) && !std::isnan(y)) {
            EXPECT_LE(x, y) << a.path << " before " << b.path;
        }
        if (std::isnan(x)) {
            EXPECT_TRUE(std::isnan(y)) << "undefined before defined";
        }
    }
    // A child is drawn under its own construct, whatever the order.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = t.codes[static_cast<std::size_t>(rows[i])];
        if (r.parent < 0) continue;
        const auto parent_at = std::find(rows.begin(), rows.end(), r.parent);
        EXPECT_LT(parent_at - rows.begin(), static_cast<std::ptrdiff_t>(i));
    }
    team.ui->frames(2);
}

TEST(TeamAgreement, ExportWritesTheFilesTheCliWrites) {
    Team team;
    AgreementRequest r = request({"Amira", "Ben"});
    r.codes = AgreementRequest::Codes::WithDescendants;
    r.code = "Cognitive participation";
    team.run(r);
    const std::vector<std::string> scope{"--coders", "Amira,Ben", "--codes", "Cognitive participation", "--codes",
                                         "Cognitive participation/Enrolment", "--codes", "Cognitive participation/Legitimation"};
    for (auto [format, name] : {std::pair{gui::ReportFormat::Html, "html"}, std::pair{gui::ReportFormat::Csv, "csv"},
                                std::pair{gui::ReportFormat::Json, "json"}}) {
        SCOPED_TRACE(name);
        const fs::path gui_file = team.dir / (std::string("gui.") + name), cli_file = team.dir / (std::string("cli.") + name);
        team.view().export_to(*team.app, gui_file, format);
        ASSERT_TRUE(frames_until(*team.ui, [&] { return !team.view().running(); }, 60));
        EXPECT_TRUE(team.app->error_message().empty()) << team.app->error_message();
        ASSERT_TRUE(team.view().last_export().has_value());
        EXPECT_EQ(*team.view().last_export(), gui_file);
        std::vector<std::string> args{"agreement", team.file.string()};
        args.insert(args.end(), scope.begin(), scope.end());
        args.insert(args.end(), {"--format", name, "--out", cli_file.string()});
        ASSERT_EQ(run_cli(args).exit_code, 0);
        // The HTML's last line says when it was made: the rest is byte for byte the same.
        auto without_stamp = [](std::string text) {
            const std::size_t at = text.find("<p class=\"generator\">");
            return at == std::string::npos ? text : text.substr(0, at);
        };
        EXPECT_EQ(without_stamp(read_bytes(gui_file)), without_stamp(read_bytes(cli_file)));
    }
    EXPECT_NE(read_bytes(team.dir / "gui.html").find("Enrolment"), std::string::npos);
}

TEST(TeamAgreement, CancelGivesTheWindowBackAndNoStaleResult) {
    Team team;
    AgreementRequest r = request({"Amira", "Ben"});
    r.options.bootstrap = 20000;  // long enough to be running when cancelled
    team.view().open();
    team.view().request() = r;
    team.view().run(*team.app);
    ASSERT_TRUE(team.view().running());
    team.view().cancel();
    EXPECT_FALSE(team.view().running());  // at once, whatever the worker is doing
    ASSERT_TRUE(frames_until(*team.ui, [&] { return !team.app->busy(); }, 120));  // the worker stopped and was joined
    EXPECT_FALSE(team.view().result().has_value());
    EXPECT_TRUE(team.app->error_message().empty());
    // An error from the core reaches the error modal, and nothing is shown.
    AgreementRequest bad = request({"Amira", "Nobody"});
    team.view().request() = bad;
    team.view().run(*team.app);
    ASSERT_TRUE(frames_until(*team.ui, [&] { return !team.view().running(); }, 60));
    EXPECT_NE(team.app->error_message().find("Nobody"), std::string::npos) << team.app->error_message();
    EXPECT_FALSE(team.view().result().has_value());
}

TEST(TeamAgreement, ConstructConfusionCellsListTheirPassages) {
    Team team;
    AgreementRequest r = request({"Amira", "Ben"});
    r.codes = AgreementRequest::Codes::WithDescendants;
    r.code = "Cognitive participation";
    const gui::AgreementRun& run = team.run(r);
    ASSERT_TRUE(run.confusion.has_value());
    const agreement::ConfusionMatrix& m = *run.confusion;
    auto at = [&](const std::string& path) {
        return static_cast<std::size_t>(std::find(m.codes.begin(), m.codes.end(), path) - m.codes.begin());
    };
    const std::size_t enrol = at("Cognitive participation/Enrolment"), legit = at("Cognitive participation/Legitimation");
    ASSERT_LT(enrol, m.codes.size());
    ASSERT_LT(legit, m.codes.size());
    // p02: Amira's Enrolment 38-75 is Ben's Legitimation 38-75; Amira's Legitimation 77-140 meets
    // Ben's Enrolment 77-89 and Ben's Legitimation 90-140.
    EXPECT_EQ(m.cells[enrol][legit], 37);
    EXPECT_EQ(m.cells[legit][enrol], 12);
    EXPECT_EQ(m.cells[legit][legit], 50);
    EXPECT_EQ(m.cells[enrol][enrol], 0);
    // The same table as `nptcoder agreement --confusion --json`, when the CLI has it.
    CommandResult cli = run_cli({"agreement", team.file.string(), "--coders", "Amira,Ben", "--codes", "Cognitive participation",
                                 "--codes", "Cognitive participation/Enrolment", "--codes", "Cognitive participation/Legitimation",
                                 "--confusion", "--json"});
    if (cli.exit_code == 0) {
        const nlohmann::json j = nlohmann::json::parse(cli.out);
        EXPECT_EQ(j["cells"].get<std::vector<std::vector<std::int64_t>>>(), m.cells);
    }
    team.view().show_passages(*team.app, enrol, legit);
    ASSERT_TRUE(frames_until(*team.ui, [&] { return !team.view().passages_loading(); }, 60));
    const auto& passages = team.view().passages();
    ASSERT_EQ(passages.size(), 1u);
    EXPECT_EQ(passages[0].document, "p02.txt");
    EXPECT_EQ(passages[0].start, 38);
    EXPECT_EQ(passages[0].end, 75);
    EXPECT_EQ(passages[0].text, kTeamP02.substr(38, 37));
    std::int64_t sum = 0;
    team.view().show_passages(*team.app, legit, legit);
    ASSERT_TRUE(frames_until(*team.ui, [&] { return !team.view().passages_loading(); }, 60));
    for (const auto& p : team.view().passages()) sum += p.end - p.start;
    EXPECT_EQ(sum, m.cells[legit][legit]);
    team.ui->frames(3);
}

}  // namespace
}  // namespace npt::test
