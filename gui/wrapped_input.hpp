// wrapped_input.hpp — a multi-line text field whose long lines wrap at the field's width (memos,
// code definitions). Dear ImGui 1.86's InputTextMultiline has no word wrap, so the field edits a
// *display copy* of the text in which a soft line break ('\n') is inserted where each long line
// wraps (ImGui's own word-wrap rule, ImFont::CalcWordWrapPositionA; the spaces at a wrap stay at
// the end of the upper line). A callback on every edit removes the soft breaks it knows it put in
// (those the edit did not touch), re-wraps the text, moves the cursor to the same character, and
// rewrites only the part of the field that changed. The caller's string never holds a soft break.
// Approximate: at a wrap the caret stops twice (end of one line, start of the next); Backspace or
// Delete over a soft break deletes the character beyond it; Ctrl+C copies a wrapped passage with
// the soft breaks; the field's own undo (Ctrl+Z inside it) forgets its history whenever the
// wrapping moves, since it would replay edits at positions that moved.
#pragma once
#include <imgui.h>

#include <cstddef>
#include <string>
#include <vector>

namespace npt::gui {

// Text laid out for a wrapped field: `display` is the text with a '\n' inserted at each soft
// break; `soft` holds the byte offsets of those '\n' in `display`, ascending.
struct WrappedText {
    std::string display;
    std::vector<std::size_t> soft;
};

// Wraps `text` so that no line is wider than `width` pixels in `font` at `size` px (a word wider
// than the line is cut where it overflows). Hard line breaks are kept.
WrappedText wrap_text(const std::string& text, const ImFont* font, float size, float width);

// The text an edit of a wrapped field means: `before` is the field as it was (soft breaks at
// `soft`), `after` the field after one edit, `cursor` the byte offset of the cursor in `after`.
// Soft breaks the edit left alone are removed; when the edit removed nothing but soft breaks
// (Backspace or Delete at a wrap), the character before (`backspace`) or after the wrap goes too.
// Returns the text and sets `cursor` to the same place in it.
std::string unwrap_edit(const WrappedText& before, const std::string& after, std::size_t& cursor, bool backspace);

// What a wrapped field keeps between frames (one per field).
struct WrappedInputState {
    WrappedText shown;          // what the field holds now
    std::string shown_for;      // the text `shown` wraps
    float shown_width = -1;     // and the width it was wrapped at
    // Set by the edit callback within one call.
    std::string edited;
    WrappedText pending;
    bool moved = false;         // the wrap moved: the field's undo history is stale
};

// A wrapped multi-line text field (ImGui::InputTextMultiline's arguments; `size.x` <= 0 fills the
// width as ImGui does). Returns true when `text` changed.
bool input_text_wrapped(const char* label, std::string* text, ImVec2 size, WrappedInputState& state,
                        ImGuiInputTextFlags flags = 0);

}  // namespace npt::gui
