// font_files.hpp — the font files the workbench draws with, all from Debian 12 packages
// (scripts/install-deps): fonts-dejavu-core, fonts-noto-core, fonts-noto-cjk, fonts-symbola.
// The transcript shapes with all of them (text_shaper); the widgets' ImGui atlas merges the
// fallbacks for the code points the open project uses (fonts). Missing files are skipped.
#pragma once

namespace npt::gui {

enum class FontRole { Primary, Fallback, Arabic, Hebrew, Devanagari, Cjk, Emoji };

struct FontFile {
    const char* path;
    int index;  // face index in a collection (.ttc)
    FontRole role;
};

// In fallback order: the first face that has a glyph for a code point draws it.
inline constexpr FontFile kFontFiles[] = {
    {NPT_DEJAVU_DIR "/DejaVuSans.ttf", 0, FontRole::Primary},
    {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", 0, FontRole::Fallback},
    {"/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf", 0, FontRole::Arabic},
    {"/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf", 0, FontRole::Hebrew},
    {"/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf", 0, FontRole::Devanagari},
    {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, FontRole::Cjk},  // face 2: Noto Sans CJK SC
    {"/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", 0, FontRole::Emoji},
};

}  // namespace npt::gui
