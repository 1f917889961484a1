// chart_raster.hpp — a chart to pixels without a GPU: the scene's primitive list is turned into
// triangles by an ImDrawList (exactly as on screen: same shapes, same glyph quads from the font
// atlas) and those triangles are filled by a small CPU rasteriser (pixel centres, a consistent
// tie rule on shared edges, nearest texel, source-over blending on white). Then PNG through
// stb_image_write. Works in the headless tests and in the real window alike.
#pragma once
#include <imgui.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "gui/chart_scene.hpp"

namespace npt::gui {

struct ChartImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // top-down rows, 4 bytes a pixel, opaque
    std::array<std::uint8_t, 4> pixel(int x, int y) const {
        const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
        return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
    }
};

// Precondition: a current ImGui context whose font atlas holding `font` is built (its pixels
// kept, as GetTexDataAsRGBA32 leaves them). Throws npt::Error when the atlas has no pixels.
ChartImage rasterise_chart(const ChartScene& scene, ImFont* font);
// The image as PNG bytes.
std::string chart_png(const ChartImage& image);
// Rasterises and writes the PNG atomically. Throws npt::Error (WriteError when the file cannot be written).
void write_chart_png(const ChartScene& scene, ImFont* font, const std::filesystem::path& file);

}  // namespace npt::gui
