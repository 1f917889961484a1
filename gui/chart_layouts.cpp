// chart_layouts.cpp — what the three chart layouts share: text measurement, axis ticks, code names.
#include "gui/chart_layouts.hpp"

#include <cfloat>

namespace npt::gui {

float ChartFont::width(const std::string& text) const {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

ChartAxis nice_axis(std::int64_t max, int ticks) {
    if (max <= 0) return {1, 1};
    const double raw = static_cast<double>(max) / ticks;
    std::int64_t magnitude = 1;
    while (static_cast<double>(magnitude) * 10 <= raw) magnitude *= 10;
    std::int64_t step = magnitude;
    for (std::int64_t m : {1, 2, 5, 10})
        if (static_cast<double>(m * magnitude) >= raw) {
            step = m * magnitude;
            break;
        }
    const std::int64_t top = (max + step - 1) / step * step;
    return {step, top};
}

std::string last_code_name(const std::string& path) {
    std::size_t cut = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '\\' && i + 1 < path.size()) ++i;
        else if (path[i] == '/') cut = i + 1;
    }
    std::string name;
    for (std::size_t i = cut; i < path.size(); ++i) {
        if (path[i] == '\\' && i + 1 < path.size() && path[i + 1] == '/') continue;
        name += path[i];
    }
    return name;
}

}  // namespace npt::gui
