// text_shaper.hpp — turning a paragraph of transcript text into positioned glyphs: a font per
// run (DejaVu Sans for Latin, Greek and Cyrillic; Noto Naskh Arabic for Arabic and Urdu; Noto
// Sans Hebrew, Devanagari, CJK; Symbola for emoji, monochrome), HarfBuzz shaping through FreeType
// (Arabic joining forms, marks, ligatures, kerning), and ICU's bidi algorithm (ubidi) for the
// embedding level of each code point and the visual order of each line. Everything stays indexed
// by logical code points: a line knows, for each of its code points, the left and right edge of
// its box on screen, so selection, hit-testing and coding work in logical offsets whatever the
// direction. Not thread-safe (FreeType faces and HarfBuzz fonts are per shaper).
//
// Approximations (documented in docs/gui.md): a paragraph is shaped once and then cut into lines,
// so a word split at a line end keeps the forms it had unsplit; trailing white space keeps its
// run's level (UAX #9 rule L1 is not applied); the width of a ligature is shared evenly between
// the graphemes it joins; emoji are monochrome (Symbola), and a sequence Symbola has no ligature
// for (skin tones, ZWJ families) shows as its parts, kept together as one grapheme.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace npt::gui {

// One glyph HarfBuzz returned, in the order HarfBuzz gave it (visual order within its run).
struct ShapedGlyph {
    std::uint16_t face = 0;
    std::uint32_t glyph = 0;     // glyph id in that face (not a code point)
    float x_offset = 0, y_offset = 0, advance = 0;
    std::int32_t cluster = 0;    // code point (relative to the paragraph) its cluster starts at
};

// A maximal range of code points with one font and one embedding level, shaped together.
struct ShapedRun {
    std::int32_t start = 0, end = 0;  // code points, relative to the paragraph
    std::uint8_t level = 0;           // bidi embedding level (odd: right to left)
    std::uint32_t glyph_begin = 0, glyph_end = 0;
};

struct ShapedParagraph {
    std::vector<ShapedGlyph> glyphs;
    std::vector<ShapedRun> runs;              // in logical order
    std::vector<float> advance;               // per code point: the width its cluster adds (0 inside a cluster)
    std::vector<std::uint8_t> level;          // per code point
    std::vector<std::uint8_t> grapheme_start; // per code point: 1 where a grapheme cluster starts
    std::vector<std::uint32_t> byte;          // byte offset of each code point, plus the end
    bool rtl = false;                         // paragraph direction (from its first strong letter)
};

// A glyph placed on a line: x from the line's left edge, y from the baseline (down positive).
struct PlacedGlyph {
    std::uint16_t face = 0;
    std::uint32_t glyph = 0;
    float x = 0, y = 0;
};

// One line in visual order. left/right/rtl are per logical code point of the line.
struct VisualLine {
    std::vector<PlacedGlyph> glyphs;
    std::vector<float> left, right;
    std::vector<std::uint8_t> rtl;
    float width = 0;
};

// A glyph's coverage bitmap (8-bit alpha) and where it sits relative to the pen on the baseline.
struct GlyphBitmap {
    int width = 0, height = 0;
    int left = 0, top = 0;  // FreeType bitmap_left / bitmap_top (top is up from the baseline)
    std::vector<unsigned char> pixels;
};

class TextShaper {
public:
    // Loads the faces that are installed at `pixel_size` pixels per em. Throws npt::Error if none.
    explicit TextShaper(float pixel_size);
    ~TextShaper();
    TextShaper(const TextShaper&) = delete;
    TextShaper& operator=(const TextShaper&) = delete;

    float pixel_size() const { return pixel_size_; }
    float ascent() const { return ascent_; }  // of the primary face, pixels above the baseline
    std::size_t face_count() const;
    const std::string& face_name(std::size_t face) const;  // file name, e.g. "NotoNaskhArabic-Regular.ttf"
    const std::string& face_path(std::size_t face) const;
    int face_index(std::size_t face) const;                // in its collection file
    bool has_glyph(std::size_t face, char32_t cp) const;

    // Shapes one paragraph (valid UTF-8 without newlines).
    ShapedParagraph shape(std::string_view utf8);
    // The code points [start, end) of a shaped paragraph as one line in visual order.
    VisualLine line(const ShapedParagraph& paragraph, std::int32_t start, std::int32_t end) const;
    // Renders a glyph for the glyph atlas.
    GlyphBitmap rasterize(std::uint16_t face, std::uint32_t glyph);

private:
    struct Face;
    std::uint16_t face_for(char32_t cp, int previous) const;
    float pixel_size_;
    float ascent_ = 0;
    std::vector<std::unique_ptr<Face>> faces_;
    void* library_ = nullptr;  // FT_Library
    void* buffer_ = nullptr;   // hb_buffer_t, reused
};

}  // namespace npt::gui
