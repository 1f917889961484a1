// chart_colours.cpp — the sequential scale (ColorBrewer's 9-class Blues, interpolated) and helpers.
#include "gui/chart_colours.hpp"

#include <algorithm>
#include <cmath>

namespace npt::gui {
namespace {

// ColorBrewer "Blues" (Brewer, colorbrewer2.org), lightest first: luminance decreases at each stop.
constexpr int kStops[9][3] = {{247, 251, 255}, {222, 235, 247}, {198, 219, 239}, {158, 202, 225}, {107, 174, 214},
                              {66, 146, 198},  {33, 113, 181},  {8, 81, 156},    {8, 48, 107}};

float linear(float c) {
    c /= 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

}  // namespace

ImU32 heat_colour(std::int64_t value, std::int64_t max) {
    const double t = max <= 0 ? 0.0 : std::clamp(static_cast<double>(value) / static_cast<double>(max), 0.0, 1.0);
    const double at = t * 8.0;
    const int i = std::min(7, static_cast<int>(at));
    const double f = at - i;
    int rgb[3];
    for (int k = 0; k < 3; ++k) rgb[k] = static_cast<int>(std::lround(kStops[i][k] + (kStops[i + 1][k] - kStops[i][k]) * f));
    return IM_COL32(rgb[0], rgb[1], rgb[2], 255);
}

float luminance(ImU32 c) {
    const float r = linear(static_cast<float>(c & 0xff)), g = linear(static_cast<float>((c >> 8) & 0xff)),
                b = linear(static_cast<float>((c >> 16) & 0xff));
    return 0.2126f * r + 0.7152f * g + 0.0722f * b;
}

ImU32 text_on(ImU32 fill) { return luminance(fill) > 0.18f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255); }

ImU32 chart_colour(const std::string& hex, ImU32 fallback) {
    if (hex.size() != 7 || hex[0] != '#') return fallback;
    unsigned int v = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = hex[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
        else return fallback;
    }
    return IM_COL32((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, 255);
}

}  // namespace npt::gui
