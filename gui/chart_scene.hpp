// chart_scene.hpp — a chart as a list of drawing primitives (filled rectangles, outlines, lines,
// text runs) in chart coordinates (pixels from the top-left corner) plus the hover regions that
// say what each mark means. Built once from the core's numbers (chart_layouts.hpp), then drawn on
// screen with an ImDrawList (draw_chart) and rasterised for PNG export (chart_raster.hpp) from the
// same list, so the file shows what the window shows.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace npt::gui {

struct ChartPrimitive {
    enum class Kind { Rect, Outline, Line, Text };
    Kind kind = Kind::Rect;
    ImVec2 a, b;          // rectangle corners, line ends, or the text's top-left (a)
    ImU32 colour = 0;
    float thickness = 1;  // outline and line width
    std::string text;
};

// A region of the chart and the exact value(s) it stands for, shown as a tooltip on hover.
struct ChartHover {
    ImVec2 min, max;
    std::string text;
};

struct ChartScene {
    ImVec2 size;            // the whole chart, background included
    float font_size = 13;   // the size text runs are drawn at (the font's own size: no scaling)
    std::vector<ChartPrimitive> primitives;  // in drawing order
    std::vector<ChartHover> hovers;

    void rect(ImVec2 min, ImVec2 max, ImU32 colour) { primitives.push_back({ChartPrimitive::Kind::Rect, min, max, colour, 1, {}}); }
    void outline(ImVec2 min, ImVec2 max, ImU32 colour, float thickness = 1) {
        primitives.push_back({ChartPrimitive::Kind::Outline, min, max, colour, thickness, {}});
    }
    void line(ImVec2 from, ImVec2 to, ImU32 colour, float thickness = 1) {
        primitives.push_back({ChartPrimitive::Kind::Line, from, to, colour, thickness, {}});
    }
    void text(ImVec2 top_left, ImU32 colour, std::string run) {
        primitives.push_back({ChartPrimitive::Kind::Text, top_left, {}, colour, 1, std::move(run)});
    }
    void hover(ImVec2 min, ImVec2 max, std::string what) { hovers.push_back({min, max, std::move(what)}); }
};

// Draws `scene` with its top-left corner at `origin` (screen coordinates), text in `font`.
void draw_chart(const ChartScene& scene, ImDrawList& draw_list, ImFont* font, ImVec2 origin);
// The hover region under `point` (chart coordinates), the last added when several overlap;
// nullptr when none.
const ChartHover* chart_hover_at(const ChartScene& scene, ImVec2 point);

}  // namespace npt::gui
