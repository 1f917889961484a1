// chart_saturation.cpp — the code saturation curve: documents along x in the chosen order, a
// stack of blocks per document for the codes first applied there (one block per code, in the
// codebook's colour), and the cumulative number of distinct codes as a dark line with markers.
#include <algorithm>
#include <cmath>

#include "gui/chart_colours.hpp"
#include "gui/chart_layouts.hpp"

namespace npt::gui {

ChartScene saturation_chart(const CodeSaturation& sat, const std::map<std::string, ImU32>& code_colours,
                            const ChartFont& font, float width) {
    const ImU32 ink = IM_COL32(20, 20, 20, 255), quiet = IM_COL32(90, 90, 90, 255), grid = IM_COL32(225, 225, 225, 255),
                white = IM_COL32(255, 255, 255, 255), curve = IM_COL32(25, 25, 25, 255);
    const float em = font.size();
    const float pad = std::round(em);
    ChartScene s;
    s.font_size = em;
    s.rect({0, 0}, {1, 1}, white);

    const std::int64_t total = sat.points.empty() ? 0 : sat.points.back().codes_so_far;
    const ChartAxis axis = nice_axis(total);
    const std::string order = sat.order == "import" ? "import order" : "order of " + sat.order;
    s.text({pad, pad}, ink, "Code saturation: distinct codes so far, documents in " + order);

    const float px0 = std::round(pad + font.width(std::to_string(axis.top)) + em * 0.8f);
    const float px1 = std::max(px0 + em * 10, std::round(width - pad));
    const float py0 = std::round(pad + em * 3.2f);
    const float py1 = std::round(py0 + em * 18);
    const auto y_of = [&](std::int64_t v) {
        return std::round(py1 - (py1 - py0) * static_cast<float>(v) / static_cast<float>(axis.top));
    };
    s.text({pad, std::round(py0 - em * 1.4f)}, quiet, "codes");
    for (std::int64_t t = 0; t <= axis.top; t += axis.step) {
        const float y = y_of(t) + 0.5f;
        s.line({px0, y}, {px1, y}, t == 0 ? quiet : grid);
        const std::string label = std::to_string(t);
        s.text({std::round(px0 - em * 0.4f - font.width(label)), std::round(y - em / 2)}, ink, label);
    }

    const std::size_t n = sat.points.size();
    const float slot = n ? (px1 - px0) / static_cast<float>(n) : 0;
    const float bar_w = std::round(std::min(slot * 0.5f, em * 2.5f));
    float name_w = 0;
    for (const SaturationPoint& p : sat.points) name_w = std::max(name_w, font.width(p.document));
    const bool names_fit = name_w + em * 0.5f <= slot;
    std::vector<ImVec2> marks;
    for (std::size_t i = 0; i < n; ++i) {
        const SaturationPoint& p = sat.points[i];
        const float cx = std::round(px0 + slot * (static_cast<float>(i) + 0.5f));
        for (std::size_t k = 0; k < p.new_codes.size(); ++k) {
            auto it = code_colours.find(p.new_codes[k]);
            const ImU32 colour = it == code_colours.end() ? IM_COL32(140, 140, 140, 255) : it->second;
            const float yb = y_of(static_cast<std::int64_t>(k)), yt = y_of(static_cast<std::int64_t>(k + 1));
            s.rect({cx - bar_w / 2, yt}, {cx + bar_w / 2, yb - (k ? 1.0f : 0.0f)}, colour);
        }
        marks.push_back({cx, y_of(p.codes_so_far)});
        const std::string label = names_fit ? p.document : std::to_string(i + 1);
        s.text({std::round(cx - font.width(label) / 2), py1 + 4}, ink, label);
    }
    for (std::size_t i = 1; i < marks.size(); ++i) s.line(marks[i - 1], marks[i], curve, 2);
    const float m = std::round(em * 0.3f);
    for (const ImVec2& p : marks) s.rect({p.x - m, p.y - m}, {p.x + m, p.y + m}, curve);
    for (std::size_t i = 0; i < n; ++i) {
        const SaturationPoint& p = sat.points[i];
        std::string tip = std::to_string(i + 1) + ". " + p.document;
        if (!p.order_value.empty()) tip += " (" + sat.order + " " + p.order_value + ")";
        tip += "\n" + std::to_string(p.new_codes.size()) + (p.new_codes.size() == 1 ? " new code" : " new codes");
        for (std::size_t k = 0; k < p.new_codes.size() && k < 12; ++k) tip += (k ? ", " : ": ") + p.new_codes[k];
        if (p.new_codes.size() > 12) tip += ", ...";
        tip += "\n" + std::to_string(p.codes_so_far) + " distinct codes so far";
        const float x = px0 + slot * static_cast<float>(i);
        s.hover({x, py0}, {x + slot, py1 + em * 1.5f}, tip);
    }
    if (n == 0) s.text({px0 + em, py0 + em}, quiet, "No documents");

    const float ly = std::round(py1 + em * 1.6f);
    s.text({std::round((px0 + px1 - font.width(names_fit ? "documents" : "documents (number in order)")) / 2), ly}, quiet,
           names_fit ? "documents" : "documents (number in order)");
    // Legend.
    const float gy = std::round(ly + em * 1.6f);
    float lx = px0;
    s.rect({lx, gy + 2}, {lx + em, gy + em - 2}, IM_COL32(140, 140, 140, 255));
    lx += std::round(em * 1.4f);
    const std::string blocks = "codes first applied in the document (one block each, codebook colours)";
    s.text({lx, gy}, ink, blocks);
    lx += std::round(font.width(blocks) + em * 1.5f);
    s.line({lx, std::round(gy + em / 2)}, {lx + em * 2, std::round(gy + em / 2)}, curve, 2);
    s.rect({lx + em - m, std::round(gy + em / 2) - m}, {lx + em + m, std::round(gy + em / 2) + m}, curve);
    lx += std::round(em * 2.5f);
    s.text({lx, gy}, ink, "distinct codes so far");
    lx += font.width("distinct codes so far");
    s.size = {std::round(std::max({width, lx + pad, px1 + pad})), std::round(gy + em * 1.2f + pad)};
    s.primitives.front().b = s.size;
    return s;
}

}  // namespace npt::gui
