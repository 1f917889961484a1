// fonts.hpp — the workbench's fonts: DejaVu Sans (regular and bold) from fonts-dejavu-core with
// Latin, Latin Extended, Greek and Cyrillic ranges (ImGui's default font is ASCII only), sized by
// the UI scale. The caller owns the ImGui context and uploads the atlas to its renderer.
#pragma once
#include <imgui.h>

namespace npt::gui {

struct Fonts {
    ImFont* regular = nullptr;  // body text and widgets
    ImFont* bold = nullptr;     // speaker names, headings
    float size = 16.0f;         // pixel size of both
};

// Clears io.Fonts and adds DejaVu at 16 px * scale (ImGui's default font when the DejaVu files
// are missing, so a machine without fonts-dejavu-core still starts), then builds the atlas.
Fonts load_fonts(ImGuiIO& io, float scale);

// The glyph ranges loaded: Basic Latin + Latin-1, Latin Extended-A/B, IPA, spacing modifiers,
// combining marks, Greek, Cyrillic, general punctuation, currency, arrows. Static storage.
const ImWchar* transcript_glyph_ranges();

}  // namespace npt::gui
