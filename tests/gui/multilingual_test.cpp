// multilingual_test.cpp — every script readable in the transcript view: an Urdu paragraph is
// shaped by HarfBuzz into joined forms (glyph ids differ by position in the word) and laid out
// right to left (visual order reverses the logical order), a mouse drag over an Urdu word codes
// exactly its code points, the caret and Shift+arrows step over 👍🏽 as one grapheme, a
// double-click selects an emoji or a CJK word, and the glyphs reach the font atlas.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/text/utf8_text.hpp"
#include "gui/app.hpp"
#include "gui/headless.hpp"
#include "gui/text_shaper.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {

// "ہم نے کلینک میں بات کی" — "we talked at the clinic" (Urdu).
const std::string kUrdu = "\xDB\x81\xD9\x85 \xD9\x86\xDB\x92 \xDA\xA9\xD9\x84\xDB\x8C\xD9\x86\xDA\xA9 \xD9\x85\xDB\x8C\xDA\xBA "
                          "\xD8\xA8\xD8\xA7\xD8\xAA \xDA\xA9\xDB\x8C";
const std::string kThumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";  // 👍🏽
const std::string kChinese = "\xE6\x88\x91\xE4\xBB\xAC\xE7\x9A\x84\xE5\x8C\xBB\xE7\x94\x9F";  // 我们的医生

std::int64_t cps(const std::string& s) { return static_cast<std::int64_t>(text::count_code_points(s)); }

TEST(Shaping, UrduJoinsAndRunsRightToLeft) {
    gui::TextShaper shaper(16.0f);
    // beh alone, and beh three times: initial, medial and final forms are different glyphs.
    const std::string beh = "\xD8\xA8";
    const gui::ShapedParagraph alone = shaper.shape(beh);
    const gui::ShapedParagraph three = shaper.shape(beh + beh + beh);
    ASSERT_EQ(alone.glyphs.size(), 1u);
    ASSERT_EQ(three.glyphs.size(), 3u);
    EXPECT_EQ(shaper.face_name(three.glyphs[0].face), "NotoNaskhArabic-Regular.ttf");
    std::set<std::uint32_t> forms{alone.glyphs[0].glyph};
    for (const auto& g : three.glyphs) forms.insert(g.glyph);
    EXPECT_EQ(forms.size(), 4u) << "isolated, initial, medial and final beh should be four glyphs";
    EXPECT_TRUE(three.rtl);
    // HarfBuzz gives an RTL run in visual order: clusters descend.
    EXPECT_EQ(three.glyphs[0].cluster, 2);
    EXPECT_EQ(three.glyphs[2].cluster, 0);

    const gui::ShapedParagraph urdu = shaper.shape(kUrdu);
    EXPECT_TRUE(urdu.rtl);
    const auto n = static_cast<std::int32_t>(urdu.advance.size());
    const gui::VisualLine line = shaper.line(urdu, 0, n);
    // Right to left: the first word's first letter is rightmost, the last letter leftmost.
    EXPECT_GT(line.left[0], line.left[static_cast<std::size_t>(n - 1)]);
    for (std::int32_t i = 0; i + 1 < n; ++i) {
        if (line.left[static_cast<std::size_t>(i)] != line.right[static_cast<std::size_t>(i)])
            EXPECT_GE(line.left[static_cast<std::size_t>(i)] + 0.01f, line.right[static_cast<std::size_t>(i + 1)]) << i;
    }
    // Connected: kaf-lam-yeh-noon-kaf (کلینک) shows no isolated forms: each of its glyphs differs
    // from the glyph of the same letter shaped alone.
    const gui::ShapedParagraph kaf = shaper.shape("\xDA\xA9");
    int kaf_glyphs_joined = 0;
    for (const auto& g : urdu.glyphs)
        if (g.cluster == 6 || g.cluster == 10) kaf_glyphs_joined += g.glyph != kaf.glyphs[0].glyph;
    EXPECT_EQ(kaf_glyphs_joined, 2) << "initial and final kaf of کلینک are joined forms";
}

TEST(Shaping, MixedLineKeepsEnglishLeftToRightAndEmbedsUrdu) {
    gui::TextShaper shaper(16.0f);
    const std::string text = "She said " + kUrdu + " twice";
    const gui::ShapedParagraph p = shaper.shape(text);
    EXPECT_FALSE(p.rtl);
    const gui::VisualLine line = shaper.line(p, 0, static_cast<std::int32_t>(p.advance.size()));
    const std::size_t urdu_first = 9, urdu_last = urdu_first + static_cast<std::size_t>(cps(kUrdu)) - 1;
    EXPECT_LT(line.left[0], line.left[urdu_last]);                 // "S" left of the Urdu
    EXPECT_GT(line.left[urdu_first], line.left[urdu_last]);        // Urdu inside runs right to left
    EXPECT_LT(line.right[urdu_first], line.left[urdu_last + 2]);   // " twice" after it, to the right
    EXPECT_EQ(line.rtl[urdu_first], 1);
    EXPECT_EQ(line.rtl[0], 0);
}

TEST(Shaping, EmojiAndCjkHaveGlyphs) {
    gui::TextShaper shaper(16.0f);
    const gui::ShapedParagraph p = shaper.shape(kThumbs + kChinese);
    for (const auto& g : p.glyphs) EXPECT_NE(g.glyph, 0u) << "no .notdef box in " << shaper.face_name(g.face);
    EXPECT_EQ(p.grapheme_start[1], 0);  // the skin tone belongs to the thumb
}

struct MultilingualBench {
    TempDir dir;
    std::filesystem::path file = dir / "study.nptq";
    std::string text;
    DocumentId doc_id;
    gui::App app{dir / "config"};
    std::unique_ptr<Headless> ui;
    MultilingualBench() {
        text = "Interviewer: What did you say to the nurse?\n\n" + kUrdu + "\n\nP02: " + kThumbs + " yes, " + kChinese + ".\n";
        {
            Project p = Project::create(file, "multilingual");
            NewDocument d;
            d.name = "p12.txt";
            d.text = text;
            doc_id = add_document(p, d).id;
            ensure_code(p, "Coherence/Differentiation");
        }
        app.set_coder("Tess");
        app.open_project(file);
        app.open_document(doc_id);
        ui = std::make_unique<Headless>(app);
        ui->frames(4);
    }
    std::int64_t urdu_start() const { return cps("Interviewer: What did you say to the nurse?\n\n"); }
    std::int64_t thumbs_start() const { return urdu_start() + cps(kUrdu) + cps("\n\nP02: "); }
};

TEST(MultilingualTranscript, GlyphsReachTheAtlasAfterOneRebuild) {
    MultilingualBench b;
    const auto& fonts = b.app.fonts();
    ASSERT_TRUE(fonts.glyphs);
    EXPECT_FALSE(b.app.take_font_rebuild()) << "every glyph drawn is in the atlas after the first frames";
    EXPECT_GT(fonts.glyphs->size(), 30u);
    // The widgets' font has the Urdu letters merged in (the documents panel, the segments).
    EXPECT_NE(fonts.regular->FindGlyphNoFallback(0x06A9), nullptr);  // keheh (Urdu kaf)
    EXPECT_NE(fonts.regular->FindGlyphNoFallback(0x533B), nullptr);  // 医
}

TEST(MultilingualTranscript, MouseDragOverAnUrduWordCodesItsCodePoints) {
    MultilingualBench b;
    // کلینک is code points 6..11 of the Urdu paragraph; drag from its start (its right edge, on
    // screen) to its end (the left edge of its last letter).
    const std::int64_t s = b.urdu_start() + 6, e = b.urdu_start() + 11;
    const ImVec2 from = b.ui->at(s), to = b.ui->at(e);
    EXPECT_GT(from.x, to.x) << "right to left on screen";
    b.ui->drag({from.x - 2, from.y}, {to.x + 2, to.y});
    EXPECT_EQ(b.app.transcript().selection(), (Span{s, e}));
    b.ui->key('1');
    Project p = Project::open(b.file);
    const auto segs = list_segments(p);
    ASSERT_EQ(segs.size(), 1u);
    EXPECT_EQ(segs[0].coding.start, s);
    EXPECT_EQ(segs[0].coding.end, e);
    EXPECT_EQ(segs[0].text, "\xDA\xA9\xD9\x84\xDB\x8C\xD9\x86\xDA\xA9");
}

TEST(MultilingualTranscript, CaretAndShiftArrowsStepOverAGraphemeCluster) {
    MultilingualBench b;
    const std::int64_t t = b.thumbs_start();
    b.ui->click(b.ui->at(t));  // gives the transcript keyboard focus, caret before 👍🏽
    ASSERT_EQ(b.app.transcript().selection(), (Span{t, t}));
    b.ui->named_key(ImGuiKey_RightArrow, false, true);
    EXPECT_EQ(b.app.transcript().selection(), (Span{t, t + 2})) << "👍🏽 is two code points, one grapheme";
    b.ui->named_key(ImGuiKey_LeftArrow, false, true);
    EXPECT_EQ(b.app.transcript().selection(), (Span{t, t}));
    b.app.transcript().select({t + 2, t + 2});
    b.ui->frame();
    b.ui->named_key(ImGuiKey_LeftArrow);
    EXPECT_EQ(b.app.transcript().caret(), t);
    // A click in the middle of the emoji lands on a boundary, never between thumb and tone.
    const ImVec2 a = b.ui->at(t), z = b.ui->at(t + 2);
    b.ui->click({(a.x + z.x) / 2 - 1, a.y});
    EXPECT_TRUE(b.app.transcript().caret() == t || b.app.transcript().caret() == t + 2) << b.app.transcript().caret();
}

TEST(MultilingualTranscript, DoubleClickSelectsAnEmojiOrACjkWord) {
    MultilingualBench b;
    const std::int64_t t = b.thumbs_start();
    const ImVec2 e = b.ui->at(t);
    b.ui->click({e.x + 3, e.y});
    b.ui->click({e.x + 3, e.y});
    EXPECT_EQ(b.app.transcript().selection(), (Span{t, t + 2}));
    b.ui->frames(30);  // past the double-click time
    const std::int64_t doctor = t + cps(kThumbs + " yes, ") + 3;  // 医生 in 我们的医生
    const ImVec2 d = b.ui->at(doctor);
    b.ui->click({d.x + 3, d.y});
    b.ui->click({d.x + 3, d.y});
    EXPECT_EQ(b.app.transcript().selection(), (Span{doctor, doctor + 2}));
}

}  // namespace
}  // namespace npt::test
