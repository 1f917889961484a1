// transcript_layout.hpp — wrapping a transcript into lines for a given font and width. Lines are
// found with ICU line breaking, lazily: only paragraphs that become visible (or that a caller
// asks a position of) are laid out; the others keep an estimated height. The layout is cached
// until the width, font or document changes. Coordinates are pixels relative to the top-left of
// the text column; offsets are code points.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "gui/line_breaks.hpp"
#include "gui/transcript_document.hpp"

namespace npt::gui {

struct LayoutLine {
    std::int64_t start = 0;  // code points, end-exclusive
    std::int64_t end = 0;
    std::size_t byte_start = 0;
    std::size_t byte_end = 0;
};

class TranscriptLayout {
public:
    // Binds the layout to a document, font and wrap width (pixels). Keeps the cache when nothing
    // changed; otherwise every paragraph returns to an estimate.
    void reset(const TranscriptDocument* doc, ImFont* font, float font_size, float width);

    float line_height() const { return line_height_; }
    float paragraph_gap() const { return line_height_ * 0.3f; }  // below each non-empty paragraph
    float total_height();  // sum of exact and estimated paragraph heights

    // Lays out the paragraphs intersecting [y0, y1). Returns how much the paragraphs that start
    // above y0 changed height (the caller scrolls by it so the text in view stays put).
    float ensure_visible(float y0, float y1);

    // Calls fn(line, y) for each laid-out line intersecting [y0, y1), top to bottom (call
    // ensure_visible first).
    void for_each_line(float y0, float y1, const std::function<void(const LayoutLine&, float)>& fn);

    // The code point nearest to a point (hit-testing a click). Lays out the paragraph under it.
    std::int64_t offset_at(ImVec2 point);
    // The top-left of the caret before code point `cp` (0 <= cp <= length). Lays out its paragraph.
    ImVec2 position_of(std::int64_t cp);
    // Pixel width of bytes [b, e) of the document text.
    float advance(std::size_t b, std::size_t e) const;

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
    ImFont* font_ = nullptr;
    float font_size_ = 0;
    float width_ = 0;
    float scale_ = 1;
    float line_height_ = 16;
    float mean_advance_ = 8;
    std::vector<ParagraphLayout> paragraphs_;
    std::vector<float> tops_;  // y of each paragraph's top
    bool offsets_dirty_ = true;
    LineBreaker breaker_;
};

}  // namespace npt::gui
