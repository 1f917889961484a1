// glyph_atlas.cpp — shaped glyphs as custom rectangles in ImGui's font atlas.
#include "gui/glyph_atlas.hpp"

#include <algorithm>
#include <cstring>

namespace npt::gui {
namespace {

std::uint64_t key(std::uint16_t face, std::uint32_t glyph) { return (static_cast<std::uint64_t>(face) << 32) | glyph; }

}  // namespace

const AtlasGlyph* GlyphAtlas::find(std::uint16_t face, std::uint32_t glyph) {
    auto [it, inserted] = glyphs_.try_emplace(key(face, glyph));
    it->second.last_used = frame_;
    if (it->second.in_texture) return &it->second.glyph;
    wanted_ = true;
    return nullptr;
}

void GlyphAtlas::add_rects(ImFontAtlas& atlas, TextShaper& shaper) {
    if (glyphs_.size() > kMaxGlyphs) {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> by_use;  // last_used, key
        for (const auto& [k, e] : glyphs_) by_use.push_back({e.last_used, k});
        std::sort(by_use.begin(), by_use.end(), std::greater<>());
        for (std::size_t i = kMaxGlyphs; i < by_use.size(); ++i) glyphs_.erase(by_use[i].second);
    }
    for (auto& [k, e] : glyphs_) {
        if (!e.rendered) {
            e.bitmap = shaper.rasterize(static_cast<std::uint16_t>(k >> 32), static_cast<std::uint32_t>(k & 0xFFFFFFFFu));
            e.rendered = true;
        }
        e.rect = e.bitmap.width > 0 && e.bitmap.height > 0 ? atlas.AddCustomRectRegular(e.bitmap.width, e.bitmap.height) : -1;
        e.in_texture = false;
    }
    wanted_ = false;
}

void GlyphAtlas::fill(ImFontAtlas& atlas) {
    unsigned char* alpha = atlas.TexPixelsAlpha8;
    unsigned int* rgba = atlas.TexPixelsRGBA32;
    const int tw = atlas.TexWidth;
    for (auto& [k, e] : glyphs_) {
        if (!e.rendered) continue;
        AtlasGlyph& g = e.glyph;
        if (e.rect < 0) {
            g = AtlasGlyph{};
            e.in_texture = true;
            continue;
        }
        const ImFontAtlasCustomRect* r = atlas.GetCustomRectByIndex(e.rect);
        if (!r || !r->IsPacked()) continue;
        for (int y = 0; y < e.bitmap.height; ++y)
            for (int x = 0; x < e.bitmap.width; ++x) {
                const unsigned char a = e.bitmap.pixels[static_cast<std::size_t>(y * e.bitmap.width + x)];
                const std::size_t at = static_cast<std::size_t>((r->Y + y) * tw + r->X + x);
                if (alpha) alpha[at] = a;
                if (rgba) rgba[at] = IM_COL32(255, 255, 255, a);
            }
        atlas.CalcCustomRectUV(r, &g.uv0, &g.uv1);
        g.x0 = static_cast<float>(e.bitmap.left);
        g.y0 = static_cast<float>(-e.bitmap.top);
        g.x1 = g.x0 + static_cast<float>(e.bitmap.width);
        g.y1 = g.y0 + static_cast<float>(e.bitmap.height);
        g.empty = false;
        e.in_texture = true;
    }
}

void GlyphAtlas::clear() {
    glyphs_.clear();
    wanted_ = false;
}

}  // namespace npt::gui
