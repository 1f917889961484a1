// wrapped_input.cpp — soft-wrapping a multi-line ImGui text field (see wrapped_input.hpp).
#include "gui/wrapped_input.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace npt::gui {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t next_code_point(const std::string& s, std::size_t at) {
    if (at >= s.size()) return s.size();
    ++at;
    while (at < s.size() && is_continuation(s[at])) ++at;
    return at;
}

std::size_t previous_code_point(const std::string& s, std::size_t at) {
    if (at == 0) return 0;
    --at;
    while (at > 0 && is_continuation(s[at])) --at;
    return at;
}

// Wraps one hard line [begin, end) of `text` into `out`.
void wrap_line(const std::string& text, std::size_t begin, std::size_t end, const ImFont* font, float scale, float width,
               WrappedText& out) {
    std::size_t at = begin;
    while (at < end) {
        const char* s = text.data() + at;
        const char* e = text.data() + end;
        std::size_t cut = static_cast<std::size_t>(font->CalcWordWrapPositionA(scale, s, e, width) - text.data());
        if (cut >= end) break;
        if (cut <= at) cut = next_code_point(text, at);  // not even one character fits: one per line
        while (cut < end && (text[cut] == ' ' || text[cut] == '\t')) ++cut;  // spaces stay above the wrap
        if (cut >= end) break;
        out.display.append(text, at, cut - at);
        out.soft.push_back(out.display.size());
        out.display.push_back('\n');
        at = cut;
    }
    out.display.append(text, at, end - at);
}

// Rewrites `data`'s buffer into `target` by replacing only the bytes that differ.
void rewrite(ImGuiInputTextCallbackData* data, const std::string& target) {
    const std::size_t n = static_cast<std::size_t>(data->BufTextLen);
    std::size_t prefix = 0;
    while (prefix < n && prefix < target.size() && data->Buf[prefix] == target[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < n - prefix && suffix < target.size() - prefix && data->Buf[n - 1 - suffix] == target[target.size() - 1 - suffix])
        ++suffix;
    if (prefix == n && prefix == target.size()) return;
    data->DeleteChars(static_cast<int>(prefix), static_cast<int>(n - prefix - suffix));
    const std::string middle = target.substr(prefix, target.size() - prefix - suffix);
    if (!middle.empty()) data->InsertChars(static_cast<int>(prefix), middle.c_str(), middle.c_str() + middle.size());
}

struct CallbackContext {
    WrappedInputState* state;
    std::string* shown;  // the user buffer ImGui copies the field into
    const ImFont* font;
    float size;
    float width;
    bool edited;  // an edit callback ran within this call
};

int callback(ImGuiInputTextCallbackData* data) {
    auto* ctx = static_cast<CallbackContext*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        ctx->shown->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = ctx->shown->data();
        return 0;
    }
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
    ctx->edited = true;
    WrappedInputState& st = *ctx->state;
    // `st.shown` is what the field held before this edit (the user buffer is copied only after
    // the callback); data->Buf holds it after the edit.
    const std::string after(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    std::size_t cursor = static_cast<std::size_t>(data->CursorPos);
    const bool backspace = ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Backspace));
    st.edited = unwrap_edit(st.shown, after, cursor, backspace);
    st.pending = wrap_text(st.edited, ctx->font, ctx->size, ctx->width);
    // The cursor before the same character; at a wrap, at the start of the lower line.
    std::size_t shown_cursor = cursor;
    for (std::size_t i = 0; i < st.pending.soft.size() && st.pending.soft[i] - i <= cursor; ++i) ++shown_cursor;
    if (st.pending.display != after) {
        rewrite(data, st.pending.display);
        st.moved = true;
    }
    data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(shown_cursor);
    return 0;
}

}  // namespace

WrappedText wrap_text(const std::string& text, const ImFont* font, float size, float width) {
    WrappedText out;
    out.display.reserve(text.size() + text.size() / 32);
    const float scale = size / font->FontSize;
    std::size_t begin = 0;
    while (true) {
        const std::size_t nl = text.find('\n', begin);
        const std::size_t end = nl == std::string::npos ? text.size() : nl;
        wrap_line(text, begin, end, font, scale, std::max(width, 1.0f), out);
        if (nl == std::string::npos) break;
        out.display.push_back('\n');
        begin = nl + 1;
    }
    return out;
}

std::string unwrap_edit(const WrappedText& before, const std::string& after, std::size_t& cursor, bool backspace) {
    const std::string& old = before.display;
    const std::size_t limit = std::min(old.size(), after.size());
    std::size_t prefix = 0;
    while (prefix < limit && old[prefix] == after[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < limit - prefix && old[old.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
    const std::size_t old_changed_end = old.size() - suffix;
    // Where the untouched soft breaks are in `after`.
    std::vector<std::size_t> kept;
    bool removed_soft = false;
    for (std::size_t s : before.soft) {
        if (s < prefix) kept.push_back(s);
        else if (s >= old_changed_end) kept.push_back(s - old.size() + after.size());
        else removed_soft = true;
    }
    std::string text;
    text.reserve(after.size());
    std::size_t from = 0, text_cursor = cursor;
    for (std::size_t s : kept) {
        text.append(after, from, s - from);
        if (s < cursor) --text_cursor;
        from = s + 1;
    }
    text.append(after, from, std::string::npos);
    // Backspace or Delete that only took a soft break: take the character beyond it as meant.
    const bool only_soft = removed_soft && after.size() < old.size() && prefix + suffix == after.size() &&
                           std::all_of(old.begin() + static_cast<std::ptrdiff_t>(prefix),
                                       old.begin() + static_cast<std::ptrdiff_t>(old_changed_end), [](char c) { return c == '\n'; });
    if (only_soft) {
        std::size_t real = 0;  // '\n' in the removed bytes that were not soft: typed line breaks
        for (std::size_t i = prefix; i < old_changed_end; ++i)
            if (!std::binary_search(before.soft.begin(), before.soft.end(), i)) ++real;
        if (real == 0) {
            if (backspace && text_cursor > 0) {
                const std::size_t b = previous_code_point(text, text_cursor);
                text.erase(b, text_cursor - b);
                text_cursor = b;
            } else if (!backspace && text_cursor < text.size()) {
                text.erase(text_cursor, next_code_point(text, text_cursor) - text_cursor);
            }
        }
    }
    cursor = std::min(text_cursor, text.size());
    return text;
}

bool input_text_wrapped(const char* label, std::string* text, ImVec2 size, WrappedInputState& state, ImGuiInputTextFlags flags) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 frame = ImGui::CalcItemSize(size, ImGui::CalcItemWidth(), ImGui::GetFontSize() * 8 + style.FramePadding.y * 2);
    // Room for the text: the frame less its padding and a scrollbar (kept free even before one
    // shows, so a growing memo does not re-wrap when the scrollbar appears).
    const float width = frame.x - style.FramePadding.x * 2 - style.ScrollbarSize - 2;
    const ImGuiID id = ImGui::GetID(label);
    bool active = ImGui::GetActiveID() == id;
    if (active && *text != state.shown_for) {
        ImGui::ClearActiveID();  // the caller replaced the text (another memo): show that instead
        active = false;
    }
    // While the field is being edited ImGui keeps its own copy: re-wrap only between edits.
    if (!active && (*text != state.shown_for || width != state.shown_width)) {
        state.shown = wrap_text(*text, ImGui::GetFont(), ImGui::GetFontSize(), width);
        state.shown_for = *text;
        state.shown_width = width;
    }
    std::string buffer = state.shown.display;
    CallbackContext ctx{&state, &buffer, ImGui::GetFont(), ImGui::GetFontSize(), width, false};
    state.moved = false;
    ImGui::InputTextMultiline(label, buffer.data(), buffer.capacity() + 1, frame,
                              flags | ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackEdit |
                                  ImGuiInputTextFlags_NoHorizontalScroll,
                              callback, &ctx);
    if (!ctx.edited) return false;
    if (state.moved)
        if (ImGuiInputTextState* edit = ImGui::GetInputTextState(id)) {
            // Forget the field's undo history: its positions are those of the old wrapping.
            edit->Stb.undostate.undo_point = 0;
            edit->Stb.undostate.undo_char_point = 0;
            edit->Stb.undostate.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
            edit->Stb.undostate.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
        }
    state.shown = std::move(state.pending);
    state.shown_for = state.edited;
    state.shown_width = width;
    const bool changed = *text != state.edited;
    *text = std::move(state.edited);
    return changed;
}

}  // namespace npt::gui
