// transcript_layout.cpp — lazy, cached ICU line wrapping for the transcript view.
#include "gui/transcript_layout.hpp"

#include <algorithm>
#include <cmath>

#include "gui/glyphs.hpp"

namespace npt::gui {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool is_space_byte(char c) { return c == ' ' || c == '\t'; }

}  // namespace

void TranscriptLayout::reset(const TranscriptDocument* doc, ImFont* font, float font_size, float width) {
    width = std::max(width, 40.0f);
    if (doc == doc_ && font == font_ && font_size == font_size_ && width == width_ &&
        paragraphs_.size() == (doc ? doc->paragraphs().size() : 0))
        return;
    doc_ = doc;
    font_ = font;
    font_size_ = font_size;
    width_ = width;
    scale_ = font && font->FontSize > 0 ? font_size / font->FontSize : 1.0f;
    line_height_ = std::round(font_size * 1.4f);
    mean_advance_ = font ? std::max(1.0f, font->GetCharAdvance('n') * scale_) : 8.0f;
    paragraphs_.assign(doc ? doc->paragraphs().size() : 0, ParagraphLayout{});
    if (doc) {
        const float chars_per_line = std::max(1.0f, width_ / mean_advance_);
        for (std::size_t i = 0; i < paragraphs_.size(); ++i) {
            const Paragraph& p = doc->paragraphs()[i];
            const float lines = std::max(1.0f, std::ceil(static_cast<float>(p.end - p.start) / chars_per_line));
            paragraphs_[i].height = p.start == p.end ? line_height_ * 0.5f : lines * line_height_ + paragraph_gap();
        }
    }
    offsets_dirty_ = true;
}

float TranscriptLayout::advance(std::size_t b, std::size_t e) const {
    const char* s = doc_->text().data() + b;
    const char* end = doc_->text().data() + e;
    float x = 0;
    while (s < end) {
        unsigned int c = 0;
        s += next_code_point(s, end, c);
        x += glyph_advance(font_, c, scale_);
    }
    return x;
}

void TranscriptLayout::layout_paragraph(std::size_t i) {
    ParagraphLayout& out = paragraphs_[i];
    if (out.exact) return;
    const Paragraph& p = doc_->paragraphs()[i];
    const std::string& text = doc_->text();
    out.lines.clear();
    auto cps_between = [&](std::size_t b, std::size_t e) {
        std::int64_t n = 0;
        for (std::size_t k = b; k < e; ++k) n += is_continuation(text[k]) ? 0 : 1;
        return n;
    };
    LayoutLine line{p.start, p.start, p.byte_start, p.byte_start};
    float x = 0;
    std::size_t prev = p.byte_start;
    std::int64_t prev_cp = p.start;
    auto emit = [&](std::size_t end_byte, std::int64_t end_cp) {
        line.byte_end = end_byte;
        line.end = end_cp;
        out.lines.push_back(line);
        line = LayoutLine{end_cp, end_cp, end_byte, end_byte};
        x = 0;
    };
    const auto& breaks = breaker_.opportunities(std::string_view(text.data() + p.byte_start, p.byte_end - p.byte_start));
    for (std::size_t rel : breaks) {
        const std::size_t o = p.byte_start + rel;
        std::size_t trimmed = o;
        while (trimmed > prev && (is_space_byte(text[trimmed - 1]))) --trimmed;
        const float w_trim = advance(prev, trimmed);
        const float w = w_trim + advance(trimmed, o);
        if (x > 0 && x + w_trim > width_) emit(prev, prev_cp);
        if (w_trim > width_) {
            // A word wider than the column: break it between characters.
            std::size_t b = prev;
            std::int64_t cp = prev_cp;
            while (b < o) {
                unsigned int c = 0;
                const int n = next_code_point(text.data() + b, text.data() + o, c);
                const float a = glyph_advance(font_, c, scale_);
                if (x > 0 && x + a > width_ && !is_space_byte(text[b])) emit(b, cp);
                x += a;
                b += static_cast<std::size_t>(n);
                ++cp;
            }
        } else {
            x += w;
        }
        prev_cp += cps_between(prev, o);
        prev = o;
    }
    emit(p.byte_end, p.end);
    const float height = p.start == p.end ? line_height_ * 0.5f
                                          : static_cast<float>(out.lines.size()) * line_height_ + paragraph_gap();
    out.exact = true;
    if (height != out.height) {
        out.height = height;
        offsets_dirty_ = true;
    }
}

void TranscriptLayout::update_offsets() {
    if (!offsets_dirty_) return;
    tops_.resize(paragraphs_.size() + 1);
    float y = 0;
    for (std::size_t i = 0; i < paragraphs_.size(); ++i) {
        tops_[i] = y;
        y += paragraphs_[i].height;
    }
    tops_[paragraphs_.size()] = y;
    offsets_dirty_ = false;
}

float TranscriptLayout::total_height() {
    update_offsets();
    return tops_.empty() ? 0 : tops_.back();
}

std::size_t TranscriptLayout::paragraph_at_y(float y) {
    update_offsets();
    if (paragraphs_.empty()) return 0;
    auto it = std::upper_bound(tops_.begin(), tops_.end() - 1, y);
    return it == tops_.begin() ? 0 : static_cast<std::size_t>(it - tops_.begin()) - 1;
}

float TranscriptLayout::ensure_visible(float y0, float y1) {
    if (!doc_ || paragraphs_.empty()) return 0;
    float shift = 0;
    // Paragraphs are laid out top-down; each may push the rest, so re-find the range as we go.
    for (int pass = 0; pass < 4; ++pass) {
        std::size_t first = paragraph_at_y(y0);
        std::size_t last = paragraph_at_y(y1);
        bool changed = false;
        for (std::size_t i = first; i <= last && i < paragraphs_.size(); ++i) {
            if (paragraphs_[i].exact) continue;
            const float before = paragraphs_[i].height;
            layout_paragraph(i);
            if (i == first && tops_[i] < y0) shift += paragraphs_[i].height - before;
            changed = true;
        }
        if (!changed) break;
    }
    return shift;
}

void TranscriptLayout::for_each_line(float y0, float y1, const std::function<void(const LayoutLine&, float)>& fn) {
    if (!doc_ || paragraphs_.empty()) return;
    update_offsets();
    for (std::size_t i = paragraph_at_y(y0); i < paragraphs_.size() && tops_[i] < y1; ++i) {
        if (!paragraphs_[i].exact) continue;
        float y = tops_[i];
        for (const LayoutLine& line : paragraphs_[i].lines) {
            if (y + line_height_ > y0 && y < y1) fn(line, y);
            y += line_height_;
        }
    }
}

const LayoutLine& TranscriptLayout::line_containing(std::size_t paragraph, std::int64_t cp) {
    layout_paragraph(paragraph);
    const auto& lines = paragraphs_[paragraph].lines;
    for (std::size_t k = 0; k + 1 < lines.size(); ++k)
        if (cp < lines[k + 1].start) return lines[k];
    return lines.back();
}

std::int64_t TranscriptLayout::offset_at(ImVec2 point) {
    if (!doc_ || paragraphs_.empty()) return 0;
    if (point.y < 0) return 0;
    std::size_t i = paragraph_at_y(point.y);
    layout_paragraph(i);
    update_offsets();
    if (point.y >= tops_.back()) return doc_->length();
    const auto& lines = paragraphs_[i].lines;
    auto k = static_cast<std::size_t>(std::max(0.0f, (point.y - tops_[i]) / line_height_));
    if (k >= lines.size()) return lines.back().end;  // in the gap below the paragraph
    const LayoutLine& line = lines[k];
    const std::string& text = doc_->text();
    float x = 0;
    std::size_t b = line.byte_start;
    std::int64_t cp = line.start;
    while (b < line.byte_end) {
        unsigned int c = 0;
        const int n = next_code_point(text.data() + b, text.data() + line.byte_end, c);
        const float a = glyph_advance(font_, c, scale_);
        if (point.x < x + a * 0.5f) return cp;
        x += a;
        b += static_cast<std::size_t>(n);
        ++cp;
    }
    return line.end;
}

ImVec2 TranscriptLayout::position_of(std::int64_t cp) {
    if (!doc_ || paragraphs_.empty()) return {0, 0};
    cp = std::clamp<std::int64_t>(cp, 0, doc_->length());
    const std::size_t i = doc_->paragraph_of(cp);
    const LayoutLine& line = line_containing(i, cp);
    update_offsets();
    const auto& lines = paragraphs_[i].lines;
    const auto k = static_cast<float>(&line - lines.data());
    const std::size_t byte = doc_->index().byte_offset(static_cast<std::size_t>(std::min(cp, line.end)));
    return {advance(line.byte_start, std::max(byte, line.byte_start)), tops_[i] + k * line_height_};
}

std::size_t TranscriptLayout::laid_out_paragraphs() const {
    return static_cast<std::size_t>(std::count_if(paragraphs_.begin(), paragraphs_.end(),
                                                  [](const ParagraphLayout& p) { return p.exact; }));
}

}  // namespace npt::gui
