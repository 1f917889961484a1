// transcript_paint.cpp — drawing the visible lines of the transcript view on its ImDrawList:
// coding highlights (code colour) with coder underlines, find hits, the selection, the shaped
// text (glyph runs from the layout, quads from the glyph atlas, since Dear ImGui cannot shape),
// speaker names and times in the left gutter, and the coding stripes in the right margin.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/text/media_time.hpp"
#include "gui/glyphs.hpp"
#include "gui/transcript_view.hpp"

namespace npt::gui {
namespace {

constexpr ImU32 kText = IM_COL32(28, 30, 34, 255);
constexpr ImU32 kDim = IM_COL32(120, 126, 136, 255);
constexpr ImU32 kSelection = IM_COL32(66, 133, 244, 80);
constexpr ImU32 kHit = IM_COL32(255, 214, 0, 150);
constexpr ImU32 kTurnRule = IM_COL32(228, 230, 235, 255);

// A stable colour for a speaker name (hash into a small dark palette).
ImU32 speaker_colour(const std::string& name) {
    static constexpr ImU32 palette[] = {IM_COL32(31, 94, 168, 255), IM_COL32(178, 74, 32, 255),
                                        IM_COL32(44, 130, 72, 255), IM_COL32(128, 60, 150, 255),
                                        IM_COL32(150, 110, 20, 255), IM_COL32(20, 120, 130, 255)};
    std::size_t h = 1469598103934665603ull;
    for (unsigned char c : name) h = (h ^ c) * 1099511628211ull;
    return palette[h % (sizeof palette / sizeof palette[0])];
}

// The colour mixed 45% towards black, for text drawn in a code's (often light) colour.
ImU32 darker(ImU32 colour) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    return ImGui::ColorConvertFloat4ToU32({c.x * 0.55f, c.y * 0.55f, c.z * 0.55f, 1.0f});
}

// Draws `text` clipped to `max_width`, with an ellipsis when cut.
void draw_clipped(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 colour, const std::string& text, float max_width) {
    const float scale = size / font->FontSize;
    float x = 0;
    const char* s = text.c_str();
    const char* end = s + text.size();
    const float ellipsis = font->GetCharAdvance('.') * scale * 3;
    const char* cut = end;
    for (const char* p = s; p < end;) {
        unsigned int c = 0;
        const int n = next_code_point(p, end, c);
        const float a = glyph_advance(font, c, scale);
        if (x + a > max_width - ellipsis && cut == end) cut = p;
        x += a;
        p += n;
    }
    if (x <= max_width) {
        dl->AddText(font, size, pos, colour, s, end);
        return;
    }
    dl->AddText(font, size, pos, colour, s, cut);
    const float w = font->CalcTextSizeA(size, 1e9f, 0, s, cut).x;
    dl->AddText(font, size, {pos.x + w, pos.y}, colour, "...");
}

// Draws a line's shaped glyphs from the glyph atlas; glyphs not in the atlas yet are asked for
// (drawn after the App rebuilds it, before the next frame).
void draw_glyphs(ImDrawList* dl, GlyphAtlas& atlas, const LayoutLine& line, ImVec2 pen, ImU32 colour) {
    for (const PlacedGlyph& g : line.visual.glyphs) {
        const AtlasGlyph* a = atlas.find(g.face, g.glyph);
        if (!a || a->empty) continue;
        const float x = std::round(pen.x + line.x + g.x), y = std::round(pen.y + g.y);
        dl->PrimReserve(6, 4);
        dl->PrimRectUV({x + a->x0, y + a->y0}, {x + a->x1, y + a->y1}, a->uv0, a->uv1, colour);
    }
}

// A small note (a page with a folded corner and two ruled lines) for a coding with a memo.
void draw_memo_mark(ImDrawList* dl, ImVec2 a, ImVec2 b, float scale) {
    const float fold = 3.0f * scale;
    const ImU32 paper = IM_COL32(255, 214, 92, 255), edge = IM_COL32(168, 118, 10, 255);
    dl->AddRectFilled(a, {b.x - fold, b.y}, paper);
    dl->AddRectFilled({b.x - fold, a.y + fold}, b, paper);
    dl->AddTriangleFilled({b.x - fold, a.y}, {b.x, a.y + fold}, {b.x - fold, a.y + fold}, edge);
    dl->AddLine({a.x + 2 * scale, a.y + 4.5f * scale}, {b.x - 2 * scale, a.y + 4.5f * scale}, edge, std::max(1.0f, scale));
    dl->AddLine({a.x + 2 * scale, a.y + 7.5f * scale}, {b.x - 2 * scale, a.y + 7.5f * scale}, edge, std::max(1.0f, scale));
}

}  // namespace

void TranscriptView::paint(ImDrawList* dl, const TranscriptContext& context, ImVec2 origin, float y0, float y1) {
    const float size = context.fonts->size;
    const float scale = size / 16.0f;
    const float lh = layout_.line_height();
    const Span sel = selection();
    const float baseline = layout_.baseline();
    const float underline = layout_.underline_top();
    const float lane = std::max(1.5f, 2.0f * scale);
    GlyphAtlas& atlas = *context.fonts->glyphs;
    std::vector<std::pair<float, float>>& spans = range_scratch_;

    layout_.for_each_line(y0, y1, [&](const LayoutLine& line, float y) {
        const float top = origin.y + y;
        const Span line_span{line.start, std::max(line.end, line.start + 1)};
        doc_->codings_overlapping(line_span, scratch_);
        int stack = 0;
        for (std::size_t i : scratch_) {
            const CodingMark& m = doc_->codings()[i];
            if (!visible(m)) continue;
            layout_.ranges(line, m.span.start, m.span.end, spans);
            if (spans.empty()) continue;
            // Coder underlines stack downwards below the descenders, never through the letters.
            const float uy = top + underline + lane * static_cast<float>(std::min(stack, 2));
            for (const auto& [a, b] : spans) {
                dl->AddRectFilled({origin.x + a, top + 2}, {origin.x + b, top + underline - 1}, with_alpha(m.code_colour, 0.20f));
                dl->AddLine({origin.x + a, uy}, {origin.x + b, uy}, with_alpha(m.coder_colour, 0.85f), std::max(1.0f, 1.5f * scale));
            }
            ++stack;
        }
        // Find hits on this line.
        auto hit = std::lower_bound(hits_.begin(), hits_.end(), line.start,
                                    [](const Span& h, std::int64_t v) { return h.end <= v; });
        for (; hit != hits_.end() && hit->start < line.end; ++hit) {
            layout_.ranges(line, hit->start, hit->end, spans);
            for (const auto& [a, b] : spans) dl->AddRectFilled({origin.x + a, top + 1}, {origin.x + b, top + underline}, kHit, 2.0f);
        }
        if (!sel.empty() && sel.start < line.end && sel.end > line.start) {
            layout_.ranges(line, sel.start, sel.end, spans);
            for (const auto& [a, b] : spans) dl->AddRectFilled({origin.x + a, top}, {origin.x + b, top + lh}, kSelection);
        }
        draw_glyphs(dl, atlas, line, {origin.x, top + baseline}, kText);

        if (const SpeakerTurn* turn = doc_->turn_starting_in(line.start, line.end)) {
            const float gx = origin.x - gutter_ + 8;
            const float text_dy = baseline - context.fonts->bold->Ascent * size * 0.92f / context.fonts->bold->FontSize;
            dl->AddLine({gx - 4, top}, {origin.x + text_width_, top}, kTurnRule, 1.0f);
            draw_clipped(dl, context.fonts->bold, size * 0.92f, {gx, top + text_dy}, speaker_colour(turn->speaker),
                         turn->speaker, gutter_ - 18);
            if (turn->start_ms)
                dl->AddText(context.fonts->regular, size * 0.8f, {gx, top + lh}, kDim, format_media_time(*turn->start_ms).c_str());
        }
    });

    if (sel.empty() && ImGui::IsWindowFocused()) {
        const ImVec2 p = layout_.position_of(caret_);
        if (p.y + lh >= y0 && p.y <= y1)
            dl->AddLine({origin.x + p.x, origin.y + p.y + 2}, {origin.x + p.x, origin.y + p.y + underline}, kText, 1.5f * scale);
    }
    (void)scale;
}

void TranscriptView::paint_stripes(ImDrawList* dl, const TranscriptContext& context, ImVec2 origin, float y0, float y1) {
    const float scale = context.fonts->size / 16.0f;
    const float lane_w = 6.0f * scale;
    // Left to right in the margin: memo marks, a lane of stripes per code, the codes' names.
    const float x_memos = origin.x + text_width_ + kMemoMarkLeft * scale;
    const float memo_w = 9.0f * scale, memo_h = 11.0f * scale;
    const float x_lanes = origin.x + text_width_ + 18.0f * scale;
    const float x_labels = x_lanes + static_cast<float>(lanes_.size()) * lane_w + 4.0f * scale;
    const float label_size = context.fonts->size * 0.82f;
    const float lh = layout_.line_height();
    // The code points in view, from the layout.
    std::int64_t vis_start = -1, vis_end = 0;
    layout_.for_each_line(y0, y1, [&](const LayoutLine& line, float) {
        if (vis_start < 0) vis_start = line.start;
        vis_end = std::max(vis_end, line.end);
    });
    memo_marks_.clear();
    if (vis_start < 0) return;
    doc_->codings_overlapping({vis_start, vis_end + 1}, scratch_);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool margin_hovered = ImGui::IsWindowHovered() && mouse.x >= x_memos;
    std::string tip;
    float last_label_bottom = -1e9f;
    float last_memo_bottom = -1e9f;
    for (std::size_t i : scratch_) {
        const CodingMark& m = doc_->codings()[i];
        if (!visible(m)) continue;
        if (m.memos > 0 && m.span.start >= vis_start) {
            // A note beside the coding's first line; marks of codings starting on one line stack.
            const float y = std::max(origin.y + layout_.position_of(m.span.start).y + 2, last_memo_bottom + 1);
            const ImVec2 a{x_memos, y}, b{x_memos + memo_w, y + memo_h};
            draw_memo_mark(dl, a, b, scale);
            memo_marks_.push_back({m.coding_id, a, b});
            last_memo_bottom = b.y;
            const bool on = mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
            if (margin_hovered && on)
                tip += (tip.empty() ? "" : "\n") + std::string("Memo on ") + m.code + " (" + m.coder + "): " + m.memo +
                       (m.memos > 1 ? "  (+" + std::to_string(m.memos - 1) + " more)" : "") + "\nClick to open";
            if (margin_click_ && margin_click_->x >= a.x && margin_click_->x < b.x && margin_click_->y >= a.y &&
                margin_click_->y < b.y) {
                select(m.span, false);
                request(TranscriptRequest::Kind::MemoOnCoding, m.span).coding = m.coding_id;
                margin_click_.reset();
            }
        }
        const int lane = lane_of(m.code_id);
        if (lane < 0) continue;
        const float top = origin.y + layout_.position_of(std::max(m.span.start, vis_start)).y + 2;
        const float bottom = origin.y + layout_.position_of(std::max(m.span.start, std::min(m.span.end, vis_end) - 1)).y + lh - 2;
        const float x0 = x_lanes + static_cast<float>(lane) * lane_w;
        const ImVec2 a{x0, top}, b{x0 + lane_w - 2.0f * scale, std::max(bottom, top + 4)};
        dl->AddRectFilled(a, b, with_alpha(m.code_colour, 0.9f), 2.0f);
        const bool hovered = margin_hovered && mouse.x >= a.x && mouse.x < b.x + 1 && mouse.y >= a.y && mouse.y < b.y;
        if (hovered) tip += (tip.empty() ? "" : "\n") + m.code + "  —  " + m.coder;
        if (margin_click_ && margin_click_->x >= a.x && margin_click_->x < b.x + 1 && margin_click_->y >= a.y &&
            margin_click_->y < b.y) {
            select(m.span, false);
            margin_click_.reset();
        }
        // A code's name beside its stripe, when the margin has room for more than an ellipsis.
        const float label_room = origin.x + text_width_ + margin_ - x_labels - 4;
        if (m.span.start >= vis_start && top > last_label_bottom && label_room >= label_size * 3) {
            const std::size_t slash = m.code.find_last_of('/');
            const std::string name = slash == std::string::npos ? m.code : m.code.substr(slash + 1);
            draw_clipped(dl, context.fonts->regular, label_size, {x_labels, top - 1}, darker(m.code_colour), name,
                         origin.x + text_width_ + margin_ - x_labels - 4);
            last_label_bottom = top + label_size;
        }
    }
    margin_click_.reset();
    if (!tip.empty()) ImGui::SetTooltip("%s", tip.c_str());
}

}  // namespace npt::gui
