// chart_colours.hpp — the charts' colours: the heatmap's single-hue sequential scale (light to
// dark blue, luminance falling monotonically, so it reads in grey print), the text colour that
// stays legible on a fill, and the codebook's "#rrggbb" colours as ImU32.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>

namespace npt::gui {

// The scale's colour for `value` out of `max` (0 = lightest; max = darkest; max 0 gives the lightest).
ImU32 heat_colour(std::int64_t value, std::int64_t max);
// Relative luminance (0 black .. 1 white) of an opaque colour, sRGB (WCAG's formula).
float luminance(ImU32 colour);
// Black or white, whichever reads better on `fill`.
ImU32 text_on(ImU32 fill);
// "#4e79a7" as an opaque ImU32; `fallback` for an empty or malformed colour.
ImU32 chart_colour(const std::string& hex, ImU32 fallback = IM_COL32(140, 140, 140, 255));

}  // namespace npt::gui
