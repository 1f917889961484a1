// coding_refresh_test.cpp — a coding gesture refreshes only what it can change
// (App::act_on_codings, refresh_codings), and what the panels then show equals a full re-read.
#include <gtest/gtest.h>

#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/query/coding_counts.hpp"
#include "gui/app.hpp"
#include "gui/coding_commands.hpp"
#include "gui/project_snapshot.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

using test::TempDir;

// What a full load_snapshot() reads now, against what the app shows after its gestures.
void expect_same_as_full_read(gui::App& app) {
    const gui::ProjectSnapshot full = gui::load_snapshot(app.project());
    const gui::ProjectSnapshot& shown = app.snapshot();
    EXPECT_EQ(shown.counts.total, full.counts.total);
    EXPECT_EQ(shown.counts.per_document, full.counts.per_document);
    EXPECT_EQ(shown.counts.per_code, full.counts.per_code);
    EXPECT_EQ(shown.counts.per_coder, full.counts.per_coder);
    EXPECT_EQ(shown.counts.per_document_code, full.counts.per_document_code);
    EXPECT_EQ(shown.summary.codings, full.summary.codings);
    EXPECT_EQ(shown.summary.coders, full.summary.coders);
    ASSERT_EQ(shown.coders.size(), full.coders.size());
    for (std::size_t i = 0; i < full.coders.size(); ++i) EXPECT_EQ(shown.coders[i].name, full.coders[i].name);
    ASSERT_EQ(shown.undo.has_value(), full.undo.has_value());
    if (full.undo) {
        EXPECT_EQ(shown.undo->id, full.undo->id);
    }
    ASSERT_EQ(shown.undo_any.has_value(), full.undo_any.has_value());
    if (full.undo_any) {
        EXPECT_EQ(shown.undo_any->id, full.undo_any->id);
    }
    EXPECT_EQ(shown.redo.has_value(), full.redo.has_value());
}

TEST(CodingRefresh, GesturesShowWhatAFullReadShows) {
    TempDir dir;
    DocumentId doc1, doc2;
    {
        Project p = Project::create(dir / "g.nptq", "gestures");
        doc1 = add_document(p, {"p01.txt", "P01: the hub was a lifeline during the second wave.\n", "p01.txt", "text", "", {}}).id;
        doc2 = add_document(p, {"p02.txt", "P02: nobody said it was for us.\n", "p02.txt", "text", "", {}}).id;
        ensure_code(p, "Coherence/Differentiation");
        ensure_code(p, "Collective action");
    }
    gui::App app(dir / "config");
    app.set_coder("Amira");
    app.open_project(dir / "g.nptq");
    app.open_document(doc1);
    const auto differentiation = require_code(app.project(), "Coherence/Differentiation").id;
    const auto action = require_code(app.project(), "Collective action").id;

    // The first gesture also adds its coder, Amira.
    ASSERT_TRUE(app.act_on_codings(doc1, [&] { gui::code_selection(app.project(), doc1, differentiation, "Amira", {5, 12}, false); }));
    EXPECT_EQ(app.snapshot().counts.of_document(doc1), 1);
    EXPECT_EQ(app.snapshot().counts.of_code(differentiation), 1);
    ASSERT_EQ(app.snapshot().coders.size(), 1u);
    EXPECT_EQ(app.snapshot().summary.codings, 1);
    ASSERT_EQ(app.transcript().document()->codings().size(), 1u);
    EXPECT_EQ(app.transcript().document()->codings()[0].coder, "Amira");
    expect_same_as_full_read(app);

    // Overlapping codes join (the coding rule); another document; uncoding part of one.
    ASSERT_TRUE(app.act_on_codings(doc1, [&] { gui::code_selection(app.project(), doc1, differentiation, "Amira", {10, 20}, false); }));
    ASSERT_TRUE(app.act_on_codings(doc1, [&] { gui::code_selection(app.project(), doc1, action, "Amira", {0, 4}, false); }));
    ASSERT_TRUE(app.act_on_codings(doc2, [&] { gui::code_selection(app.project(), doc2, action, "Amira", {5, 11}, false); }));
    EXPECT_EQ(app.snapshot().counts.of_document(doc1), 2);
    EXPECT_EQ(app.snapshot().counts.of_document(doc2), 1);
    EXPECT_EQ(app.snapshot().counts.of_code(action), 2);
    expect_same_as_full_read(app);
    ASSERT_TRUE(app.act_on_codings(doc1, [&] { gui::uncode_selection(app.project(), doc1, differentiation, "Amira", {5, 20}); }));
    EXPECT_EQ(app.snapshot().counts.of_code(differentiation), 0);
    EXPECT_EQ(app.transcript().document()->codings().size(), 1u);
    expect_same_as_full_read(app);

    // Undo goes through act() (a full refresh) and agrees too.
    app.undo();
    EXPECT_EQ(app.snapshot().counts.of_code(differentiation), 1);
    expect_same_as_full_read(app);

    // A failing gesture shows its error, changes nothing and leaves a consistent snapshot.
    EXPECT_FALSE(app.act_on_codings(doc1, [&] { gui::code_selection(app.project(), doc1, action, "Amira", {30, 30}, false); }));
    EXPECT_FALSE(app.error_message().empty());
    expect_same_as_full_read(app);
}

}  // namespace
}  // namespace npt
