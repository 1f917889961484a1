// reliability_table.cpp — CSV reliability tables to ReliabilityData: value indexing, numeric
// detection, and the scheme's categories.
#include "core/agreement/reliability_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "core/text/csv.hpp"
#include "core/error.hpp"

namespace npt::agreement {
namespace {

std::string trim(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::optional<double> as_number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    double x = 0;
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), x);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(x)) return std::nullopt;
    return x;
}

}  // namespace

ReliabilityTable parse_reliability_table(std::string_view csv_text, const std::string& source, Level level,
                                         const std::vector<std::string>& categories) {
    std::vector<csv::Row> rows;
    try {
        rows = csv::parse(csv_text);
    } catch (const FormatError& e) {
        throw FormatError(source + ": " + e.what());
    }
    for (std::size_t i = 0; i < categories.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const std::string a = trim(categories[i]), b = trim(categories[j]);
            auto x = as_number(a), y = as_number(b);
            if (a == b || (x && y && *x == *y))
                throw InputError("the categories name '" + a + "' twice (positions " + std::to_string(j + 1) + " and " +
                                 std::to_string(i + 1) + "); each category once", "categories");
        }
    if (rows.empty()) throw InputError(source + ": empty table (expected a header: unit, then one column per coder)");
    ReliabilityTable table;
    const auto& header = rows[0].fields;
    if (header.size() < 3)
        throw InputError(source + ": the header names " + std::to_string(header.size() > 0 ? header.size() - 1 : 0) +
                         " coder(s); need a unit column and at least two coder columns");
    for (std::size_t i = 1; i < header.size(); ++i) table.coders.push_back(trim(header[i]));
    const int coders = static_cast<int>(table.coders.size());

    // Cells as written (trimmed), empty = missing.
    std::vector<std::vector<std::string>> cells;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& f = rows[r].fields;
        std::string where = source + " line " + std::to_string(rows[r].line);
        if (f.size() > header.size())
            throw InputError(where + ": " + std::to_string(f.size()) + " cells, the header has " + std::to_string(header.size()));
        table.units.push_back(trim(f[0]));
        std::vector<std::string> row;
        for (int c = 0; c < coders; ++c) {
            std::size_t i = static_cast<std::size_t>(c) + 1;
            row.push_back(i < f.size() ? trim(f[i]) : std::string());
        }
        cells.push_back(std::move(row));
    }

    // Decide what each distinct cell text means: a category position, or a number.
    std::map<std::string, double> meaning;
    bool all_numeric = true;
    for (const auto& row : cells)
        for (const auto& cell : row)
            if (!cell.empty() && !as_number(cell)) all_numeric = false;
    auto category_of = [&](const std::string& cell) -> std::optional<double> {
        for (std::size_t i = 0; i < categories.size(); ++i) {
            std::string cat = trim(categories[i]);
            if (cat == cell) return static_cast<double>(i);
            auto a = as_number(cat), b = as_number(cell);
            if (a && b && *a == *b) return static_cast<double>(i);
        }
        return std::nullopt;
    };
    for (std::size_t r = 0; r < cells.size(); ++r) {
        for (const auto& cell : cells[r]) {
            if (cell.empty() || meaning.count(cell)) continue;
            std::string where = source + " line " + std::to_string(rows[r + 1].line);
            if (!categories.empty()) {
                auto pos = category_of(cell);
                if (!pos) throw InputError(where + ": value '" + cell + "' is not one of the categories given");
                bool numeric_level = level == Level::Interval || level == Level::Ratio;
                if (numeric_level && !as_number(cell))
                    throw InputError(where + ": value '" + cell + "' is not a number (needed at the " + to_string(level) + " level)");
                meaning[cell] = numeric_level ? *as_number(cell) : *pos;
            } else if (all_numeric) {
                meaning[cell] = *as_number(cell);
            } else if (level != Level::Nominal) {
                throw InputError(where + ": value '" + cell + "' is not a number; at the " + to_string(level) +
                                 " level give numbers, or the categories in rank order",
                                 "categories");
            } else {
                meaning[cell] = 0;  // labels at the nominal level: only identity matters
            }
        }
    }

    // Index distinct values in order of meaning (then text), so ranks follow values.
    std::vector<std::pair<double, std::string>> order;
    for (auto& [text, value] : meaning) order.emplace_back(value, text);
    std::sort(order.begin(), order.end());
    // Numbers written differently ("1", "1.0") and a category's spellings are one value.
    const bool by_meaning = all_numeric || !categories.empty();
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (by_meaning && !table.data.values.empty() && table.data.values.back() == order[i].first) {
            index[order[i].second] = static_cast<int>(table.data.values.size()) - 1;
            continue;
        }
        index[order[i].second] = static_cast<int>(table.data.values.size());
        table.data.values.push_back(order[i].first);
        table.data.labels.push_back(order[i].second);
    }
    table.data.coders = coders;
    table.data.categories = categories.empty() ? 0 : static_cast<int>(categories.size());
    for (const auto& row : cells) {
        UnitPattern p;
        for (const auto& cell : row) p.values.push_back(cell.empty() ? kMissing : index.at(cell));
        table.data.patterns.push_back(std::move(p));
    }
    return table;
}

}  // namespace npt::agreement
