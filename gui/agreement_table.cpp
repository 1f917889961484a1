// agreement_table.cpp — formatting an AgreementReport into the agreement view's rows, placing codes
// in the codebook tree, and the sort and fold order of the rows drawn.
#include "gui/agreement_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>

namespace npt::gui {
namespace {

using agreement::AgreementReport;
using agreement::AgreementRow;
using agreement::Unit;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Cell {
    std::string text;
    double key;
};

Cell stat(const std::optional<double>& x) { return {format_statistic(x), x ? *x : kNaN}; }
Cell count(std::int64_t n) { return {std::to_string(n), static_cast<double>(n)}; }
Cell at(const std::vector<std::int64_t>& v, std::size_t i) { return i < v.size() ? count(v[i]) : Cell{"—", kNaN}; }

// Units coded by all coders, by none, and by some but not all (the HTML report's split).
struct Presence {
    std::int64_t all = 0, none = 0, disputed = 0;
};
Presence presence(const AgreementRow& row) {
    Presence p;
    if (row.units_by_coders.empty()) return p;
    const std::size_t full = row.units_by_coders.size() - 1;
    p.none = row.units_by_coders[0];
    p.all = row.units_by_coders[full];
    for (std::size_t m = 1; m < full; ++m) p.disputed += row.units_by_coders[m];
    return p;
}

std::vector<AgreementColumn> columns_for(const AgreementReport& report, bool bootstrap) {
    std::vector<AgreementColumn> c{
        {"Agreement", "Percent agreement: agreeing coder pairs / all coder pairs"},
        {"Cohen's κ", "Cohen (1960): (p_o - p_e) / (1 - p_e), each coder's own marginals; two coders only"},
        {"Scott's π", "Scott (1955): pooled marginals; two coders only"},
        {"Fleiss' κ", "Fleiss (1971): two or more coders, units every coder judged"},
        {"Krippendorff's α", "Krippendorff (2011), nominal: 1 - D_o / D_e from the coincidence matrix"},
    };
    if (bootstrap) c.push_back({"α 95% CI", "Percentile bootstrap interval for alpha (replicates and seed as chosen)"});
    c.push_back({"Brennan-Prediger", "Brennan & Prediger (1981): (p_o - 1/q) / (1 - 1/q)"});
    if (report.unit == Unit::Segment) {
        c.push_back({"Segments", "Every compared coder's segments of the code"});
        c.push_back({"Agreeing", "Segments with a partner of the same code overlapping by at least the threshold"});
        for (const std::string& coder : report.coders)
            c.push_back({coder + ": segments", coder + "'s segments (agreeing in the next column)"});
        for (const std::string& coder : report.coders)
            c.push_back({coder + ": agreeing", coder + "'s segments that found a partner"});
    } else {
        const char* unit = report.unit == Unit::Character ? "code points" : "documents";
        c.push_back({"Units", std::string("All units (") + unit + ") in scope for the code"});
        c.push_back({"Pairs", "Coder pairs over pairable units"});
        c.push_back({"Coded by all", "Units every compared coder coded"});
        c.push_back({"Disputed", "Units some but not all coders coded"});
        c.push_back({"Coded by none", "Units no compared coder coded"});
        for (const std::string& coder : report.coders) c.push_back({coder, std::string("Units ") + coder + " coded"});
    }
    return c;
}

AgreementTableRow make_row(const AgreementRow& row, const AgreementReport& report, bool bootstrap) {
    const agreement::ReliabilityResult& r = row.stats;
    std::vector<Cell> cells{stat(r.percent_agreement), stat(r.cohen_kappa), stat(r.scott_pi), stat(r.fleiss_kappa),
                            stat(r.krippendorff_alpha)};
    if (bootstrap) {
        if (r.alpha_ci_low && r.alpha_ci_high)
            cells.push_back({"[" + format_statistic(r.alpha_ci_low) + ", " + format_statistic(r.alpha_ci_high) + "]",
                             *r.alpha_ci_low});
        else
            cells.push_back({"—", kNaN});
    }
    cells.push_back(stat(r.brennan_prediger));
    if (report.unit == Unit::Segment) {
        cells.push_back(count(row.segments.segments));
        cells.push_back(count(row.segments.agreeing_segments));
        for (std::size_t i = 0; i < report.coders.size(); ++i) cells.push_back(at(row.segments.segments_by_coder, i));
        for (std::size_t i = 0; i < report.coders.size(); ++i) cells.push_back(at(row.segments.agreeing_by_coder, i));
    } else {
        const Presence p = presence(row);
        cells.push_back(count(r.counts.units));
        cells.push_back(count(r.counts.pairs));
        cells.push_back(count(p.all));
        cells.push_back(count(p.disputed));
        cells.push_back(count(p.none));
        for (std::size_t i = 0; i < report.coders.size(); ++i) cells.push_back(at(row.coded_units, i));
    }
    AgreementTableRow out;
    out.label = row.name;
    for (Cell& c : cells) {
        out.cells.push_back(std::move(c.text));
        out.keys.push_back(c.key);
    }
    out.band = alpha_band(r.krippendorff_alpha);
    return out;
}

}  // namespace

AlphaBand alpha_band(const std::optional<double>& alpha) {
    if (!alpha) return AlphaBand::Undefined;
    if (*alpha >= 0.800) return AlphaBand::Reliable;
    if (*alpha >= 0.667) return AlphaBand::Tentative;
    return AlphaBand::Unreliable;
}

const char* band_name(AlphaBand band) {
    switch (band) {
    case AlphaBand::Reliable: return "α >= .800: reliable";
    case AlphaBand::Tentative: return ".667 <= α < .800: tentative conclusions only";
    case AlphaBand::Unreliable: return "α < .667: unreliable";
    case AlphaBand::Undefined: return "α undefined (no variation, or too few values)";
    }
    return "";
}

std::string format_statistic(const std::optional<double>& x) {
    if (!x) return "—";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", *x);
    return buffer;
}

int AgreementTable::column(const std::string& header) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].header == header) return static_cast<int>(i);
    return -1;
}

AgreementTable make_agreement_table(const AgreementReport& report, const std::vector<Code>& codebook, bool bootstrap) {
    AgreementTable table;
    table.columns = columns_for(report, bootstrap);
    std::map<std::string, const AgreementRow*> reported;
    for (const AgreementRow& row : report.codes) reported[row.name] = &row;
    std::map<CodeId, const Code*> by_id;
    std::map<std::string, const Code*> by_path;
    for (const Code& c : codebook) by_id[c.id] = &c, by_path[c.path] = &c;

    // The codes to show: every reported code and every construct above one.
    std::set<CodeId> wanted;
    for (const AgreementRow& row : report.codes) {
        auto it = by_path.find(row.name);
        for (const Code* c = it == by_path.end() ? nullptr : it->second; c;) {
            if (!wanted.insert(c->id).second) break;
            auto parent = c->parent_id ? by_id.find(*c->parent_id) : by_id.end();
            c = parent == by_id.end() ? nullptr : parent->second;
        }
    }
    std::map<CodeId, int> index_of;
    const std::size_t blank_cells = table.columns.size();
    for (const Code& c : codebook) {  // tree order: parents before children
        if (!wanted.count(c.id)) continue;
        AgreementTableRow row;
        if (auto r = reported.find(c.path); r != reported.end()) {
            row = make_row(*r->second, report, bootstrap);
            reported.erase(r);
        } else {
            row.heading = true;
            row.cells.assign(blank_cells, "");
            row.keys.assign(blank_cells, kNaN);
        }
        row.label = c.name;
        row.path = c.path;
        if (c.parent_id) {
            if (auto p = index_of.find(*c.parent_id); p != index_of.end()) {
                row.parent = p->second;
                row.depth = table.codes[static_cast<std::size_t>(p->second)].depth + 1;
                table.codes[static_cast<std::size_t>(p->second)].has_children = true;
            }
        }
        index_of[c.id] = static_cast<int>(table.codes.size());
        table.codes.push_back(std::move(row));
    }
    // Reported codes the codebook no longer has (renamed since the run): at the top level.
    for (const AgreementRow& row : report.codes) {
        if (!reported.count(row.name)) continue;
        AgreementTableRow r = make_row(row, report, bootstrap);
        r.path = row.name;
        table.codes.push_back(std::move(r));
    }
    table.overall = make_row(report.overall, report, bootstrap);
    table.overall.label = "Overall";
    for (const AgreementRow& row : report.documents) table.documents.push_back(make_row(row, report, bootstrap));
    return table;
}

std::vector<int> visible_code_rows(const AgreementTable& table, int sort_column, bool ascending,
                                   const std::set<std::string>& closed) {
    std::map<int, std::vector<int>> children;  // parent index (-1: top) -> rows in tree order
    for (std::size_t i = 0; i < table.codes.size(); ++i) children[table.codes[i].parent].push_back(static_cast<int>(i));
    if (sort_column >= 0)
        for (auto& [parent, rows] : children)
            std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
                const auto& ka = table.codes[static_cast<std::size_t>(a)].keys;
                const auto& kb = table.codes[static_cast<std::size_t>(b)].keys;
                const std::size_t c = static_cast<std::size_t>(sort_column);
                const double x = c < ka.size() ? ka[c] : kNaN, y = c < kb.size() ? kb[c] : kNaN;
                if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
                return ascending ? x < y : x > y;
            });
    std::vector<int> out;
    std::function<void(int)> walk = [&](int parent) {
        auto it = children.find(parent);
        if (it == children.end()) return;
        for (int row : it->second) {
            out.push_back(row);
            if (!closed.count(table.codes[static_cast<std::size_t>(row)].path)) walk(row);
        }
    };
    walk(-1);
    return out;
}

}  // namespace npt::gui
