// transcript_interaction_test.cpp — the workbench used as a person would: select text in the
// transcript view with the mouse, code it with a hotkey, undo it, select by double/triple click
// and shift+arrows, and find text with Ctrl+F — asserting on the project file afterwards through
// a second, independent connection.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "gui/app.hpp"
#include "gui/headless.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {

// ASCII on purpose: byte offsets equal code point offsets, so expectations are easy to compute.
const std::string kTranscript =
    "Interviewer: How did the hub start for you?\n"
    "\n"
    "P07: At first nobody knew what the hub was for. The managers thought it was occupational health, "
    "and the staff thought it was a complaints line. It took months before people trusted the hub.\n"
    "\n"
    "Interviewer: And now?\n"
    "\n"
    "P07: Now the hub is part of how we work on the ward.\n";

struct Workbench {
    TempDir dir;
    std::filesystem::path file = dir / "study.nptq";
    DocumentId doc_id;
    gui::App app{dir / "config"};
    std::unique_ptr<Headless> ui;

    Workbench() {
        {
            Project p = Project::create(file, "GUI test");
            NewDocument d;
            d.name = "p07.txt";
            d.text = kTranscript;
            doc_id = add_document(p, d).id;
            ensure_code(p, "Coherence/Differentiation");
            ensure_code(p, "Cognitive participation/Legitimation");
        }
        app.set_coder("Tess");
        app.open_project(file);
        app.open_document(doc_id);
        ui = std::make_unique<Headless>(app);
        ui->frames(3);
    }
    // The code a hotkey applies by default: the n-th code in tree order, read from the file.
    std::string nth_code(std::size_t n) {
        Project p = Project::open(file);
        return list_codes(p).at(n - 1).path;
    }
    std::vector<CodedSegment> segments_on_disk() {
        Project p = Project::open(file);
        return list_segments(p);
    }
};

std::int64_t find_ascii(const std::string& needle, std::size_t from = 0) {
    return static_cast<std::int64_t>(kTranscript.find(needle, from));
}

// Word boundaries by brute force: letters and digits belong to words, anything else does not.
Span grow_to_words(Span s) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    while (s.start < s.end && !word(kTranscript[static_cast<std::size_t>(s.start)])) ++s.start;
    while (s.end > s.start && !word(kTranscript[static_cast<std::size_t>(s.end - 1)])) --s.end;
    while (s.start > 0 && word(kTranscript[static_cast<std::size_t>(s.start - 1)])) --s.start;
    while (s.end < static_cast<std::int64_t>(kTranscript.size()) && word(kTranscript[static_cast<std::size_t>(s.end)])) ++s.end;
    return s;
}

TEST(TranscriptInteraction, DragSelectsSnapsToWordsAndHotkeyCodesIt) {
    Workbench w;
    // Drag from the middle of "nobody" to the middle of "knew" (one line, so positions are exact).
    const std::int64_t from = find_ascii("nobody") + 2, to = find_ascii("knew") + 2;
    w.ui->drag(w.ui->at(from), w.ui->at(to));
    const Span expected = grow_to_words({from, to});
    ASSERT_EQ(expected, (Span{find_ascii("nobody"), find_ascii("knew") + 4}));
    EXPECT_EQ(w.app.transcript().selection(), expected);

    w.ui->key('1');  // hotkey 1: the first code in tree order
    const auto on_disk = w.segments_on_disk();
    ASSERT_EQ(on_disk.size(), 1u);
    EXPECT_EQ(on_disk[0].code, w.nth_code(1));
    EXPECT_EQ(on_disk[0].coder, "Tess");
    EXPECT_EQ((Span{on_disk[0].coding.start, on_disk[0].coding.end}), expected);
    EXPECT_EQ(on_disk[0].text, "nobody knew");
    EXPECT_EQ(w.app.transcript().document()->codings().size(), 1u);  // the view shows it at once

    w.ui->named_key(ImGuiKey_Z, /*ctrl=*/true);  // Ctrl+Z
    EXPECT_TRUE(w.segments_on_disk().empty());
    EXPECT_TRUE(w.app.transcript().document()->codings().empty());

    w.ui->named_key(ImGuiKey_Y, /*ctrl=*/true);  // Ctrl+Y brings it back
    EXPECT_EQ(w.segments_on_disk().size(), 1u);
}

TEST(TranscriptInteraction, DoubleClickSelectsAWordTripleClickAParagraph) {
    Workbench w;
    const std::int64_t managers = find_ascii("managers");
    const ImVec2 p = w.ui->at(managers + 3);
    w.ui->click(p);
    w.ui->click(p);
    EXPECT_EQ(w.app.transcript().selection(), (Span{managers, managers + 8}));
    w.ui->click(p);  // third click within the double-click time
    const std::int64_t para_start = find_ascii("P07: At"), para_end = find_ascii("\n", static_cast<std::size_t>(para_start));
    EXPECT_EQ(w.app.transcript().selection(), (Span{para_start, para_end}));
}

TEST(TranscriptInteraction, ShiftArrowsExtendTheSelectionByCodePoints) {
    Workbench w;
    const std::int64_t start = find_ascii("hub was");
    for (int i = 0; i < 30; ++i) w.ui->frame();  // let the last click's double-click window pass
    w.ui->click(w.ui->at(start));
    EXPECT_EQ(w.app.transcript().caret(), start);
    for (int i = 0; i < 3; ++i) w.ui->named_key(ImGuiKey_RightArrow, false, /*shift=*/true);
    EXPECT_EQ(w.app.transcript().selection(), (Span{start, start + 3}));
    w.ui->named_key(ImGuiKey_LeftArrow, false, true);
    EXPECT_EQ(w.app.transcript().selection(), (Span{start, start + 2}));
    // A hotkey on that keyboard selection codes exactly it (no snapping of keyboard selections).
    w.ui->key('2');
    const auto on_disk = w.segments_on_disk();
    ASSERT_EQ(on_disk.size(), 1u);
    EXPECT_EQ(on_disk[0].text, "hu");
    EXPECT_EQ(on_disk[0].code, w.nth_code(2));
}

TEST(TranscriptInteraction, CtrlFFindsEveryHitAndEnterSelectsThem) {
    Workbench w;
    w.ui->click(w.ui->at(0));
    w.ui->key('F', /*ctrl=*/true);
    w.ui->type("HUB");
    // Brute force: case-insensitive occurrences of "hub" in the ASCII text.
    std::string lower = kTranscript;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::vector<Span> expected;
    for (auto at = lower.find("hub"); at != std::string::npos; at = lower.find("hub", at + 3))
        expected.push_back({static_cast<std::int64_t>(at), static_cast<std::int64_t>(at + 3)});
    ASSERT_EQ(expected.size(), 4u);
    EXPECT_EQ(w.app.transcript().find_hits(), expected);
    w.ui->named_key(ImGuiKey_Enter);
    EXPECT_EQ(w.app.transcript().selection(), expected[0]);
    w.ui->named_key(ImGuiKey_Enter);
    EXPECT_EQ(w.app.transcript().selection(), expected[1]);
    // Finding changes nothing in the project.
    EXPECT_TRUE(w.segments_on_disk().empty());
}

TEST(TranscriptInteraction, CodingWithoutASelectionChangesNothing) {
    Workbench w;
    const std::string before = file_sha256(w.file);
    Project p = Project::open(w.file);
    const std::string counts = table_counts(p);
    w.ui->click(w.ui->at(5));
    w.ui->key('1');
    EXPECT_EQ(table_counts(p), counts);
    EXPECT_TRUE(w.app.error_message().empty());
}

}  // namespace
}  // namespace npt::test
