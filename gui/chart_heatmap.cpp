// chart_heatmap.cpp — the matrix coding query as a heatmap: labelled rows and columns, a code
// colour strip over each column, the count in every cell and the scale's legend.
#include <algorithm>
#include <cmath>

#include "gui/chart_colours.hpp"
#include "gui/chart_layouts.hpp"

namespace npt::gui {

ChartScene heatmap_chart(const MatrixQueryResult& m, const std::vector<ImU32>& column_colours, const std::string& title,
                         const std::string& noun, const ChartFont& font) {
    const ImU32 ink = IM_COL32(20, 20, 20, 255), quiet = IM_COL32(90, 90, 90, 255), white = IM_COL32(255, 255, 255, 255);
    const float em = font.size();
    const float pad = std::round(em);
    ChartScene s;
    s.font_size = em;
    s.rect({0, 0}, {1, 1}, white);  // the background: resized at the end

    std::int64_t max = 0;
    for (const auto& row : m.counts)
        for (std::int64_t v : row) max = std::max(max, v);

    float label_w = font.width(m.row_label);
    for (const std::string& r : m.rows) label_w = std::max(label_w, font.width(r));
    label_w = std::round(label_w + em);
    float cell_w = std::round(em * 5);
    for (const std::string& c : m.columns) cell_w = std::max(cell_w, std::round(font.width(last_code_name(c)) + em));
    cell_w = std::max(cell_w, std::round(font.width(std::to_string(max)) + em));
    const float cell_h = std::round(em * 2.2f);
    const float strip_h = std::round(em * 0.4f);

    s.text({pad, pad}, ink, title);
    const float top = std::round(pad + em * 2);
    const float gx = pad + label_w;
    const float gy = std::round(top + strip_h + em * 1.6f);
    s.text({pad, std::round(gy - em * 1.3f)}, quiet, m.row_label);
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
        const float x = gx + cell_w * static_cast<float>(c);
        const ImU32 swatch = c < column_colours.size() ? column_colours[c] : IM_COL32(140, 140, 140, 255);
        s.rect({x + 1, top}, {x + cell_w - 1, top + strip_h}, swatch);
        const std::string name = last_code_name(m.columns[c]);
        s.text({std::round(x + (cell_w - font.width(name)) / 2), std::round(top + strip_h + em * 0.3f)}, ink, name);
    }
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        const float y = gy + cell_h * static_cast<float>(r);
        s.text({pad, std::round(y + (cell_h - em) / 2)}, ink, m.rows[r]);
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            const float x = gx + cell_w * static_cast<float>(c);
            const std::int64_t v = m.counts[r][c];
            const ImU32 fill = heat_colour(v, max);
            s.rect({x + 1, y + 1}, {x + cell_w - 1, y + cell_h - 1}, fill);
            const std::string n = std::to_string(v);
            s.text({std::round(x + (cell_w - font.width(n)) / 2), std::round(y + (cell_h - em) / 2)}, text_on(fill), n);
        }
    }
    for (std::size_t r = 0; r < m.rows.size(); ++r)
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            const float x = gx + cell_w * static_cast<float>(c), y = gy + cell_h * static_cast<float>(r);
            s.hover({x, y}, {x + cell_w, y + cell_h},
                    m.row_label + " " + m.rows[r] + "\n" + m.columns[c] + "\n" + std::to_string(m.counts[r][c]) + " " + noun);
        }
    if (m.rows.empty() || m.columns.empty())
        s.text({gx, gy}, quiet, m.columns.empty() ? "No columns: the codebook has none of these codes" : "No rows: no case has a value here");

    // Legend: the scale in nine steps from 0 to the largest count.
    const float ly = gy + cell_h * static_cast<float>(std::max<std::size_t>(m.rows.size(), 1)) + em;
    const float step_w = std::round(em * 1.8f), step_h = std::round(em * 0.9f);
    float lx = pad;
    s.text({lx, ly}, quiet, noun + ":");
    lx += std::round(font.width(noun + ":") + em * 0.6f);
    s.text({lx, ly}, ink, "0");
    lx += std::round(font.width("0") + em * 0.4f);
    for (int i = 0; i < 9; ++i) {
        const auto v = static_cast<std::int64_t>(std::llround(static_cast<double>(max) * i / 8.0));
        s.rect({lx, ly + 1}, {lx + step_w, ly + 1 + step_h}, heat_colour(max == 0 ? 0 : v, max));
        lx += step_w;
    }
    s.outline({lx - step_w * 9, ly + 1}, {lx, ly + 1 + step_h}, quiet);
    lx += std::round(em * 0.4f);
    s.text({lx, ly}, ink, std::to_string(max));
    lx += font.width(std::to_string(max));

    float width = std::max({gx + cell_w * static_cast<float>(m.columns.size()), lx, pad + font.width(title)}) + pad;
    if (m.columns.empty()) width = std::max(width, gx + font.width("No columns: the codebook has none of these codes") + pad);
    s.size = {std::round(width), std::round(ly + em * 1.2f + pad)};
    s.primitives.front().b = s.size;
    return s;
}

}  // namespace npt::gui
