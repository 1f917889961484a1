// fonts.hpp — the workbench's fonts. Widgets: DejaVu Sans (regular and bold) from
// fonts-dejavu-core with Latin, Latin Extended, Greek and Cyrillic, plus the Noto / Symbola
// fallbacks (font_files.hpp) merged in for exactly the other code points the open project uses
// (FontCoverage collects them from the open document and the codebook), sized by the UI scale.
// The transcript: a TextShaper (HarfBuzz, bidi) at the same size, whose glyphs live in the same
// atlas (GlyphAtlas). The caller owns the ImGui context and uploads the atlas to its renderer.
// ImGui 1.86 is built with 16-bit ImWchar: widgets show only the Basic Multilingual Plane, so an
// emoji in a code name shows as U+FFFD there (the transcript draws it).
#pragma once
#include <imgui.h>

#include <memory>
#include <set>
#include <string_view>
#include <vector>

#include "gui/glyph_atlas.hpp"
#include "gui/text_shaper.hpp"

namespace npt::gui {

struct Fonts {
    ImFont* regular = nullptr;  // body text and widgets
    ImFont* bold = nullptr;     // speaker names, headings
    float size = 16.0f;         // pixel size of both
    std::shared_ptr<TextShaper> shaper;  // the transcript's shaping at `size`
    std::shared_ptr<GlyphAtlas> glyphs;  // the transcript's glyphs in this atlas
    std::shared_ptr<std::vector<std::vector<ImWchar>>> merged_ranges;  // kept alive for the atlas
};

// The code points beyond the base ranges that the widgets need, gathered from text the panels show.
class FontCoverage {
public:
    // Notes the code points of `utf8` (BMP, not in the base ranges). True when one is new.
    bool add(std::string_view utf8);
    const std::set<ImWchar>& code_points() const { return cps_; }

private:
    std::set<ImWchar> cps_;
};

// Clears io.Fonts and builds it: DejaVu at 16 px * scale (ImGui's default font when the DejaVu
// files are missing, so a machine without fonts-dejavu-core still starts), the fallbacks merged
// for `coverage`, and the transcript glyphs. The shaper and glyph bitmaps of `previous` are kept
// when the size is the same (a rebuild for new glyphs); otherwise new ones are made.
Fonts load_fonts(ImGuiIO& io, float scale, const FontCoverage* coverage = nullptr, const Fonts* previous = nullptr);

// The base glyph ranges: Basic Latin + Latin-1, Latin Extended-A/B, IPA, spacing modifiers,
// combining marks, Greek, Cyrillic, general punctuation, currency, arrows. Static storage.
const ImWchar* transcript_glyph_ranges();

}  // namespace npt::gui
