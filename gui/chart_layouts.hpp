// chart_layouts.hpp — the three charts laid out as primitive lists (chart_scene.hpp) from the
// core's numbers: the matrix coding query heatmap (core/query/matrix_query.hpp), codings per code
// per coder as grouped bars (core/query/code_frequency.hpp) and the code saturation curve
// (core/query/code_saturation.hpp). Presentation only: every number drawn is the result's.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/query/code_frequency.hpp"
#include "core/query/code_saturation.hpp"
#include "core/query/matrix_query.hpp"
#include "gui/chart_scene.hpp"

namespace npt::gui {

// The font text runs are measured and drawn with, at its own size.
struct ChartFont {
    ImFont* font = nullptr;
    float size() const { return font->FontSize; }
    float width(const std::string& text) const;
};

// Axis ticks: a step of 1, 2 or 5 times a power of ten giving about `ticks` intervals up to a top
// of at least `max` (a multiple of the step; 1 when max is 0).
struct ChartAxis {
    std::int64_t step = 1;
    std::int64_t top = 1;
};
ChartAxis nice_axis(std::int64_t max, int ticks = 5);
// A code path's last name ("Coherence/Differentiation" -> "Differentiation"), '\/' kept as '/'.
std::string last_code_name(const std::string& path);

// Rows × columns of cells filled from heat_colour(count, largest count) with the count printed in
// each, row and column labels, a colour strip in each column's code colour, and a legend.
// `column_colours[c]` is column c's code colour; `noun` names what is counted ("coded segments").
// Hover regions: cell (r, c) is hovers[r * columns + c].
ChartScene heatmap_chart(const MatrixQueryResult& result, const std::vector<ImU32>& column_colours, const std::string& title,
                         const std::string& noun, const ChartFont& font);

// One group of horizontal bars per code (a bar per coder, in the code's colour, labelled with the
// coder and the count), and a count axis. `code_colours[r]` is row r's code colour,
// `coder_colours[k]` coder k's. Hover regions: the bar of code r, coder k is hovers[r * coders + k].
ChartScene frequency_chart(const CodeFrequency& frequency, const std::vector<ImU32>& code_colours,
                           const std::vector<ImU32>& coder_colours, const ChartFont& font, float width);

// Documents along x in order; for each, a stack of blocks (one per new code, in its code colour)
// and the cumulative count of distinct codes as a line with markers. `code_colours` maps a code
// path to its colour. Hover regions: document i's column is hovers[i].
ChartScene saturation_chart(const CodeSaturation& saturation, const std::map<std::string, ImU32>& code_colours,
                            const ChartFont& font, float width);

}  // namespace npt::gui
