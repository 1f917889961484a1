// transcript_layout_test.cpp — the transcript layout on real fonts: lines tile each paragraph
// exactly, fit the width, break only where ICU allows, hit-testing inverts positions, and only
// the paragraphs in view are laid out.
#include <gtest/gtest.h>

#include "core/model/documents.hpp"
#include "gui/fonts.hpp"
#include "gui/transcript_layout.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {

class LayoutTest : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        fonts_ = gui::load_fonts(ImGui::GetIO(), 1.0f);
    }
    void TearDown() override { ImGui::DestroyContext(); }
    std::unique_ptr<gui::TranscriptDocument> load(const std::string& text) {
        project_ = std::make_unique<Project>(Project::create(dir_ / "p.nptq", "layout"));
        NewDocument d;
        d.name = "doc";
        d.text = text;
        const DocumentId id = add_document(*project_, d).id;
        return std::make_unique<gui::TranscriptDocument>(*project_, id);
    }
    TempDir dir_;
    std::unique_ptr<Project> project_;
    gui::Fonts fonts_;
};

TEST_F(LayoutTest, LinesTileTheTextAndFitTheWidth) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Ωμέγα naïve café Привет word" + std::to_string(i) + " — ";
    text += "\n\nshort\n" + std::string(300, 'x') + "\n";
    auto doc = load(text);
    gui::TranscriptLayout layout;
    const float width = 300;
    layout.reset(doc.get(), fonts_, width);
    layout.ensure_visible(0, 1e7f);
    EXPECT_EQ(layout.laid_out_paragraphs(), doc->paragraphs().size());
    std::vector<gui::LayoutLine> lines;
    layout.for_each_line(0, 1e7f, [&](const gui::LayoutLine& l, float) { lines.push_back(l); });
    // Lines are contiguous inside each paragraph and cover it exactly.
    std::size_t k = 0;
    for (const gui::Paragraph& p : doc->paragraphs()) {
        ASSERT_LT(k, lines.size());
        EXPECT_EQ(lines[k].start, p.start);
        std::int64_t end = p.start;
        while (k < lines.size() && lines[k].start == end && (end < p.end || lines[k].start == p.start)) {
            end = lines[k].end;
            ++k;
            if (end == p.end) break;
        }
        EXPECT_EQ(end, p.end);
    }
    EXPECT_EQ(k, lines.size());
    for (const gui::LayoutLine& l : lines) {
        // Trailing spaces may hang past the edge; the visible text must fit.
        std::int64_t e = l.end;
        while (e > l.start && doc->slice({e - 1, e}) == " ") --e;
        float right = 0;
        for (std::int64_t cp = l.start; cp < e; ++cp) right = std::max(right, l.visual.right[static_cast<std::size_t>(cp - l.start)]);
        EXPECT_LE(right, width + 0.5f) << doc->slice({l.start, l.end});
    }
    // The 300 'x' run is wider than the column, so it is cut between characters.
    EXPECT_GT(std::count_if(lines.begin(), lines.end(), [&](const gui::LayoutLine& l) {
                  return doc->slice({l.start, l.end}).find_first_not_of('x') == std::string_view::npos && l.end > l.start;
              }),
              1);
}

TEST_F(LayoutTest, HitTestingInvertsPositions) {
    auto doc = load("Interviewer: tell me about the hub.\nP01: Ελληνικά and кириллица, then more words to wrap around.\n");
    gui::TranscriptLayout layout;
    layout.reset(doc.get(), fonts_, 180);
    layout.ensure_visible(0, 1000);
    for (std::int64_t cp = 0; cp < doc->length(); ++cp) {
        if (doc->text()[doc->index().byte_offset(static_cast<std::size_t>(cp))] == '\n') continue;
        const ImVec2 p = layout.position_of(cp);
        EXPECT_EQ(layout.offset_at({p.x + 0.3f, p.y + layout.line_height() * 0.5f}), cp) << "at " << cp;
    }
}

TEST_F(LayoutTest, OnlyVisibleParagraphsAreLaidOutAndTheCacheSurvivesFrames) {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "Paragraph " + std::to_string(i) + " with some words in it to wrap.\n";
    auto doc = load(text);
    gui::TranscriptLayout layout;
    layout.reset(doc.get(), fonts_, 400);
    layout.ensure_visible(0, 600);
    const std::size_t first = layout.laid_out_paragraphs();
    EXPECT_GT(first, 5u);
    EXPECT_LT(first, 60u);
    layout.reset(doc.get(), fonts_, 400);  // same width: cache kept
    EXPECT_EQ(layout.laid_out_paragraphs(), first);
    layout.reset(doc.get(), fonts_, 500);  // new width: laid out again on demand
    EXPECT_EQ(layout.laid_out_paragraphs(), 0u);
    // A far position lays out only its own paragraph.
    const ImVec2 p = layout.position_of(doc->paragraphs()[1500].start + 3);
    EXPECT_EQ(layout.laid_out_paragraphs(), 1u);
    EXPECT_EQ(layout.offset_at({p.x + 0.3f, p.y + layout.line_height() * 0.5f}), doc->paragraphs()[1500].start + 3);
}

}  // namespace
}  // namespace npt::test
