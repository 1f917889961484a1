// glyphs.hpp — stepping through valid UTF-8 one code point at a time and measuring glyph advances
// with an ImFont, the same way ImDrawList::AddText places them (ImGui has no kerning), so the
// transcript view's layout, hit-testing and drawing agree to the pixel.
#pragma once
#include <imgui.h>

namespace npt::gui {

// Decodes the code point at `s` (text already validated as UTF-8); returns its byte length (>= 1).
inline int next_code_point(const char* s, const char* end, unsigned int& cp) {
    const auto b = static_cast<unsigned char>(s[0]);
    int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (end - s < n) n = 1;
    cp = n == 1 ? b : b & (0x7F >> n);
    for (int i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return n;
}

// Pixels the glyph of `cp` advances at `scale` (font size / font->FontSize). Code points outside
// the font's 16-bit range measure as U+FFFD.
inline float glyph_advance(ImFont* font, unsigned int cp, float scale) {
    return font->GetCharAdvance(static_cast<ImWchar>(cp <= 0xFFFF ? cp : 0xFFFD)) * scale;
}

}  // namespace npt::gui
