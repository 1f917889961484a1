// text_shaper.cpp — FreeType faces, ICU bidi levels, HarfBuzz shaping per run, and the visual
// order of a line (UAX #9 rule L2 over the line's level runs).
#include "gui/text_shaper.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "core/error.hpp"
#include "core/text/grapheme_breaks.hpp"
#include "gui/font_files.hpp"
#include "gui/glyphs.hpp"

namespace npt::gui {

struct TextShaper::Face {
    FT_Face ft = nullptr;
    hb_font_t* hb = nullptr;
    FontRole role = FontRole::Primary;
    std::string name, path;
    int index = 0;
    bool has(char32_t cp) const { return FT_Get_Char_Index(ft, cp) != 0; }
};

namespace {

FT_Library lib(void* p) { return static_cast<FT_Library>(p); }

bool is_emoji(char32_t cp) {
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EMOJI_PRESENTATION) ||
           (cp >= 0x2100 && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC));
}

// Code points that belong with the character before them whatever the font says.
bool sticks_to_previous(char32_t cp) {
    if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
        (cp >= 0xE0020 && cp <= 0xE007F))
        return true;
    const auto type = u_charType(static_cast<UChar32>(cp));
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

FontRole role_for_script(char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(static_cast<UChar32>(cp), &status)) {
    case USCRIPT_ARABIC: return FontRole::Arabic;
    case USCRIPT_HEBREW: return FontRole::Hebrew;
    case USCRIPT_DEVANAGARI: return FontRole::Devanagari;
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: case USCRIPT_HANGUL: case USCRIPT_BOPOMOFO:
        return FontRole::Cjk;
    default: return FontRole::Primary;
    }
}

bool is_common(char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(static_cast<UChar32>(cp), &status);
    return s == USCRIPT_COMMON || s == USCRIPT_INHERITED;
}

}  // namespace

TextShaper::TextShaper(float pixel_size) : pixel_size_(pixel_size) {
    FT_Library l = nullptr;
    if (FT_Init_FreeType(&l) != 0) throw Error("FreeType cannot start");
    library_ = l;
    const auto px = static_cast<FT_UInt>(std::lround(pixel_size));
    for (const FontFile& f : kFontFiles) {
        if (!std::filesystem::exists(f.path)) continue;
        FT_Face face = nullptr;
        if (FT_New_Face(l, f.path, f.index, &face) != 0) continue;
        FT_Set_Pixel_Sizes(face, 0, px);
        auto entry = std::make_unique<Face>();
        entry->ft = face;
        entry->hb = hb_ft_font_create_referenced(face);
        hb_ft_font_set_load_flags(entry->hb, FT_LOAD_DEFAULT | FT_LOAD_NO_HINTING);
        entry->role = f.role;
        entry->name = std::filesystem::path(f.path).filename().string();
        entry->path = f.path;
        entry->index = f.index;
        faces_.push_back(std::move(entry));
    }
    if (faces_.empty()) {
        FT_Done_FreeType(l);
        throw Error("no font found for the transcript (install fonts-dejavu-core)");
    }
    ascent_ = static_cast<float>(faces_[0]->ft->size->metrics.ascender) / 64.0f;
    buffer_ = hb_buffer_create();
}

TextShaper::~TextShaper() {
    hb_buffer_destroy(static_cast<hb_buffer_t*>(buffer_));
    for (auto& f : faces_) {
        hb_font_destroy(f->hb);  // drops its reference on the FT_Face
        FT_Done_Face(f->ft);
    }
    FT_Done_FreeType(lib(library_));
}

std::size_t TextShaper::face_count() const { return faces_.size(); }
const std::string& TextShaper::face_name(std::size_t face) const { return faces_[face]->name; }
const std::string& TextShaper::face_path(std::size_t face) const { return faces_[face]->path; }
int TextShaper::face_index(std::size_t face) const { return faces_[face]->index; }
bool TextShaper::has_glyph(std::size_t face, char32_t cp) const { return faces_[face]->has(cp); }

std::uint16_t TextShaper::face_for(char32_t cp, int previous) const {
    if (previous >= 0 && (sticks_to_previous(cp) || (is_common(cp) && !is_emoji(cp) && faces_[previous]->has(cp))))
        return static_cast<std::uint16_t>(previous);
    const FontRole wanted = is_emoji(cp) ? FontRole::Emoji : role_for_script(cp);
    for (std::size_t i = 0; i < faces_.size(); ++i)
        if (faces_[i]->role == wanted && faces_[i]->has(cp)) return static_cast<std::uint16_t>(i);
    for (std::size_t i = 0; i < faces_.size(); ++i)
        if (faces_[i]->has(cp)) return static_cast<std::uint16_t>(i);
    return 0;
}

ShapedParagraph TextShaper::shape(std::string_view utf8) {
    ShapedParagraph out;
    // Code points, their bytes and UTF-16 positions.
    std::vector<char32_t> cps;
    std::vector<std::int32_t> u16_at;
    std::vector<UChar> u16;
    for (std::size_t b = 0; b < utf8.size();) {
        unsigned int c = 0;
        const int n = next_code_point(utf8.data() + b, utf8.data() + utf8.size(), c);
        out.byte.push_back(static_cast<std::uint32_t>(b));
        cps.push_back(c);
        u16_at.push_back(static_cast<std::int32_t>(u16.size()));
        if (c > 0xFFFF) {
            u16.push_back(static_cast<UChar>(U16_LEAD(c)));
            u16.push_back(static_cast<UChar>(U16_TRAIL(c)));
        } else {
            u16.push_back(static_cast<UChar>(c));
        }
        b += static_cast<std::size_t>(n);
    }
    out.byte.push_back(static_cast<std::uint32_t>(utf8.size()));
    const auto n = static_cast<std::int32_t>(cps.size());
    out.advance.assign(cps.size(), 0.0f);
    out.level.assign(cps.size(), 0);
    out.grapheme_start.assign(cps.size(), 0);
    if (n == 0) return out;
    for (std::int64_t g : text::grapheme_boundaries(utf8))
        if (g < n) out.grapheme_start[static_cast<std::size_t>(g)] = 1;

    // Bidi levels.
    UErrorCode status = U_ZERO_ERROR;
    UBiDi* bidi = ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &status);
    ubidi_setPara(bidi, u16.data(), static_cast<int32_t>(u16.size()), UBIDI_DEFAULT_LTR, nullptr, &status);
    if (U_SUCCESS(status)) {
        const UBiDiLevel* levels = ubidi_getLevels(bidi, &status);
        if (U_SUCCESS(status))
            for (std::int32_t i = 0; i < n; ++i) out.level[static_cast<std::size_t>(i)] = levels[u16_at[static_cast<std::size_t>(i)]];
        out.rtl = (ubidi_getParaLevel(bidi) & 1) != 0;
    }
    ubidi_close(bidi);

    // Fonts, then runs of one font and one level.
    std::vector<std::uint16_t> face(cps.size());
    int previous = -1;
    for (std::size_t i = 0; i < cps.size(); ++i) previous = face[i] = face_for(cps[i], previous);
    auto* buf = static_cast<hb_buffer_t*>(buffer_);
    for (std::int32_t s = 0; s < n;) {
        std::int32_t e = s + 1;
        while (e < n && face[static_cast<std::size_t>(e)] == face[static_cast<std::size_t>(s)] &&
               out.level[static_cast<std::size_t>(e)] == out.level[static_cast<std::size_t>(s)])
            ++e;
        ShapedRun run{s, e, out.level[static_cast<std::size_t>(s)], static_cast<std::uint32_t>(out.glyphs.size()), 0};
        const Face& f = *faces_[face[static_cast<std::size_t>(s)]];
        hb_buffer_clear_contents(buf);
        hb_buffer_add_utf8(buf, utf8.data(), static_cast<int>(utf8.size()), out.byte[static_cast<std::size_t>(s)],
                           static_cast<int>(out.byte[static_cast<std::size_t>(e)] - out.byte[static_cast<std::size_t>(s)]));
        hb_buffer_set_direction(buf, (run.level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_guess_segment_properties(buf);
        hb_shape(f.hb, buf, nullptr, 0);
        unsigned int count = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
        for (unsigned int k = 0; k < count; ++k) {
            const auto it = std::upper_bound(out.byte.begin(), out.byte.end(), info[k].cluster);
            const auto cluster = static_cast<std::int32_t>(it - out.byte.begin()) - 1;
            ShapedGlyph g;
            g.face = face[static_cast<std::size_t>(s)];
            g.glyph = info[k].codepoint;
            g.x_offset = static_cast<float>(pos[k].x_offset) / 64.0f;
            g.y_offset = -static_cast<float>(pos[k].y_offset) / 64.0f;
            g.advance = static_cast<float>(pos[k].x_advance) / 64.0f;
            g.cluster = cluster;
            out.advance[static_cast<std::size_t>(cluster)] += g.advance;
            out.glyphs.push_back(g);
        }
        run.glyph_end = static_cast<std::uint32_t>(out.glyphs.size());
        out.runs.push_back(run);
        s = e;
    }
    return out;
}

VisualLine TextShaper::line(const ShapedParagraph& p, std::int32_t start, std::int32_t end) const {
    VisualLine out;
    const std::int32_t n = std::max(0, end - start);
    out.left.assign(static_cast<std::size_t>(n), 0.0f);
    out.right.assign(static_cast<std::size_t>(n), 0.0f);
    out.rtl.assign(static_cast<std::size_t>(n), 0);
    if (n == 0) return out;
    struct Segment {
        std::int32_t s, e;
        std::uint8_t level;
    };
    std::vector<Segment> segs;
    for (std::int32_t i = start; i < end;) {
        std::int32_t j = i + 1;
        while (j < end && p.level[static_cast<std::size_t>(j)] == p.level[static_cast<std::size_t>(i)]) ++j;
        segs.push_back({i, j, p.level[static_cast<std::size_t>(i)]});
        i = j;
    }
    // UAX #9 L2: from the highest level down to the lowest odd one, reverse every maximal
    // sequence of segments at that level or higher.
    std::vector<std::size_t> order(segs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint8_t max_level = 0, min_odd = 255;
    for (const Segment& s : segs) {
        max_level = std::max(max_level, s.level);
        if (s.level & 1) min_odd = std::min(min_odd, s.level);
    }
    for (int lvl = max_level; lvl >= min_odd && lvl > 0; --lvl)
        for (std::size_t i = 0; i < order.size();) {
            if (segs[order[i]].level < lvl) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < order.size() && segs[order[j]].level >= lvl) ++j;
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }

    constexpr float kNone = std::numeric_limits<float>::infinity();
    std::vector<float> cx0(static_cast<std::size_t>(n), kNone), cx1(static_cast<std::size_t>(n), -kNone);
    float x = 0;
    for (std::size_t oi : order) {
        const Segment& seg = segs[oi];
        std::vector<const ShapedRun*> runs;
        for (const ShapedRun& r : p.runs)
            if (r.start < seg.e && r.end > seg.s) runs.push_back(&r);
        if (seg.level & 1) std::reverse(runs.begin(), runs.end());
        for (const ShapedRun* r : runs)
            for (std::uint32_t k = r->glyph_begin; k < r->glyph_end; ++k) {
                const ShapedGlyph& g = p.glyphs[k];
                if (g.cluster < seg.s || g.cluster >= seg.e) continue;
                out.glyphs.push_back({g.face, g.glyph, x + g.x_offset, g.y_offset});
                const auto c = static_cast<std::size_t>(g.cluster - start);
                cx0[c] = std::min(cx0[c], x);
                cx1[c] = std::max(cx1[c], x + g.advance);
                x += g.advance;
            }
    }
    out.width = x;
    // Boxes: a cluster's width is shared by the graphemes in it, in reading order; a code point
    // inside a grapheme gets an empty box at its grapheme's trailing edge.
    for (std::int32_t c = 0; c < n;) {
        std::int32_t c2 = c + 1;
        while (c2 < n && cx0[static_cast<std::size_t>(c2)] == kNone) ++c2;
        const bool rtl = (p.level[static_cast<std::size_t>(start + c)] & 1) != 0;
        float x0 = cx0[static_cast<std::size_t>(c)], x1 = cx1[static_cast<std::size_t>(c)];
        if (x0 == kNone) x0 = x1 = 0;
        int graphemes = 0;
        for (std::int32_t k = c; k < c2; ++k) graphemes += (k == c || p.grapheme_start[static_cast<std::size_t>(start + k)]) ? 1 : 0;
        const float share = (x1 - x0) / static_cast<float>(std::max(1, graphemes));
        int g = -1;
        for (std::int32_t k = c; k < c2; ++k) {
            const auto kk = static_cast<std::size_t>(k);
            out.rtl[kk] = rtl ? 1 : 0;
            const bool starts = k == c || p.grapheme_start[static_cast<std::size_t>(start + k)];
            if (starts) {
                ++g;
                const float a = rtl ? x1 - share * static_cast<float>(g + 1) : x0 + share * static_cast<float>(g);
                out.left[kk] = a;
                out.right[kk] = a + share;
            } else {
                const float edge = rtl ? out.left[kk - 1] : out.right[kk - 1];
                out.left[kk] = out.right[kk] = edge;
            }
        }
        c = c2;
    }
    return out;
}

GlyphBitmap TextShaper::rasterize(std::uint16_t face, std::uint32_t glyph) {
    GlyphBitmap out;
    if (face >= faces_.size()) return out;
    FT_Face f = faces_[face]->ft;
    if (FT_Load_Glyph(f, glyph, FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT) != 0) return out;
    if (FT_Render_Glyph(f->glyph, FT_RENDER_MODE_NORMAL) != 0) return out;
    const FT_Bitmap& bm = f->glyph->bitmap;
    out.width = static_cast<int>(bm.width);
    out.height = static_cast<int>(bm.rows);
    out.left = f->glyph->bitmap_left;
    out.top = f->glyph->bitmap_top;
    out.pixels.resize(static_cast<std::size_t>(out.width * out.height));
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            const unsigned char* row = bm.buffer + static_cast<std::ptrdiff_t>(y) * bm.pitch;
            out.pixels[static_cast<std::size_t>(y * out.width + x)] =
                bm.pixel_mode == FT_PIXEL_MODE_MONO ? ((row[x >> 3] >> (7 - (x & 7))) & 1) * 255 : row[x];
        }
    return out;
}

}  // namespace npt::gui
