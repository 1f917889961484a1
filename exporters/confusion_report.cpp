// confusion_report.cpp — JSON, CSV and text writers for the construct confusion table. The JSON
// keys are part of the public interface: keep them stable.
#include "exporters/confusion_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text/csv.hpp"

namespace npt::exporters {
namespace {

using agreement::ConfusionMatrix;

std::string label(const ConfusionMatrix& m, std::size_t i) { return i == m.not_coded() ? kNotCodedLabel : m.codes[i]; }

}  // namespace

nlohmann::json confusion_json(const ConfusionMatrix& m) {
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t x = 0; x <= m.not_coded(); ++x) {
        nlohmann::json cells = nlohmann::json::object();
        for (std::size_t y = 0; y <= m.not_coded(); ++y) cells[label(m, y)] = m.cells[x][y];
        rows.push_back({{"code", label(m, x)}, {"coded_by_a", m.coded_a[x]}, {"cells", cells}});
    }
    nlohmann::json columns = nlohmann::json::array();
    for (std::size_t y = 0; y <= m.not_coded(); ++y) columns.push_back({{"code", label(m, y)}, {"coded_by_b", m.coded_b[y]}});
    return {{"unit", "character"},   {"coder_a", m.coder_a}, {"coder_b", m.coder_b},  {"codes", m.codes},
            {"not_coded", kNotCodedLabel}, {"cells", m.cells}, {"rows", rows},        {"columns", columns},
            {"code_points", m.code_points}, {"documents", m.documents}};
}

std::string confusion_csv(const ConfusionMatrix& m) {
    std::vector<std::string> header{m.coder_a + " \\ " + m.coder_b};
    for (std::size_t y = 0; y <= m.not_coded(); ++y) header.push_back(label(m, y));
    header.push_back("coded by " + m.coder_a);
    std::string out = csv::format_row(header);
    for (std::size_t x = 0; x <= m.not_coded(); ++x) {
        std::vector<std::string> row{label(m, x)};
        for (std::size_t y = 0; y <= m.not_coded(); ++y) row.push_back(std::to_string(m.cells[x][y]));
        row.push_back(std::to_string(m.coded_a[x]));
        out += csv::format_row(row);
    }
    std::vector<std::string> last{"coded by " + m.coder_b};
    for (std::size_t y = 0; y <= m.not_coded(); ++y) last.push_back(std::to_string(m.coded_b[y]));
    last.push_back(std::to_string(m.code_points));
    out += csv::format_row(last);
    return out;
}

std::string confusion_text(const ConfusionMatrix& m) {
    std::string out = fmt::format("Construct confusion: code points {} coded (rows) against {} (columns), {} document(s), "
                                  "{} code points\n\n",
                                  m.coder_a, m.coder_b, m.documents, m.code_points);
    const std::size_t n = m.not_coded();
    for (std::size_t i = 0; i < n; ++i) out += fmt::format("  {:>3}  {}\n", i + 1, m.codes[i]);
    out += fmt::format("  {:>3}  {}\n\n", "-", kNotCodedLabel);
    int width = 7;
    for (const auto& row : m.cells)
        for (std::int64_t c : row) width = std::max(width, static_cast<int>(std::to_string(c).size()) + 1);
    out += fmt::format("{:>5}", "");
    for (std::size_t y = 0; y <= n; ++y) out += fmt::format("{:>{}}", y == n ? std::string("-") : std::to_string(y + 1), width);
    out += "\n";
    for (std::size_t x = 0; x <= n; ++x) {
        out += fmt::format("{:>5}", x == n ? std::string("-") : std::to_string(x + 1));
        for (std::size_t y = 0; y <= n; ++y) out += fmt::format("{:>{}}", m.cells[x][y], width);
        out += "\n";
    }
    // The largest off-diagonal cells between two codes, in words.
    struct Off {
        std::size_t x, y;
        std::int64_t n;
    };
    std::vector<Off> off;
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y)
            if (x != y && m.cells[x][y] > 0) off.push_back({x, y, m.cells[x][y]});
    std::stable_sort(off.begin(), off.end(), [](const Off& a, const Off& b) { return a.n > b.n; });
    if (!off.empty()) out += "\nWhere the coders used different codes (largest first):\n";
    for (std::size_t i = 0; i < off.size() && i < 10; ++i)
        out += fmt::format("  {} used {} where {} used {}: {} code points\n", m.coder_b, m.codes[off[i].y], m.coder_a,
                           m.codes[off[i].x], off[i].n);
    return out;
}

nlohmann::json confusion_passages_json(const std::vector<agreement::ConfusionPassage>& passages) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : passages)
        out.push_back({{"doc", p.document}, {"start", p.start}, {"end", p.end}, {"speaker", p.speaker}, {"text", p.text}});
    return out;
}

}  // namespace npt::exporters
