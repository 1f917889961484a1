// memo_editing_test.cpp — memos in the workbench: the memo editor wraps long lines at its width
// while the memo's text keeps no line break it did not type (typing, Backspace over a wrap, a
// typed line break); quitting with an unsaved memo asks — Cancel stays, Save saves then quits,
// Discard quits without saving — and with nothing unsaved quits at once; choosing another memo
// target keeps an unsaved draft; a coding with a memo shows a mark in the transcript margin, and
// clicking it opens that coding's memos.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/memos.hpp"
#include "gui/app.hpp"
#include "gui/headless.hpp"
#include "gui/memo_panel.hpp"
#include "gui/quit_dialog.hpp"
#include "gui/wrapped_input.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {

constexpr int kBackspace = 259;  // GLFW_KEY_BACKSPACE, as mapped in Headless

struct Study {
    TempDir dir;
    std::filesystem::path file = dir / "study.nptq";
    DocumentId doc;
    CodingId coding;
    Study() {
        Project p = Project::create(file, "memos");
        NewDocument d;
        d.name = "p01.txt";
        d.text = "Interviewer: how was it?\nP01: the hub helped me understand what the work was for.\n";
        doc = add_document(p, d).id;
        const Code c = ensure_code(p, "Coherence/Differentiation");
        coding = apply_coding(p, doc, c.id, ensure_coder(p, "Tess").id, {30, 38}).id;
    }
    std::vector<Memo> memos() {
        Project p = Project::open(file);
        return list_memos(p);
    }
};

struct Bench {
    Study s;
    gui::App app{s.dir / "cfg"};
    std::unique_ptr<Headless> ui;
    Bench() {
        app.set_coder("Tess");
        app.open_project(s.file);
        app.open_document(s.doc);
        ui = std::make_unique<Headless>(app);
        ui->frames(3);
        app.request_memos_tab();
        ui->frames(2);
    }
};

// Widest line of a wrapped display, in pixels of the current font.
float widest_line(const std::string& display) {
    float w = 0;
    std::size_t at = 0;
    while (at <= display.size()) {
        const std::size_t nl = std::min(display.find('\n', at), display.size());
        std::string line = display.substr(at, nl - at);
        while (!line.empty() && line.back() == ' ') line.pop_back();  // spaces at a wrap hang past it
        w = std::max(w, ImGui::CalcTextSize(line.c_str()).x);
        at = nl + 1;
    }
    return w;
}

TEST(MemoEditing, WrapKeepsLinesInsideTheWidthAndTheTextUnchanged) {
    Bench b;
    const std::string text = "The hub was explained at the team meeting in March, and nobody asked a single question "
                             "about what it was for until the second visit.\nShort line.";
    const gui::WrappedText w = gui::wrap_text(text, ImGui::GetFont(), ImGui::GetFontSize(), 200);
    EXPECT_GE(w.soft.size(), 2u);
    EXPECT_LE(widest_line(w.display), 200.0f);
    std::string back = w.display;
    for (auto it = w.soft.rbegin(); it != w.soft.rend(); ++it) {
        ASSERT_EQ(back[*it], '\n');
        back.erase(*it, 1);
    }
    EXPECT_EQ(back, text) << "only soft breaks were added";
    // An edit that leaves the soft breaks alone keeps them out of the text.
    std::string typed = w.display;
    typed.insert(4, "new ");
    std::size_t cursor = 8;
    EXPECT_EQ(gui::unwrap_edit(w, typed, cursor, false), "The new hub" + text.substr(7));
    EXPECT_EQ(cursor, 8u);
    // Backspace right after a soft break deletes the space before it, not the break alone.
    std::string erased = w.display;
    const std::size_t soft = w.soft.front();
    erased.erase(soft, 1);
    cursor = soft;
    const std::string after_backspace = gui::unwrap_edit(w, erased, cursor, true);
    EXPECT_EQ(after_backspace.size(), text.size() - 1);
    EXPECT_EQ(after_backspace, text.substr(0, soft - 1) + text.substr(soft));
}

TEST(MemoEditing, TypingInTheMemoEditorWraps) {
    Bench b;
    b.ui->click(b.app.memo_panel().editor_centre());
    const std::string words = "the hub was explained at the team meeting and nobody asked what it was for ";
    for (int i = 0; i < 3; ++i) b.ui->type(words);
    const std::string expected = words + words + words;
    EXPECT_EQ(b.app.memo_panel().text(), expected);
    const gui::WrappedInputState& shown = b.app.memo_panel().editor();
    EXPECT_GE(shown.shown.soft.size(), 2u) << "a long line is wrapped in the editor";
    EXPECT_EQ(std::count(b.app.memo_panel().text().begin(), b.app.memo_panel().text().end(), '\n'), 0)
        << "the memo holds no soft break";
    b.ui->named_key(ImGuiKey_Enter);  // a typed line break is kept
    b.ui->type("Second");
    EXPECT_EQ(b.app.memo_panel().text(), expected + "\nSecond");
    b.ui->key(kBackspace);
    EXPECT_EQ(b.app.memo_panel().text(), expected + "\nSecon");
    EXPECT_TRUE(b.app.memo_panel().unsaved());
}

TEST(MemoEditing, QuitWithNothingUnsavedQuitsAtOnce) {
    Bench b;
    b.app.request_quit();
    EXPECT_TRUE(b.app.quit_requested());
}

TEST(MemoEditing, QuitWithAnUnsavedMemoAsksCancelThenSave) {
    Bench c;
    c.app.memo_panel().text() = "Remember to ask P01 about the rota.";
    c.app.request_quit();
    EXPECT_FALSE(c.app.quit_requested());
    c.ui->frames(2);
    EXPECT_TRUE(c.app.quit_dialog().asking());
    EXPECT_TRUE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupLevel | ImGuiPopupFlags_AnyPopupId));
    c.ui->named_key(ImGuiKey_Escape);  // Cancel
    EXPECT_FALSE(c.app.quit_requested());
    EXPECT_FALSE(c.app.quit_dialog().asking());
    EXPECT_TRUE(c.app.memo_panel().unsaved()) << "Cancel keeps the draft";
    EXPECT_TRUE(c.s.memos().empty());

    c.app.request_quit();
    c.ui->frames(2);
    const auto save = c.app.quit_dialog().button_centre("Save");
    ASSERT_TRUE(save);
    c.ui->click(*save);
    EXPECT_TRUE(c.app.quit_requested());
    const auto saved = c.s.memos();
    ASSERT_EQ(saved.size(), 1u);
    EXPECT_EQ(saved[0].text, "Remember to ask P01 about the rota.");
    EXPECT_EQ(saved[0].target, MemoTarget::Document) << "on the document that was open";
}

TEST(MemoEditing, QuitWithAnUnsavedMemoDiscard) {
    Bench d;
    d.app.memo_panel().text() = "Not worth keeping.";
    d.app.request_quit();
    d.ui->frames(2);
    const auto discard = d.app.quit_dialog().button_centre("Discard");
    ASSERT_TRUE(discard);
    d.ui->click(*discard);
    EXPECT_TRUE(d.app.quit_requested());
    EXPECT_TRUE(d.s.memos().empty());
}

TEST(MemoEditing, AnotherTargetKeepsTheUnsavedDraft) {
    Bench b;
    b.app.memo_panel().text() = "Draft on the document";
    b.app.focus_memos({MemoTarget::Project, std::nullopt, "Project"});
    b.ui->frames(2);
    EXPECT_EQ(b.app.memo_panel().text(), "Draft on the document") << "not thrown away";
    ASSERT_TRUE(b.app.memo_panel().save(b.app));
    b.ui->frames(2);
    EXPECT_TRUE(b.app.memo_panel().text().empty()) << "saved: the pane moves on to the project's memos";
    const auto memos = b.s.memos();
    ASSERT_EQ(memos.size(), 1u);
    EXPECT_EQ(memos[0].target, MemoTarget::Document) << "saved where it was written";
}

TEST(MemoEditing, MemoMarkInTheMarginOpensTheCodingsMemo) {
    Bench b;
    EXPECT_TRUE(b.app.transcript().memo_marks().empty()) << "no memo yet, no mark";
    ASSERT_TRUE(b.app.act([&] { add_memo(b.app.project(), MemoTarget::Coding, b.s.coding, "Shows differentiation", "Why"); }));
    b.ui->frames(2);
    const auto& marks = b.app.transcript().memo_marks();
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(marks[0].coding_id, b.s.coding);
    // The mark sits beside the coding's first line, right of the text column.
    const ImVec2 line = b.app.transcript().screen_position(30);
    EXPECT_LT(std::abs(marks[0].min.y - line.y), b.app.transcript().line_height());
    EXPECT_GT(marks[0].min.x, line.x);
    b.ui->click({(marks[0].min.x + marks[0].max.x) / 2, (marks[0].min.y + marks[0].max.y) / 2});
    b.ui->frames(2);
    EXPECT_EQ(b.app.memo_focus().target, MemoTarget::Coding);
    EXPECT_EQ(b.app.memo_focus().target_id, b.s.coding);
    ASSERT_EQ(b.app.memo_panel().memos().size(), 1u);
    EXPECT_EQ(b.app.memo_panel().memos()[0].text, "Shows differentiation");
    EXPECT_EQ(b.app.transcript().selection(), (Span{30, 38})) << "and selects the coding";
}

}  // namespace
}  // namespace npt::test
