// keyboard_test.cpp — the workbench driven from the keyboard alone, and input that arrives
// faster than frames: a passage coded with no mouse event at all (open the document with
// Ctrl+PageDown, select with Shift+arrows, code with a hotkey, undo with Ctrl+Z); a key press
// and release queued in one wake-up both reach ImGui through the InputQueue, one per frame; a
// click queued that way opens a document in the frame that sees its release; Enter confirms
// Rename; picking a listed coder in "Who is coding?" makes them the active coder, remembered per
// project.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/coders.hpp"
#include "gui/app.hpp"
#include "gui/coder_dialog.hpp"
#include "gui/documents_panel.hpp"
#include "gui/headless.hpp"
#include "gui/input_queue.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {

constexpr int kPageDown = 267;  // GLFW_KEY_PAGE_DOWN, as mapped in Headless
constexpr int kRight = 262;

struct Study {
    TempDir dir;
    std::filesystem::path file = dir / "study.nptq";
    Study() {
        Project p = Project::create(file, "keyboard");
        for (const char* name : {"a.txt", "b.txt"}) {
            NewDocument d;
            d.name = name;
            d.text = std::string("Interviewer: hello there.\nP01: the hub helped me in ") + name + ".\n";
            add_document(p, d);
        }
        ensure_code(p, "Coherence/Differentiation");
    }
    std::vector<CodedSegment> segments() {
        Project p = Project::open(file);
        return list_segments(p);
    }
};

TEST(Keyboard, CodesAPassageWithNoMouseEvent) {
    Study s;
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    ui.frames(3);
    ui.key(kPageDown, true);  // Ctrl+PageDown: the first document
    ASSERT_TRUE(app.transcript().document());
    EXPECT_EQ(app.transcript().document()->info().name, "a.txt");
    ui.frames(2);
    for (int i = 0; i < 11; ++i) ui.key(kRight, false, true);  // Shift+Right x11: "Interviewer"
    EXPECT_EQ(app.transcript().selection(), (Span{0, 11}));
    ui.key('1');
    auto segs = s.segments();
    ASSERT_EQ(segs.size(), 1u);
    EXPECT_EQ(segs[0].text, "Interviewer");
    EXPECT_EQ(segs[0].coder, "Tess");
    ui.key('Z', true);  // Ctrl+Z
    EXPECT_TRUE(s.segments().empty());
}

// Feeds queued events to the headless ImGui the way the platform loop does (GLFW numbering).
void apply(const gui::InputEvent& e) {
    ImGuiIO& io = ImGui::GetIO();
    if (e.kind == gui::InputEvent::Kind::Key) io.KeysDown[e.code] = e.action != 0;
    if (e.kind == gui::InputEvent::Kind::MouseButton) io.MouseDown[e.code] = e.action != 0;
}

TEST(InputQueue, PressAndReleaseInOneWakeUpAreSeenInTwoFrames) {
    gui::InputQueue q;
    using K = gui::InputEvent::Kind;
    q.push({K::Key, '1', 0, 1, 0});
    q.push({K::Char, '1'});
    q.push({K::Key, '1', 0, 0, 0});
    q.push({K::Key, 'A', 0, 1, 0});
    std::vector<std::vector<int>> frames;
    while (!q.empty()) {
        std::vector<int> f;
        q.take_frame([&](const gui::InputEvent& e) { f.push_back(e.code * 10 + e.action); });
        frames.push_back(f);
    }
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(frames[0], (std::vector<int>{'1' * 10 + 1, '1' * 10}));  // press, and its character
    EXPECT_EQ(frames[1], (std::vector<int>{'1' * 10 + 0, 'A' * 10 + 1}));
}

TEST(InputQueue, AHotkeyPressedAndReleasedBetweenFramesCodes) {
    Study s;
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    ui.key(kPageDown, true);
    app.transcript().select({0, 11});
    ui.frames(2);
    gui::InputQueue q;
    q.push({gui::InputEvent::Kind::Key, '1', 0, 1, 0});
    q.push({gui::InputEvent::Kind::Key, '1', 0, 0, 0});
    int frames = 0;
    while (!q.empty()) {
        q.take_frame(apply);
        ui.frame();
        ++frames;
    }
    EXPECT_EQ(frames, 2);
    EXPECT_EQ(s.segments().size(), 1u) << "the press was seen although the release came with it";
}

TEST(InputQueue, AClickOpensADocumentInTheFrameThatSeesTheRelease) {
    Study s;
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    ui.frames(3);
    const auto row = app.documents_panel().row_centre(app.snapshot().documents[1].id);
    ASSERT_TRUE(row);
    ui.move(*row);
    gui::InputQueue q;
    q.push({gui::InputEvent::Kind::MouseButton, 0, 0, 1, 0});
    q.push({gui::InputEvent::Kind::MouseButton, 0, 0, 0, 0});
    int frames = 0;
    while (!app.transcript().document() && frames < 5) {
        q.take_frame(apply);
        ui.frame();
        ++frames;
    }
    ASSERT_TRUE(app.transcript().document());
    EXPECT_EQ(app.transcript().document()->info().name, "b.txt");
    EXPECT_LE(frames, 2) << "press in the first frame, release (and the click) in the second";
}

TEST(Keyboard, EnterConfirmsRenameAndEscCancels) {
    Study s;
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    ui.frames(2);
    app.documents_panel().start_rename(app.snapshot().documents[0].id);
    ui.frames(3);
    ImGuiIO& io = ImGui::GetIO();
    ui.type("first.txt");
    ui.named_key(ImGuiKey_Enter);
    ui.frames(2);
    (void)io;
    const auto& docs = app.snapshot().documents;
    EXPECT_TRUE(std::any_of(docs.begin(), docs.end(), [](const DocumentInfo& d) { return d.name == "first.txt"; }))
        << "Enter renamed the document";
}

TEST(Keyboard, PickingAListedCoderMakesThemActivePerProject) {
    Study s;
    {
        Project p = Project::open(s.file);
        add_coder(p, "Amira", "#4e79a7");
    }
    gui::App app(s.dir / "cfg");
    app.open_project(s.file);  // no coder remembered for it: the dialog asks
    Headless ui(app);
    ui.frames(4);
    const auto row = app.coder_dialog().row_centre("Amira");
    ASSERT_TRUE(row);
    ui.click(*row);
    ui.frames(2);
    EXPECT_EQ(app.coder(), "Amira");
    EXPECT_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    // Another project does not inherit Amira; reopening the first brings her back.
    Study other;
    app.open_project(other.file);
    EXPECT_EQ(app.coder(), "");
    app.open_project(s.file);
    EXPECT_EQ(app.coder(), "Amira");
}

}  // namespace
}  // namespace npt::test
