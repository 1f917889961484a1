// query_view_test.cpp — Write-up > Query and autocode in the headless workbench: a search run
// from the window lists the passages core plan_autocode finds; "Code" codes the kept ones for
// the active coder as one step, read back from the project file; Edit > Undo takes them all
// back; a bad query is shown in the window; code paths complete.
#include <gtest/gtest.h>

#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/query/autocode.hpp"
#include "gui/app.hpp"
#include "gui/headless.hpp"
#include "gui/query_view.hpp"
#include "gui/writeup_views.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {

const std::string kText =
    "Interviewer: How did the referral go?\n"
    "P07: The referral was slow. We waited weeks.\n"
    "Interviewer: And then?\n"
    "P07: Then the referral came back.\n";

struct Bench {
    TempDir dir;
    std::filesystem::path file = dir / "q.nptq";
    std::unique_ptr<gui::App> app;
    std::unique_ptr<Headless> ui;
    Bench() {
        {
            Project p = Project::create(file, "query");
            add_document(p, {"p07.txt", kText, "p07.txt", "text", "", {}});
            ensure_code(p, "Coherence/Differentiation");
            ensure_code(p, "Collective action");
        }
        app = std::make_unique<gui::App>(dir / "cfg");
        app->set_coder("Ngozi A");
        app->open_project(file);
        ui = std::make_unique<Headless>(*app);
        ui->frames(2);
        view().open();
        ui->frames(2);
    }
    gui::QueryView& view() { return app->writeup().query(); }
    std::vector<Coding> codings() {
        Project p = Project::open(file);
        return codings_in_document(p, require_document(p, "p07.txt").id);
    }
};

TEST(QueryView, SearchResultsAreCodedAsOneStepAndUndone) {
    Bench b;
    b.view().set_source(AutocodeSource::Search);
    b.view().set_pattern("referral");
    b.view().set_extend(AutocodeExtent::Sentence);
    b.ui->frames(1);
    const auto run = b.view().button_centre("Run");
    ASSERT_TRUE(run);
    b.ui->click(*run);
    ASSERT_TRUE(b.view().plan()) << b.view().error();
    // The window shows exactly what the core plans for the same request.
    AutocodeRequest r;
    r.pattern = "referral";
    r.extend = AutocodeExtent::Sentence;
    const AutocodePlan want = plan_autocode(b.app->project(), r);
    ASSERT_EQ(b.view().plan()->passages.size(), want.passages.size());
    for (std::size_t i = 0; i < want.passages.size(); ++i)
        EXPECT_EQ(b.view().plan()->passages[i].span, want.passages[i].span);
    ASSERT_EQ(want.passages.size(), 3u);

    // Keep two of the three, choose the code, press the button.
    b.view().keep(0, false);
    b.view().set_code(require_code(b.app->project(), "Coherence/Differentiation").id);
    b.ui->frames(2);
    const auto code = b.view().button_centre("Code results");
    ASSERT_TRUE(code);
    b.ui->click(*code);
    EXPECT_TRUE(b.app->error_message().empty()) << b.app->error_message();
    const auto coded = b.codings();
    ASSERT_EQ(coded.size(), 2u);
    EXPECT_EQ((Span{coded[0].start, coded[0].end}), want.passages[1].span);
    EXPECT_EQ((Span{coded[1].start, coded[1].end}), want.passages[2].span);
    EXPECT_NE(b.view().status().find("Coded 2 passage(s)"), std::string::npos) << b.view().status();
    // The list now says which passages are coded.
    ASSERT_TRUE(b.view().plan());
    EXPECT_FALSE(b.view().plan()->passages[0].covered);
    EXPECT_TRUE(b.view().plan()->passages[1].covered);

    b.app->undo();  // one step for both
    b.ui->frames(2);
    EXPECT_TRUE(b.codings().empty());
    EXPECT_FALSE(b.view().plan()->passages[1].covered) << "the list follows the undo";
}

TEST(QueryView, BadQueriesAreShownAndPathsComplete) {
    Bench b;
    b.view().set_source(AutocodeSource::Query);
    b.view().set_pattern("Coherence AND (");
    b.view().run(*b.app);
    EXPECT_FALSE(b.view().plan());
    EXPECT_FALSE(b.view().error().empty());
    EXPECT_TRUE(b.app->error_message().empty()) << "shown in the window, not as a modal";

    const auto& codes = b.app->snapshot().codes;
    EXPECT_EQ(gui::QueryView::completions(codes, "Coherence AND coll"), (std::vector<std::string>{"Collective action"}));
    EXPECT_EQ(gui::QueryView::completions(codes, "diff"), (std::vector<std::string>{"Coherence/Differentiation"}));
    EXPECT_EQ(gui::QueryView::complete("Coherence AND coll", "Collective action"), "Coherence AND Collective action");
    EXPECT_EQ(gui::QueryView::complete("NOT (Coh", "Coherence/Differentiation"), "NOT (Coherence/Differentiation");
    EXPECT_EQ(gui::QueryView::complete("x OR Sk", "Skill set AND more"), "x OR \"Skill set AND more\"");
}

}  // namespace
}  // namespace npt::test
