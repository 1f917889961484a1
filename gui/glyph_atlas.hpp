// glyph_atlas.hpp — the shaped transcript glyphs (HarfBuzz glyph ids, not code points) kept in
// ImGui's own font texture as custom rectangles, so the transcript is drawn in the same draw
// calls as the widgets. A glyph asked for and not yet in the texture is remembered; the App then
// rebuilds the atlas (fonts.cpp) before the next frame, which packs every wanted glyph. Bitmaps
// are rendered once by FreeType and kept; at most kMaxGlyphs are kept (the least recently drawn
// are dropped first), so scrolling through a long CJK transcript keeps the texture bounded.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "gui/text_shaper.hpp"

namespace npt::gui {

struct AtlasGlyph {
    ImVec2 uv0, uv1;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // quad relative to the pen on the baseline
    bool empty = true;                     // a space: nothing to draw
};

class GlyphAtlas {
public:
    static constexpr std::size_t kMaxGlyphs = 6000;

    // The glyph in the texture, or nullptr (then it is drawn after the next rebuild).
    const AtlasGlyph* find(std::uint16_t face, std::uint32_t glyph);
    bool wants_rebuild() const { return wanted_; }

    // Atlas building, around ImFontAtlas::Build: add_rects before it (renders new bitmaps with
    // `shaper`), fill after it (copies the bitmaps into the texture and sets the coordinates).
    void add_rects(ImFontAtlas& atlas, TextShaper& shaper);
    void fill(ImFontAtlas& atlas);
    void clear();  // the pixel size changed: every bitmap is stale

    std::size_t size() const { return glyphs_.size(); }
    void next_frame() { ++frame_; }

private:
    struct Entry {
        GlyphBitmap bitmap;
        bool rendered = false;
        bool in_texture = false;
        int rect = -1;
        std::uint64_t last_used = 0;
        AtlasGlyph glyph;
    };
    std::unordered_map<std::uint64_t, Entry> glyphs_;
    bool wanted_ = false;
    std::uint64_t frame_ = 0;
};

}  // namespace npt::gui
