// import_paste_test.cpp — the import dialog's comfort: progress in files and bytes, done of total;
// the summary dialog as wide as its longest message (within the window) with its Close button
// inside it; Ctrl+Shift+V pastes the clipboard's text as a new document under a name typed in
// the dialog, normalised as a .txt file would be, and a second paste of the same text is refused
// with the reason in the dialog.
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <chrono>
#include <thread>

#include "core/model/documents.hpp"
#include "gui/app.hpp"
#include "gui/frames_until.hpp"
#include "gui/headless.hpp"
#include "gui/import_dialog.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {

struct Study {
    TempDir dir;
    std::filesystem::path file = dir / "study.nptq";
    Study() { Project::create(file, "paste"); }
};

TEST(ImportPaste, ProgressCountsFilesAndBytes) {
    Study s;
    write_bytes(s.dir / "in" / "a.txt", "P01: one\n");            // 9 bytes
    write_bytes(s.dir / "in" / "b.txt", "P02: two, and more\n");  // 19 bytes
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    app.import_dialog().start(app, {(s.dir / "in").string()});
    ASSERT_TRUE(frames_until(ui, [&] { return !app.import_dialog().running(); }, 60));
    EXPECT_EQ(app.import_dialog().progress_text(), "2 of 2 files, 28 bytes of 28 bytes");
    ASSERT_TRUE(app.import_dialog().last_summary());
    EXPECT_EQ(app.import_dialog().last_summary()->imported.size(), 2u);
}

TEST(ImportPaste, SummaryIsAsWideAsItsLongestLine) {
    Study s;
    // A failure whose one-line reason is long: the summary must show it and its Close button.
    const std::string long_name = std::string(70, 'x') + ".txt";
    write_bytes(s.dir / "in" / long_name, std::string("\xff\xfe\x00\x00 not text \x00", 15));
    write_bytes(s.dir / "in" / "ok.txt", "P01: fine\n");
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    app.import_dialog().start(app, {(s.dir / "in").string()});
    ASSERT_TRUE(frames_until(ui, [&] { return !app.import_dialog().running(); }, 60));
    ui.frames(3);
    ImGuiWindow* w = ImGui::FindWindowByName("Import finished");
    ASSERT_NE(w, nullptr);
    ASSERT_TRUE(w->Active);
    const auto& failed = app.import_dialog().last_summary()->failed;
    ASSERT_EQ(failed.size(), 1u);
    const float needed = ImGui::CalcTextSize(("failed    " + failed[0].reason).c_str()).x;
    const float most = ImGui::GetIO().DisplaySize.x * 0.85f;
    EXPECT_GE(w->Size.x, std::min(needed, most - 40)) << "wide enough for the reason (or most of the window)";
    EXPECT_LE(w->Size.x, ImGui::GetIO().DisplaySize.x);
    // Everything drawn fits: the content is no taller than the window (no clipped Close button).
    EXPECT_LE(w->ContentSize.y + w->WindowPadding.y * 2 + w->TitleBarHeight(), w->Size.y + 1);
    ui.named_key(ImGuiKey_Escape);
    EXPECT_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupLevel | ImGuiPopupFlags_AnyPopupId)) << "Esc closes it";
}

TEST(ImportPaste, CtrlShiftVPastesTextAsANewDocument) {
    Study s;
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    ui.frames(2);
    ImGui::SetClipboardText("Interviewer: How was the hub?\r\nP01: cafe\xCC\x81 mornings helped\r\n");
    ui.key('V', true, true);
    ASSERT_TRUE(app.import_dialog().pasting());
    EXPECT_EQ(app.import_dialog().paste_name(), "Pasted text");
    ui.frames(2);
    ui.key('A', true);  // the name field has the keyboard: select its text and type over it
    ui.type("Notes from the ward");
    ui.named_key(ImGuiKey_Enter);
    ui.frames(2);
    EXPECT_FALSE(app.import_dialog().pasting()) << app.import_dialog().paste_message();
    {
        Project p = Project::open(s.file);
        const DocumentInfo d = require_document(p, "Notes from the ward");
        EXPECT_EQ(document_text(p, d.id), "Interviewer: How was the hub?\nP01: caf\xC3\xA9 mornings helped\n");
        EXPECT_EQ(speaker_turns(p, d.id).size(), 2u);
        EXPECT_EQ(d.format, "text");
    }
    ASSERT_TRUE(app.transcript().document());
    EXPECT_EQ(app.transcript().document()->info().name, "Notes from the ward") << "the new document opens";

    // The same text again: refused, and the dialog says where it already is.
    ui.key('V', true, true);
    ui.frames(2);
    EXPECT_EQ(app.import_dialog().paste_name(), "Pasted text");
    ui.named_key(ImGuiKey_Enter);
    ui.frames(2);
    EXPECT_TRUE(app.import_dialog().pasting());
    EXPECT_NE(app.import_dialog().paste_message().find("Notes from the ward"), std::string::npos)
        << app.import_dialog().paste_message();
    ui.named_key(ImGuiKey_Escape);
    ui.frames(2);
    EXPECT_FALSE(app.import_dialog().pasting());
    Project p = Project::open(s.file);
    EXPECT_EQ(list_documents(p).size(), 1u);
}

}  // namespace
}  // namespace npt::test
