// team_reconcile_test.cpp — Team > Disagreements and reconciliation in the headless workbench: the
// list is the CLI's `disagreements --json`, filters and "n of m decided" follow the decisions;
// selecting one opens the transcript at its span with only the two coders shown; accept A,
// reject both and a span drawn in the transcript write the consensus coder's codings (read back
// through a second connection), each one undoable step; the rule pass equals the CLI's; the
// decision log exports the CLI's file; a list of 10,000 disagreements draws only the rows in view.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/agreement/reconcile.hpp"
#include "gui/app.hpp"
#include "gui/disagreements_view.hpp"
#include "gui/frames_until.hpp"
#include "gui/headless.hpp"
#include "gui/team_study.hpp"
#include "gui/team_views.hpp"

namespace npt::test {
namespace {
namespace fs = std::filesystem;
using Decision = gui::DisagreementsView::Decision;
using Codings = std::vector<std::tuple<std::string, std::string, std::int64_t, std::int64_t>>;

struct Team {
    TempDir dir;
    fs::path file = dir / "team.nptq";
    std::unique_ptr<gui::App> app;
    std::unique_ptr<Headless> ui;
    explicit Team(bool study = true) {
        if (study) make_team_study(file);
    }
    void open() {
        app = std::make_unique<gui::App>(dir / "cfg");
        app->set_coder("Lead");
        app->open_project(file);
        ui = std::make_unique<Headless>(*app);
        ui->frames(2);
    }
    gui::DisagreementsView& view() { return app->team().disagreements(); }
    void load() {
        view().open();
        view().set_coders("Amira", "Ben");
        view().load(*app);
        settle();
    }
    // Frames until the list is read (and re-read after a change).
    void settle() {
        ui->frames(2);
        ASSERT_TRUE(frames_until(*ui, [&] { return !view().loading(); }, 60));
        EXPECT_TRUE(app->error_message().empty()) << app->error_message();
    }
    std::size_t row_of(const std::string& code, std::int64_t start) {
        const auto& items = view().list()->items;
        for (std::size_t r = 0; r < view().shown().size(); ++r) {
            const auto& d = items[view().shown()[r]];
            if (d.code == code && d.start == start) return r;
        }
        ADD_FAILURE() << "no disagreement on " << code << " at " << start;
        return 0;
    }
};

TEST(TeamReconcile, TheListIsTheClisAndFiltersCount) {
    Team team;
    team.open();
    team.load();
    ASSERT_TRUE(team.view().list().has_value());
    const nlohmann::json cli = cli_json({"disagreements", team.file.string(), "--coders", "Amira,Ben", "--json"});
    const auto& items = team.view().list()->items;
    ASSERT_EQ(items.size(), cli.size());
    ASSERT_GT(items.size(), 3u);
    for (std::size_t i = 0; i < items.size(); ++i) {
        EXPECT_EQ(items[i].id, cli[i]["id"]);
        EXPECT_EQ(items[i].text, cli[i]["text"]);
        EXPECT_EQ(items[i].speaker, cli[i]["speaker"]);
    }
    EXPECT_EQ(team.view().shown().size(), items.size());
    EXPECT_EQ(team.view().decided_count(), 0u);
    team.view().set_filter("Coherence/Differentiation", "");
    std::size_t expected = 0;
    for (const auto& d : cli) expected += d["code"] == "Coherence/Differentiation" ? 1 : 0;
    EXPECT_EQ(team.view().shown().size(), expected);
    for (std::size_t i : team.view().shown()) EXPECT_EQ(items[i].code, "Coherence/Differentiation");
    team.view().set_filter("", "p02.txt");
    for (std::size_t i : team.view().shown()) EXPECT_EQ(items[i].document, "p02.txt");
    EXPECT_FALSE(team.view().shown().empty());
    team.ui->frames(3);
}

TEST(TeamReconcile, DecisionsWriteTheConsensusCoderAndUndo) {
    Team team;
    team.open();
    team.load();
    // p01: Amira has Differentiation on 35-40, Ben does not.
    team.view().select(*team.app, team.row_of("Coherence/Differentiation", 35));
    ASSERT_NE(team.app->transcript().document(), nullptr);
    EXPECT_EQ(team.app->transcript().document()->info().name, "p01.txt");
    EXPECT_EQ(team.app->transcript().selection(), (Span{35, 40}));
    const auto chloe = [&] {
        for (const Coder& c : team.app->snapshot().coders)
            if (c.name == "Chloe") return c.id;
        return CoderId{};
    }();
    EXPECT_TRUE(team.app->transcript().hidden_coders.count(chloe));  // only the two coders shown
    team.ui->frames(2);

    ASSERT_TRUE(team.view().decide(*team.app, Decision::AcceptA, "Amira's reading starts at the sentence"));
    team.settle();
    EXPECT_EQ(codings_of(team.file, "Consensus"), (Codings{{"p01.txt", "Coherence/Differentiation", 35, 40}}));
    EXPECT_EQ(team.view().decided_count(), 1u);
    {
        Project p = Project::open(team.file);
        const auto log = agreement::list_reconcile_decisions(p, "Consensus");
        ASSERT_EQ(log.size(), 1u);
        EXPECT_EQ(log[0].note, "Amira's reading starts at the sentence");
        EXPECT_EQ(log[0].decided_by, "Lead");
        EXPECT_EQ(log[0].method, "manual");
    }
    // p02: Amira alone has Enrolment on 38-75; reject both.
    team.view().select(*team.app, team.row_of("Cognitive participation/Enrolment", 38));
    ASSERT_TRUE(team.view().decide(*team.app, Decision::RejectBoth, ""));
    team.settle();
    EXPECT_EQ(codings_of(team.file, "Consensus"), (Codings{{"p01.txt", "Coherence/Differentiation", 35, 40}}));
    EXPECT_EQ(team.view().decided_count(), 2u);

    // A span drawn in the transcript: Ben has Enrolment on 77-89, Amira does not; the consensus
    // gets 80-89 only.
    team.view().select(*team.app, team.row_of("Cognitive participation/Enrolment", 77));
    team.app->transcript().select({80, 89});
    ASSERT_TRUE(team.view().decide(*team.app, Decision::Span, "", team.app->transcript().selection()));
    team.settle();
    EXPECT_EQ(codings_of(team.file, "Consensus"), (Codings{{"p01.txt", "Coherence/Differentiation", 35, 40},
                                                           {"p02.txt", "Cognitive participation/Enrolment", 80, 89}}));
    EXPECT_EQ(team.view().decided_count(), 3u);

    // Each decision is one undo step of the lead's.
    team.app->undo();
    team.settle();
    EXPECT_EQ(codings_of(team.file, "Consensus"), (Codings{{"p01.txt", "Coherence/Differentiation", 35, 40}}));
    EXPECT_EQ(team.view().decided_count(), 2u);
    team.app->undo();
    team.app->undo();
    team.settle();
    EXPECT_TRUE(codings_of(team.file, "Consensus").empty());
    EXPECT_EQ(team.view().decided_count(), 0u);
    {
        Project p = Project::open(team.file);
        EXPECT_TRUE(agreement::list_reconcile_decisions(p, "Consensus").empty());
    }
    team.ui->frames(2);
}

TEST(TeamReconcile, TheRulePassIsTheClisAndTheLogExportsTheClisFile) {
    Team team;
    fs::copy_file(team.file, team.dir / "cli.nptq");  // before the workbench opens the file
    team.open();
    team.load();
    ASSERT_TRUE(team.view().apply_rule(*team.app, "intersection"));
    ASSERT_EQ(run_cli({"reconcile", (team.dir / "cli.nptq").string(), "--coders", "Amira,Ben", "--into", "Consensus", "--rule",
                       "intersection"})
                  .exit_code,
              0);
    const Codings gui = codings_of(team.file, "Consensus");
    EXPECT_FALSE(gui.empty());
    EXPECT_EQ(gui, codings_of(team.dir / "cli.nptq", "Consensus"));
    team.settle();

    // Then one manual decision, and the log as CSV from the view and from the CLI.
    team.view().select(*team.app, 0);
    ASSERT_TRUE(team.view().decide(*team.app, Decision::AcceptBoth, "both readings hold"));
    team.settle();
    team.view().export_log(*team.app, team.dir / "gui-log.csv", gui::DisagreementsView::LogFormat::Csv);
    ASSERT_TRUE(frames_until(*team.ui, [&] { return !team.view().exporting(); }, 60));
    EXPECT_TRUE(team.app->error_message().empty()) << team.app->error_message();
    const std::string log = read_bytes(team.dir / "gui-log.csv");
    EXPECT_NE(log.find("both readings hold"), std::string::npos);
    CommandResult cli = run_cli({"reconcile", team.file.string(), "--coders", "Amira,Ben", "--into", "Consensus", "--log",
                                 "--format", "csv", "--out", (team.dir / "cli-log.csv").string()});
    if (cli.exit_code == 0) {
        EXPECT_EQ(log, read_bytes(team.dir / "cli-log.csv"));
    }
}

TEST(TeamReconcile, TenThousandDisagreementsDrawOnlyTheRowsInView) {
    Team team(false);
    {
        Project p = Project::create(team.file, "many");
        p.set_actor("Lead");
        p.action("many", [&] {
            std::string text;
            for (int i = 0; i < 10000; ++i) text += "word word. ";
            const auto doc = add_document(p, {"long.txt", text, "long.txt", "text", "", {}}).id;
            const auto code = ensure_code(p, "Coherence").id;
            const auto amira = ensure_coder(p, "Amira").id;
            ensure_coder(p, "Ben");
            for (int i = 0; i < 10000; ++i) apply_coding(p, doc, code, amira, {i * 11, i * 11 + 4});
        });
    }
    team.open();
    team.load();
    ASSERT_EQ(team.view().list()->items.size(), 10000u);
    team.ui->frames(3);
    EXPECT_GT(team.view().rows_drawn(), 0);
    EXPECT_LT(team.view().rows_drawn(), 100);  // clipped: the rows in view, not 10,000
    EXPECT_EQ(team.view().decided_count(), 0u);
}

}  // namespace
}  // namespace npt::test
