// transcript_layout.cpp — lazy, cached shaping and ICU line wrapping for the transcript view.
#include "gui/transcript_layout.hpp"

#include <algorithm>
#include <cmath>

namespace npt::gui {
namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\t'; }

}  // namespace

void TranscriptLayout::reset(const TranscriptDocument* doc, const Fonts& fonts, float width) {
    width = std::max(width, 40.0f);
    TextShaper* shaper = fonts.shaper.get();
    if (doc == doc_ && shaper == shaper_ && fonts.size == font_size_ && width == width_ &&
        paragraphs_.size() == (doc ? doc->paragraphs().size() : 0))
        return;
    doc_ = doc;
    shaper_ = shaper;
    font_size_ = fonts.size;
    width_ = width;
    // Room for the text, then up to three coder underline lanes below the descenders.
    line_height_ = std::round(font_size_ * 1.75f);
    mean_advance_ = std::max(1.0f, font_size_ * 0.52f);
    paragraphs_.assign(doc && shaper ? doc->paragraphs().size() : 0, ParagraphLayout{});
    if (doc && shaper) {
        const float chars_per_line = std::max(1.0f, width_ / mean_advance_);
        for (std::size_t i = 0; i < paragraphs_.size(); ++i) {
            const Paragraph& p = doc->paragraphs()[i];
            const float lines = std::max(1.0f, std::ceil(static_cast<float>(p.end - p.start) / chars_per_line));
            paragraphs_[i].height = p.start == p.end ? line_height_ * 0.5f : lines * line_height_ + paragraph_gap();
        }
    }
    offsets_dirty_ = true;
}

float TranscriptLayout::baseline() const { return std::round(font_size_ * 0.15f + (shaper_ ? shaper_->ascent() : font_size_ * 0.93f)); }

float TranscriptLayout::underline_top() const { return std::round(font_size_ * 1.38f); }

void TranscriptLayout::layout_paragraph(std::size_t i) {
    ParagraphLayout& out = paragraphs_[i];
    if (out.exact) return;
    const Paragraph& p = doc_->paragraphs()[i];
    const std::string& text = doc_->text();
    const std::string_view para(text.data() + p.byte_start, p.byte_end - p.byte_start);
    const ShapedParagraph sp = shaper_->shape(para);
    const auto n = static_cast<std::int32_t>(sp.advance.size());
    std::vector<float> prefix(sp.advance.size() + 1, 0.0f);
    for (std::size_t k = 0; k < sp.advance.size(); ++k) prefix[k + 1] = prefix[k] + sp.advance[k];
    auto width_of = [&](std::int32_t a, std::int32_t b) { return prefix[static_cast<std::size_t>(b)] - prefix[static_cast<std::size_t>(a)]; };
    auto space_at = [&](std::int32_t k) { return is_space_byte(para[sp.byte[static_cast<std::size_t>(k)]]); };

    out.lines.clear();
    std::int32_t line_start = 0;
    float x = 0;
    auto emit = [&](std::int32_t end) {
        LayoutLine line;
        line.start = p.start + line_start;
        line.end = p.start + end;
        line.byte_start = p.byte_start + sp.byte[static_cast<std::size_t>(line_start)];
        line.byte_end = p.byte_start + sp.byte[static_cast<std::size_t>(end)];
        line.visual = shaper_->line(sp, line_start, end);
        if (sp.rtl) {
            // Right-align, not counting the white space the line ends with (shown at its left).
            std::int32_t trimmed = end;
            while (trimmed > line_start && space_at(trimmed - 1)) --trimmed;
            line.x = std::max(0.0f, width_ - width_of(line_start, trimmed)) - (line.visual.width - width_of(line_start, trimmed));
        }
        out.lines.push_back(std::move(line));
        line_start = end;
        x = 0;
    };
    std::int32_t prev = 0;
    for (std::size_t rel : breaker_.opportunities(para)) {
        const auto o = static_cast<std::int32_t>(std::lower_bound(sp.byte.begin(), sp.byte.end(), static_cast<std::uint32_t>(rel)) - sp.byte.begin());
        std::int32_t trimmed = o;
        while (trimmed > prev && space_at(trimmed - 1)) --trimmed;
        const float w_trim = width_of(prev, trimmed);
        if (x > 0 && x + w_trim > width_) emit(prev);
        if (w_trim > width_) {
            // A word wider than the column: break it between graphemes.
            for (std::int32_t k = prev; k < o; ++k) {
                const float a = sp.advance[static_cast<std::size_t>(k)];
                if (x > 0 && x + a > width_ && !space_at(k) && sp.grapheme_start[static_cast<std::size_t>(k)]) emit(k);
                x += a;
            }
        } else {
            x += width_of(prev, o);
        }
        prev = o;
    }
    emit(n);
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
    const VisualLine& v = line.visual;
    const float x = point.x - line.x;
    const auto n = static_cast<std::int64_t>(v.left.size());
    // The code point after grapheme `g` (skipping the empty boxes of code points inside it).
    auto after = [&](std::int64_t g) {
        std::int64_t j = g + 1;
        while (j < n && v.left[static_cast<std::size_t>(j)] == v.right[static_cast<std::size_t>(j)]) ++j;
        return line.start + j;
    };
    float leftmost = 1e30f, rightmost = -1e30f;
    std::int64_t at_left = line.start, at_right = line.end;
    for (std::int64_t g = 0; g < n; ++g) {
        const float l = v.left[static_cast<std::size_t>(g)], r = v.right[static_cast<std::size_t>(g)];
        if (l == r) continue;
        const bool rtl = v.rtl[static_cast<std::size_t>(g)] != 0;
        if (x >= l && x < r) {
            const bool left_half = x < (l + r) * 0.5f;
            return left_half != rtl ? line.start + g : after(g);
        }
        if (l < leftmost) leftmost = l, at_left = rtl ? after(g) : line.start + g;
        if (r > rightmost) rightmost = r, at_right = rtl ? line.start + g : after(g);
    }
    if (n == 0) return line.start;
    return x < leftmost ? at_left : at_right;
}

ImVec2 TranscriptLayout::position_of(std::int64_t cp) {
    if (!doc_ || paragraphs_.empty()) return {0, 0};
    cp = std::clamp<std::int64_t>(cp, 0, doc_->length());
    const std::size_t i = doc_->paragraph_of(cp);
    const LayoutLine& line = line_containing(i, cp);
    update_offsets();
    const auto& lines = paragraphs_[i].lines;
    const auto k = static_cast<float>(&line - lines.data());
    const VisualLine& v = line.visual;
    float x = 0;
    if (!v.left.empty()) {
        if (cp < line.end) {
            const auto j = static_cast<std::size_t>(std::max<std::int64_t>(0, cp - line.start));
            x = v.rtl[j] ? v.right[j] : v.left[j];
        } else {
            const std::size_t j = v.left.size() - 1;
            x = v.rtl[j] ? v.left[j] : v.right[j];
        }
    }
    return {line.x + x, tops_[i] + k * line_height_};
}

void TranscriptLayout::ranges(const LayoutLine& line, std::int64_t s, std::int64_t e, std::vector<std::pair<float, float>>& out) const {
    out.clear();
    const VisualLine& v = line.visual;
    const std::int64_t a = std::max(s, line.start), b = std::min(e, line.end);
    for (std::int64_t cp = a; cp < b; ++cp) {
        const auto j = static_cast<std::size_t>(cp - line.start);
        if (j >= v.left.size() || v.left[j] == v.right[j]) continue;
        out.push_back({line.x + v.left[j], line.x + v.right[j]});
    }
    std::sort(out.begin(), out.end());
    std::size_t w = 0;
    for (std::size_t r = 0; r < out.size(); ++r) {
        if (w > 0 && out[r].first <= out[w - 1].second + 0.5f)
            out[w - 1].second = std::max(out[w - 1].second, out[r].second);
        else
            out[w++] = out[r];
    }
    out.resize(w);
}

std::size_t TranscriptLayout::laid_out_paragraphs() const {
    return static_cast<std::size_t>(std::count_if(paragraphs_.begin(), paragraphs_.end(),
                                                  [](const ParagraphLayout& p) { return p.exact; }));
}

}  // namespace npt::gui
