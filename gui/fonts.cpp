// fonts.cpp — loading DejaVu Sans into the ImGui font atlas.
#include "gui/fonts.hpp"

#include <filesystem>
#include <string>

namespace npt::gui {

const ImWchar* transcript_glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
        0x0100, 0x024F,  // Latin Extended-A and -B
        0x0250, 0x02FF,  // IPA extensions, spacing modifier letters
        0x0300, 0x036F,  // combining diacritical marks
        0x0370, 0x03FF,  // Greek and Coptic
        0x0400, 0x052F,  // Cyrillic and Cyrillic Supplement
        0x1E00, 0x1EFF,  // Latin Extended Additional
        0x2000, 0x206F,  // general punctuation (dashes, quotes, ellipsis)
        0x20A0, 0x20CF,  // currency symbols
        0x2190, 0x21FF,  // arrows
        0x2500, 0x25FF,  // box drawing, geometric shapes
        0xFFFD, 0xFFFD,  // replacement character
        0,
    };
    return ranges;
}

Fonts load_fonts(ImGuiIO& io, float scale) {
    Fonts fonts;
    fonts.size = 16.0f * scale;
    io.Fonts->Clear();
    const std::string dir = NPT_DEJAVU_DIR;
    const std::string regular = dir + "/DejaVuSans.ttf";
    const std::string bold = dir + "/DejaVuSans-Bold.ttf";
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    if (std::filesystem::exists(regular))
        fonts.regular = io.Fonts->AddFontFromFileTTF(regular.c_str(), fonts.size, &config, transcript_glyph_ranges());
    if (fonts.regular && std::filesystem::exists(bold))
        fonts.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), fonts.size, &config, transcript_glyph_ranges());
    if (!fonts.regular) {
        ImFontConfig fallback;
        fallback.SizePixels = fonts.size;
        fonts.regular = io.Fonts->AddFontDefault(&fallback);
    }
    if (!fonts.bold) fonts.bold = fonts.regular;
    io.Fonts->Build();
    return fonts;
}

}  // namespace npt::gui
