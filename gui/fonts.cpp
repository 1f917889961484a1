// fonts.cpp — building the ImGui font atlas: DejaVu Sans, merged fallbacks for the code points
// the project uses, and the shaped transcript glyphs as custom rectangles.
#include "gui/fonts.hpp"

#include <filesystem>
#include <string>

#include "gui/font_files.hpp"
#include "gui/glyphs.hpp"

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

namespace {

bool in_base_ranges(unsigned int c) {
    for (const ImWchar* r = transcript_glyph_ranges(); r[0]; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

}  // namespace

bool FontCoverage::add(std::string_view utf8) {
    bool added = false;
    const char* s = utf8.data();
    const char* end = s + utf8.size();
    while (s < end) {
        unsigned int c = 0;
        s += next_code_point(s, end, c);
        if (c < 0x80 || c > 0xFFFF || in_base_ranges(c)) continue;
        added |= cps_.insert(static_cast<ImWchar>(c)).second;
    }
    return added;
}

Fonts load_fonts(ImGuiIO& io, float scale, const FontCoverage* coverage, const Fonts* previous) {
    Fonts fonts;
    fonts.size = 16.0f * scale;
    if (previous && previous->shaper && previous->size == fonts.size) {
        fonts.shaper = previous->shaper;
        fonts.glyphs = previous->glyphs;
    } else {
        fonts.shaper = std::make_shared<TextShaper>(fonts.size);
        fonts.glyphs = std::make_shared<GlyphAtlas>();
    }
    fonts.merged_ranges = std::make_shared<std::vector<std::vector<ImWchar>>>();
    io.Fonts->Clear();
    const std::string dir = NPT_DEJAVU_DIR;
    const std::string regular = dir + "/DejaVuSans.ttf";
    const std::string bold = dir + "/DejaVuSans-Bold.ttf";
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    if (std::filesystem::exists(regular))
        fonts.regular = io.Fonts->AddFontFromFileTTF(regular.c_str(), fonts.size, &config, transcript_glyph_ranges());
    if (fonts.regular && coverage && !coverage->code_points().empty()) {
        // One merged font per fallback file, each asked only for the code points it has and no
        // earlier file has (stb_truetype skips what a font lacks, but reading a 19 MB CJK file
        // for nothing costs a start-up).
        std::set<ImWchar> left = coverage->code_points();
        for (std::size_t f = 0; f < fonts.shaper->face_count() && !left.empty(); ++f) {
            std::vector<ImWchar> ranges;
            for (auto it = left.begin(); it != left.end();) {
                if (fonts.shaper->has_glyph(f, *it)) {
                    if (!ranges.empty() && ranges.back() + 1 == *it) ranges.back() = *it;
                    else ranges.insert(ranges.end(), {*it, *it});
                    it = left.erase(it);
                } else {
                    ++it;
                }
            }
            if (ranges.empty()) continue;
            ranges.push_back(0);
            fonts.merged_ranges->push_back(std::move(ranges));
            ImFontConfig merge = config;
            merge.MergeMode = true;
            merge.FontNo = fonts.shaper->face_index(f);
            io.Fonts->AddFontFromFileTTF(fonts.shaper->face_path(f).c_str(), fonts.size, &merge,
                                         fonts.merged_ranges->back().data());
        }
    }
    if (fonts.regular && std::filesystem::exists(bold))
        fonts.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), fonts.size, &config, transcript_glyph_ranges());
    if (!fonts.regular) {
        ImFontConfig fallback;
        fallback.SizePixels = fonts.size;
        fonts.regular = io.Fonts->AddFontDefault(&fallback);
    }
    if (!fonts.bold) fonts.bold = fonts.regular;
    fonts.glyphs->add_rects(*io.Fonts, *fonts.shaper);
    io.Fonts->Build();
    fonts.glyphs->fill(*io.Fonts);
    return fonts;
}

}  // namespace npt::gui
