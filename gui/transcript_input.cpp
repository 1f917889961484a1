// transcript_input.cpp — mouse and keyboard in the transcript view: click, drag, shift+click,
// double-click a word, triple-click a paragraph, word snapping on release, right-click menu,
// clicks in the stripe margin, shift+arrows, and hotkeys 1-9.
//
// Keys: named keys go through io.KeyMap (ImGuiKey_*); digits use the platform's key index, which
// for GLFW (and the headless tests) is the ASCII code of the digit ('1' .. '9').
#include <algorithm>

#include "core/error.hpp"
#include "core/text/text_breaks.hpp"
#include "gui/transcript_view.hpp"

namespace npt::gui {

void TranscriptView::handle_mouse(const TranscriptContext& context, ImVec2 origin) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 local{io.MousePos.x - origin.x, io.MousePos.y - origin.y};
    const bool in_margin = io.MousePos.x >= origin.x + text_width_ + kMemoMarkLeft * context.fonts->size / 16.0f;
    const bool hovered = ImGui::IsItemHovered();
    if (hovered && !in_margin) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        if (in_margin) {
            margin_click_ = io.MousePos;
            return;
        }
        const std::int64_t at = layout_.offset_at(local);
        const int clicks = io.MouseClickedCount[ImGuiMouseButton_Left];
        if (clicks >= 3) {
            const Paragraph& p = doc_->paragraphs()[doc_->paragraph_of(at)];
            drag_origin_ = {p.start, p.end};
            drag_ = Drag::Paragraphs;
        } else if (clicks == 2) {
            drag_origin_ = doc_->word_at(at);
            drag_ = Drag::Words;
        } else {
            drag_origin_ = {at, at};
            drag_ = Drag::Characters;
            if (!io.KeyShift) anchor_ = at;
        }
        if (drag_ != Drag::Characters) anchor_ = drag_origin_.start;
        caret_ = drag_ == Drag::Characters ? at : drag_origin_.end;
    }

    if (drag_ != Drag::None && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        // Scroll while dragging past the top or bottom edge.
        const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
        if (io.MousePos.y < top) ImGui::SetScrollY(ImGui::GetScrollY() - layout_.line_height());
        if (io.MousePos.y > bottom) ImGui::SetScrollY(ImGui::GetScrollY() + layout_.line_height());
        const std::int64_t at = layout_.offset_at(local);
        if (drag_ == Drag::Characters) {
            caret_ = at;
        } else {
            Span unit = drag_origin_;
            if (drag_ == Drag::Words) {
                const Span w = doc_->word_at(at);
                unit = w.empty() ? Span{at, at} : w;
            } else {
                const Paragraph& p = doc_->paragraphs()[doc_->paragraph_of(at)];
                unit = {p.start, p.end};
            }
            anchor_ = unit.start < drag_origin_.start ? drag_origin_.end : drag_origin_.start;
            caret_ = unit.start < drag_origin_.start ? unit.start : std::max(unit.end, drag_origin_.end);
        }
    }

    if (drag_ != Drag::None && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (drag_ == Drag::Characters && context.snap_to_words && anchor_ != caret_) {
            try {
                const Span snapped = text::snap_to_words(doc_->text(), selection());
                const bool forward = caret_ >= anchor_;
                anchor_ = forward ? snapped.start : snapped.end;
                caret_ = forward ? snapped.end : snapped.start;
            } catch (const Error&) {
                // A selection outside the text cannot happen here; keep it unsnapped if it does.
            }
        }
        drag_ = Drag::None;
    }

    if (hovered && !in_margin && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        const std::int64_t at = layout_.offset_at(local);
        const Span sel = selection();
        if (sel.empty() || at < sel.start || at > sel.end) anchor_ = caret_ = at;
        const Span now = selection();
        doc_->codings_overlapping(now.empty() ? Span{at, at + 1} : now, scratch_);
        under_menu_.clear();
        for (std::size_t i : scratch_) under_menu_.push_back(doc_->codings()[i]);
        ImGui::OpenPopup("##transcript_menu");
    }
}

void TranscriptView::handle_keyboard() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    const std::int64_t n = doc_->length();
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
    auto move = [&](std::int64_t to) {
        caret_ = std::clamp<std::int64_t>(to, 0, n);
        if (!io.KeyShift) anchor_ = caret_;
        scroll_to_ = caret_;
    };
    auto vertical = [&](float lines) {
        const ImVec2 p = layout_.position_of(caret_);
        move(layout_.offset_at({p.x, p.y + layout_.line_height() * (lines + 0.5f)}));
    };
    // Left and right step by grapheme cluster in logical order (a right-to-left line's caret
    // moves by reading order, not screen direction).
    if (pressed(ImGuiKey_LeftArrow)) move(doc_->previous_grapheme(caret_));
    if (pressed(ImGuiKey_RightArrow)) move(doc_->next_grapheme(caret_));
    if (pressed(ImGuiKey_UpArrow)) vertical(-1);
    if (pressed(ImGuiKey_DownArrow)) vertical(1);
    const float page = std::max(1.0f, std::floor(ImGui::GetWindowHeight() / layout_.line_height()) - 2);
    if (!io.KeyCtrl && pressed(ImGuiKey_PageUp)) vertical(-page);  // Ctrl+PageUp/Down: another document
    if (!io.KeyCtrl && pressed(ImGuiKey_PageDown)) vertical(page);
    if (pressed(ImGuiKey_Home)) move(io.KeyCtrl ? 0 : doc_->paragraphs()[doc_->paragraph_of(caret_)].start);
    if (pressed(ImGuiKey_End)) move(io.KeyCtrl ? n : doc_->paragraphs()[doc_->paragraph_of(caret_)].end);
    if (pressed(ImGuiKey_Escape)) anchor_ = caret_;
    if (io.KeyCtrl && pressed(ImGuiKey_A)) {
        anchor_ = 0;
        caret_ = n;
    }
    if (io.KeyCtrl && pressed(ImGuiKey_C) && !selection().empty())
        ImGui::SetClipboardText(std::string(doc_->slice(selection())).c_str());
    if (!io.KeyCtrl && !io.KeyAlt)
        for (int k = 1; k <= 9; ++k)
            if (ImGui::IsKeyPressed('0' + k, false)) request(TranscriptRequest::Kind::Hotkey, selection(), k);
}

}  // namespace npt::gui
