// chart_scene.cpp — drawing a chart's primitive list with ImDrawList, and finding what is hovered.
#include "gui/chart_scene.hpp"

namespace npt::gui {

void draw_chart(const ChartScene& scene, ImDrawList& dl, ImFont* font, ImVec2 origin) {
    auto at = [&](ImVec2 p) { return ImVec2{origin.x + p.x, origin.y + p.y}; };
    for (const ChartPrimitive& p : scene.primitives) {
        switch (p.kind) {
        case ChartPrimitive::Kind::Rect: dl.AddRectFilled(at(p.a), at(p.b), p.colour); break;
        case ChartPrimitive::Kind::Outline: dl.AddRect(at(p.a), at(p.b), p.colour, 0, 0, p.thickness); break;
        case ChartPrimitive::Kind::Line: dl.AddLine(at(p.a), at(p.b), p.colour, p.thickness); break;
        case ChartPrimitive::Kind::Text:
            dl.AddText(font, scene.font_size, at(p.a), p.colour, p.text.data(), p.text.data() + p.text.size());
            break;
        }
    }
}

const ChartHover* chart_hover_at(const ChartScene& scene, ImVec2 point) {
    for (auto it = scene.hovers.rbegin(); it != scene.hovers.rend(); ++it)
        if (point.x >= it->min.x && point.x < it->max.x && point.y >= it->min.y && point.y < it->max.y) return &*it;
    return nullptr;
}

}  // namespace npt::gui
