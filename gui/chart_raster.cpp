// chart_raster.cpp — ImDrawList triangles filled on the CPU, and the PNG encoder. This file
// compiles its own private (static) copy of stb_image_write, apart from the screenshot's.
#include "gui/chart_raster.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/store/file_io.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

namespace npt::gui {
namespace {

struct Texture {
    int width = 0, height = 0;
    const unsigned int* rgba = nullptr;          // ImGui packs R in the low byte
    const unsigned char* alpha = nullptr;        // or alpha only (white glyphs)
    std::array<float, 4> texel(float u, float v) const {
        const int x = std::clamp(static_cast<int>(u * static_cast<float>(width)), 0, width - 1);
        const int y = std::clamp(static_cast<int>(v * static_cast<float>(height)), 0, height - 1);
        const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
        if (rgba) {
            const unsigned int c = rgba[i];
            return {static_cast<float>(c & 0xff), static_cast<float>((c >> 8) & 0xff), static_cast<float>((c >> 16) & 0xff),
                    static_cast<float>(c >> 24)};
        }
        return {255, 255, 255, static_cast<float>(alpha[i])};
    }
};

float edge(const ImVec2& a, const ImVec2& b, float px, float py) { return (b.x - a.x) * (py - a.y) - (b.y - a.y) * (px - a.x); }

// Of two triangles sharing an edge (seen in opposite directions), exactly one owns pixels on it.
bool owns_edge(const ImVec2& a, const ImVec2& b) { return b.y > a.y || (b.y == a.y && b.x < a.x); }

void fill_triangle(ChartImage& image, const Texture& tex, ImDrawVert v0, ImDrawVert v1, ImDrawVert v2) {
    float area = edge(v0.pos, v1.pos, v2.pos.x, v2.pos.y);
    if (area == 0) return;
    if (area < 0) {
        std::swap(v1, v2);
        area = -area;
    }
    const int x0 = std::max(0, static_cast<int>(std::floor(std::min({v0.pos.x, v1.pos.x, v2.pos.x}))));
    const int x1 = std::min(image.width - 1, static_cast<int>(std::ceil(std::max({v0.pos.x, v1.pos.x, v2.pos.x}))));
    const int y0 = std::max(0, static_cast<int>(std::floor(std::min({v0.pos.y, v1.pos.y, v2.pos.y}))));
    const int y1 = std::min(image.height - 1, static_cast<int>(std::ceil(std::max({v0.pos.y, v1.pos.y, v2.pos.y}))));
    const bool own0 = owns_edge(v1.pos, v2.pos), own1 = owns_edge(v2.pos, v0.pos), own2 = owns_edge(v0.pos, v1.pos);
    auto channel = [](ImU32 c, int shift) { return static_cast<float>((c >> shift) & 0xff); };
    for (int y = y0; y <= y1; ++y) {
        const float py = static_cast<float>(y) + 0.5f;
        for (int x = x0; x <= x1; ++x) {
            const float px = static_cast<float>(x) + 0.5f;
            const float w0 = edge(v1.pos, v2.pos, px, py), w1 = edge(v2.pos, v0.pos, px, py), w2 = edge(v0.pos, v1.pos, px, py);
            if (w0 < 0 || w1 < 0 || w2 < 0) continue;
            if ((w0 == 0 && !own0) || (w1 == 0 && !own1) || (w2 == 0 && !own2)) continue;
            const float b0 = w0 / area, b1 = w1 / area, b2 = w2 / area;
            const auto t = tex.texel(b0 * v0.uv.x + b1 * v1.uv.x + b2 * v2.uv.x, b0 * v0.uv.y + b1 * v1.uv.y + b2 * v2.uv.y);
            float src[4];
            for (int k = 0; k < 4; ++k)
                src[k] = (b0 * channel(v0.col, 8 * k) + b1 * channel(v1.col, 8 * k) + b2 * channel(v2.col, 8 * k)) * t[k] / 255.0f;
            const float alpha = src[3] / 255.0f;
            std::uint8_t* dst = &image.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(x)) * 4];
            for (int k = 0; k < 3; ++k)
                dst[k] = static_cast<std::uint8_t>(std::clamp(std::lround(src[k] * alpha + dst[k] * (1.0f - alpha)), 0L, 255L));
        }
    }
}

void append_bytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

ChartImage rasterise_chart(const ChartScene& scene, ImFont* font) {
    ImFontAtlas* atlas = font->ContainerAtlas;
    Texture tex{atlas->TexWidth, atlas->TexHeight, atlas->TexPixelsRGBA32, atlas->TexPixelsAlpha8};
    if ((!tex.rgba && !tex.alpha) || tex.width <= 0 || tex.height <= 0)
        throw Error("the chart cannot be drawn to an image: the font atlas has no pixels");
    ChartImage image;
    image.width = std::max(1, static_cast<int>(std::ceil(scene.size.x)));
    image.height = std::max(1, static_cast<int>(std::ceil(scene.size.y)));
    image.rgba.assign(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4, 255);

    ImDrawList dl(ImGui::GetDrawListSharedData());
    dl._ResetForNewFrame();
    dl.PushClipRect({0, 0}, {static_cast<float>(image.width), static_cast<float>(image.height)});
    dl.PushTextureID(atlas->TexID);
    draw_chart(scene, dl, font, {0, 0});
    for (const ImDrawCmd& cmd : dl.CmdBuffer) {
        if (cmd.UserCallback) continue;
        for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
            const ImDrawIdx* idx = dl.IdxBuffer.Data + cmd.IdxOffset + i;
            const ImDrawVert* vtx = dl.VtxBuffer.Data + cmd.VtxOffset;
            fill_triangle(image, tex, vtx[idx[0]], vtx[idx[1]], vtx[idx[2]]);
        }
    }
    return image;
}

std::string chart_png(const ChartImage& image) {
    std::string out;
    if (!stbi_write_png_to_func(append_bytes, &out, image.width, image.height, 4, image.rgba.data(), image.width * 4))
        throw Error("the chart image could not be encoded as PNG");
    return out;
}

void write_chart_png(const ChartScene& scene, ImFont* font, const std::filesystem::path& file) {
    write_file_atomic(file, chart_png(rasterise_chart(scene, font)));
}

}  // namespace npt::gui
