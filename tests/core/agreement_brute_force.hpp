// agreement_brute_force.hpp — independent reference computations for the agreement tests: every
// statistic computed over explicit units and explicit value pairs (no patterns, no coincidence
// matrix), so the production code is checked against a second, plainly written derivation.
#pragma once
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include "core/agreement/reliability.hpp"

namespace npt::agreement::brute {

using Table = std::vector<std::vector<int>>;  // units x coders, value index or kMissing

inline double brute_delta2(Level level, const std::vector<double>& values, const std::vector<double>& n_g, int c, int k) {
    double a = values[static_cast<std::size_t>(c)], b = values[static_cast<std::size_t>(k)];
    if (level == Level::Nominal) return c == k ? 0 : 1;
    if (level == Level::Interval) return (a - b) * (a - b);
    if (level == Level::Ratio) return a + b == 0 ? 0 : std::pow((a - b) / (a + b), 2);
    if (c == k) return 0;
    // Ordinal: ranks between the two values, inclusive, minus half of each end.
    double lo = std::min(a, b), hi = std::max(a, b), s = 0;
    for (std::size_t g = 0; g < values.size(); ++g)
        if (values[g] >= lo && values[g] <= hi) s += n_g[g];
    s -= (n_g[static_cast<std::size_t>(c)] + n_g[static_cast<std::size_t>(k)]) / 2;
    return s * s;
}

// alpha = 1 - D_o / D_e, with D_o the mean within-unit difference over pairable values and D_e the
// mean difference over all pairs of pairable values (Krippendorff's definition, no matrix).
inline std::optional<double> brute_alpha(const Table& t, const std::vector<double>& values, Level level) {
    std::vector<std::vector<int>> units;
    std::vector<int> all;
    for (auto& row : t) {
        std::vector<int> u;
        for (int x : row)
            if (x != kMissing) u.push_back(x);
        if (u.size() >= 2) {
            units.push_back(u);
            all.insert(all.end(), u.begin(), u.end());
        }
    }
    double n = static_cast<double>(all.size());
    if (n < 2) return std::nullopt;
    std::vector<double> n_g(values.size(), 0);
    for (int x : all) n_g[static_cast<std::size_t>(x)] += 1;
    double d_o = 0;
    for (auto& u : units)
        for (std::size_t i = 0; i < u.size(); ++i)
            for (std::size_t j = 0; j < u.size(); ++j)
                if (i != j) d_o += brute_delta2(level, values, n_g, u[i], u[j]) / static_cast<double>(u.size() - 1);
    d_o /= n;
    double d_e = 0;
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = 0; j < all.size(); ++j)
            if (i != j) d_e += brute_delta2(level, values, n_g, all[i], all[j]);
    d_e /= n * (n - 1);
    if (d_e == 0) return std::nullopt;
    return 1 - d_o / d_e;
}

struct Brute {
    std::optional<double> pa, cohen, scott, fleiss, bp;
};

inline Brute brute_nominal(const Table& t, int coders, int q) {
    Brute b;
    double pairs = 0, agree = 0;
    for (auto& row : t)
        for (int i = 0; i < coders; ++i)
            for (int j = i + 1; j < coders; ++j)
                if (row[static_cast<std::size_t>(i)] != kMissing && row[static_cast<std::size_t>(j)] != kMissing) {
                    pairs += 1;
                    agree += row[static_cast<std::size_t>(i)] == row[static_cast<std::size_t>(j)];
                }
    if (pairs > 0) {
        b.pa = agree / pairs;
        if (q >= 2) b.bp = (*b.pa - 1.0 / q) / (1 - 1.0 / q);
    }
    auto corrected = [](double po, double pe) -> std::optional<double> {
        if (std::abs(1 - pe) < 1e-12) return std::nullopt;
        return (po - pe) / (1 - pe);
    };
    if (coders == 2) {
        std::map<int, double> a, c;
        double n = 0, same = 0;
        for (auto& row : t)
            if (row[0] != kMissing && row[1] != kMissing) {
                n += 1;
                same += row[0] == row[1];
                a[row[0]] += 1;
                c[row[1]] += 1;
            }
        if (n > 0) {
            double pe_c = 0, pe_s = 0;
            for (int v = 0; v < 16; ++v) {
                pe_c += (a[v] / n) * (c[v] / n);
                pe_s += std::pow((a[v] + c[v]) / (2 * n), 2);
            }
            b.cohen = corrected(same / n, pe_c);
            b.scott = corrected(same / n, pe_s);
        }
    }
    // Fleiss over complete units: P_i = agreeing ordered pairs / (n (n - 1)).
    double units = 0, p_sum = 0;
    std::map<int, double> totals;
    for (auto& row : t) {
        bool complete = true;
        for (int x : row) complete = complete && x != kMissing;
        if (!complete) continue;
        units += 1;
        double agreeing = 0;
        for (int i = 0; i < coders; ++i) {
            totals[row[static_cast<std::size_t>(i)]] += 1;
            for (int j = 0; j < coders; ++j)
                if (i != j && row[static_cast<std::size_t>(i)] == row[static_cast<std::size_t>(j)]) agreeing += 1;
        }
        p_sum += agreeing / (coders * (coders - 1.0));
    }
    if (units > 0) {
        double pe = 0;
        for (auto& [v, n] : totals) pe += std::pow(n / (units * coders), 2);
        b.fleiss = corrected(p_sum / units, pe);
    }
    return b;
}

inline void expect_same(const std::optional<double>& got, const std::optional<double>& want, const char* what, int trial) {
    ASSERT_EQ(got.has_value(), want.has_value()) << what << " trial " << trial;
    if (want) {
        EXPECT_NEAR(*got, *want, 1e-9) << what << " trial " << trial;
    }
}

}  // namespace npt::agreement::brute
