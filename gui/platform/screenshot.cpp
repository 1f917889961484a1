// screenshot.cpp — glReadPixels of the back buffer, flipped to top-down rows, saved as PNG. The
// one translation unit that compiles stb_image_write's implementation.
#include "gui/platform/screenshot.hpp"

#include <GL/gl.h>

#include <algorithm>
#include <vector>

#include "core/error.hpp"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

namespace npt::gui {

void write_screenshot(const std::filesystem::path& path, int width, int height) {
    if (width <= 0 || height <= 0) throw Error(path.string() + ": nothing to capture (window is empty)");
    const auto row = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> pixels(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(height - 1 - y)), row,
                    flipped.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)));
    if (!stbi_write_png(path.string().c_str(), width, height, 3, flipped.data(), static_cast<int>(row)))
        throw Error(path.string() + ": cannot write the screenshot PNG");
}

}  // namespace npt::gui
