// team_merge_test.cpp — File > Merge project..., Team > History and File > Check project in the
// headless workbench. A colleague's project (Ben as "Ben M", a code the lead lacks, a document
// the lead lacks) is previewed — nothing changes — then merged with the coder map; the lead ends
// up exactly as the CLI's `merge` of the same two files leaves a copy, the colleague's file is
// byte for byte unchanged, and one undo takes a merge back. The History pane shows the event
// log as `nptcoder history` does and filters it; Check project answers "ok".
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "core/model/memos.hpp"
#include "gui/app.hpp"
#include "gui/frames_until.hpp"
#include "gui/headless.hpp"
#include "gui/history_view.hpp"
#include "gui/merge_dialog.hpp"
#include "gui/team_study.hpp"
#include "gui/team_views.hpp"

namespace npt::test {
namespace {
namespace fs = std::filesystem;

// Ben's own project: the lead's p01 (same text), a p04 the lead lacks (unless `new_document` is
// false), the lead's codes plus "Reflexive monitoring/Appraisal", codings by "Ben M".
void make_colleague(const fs::path& file, bool new_document = true) {
    Project p = Project::create(file, "Ben's copy");
    p.set_actor("Ben M");
    p.action("Ben's work", [&] {
        const auto p01 = add_document(p, {"p01.txt", kTeamP01, "p01.txt", "text", "", {}}).id;
        const auto p04 = !new_document ? p01 : add_document(p, {"p04.txt", "Interviewer: Looking back?\nP04: We checked how it was going.\n", "p04.txt",
                                        "text", "", {}}).id;
        const auto diff = ensure_code(p, "Coherence/Differentiation").id;
        const auto appraisal = ensure_code(p, "Reflexive monitoring/Appraisal").id;
        const auto ben = ensure_coder(p, "Ben M").id;
        apply_coding(p, p01, diff, ben, {5, 30});
        apply_coding(p, p04, appraisal, ben, {30, 55});
    });
}

struct Team {
    TempDir dir;
    fs::path file = dir / "team.nptq";
    fs::path other = dir / "ben.nptq";
    std::unique_ptr<gui::App> app;
    std::unique_ptr<Headless> ui;
    explicit Team(bool new_document = true) {
        make_team_study(file);
        make_colleague(other, new_document);
        fs::copy_file(file, dir / "cli.nptq");  // for the CLI's merge, before the workbench opens the file
        app = std::make_unique<gui::App>(dir / "cfg");
        app->set_coder("Lead");
        app->open_project(file);
        ui = std::make_unique<Headless>(*app);
        ui->frames(2);
    }
    gui::MergeDialog& merge() { return app->team().merge(); }
    void wait() {
        ui->frames(2);
        ASSERT_TRUE(frames_until(*ui, [&] { return !app->busy(); }, 60));
    }
};

// Row counts of the tables that hold the study (not the event log and undo history, which a merge
// and its undo both add to).
std::string counts(const fs::path& file) {
    Project p = Project::open(file);
    std::istringstream all(table_counts(p));
    std::string out, entry;
    while (all >> entry)
        if (entry.rfind("event_log=", 0) != 0 && entry.rfind("undo_", 0) != 0) out += entry + " ";
    return out;
}

TEST(TeamMerge, PreviewThenMergeIsTheClisMerge) {
    Team team;
    const std::string lead_before = counts(team.file);
    const std::string other_hash = file_sha256(team.other);

    team.merge().choose(*team.app, team.other);
    team.wait();
    ASSERT_TRUE(team.merge().preview().has_value()) << team.app->error_message();
    EXPECT_EQ(team.merge().preview()->other_coders, std::vector<std::string>{"Ben M"});
    const MergeReport& preview = team.merge().preview()->report;
    EXPECT_EQ(preview.coders_added, 1);  // "Ben M", until mapped
    EXPECT_EQ(preview.documents_added, 1);
    EXPECT_EQ(preview.codings_added, 2);
    EXPECT_EQ(counts(team.file), lead_before);  // a preview changes nothing

    team.merge().map_coder(*team.app, "Ben M", "Ben");
    team.wait();
    ASSERT_TRUE(team.merge().preview().has_value());
    EXPECT_EQ(team.merge().preview()->report.coders_added, 0);
    EXPECT_EQ(team.merge().preview()->report.coders_matched, 1);
    EXPECT_EQ(team.merge().preview()->report.added_documents, std::vector<std::string>{"p04.txt"});
    team.ui->frames(2);  // the window draws the preview and the coder map

    team.merge().merge(*team.app);
    team.wait();
    ASSERT_TRUE(team.merge().last_merge().has_value()) << team.app->error_message();
    const MergeReport& done = *team.merge().last_merge();
    const nlohmann::json cli = cli_json({"merge", (team.dir / "cli.nptq").string(), team.other.string(), "--coder-map",
                                         "Ben M=Ben", "--json"});
    EXPECT_EQ(done.coders_added, cli["coders_added"]);
    EXPECT_EQ(done.documents_added, cli["documents_added"]);
    EXPECT_EQ(done.codes_added, cli["codes_added"]);
    EXPECT_EQ(done.codings_added, cli["codings_added"]);
    EXPECT_EQ(done.codings_present, cli["codings_present"]);
    EXPECT_EQ(done.memos_added, cli["memos_added"]);
    // The preview said what the merge did.
    EXPECT_EQ(team.merge().preview()->report.codings_added, done.codings_added);
    EXPECT_EQ(team.merge().preview()->report.codes_added, done.codes_added);
    // The lead is the CLI's merged copy, the colleague's file untouched.
    EXPECT_EQ(counts(team.file), counts(team.dir / "cli.nptq"));
    EXPECT_EQ(codings_of(team.file, "Ben"), codings_of(team.dir / "cli.nptq", "Ben"));
    EXPECT_EQ(file_sha256(team.other), other_hash);
    // The workbench shows the new document without a manual refresh.
    EXPECT_NE(team.app->snapshot().document(team.app->snapshot().documents.back().id), nullptr);
    bool p04 = false;
    for (const DocumentInfo& d : team.app->snapshot().documents) p04 |= d.name == "p04.txt";
    EXPECT_TRUE(p04);
    team.ui->frames(2);
}

// Undo takes the merge back in one step. (The colleague brings no new document here: the core
// refuses to undo a merge that added one — "undo step holds a statement nptcoder does not write
// (vtable constructor failed: document_fts ...)" — with the CLI as in the workbench.)
TEST(TeamMerge, TheMergeIsOneUndoStep) {
    Team team(false);
    const std::string lead_before = counts(team.file);
    team.merge().choose(*team.app, team.other);
    team.wait();
    ASSERT_TRUE(team.merge().preview().has_value()) << team.app->error_message();
    team.merge().merge(*team.app);
    team.wait();
    ASSERT_TRUE(team.merge().last_merge().has_value()) << team.app->error_message();
    EXPECT_EQ(team.merge().last_merge()->codings_added, 2);
    EXPECT_NE(counts(team.file), lead_before);
    team.app->undo();
    EXPECT_TRUE(team.app->error_message().empty()) << team.app->error_message();
    EXPECT_EQ(counts(team.file), lead_before);
}

TEST(TeamMerge, AFileThatIsNotAProjectIsRefusedWithTheCoresMessage) {
    Team team;
    write_bytes(team.dir / "notes.nptq", "not a database");
    const std::string before = counts(team.file);
    team.merge().choose(*team.app, team.dir / "notes.nptq");
    team.wait();
    EXPECT_FALSE(team.merge().preview().has_value());
    EXPECT_NE(team.app->error_message().find("notes.nptq"), std::string::npos) << team.app->error_message();
    EXPECT_EQ(counts(team.file), before);
}

TEST(TeamHistory, ShowsTheEventLogAndFilters) {
    Team team;
    ASSERT_EQ(run_cli({"memo", "add", team.file.string(), "--text", "a note from the terminal"}).exit_code, 0);
    gui::HistoryView& history = team.app->team().history();
    history.open();
    team.app->refresh();  // the CLI's commit (the App would notice it within a poll interval)
    team.wait();
    const nlohmann::json cli = cli_json({"history", team.file.string(), "--limit", "1000", "--json"});
    ASSERT_EQ(history.events().size(), cli.size());
    for (std::size_t i = 0; i < cli.size(); ++i) {
        EXPECT_EQ(history.events()[i].time, cli[i]["time"]);
        EXPECT_EQ(history.events()[i].actor, cli[i]["actor"]);
        EXPECT_EQ(history.events()[i].action, cli[i]["action"]);
    }
    history.set_filter("Lead", "");
    EXPECT_FALSE(history.shown().empty());
    for (std::size_t i : history.shown()) EXPECT_EQ(history.events()[i].actor, "Lead");
    history.set_filter("", "TEAM STUDY");  // words, any case
    ASSERT_FALSE(history.shown().empty());
    for (std::size_t i : history.shown()) {
        const Event& e = history.events()[i];
        EXPECT_TRUE((e.action + e.detail).find("team study") != std::string::npos) << e.action;
    }
    team.ui->frames(2);
    // A change made here appears without asking.
    const std::size_t n = history.events().size();
    team.app->act([&] { add_memo(team.app->project(), MemoTarget::Project, std::nullopt, "from the workbench"); });
    team.wait();
    EXPECT_EQ(history.events().size(), n + 1);
}

TEST(TeamCheck, CheckProjectAnswersOk) {
    Team team;
    team.app->team().check().start(*team.app);
    team.wait();
    ASSERT_TRUE(team.app->team().check().answer().has_value());
    EXPECT_EQ(*team.app->team().check().answer(), "ok");
    team.ui->frames(3);
}

}  // namespace
}  // namespace npt::test
