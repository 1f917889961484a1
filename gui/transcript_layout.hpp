// transcript_layout.hpp — wrapping a transcript into lines for a given font size and width. Each
// paragraph is shaped by the TextShaper (HarfBuzz + ICU bidi), then cut into lines at ICU line
// break opportunities, lazily: only paragraphs that become visible (or that a caller asks a
// position of) are laid out; the others keep an estimated height. The layout is cached until the
// width, font or document changes. Coordinates are pixels relative to the top-left of the text
// column; offsets are logical code points. A right-to-left paragraph's lines are right-aligned.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "gui/fonts.hpp"
#include "gui/line_breaks.hpp"
#include "gui/text_shaper.hpp"
#include "gui/transcript_document.hpp"

namespace npt::gui {

struct LayoutLine {
    std::int64_t start = 0;  // code points, end-exclusive
    std::int64_t end = 0;
    std::size_t byte_start = 0;
    std::size_t byte_end = 0;
    float x = 0;             // left edge of the line's glyphs (right-aligned lines start further in)
    VisualLine visual;       // glyphs in visual order; per code point boxes
};

class TranscriptLayout {
public:
    // Binds the layout to a document, fonts and wrap width (pixels). Keeps the cache when nothing
    // changed; otherwise every paragraph returns to an estimate.
    void reset(const TranscriptDocument* doc, const Fonts& fonts, float width);
    void clear() { reset(nullptr, Fonts{}, 0); }

    float line_height() const { return line_height_; }
    float paragraph_gap() const { return line_height_ * 0.25f; }  // below each non-empty paragraph
    float font_size() const { return font_size_; }
    float baseline() const;        // from a line's top
    float underline_top() const;   // first coder underline lane, below the descenders
    float total_height();  // sum of exact and estimated paragraph heights

    // Lays out the paragraphs intersecting [y0, y1). Returns how much the paragraphs that start
    // above y0 changed height (the caller scrolls by it so the text in view stays put).
    float ensure_visible(float y0, float y1);

    // Calls fn(line, y) for each laid-out line intersecting [y0, y1), top to bottom (call
    // ensure_visible first).
    void for_each_line(float y0, float y1, const std::function<void(const LayoutLine&, float)>& fn);

    // The grapheme boundary nearest to a point (hit-testing a click). Lays out the paragraph under it.
    std::int64_t offset_at(ImVec2 point);
    // The top-left of the caret before code point `cp` (0 <= cp <= length). Lays out its paragraph.
    ImVec2 position_of(std::int64_t cp);
    // The screen x ranges (relative to the column) that code points [s, e) of a line cover, left
    // to right; several when the range crosses a change of direction.
    void ranges(const LayoutLine& line, std::int64_t s, std::int64_t e, std::vector<std::pair<float, float>>& out) const;

    std::size_t laid_out_paragraphs() const;  // for tests and the benchmark

private:
    struct ParagraphLayout {
        std::vector<LayoutLine> lines;
        float height = 0;
        bool exact = false;
    };
    void layout_paragraph(std::size_t i);
    void update_offsets();
    std::size_t paragraph_at_y(float y);
    const LayoutLine& line_containing(std::size_t paragraph, std::int64_t cp);

    const TranscriptDocument* doc_ = nullptr;
    TextShaper* shaper_ = nullptr;
    float font_size_ = 0;
    float width_ = 0;
    float line_height_ = 16;
    float mean_advance_ = 8;
    std::vector<ParagraphLayout> paragraphs_;
    std::vector<float> tops_;  // y of each paragraph's top
    bool offsets_dirty_ = true;
    LineBreaker breaker_;
};

}  // namespace npt::gui
