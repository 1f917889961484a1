// chart_bars.cpp — codings per code per coder as grouped horizontal bars: a group per code (its
// name and colour swatch), a bar per coder in the code's colour with a dark outline (so pale codes
// still print), the coder's name and the count beside each bar, and a count axis with grid lines.
#include <algorithm>
#include <cmath>

#include "gui/chart_colours.hpp"
#include "gui/chart_layouts.hpp"

namespace npt::gui {

ChartScene frequency_chart(const CodeFrequency& f, const std::vector<ImU32>& code_colours,
                           const std::vector<ImU32>& coder_colours, const ChartFont& font, float width) {
    const ImU32 ink = IM_COL32(20, 20, 20, 255), quiet = IM_COL32(90, 90, 90, 255), grid = IM_COL32(225, 225, 225, 255),
                edge = IM_COL32(60, 60, 60, 255), white = IM_COL32(255, 255, 255, 255);
    const float em = font.size();
    const float pad = std::round(em);
    ChartScene s;
    s.font_size = em;
    s.rect({0, 0}, {1, 1}, white);

    std::int64_t max = 0;
    for (const auto& row : f.counts)
        for (std::int64_t v : row) max = std::max(max, v);
    const ChartAxis axis = nice_axis(max);

    float code_w = 0, coder_w = 0;
    for (const std::string& c : f.codes) code_w = std::max(code_w, font.width(c));
    for (const std::string& k : f.coders) coder_w = std::max(coder_w, font.width(k));
    const float swatch = std::round(em * 0.8f);
    const float x_code = pad + swatch + std::round(em * 0.4f);
    const float x_coder = std::round(x_code + code_w + em);
    const float px0 = std::round(x_coder + swatch + em * 0.4f + coder_w + em * 0.6f);
    const float px1 = std::max(px0 + em * 8, std::round(width - pad - font.width(std::to_string(max)) - em * 0.6f));
    const float bar_h = std::round(em * 1.3f), bar_gap = 2, group_gap = std::round(em * 0.7f);
    const auto x_of = [&](std::int64_t v) {
        return std::round(px0 + (px1 - px0) * static_cast<float>(v) / static_cast<float>(axis.top));
    };

    s.text({pad, pad}, ink, "Codings per code and coder");
    const float top = std::round(pad + em * 2);
    const float group_h = static_cast<float>(f.coders.size()) * (bar_h + bar_gap) - bar_gap;
    const float bottom = top + static_cast<float>(f.codes.size()) * (group_h + group_gap);

    for (std::int64_t t = 0; t <= axis.top; t += axis.step) s.line({x_of(t) + 0.5f, top}, {x_of(t) + 0.5f, bottom}, grid);
    for (std::size_t r = 0; r < f.codes.size(); ++r) {
        const float gy = top + static_cast<float>(r) * (group_h + group_gap);
        const ImU32 colour = r < code_colours.size() ? code_colours[r] : IM_COL32(140, 140, 140, 255);
        const float cy = std::round(gy + (group_h - em) / 2);
        s.rect({pad, cy + 1}, {pad + swatch, cy + 1 + swatch}, colour);
        s.outline({pad, cy + 1}, {pad + swatch, cy + 1 + swatch}, edge);
        s.text({x_code, cy}, ink, f.codes[r]);
        for (std::size_t k = 0; k < f.coders.size(); ++k) {
            const float y = gy + static_cast<float>(k) * (bar_h + bar_gap);
            const float ty = std::round(y + (bar_h - em) / 2);
            const ImU32 coder_colour = k < coder_colours.size() ? coder_colours[k] : IM_COL32(140, 140, 140, 255);
            const float sy = std::round(y + (bar_h - swatch) / 2);
            s.rect({x_coder, sy}, {x_coder + swatch, sy + swatch}, coder_colour);
            s.text({x_coder + swatch + std::round(em * 0.4f), ty}, quiet, f.coders[k]);
            const std::int64_t v = f.counts[r][k];
            const float x = x_of(v);
            if (v > 0) {
                s.rect({px0, y}, {x, y + bar_h}, colour);
                s.outline({px0, y}, {x, y + bar_h}, edge);
            }
            s.text({x + std::round(em * 0.4f), ty}, ink, std::to_string(v));
        }
    }
    for (std::size_t r = 0; r < f.codes.size(); ++r)
        for (std::size_t k = 0; k < f.coders.size(); ++k) {
            const float y = top + static_cast<float>(r) * (group_h + group_gap) + static_cast<float>(k) * (bar_h + bar_gap);
            const std::int64_t v = f.counts[r][k];
            s.hover({pad, y}, {std::max(x_of(v), px0) + em * 3, y + bar_h},
                    f.codes[r] + "\n" + f.coders[k] + ": " + std::to_string(v) + (v == 1 ? " coding" : " codings"));
        }
    if (f.codes.empty() || f.coders.empty()) s.text({pad, top}, quiet, "Nothing to chart: no codes or no coders");

    // The count axis.
    s.line({px0, bottom}, {px1, bottom}, quiet);
    for (std::int64_t t = 0; t <= axis.top; t += axis.step) {
        const std::string label = std::to_string(t);
        s.line({x_of(t) + 0.5f, bottom}, {x_of(t) + 0.5f, bottom + 4}, quiet);
        s.text({std::round(x_of(t) - font.width(label) / 2), bottom + 5}, ink, label);
    }
    const std::string title = "codings";
    s.text({std::round((px0 + px1 - font.width(title)) / 2), std::round(bottom + 5 + em * 1.3f)}, quiet, title);
    s.size = {std::round(std::max(width, px1 + font.width(std::to_string(max)) + em * 0.6f + pad)), std::round(bottom + 5 + em * 2.6f + pad)};
    s.primitives.front().b = s.size;
    return s;
}

}  // namespace npt::gui
