// screenshot.hpp — reading the OpenGL back buffer into a PNG file (glReadPixels + stb_image_write),
// for --screenshot and the README picture.
#pragma once
#include <filesystem>

namespace npt::gui {

// Writes the current back buffer (width x height pixels, RGB) to `path` as PNG. Throws npt::Error
// naming the file when it cannot be written.
void write_screenshot(const std::filesystem::path& path, int width, int height);

}  // namespace npt::gui
