// reliability.cpp — the statistics of reliability.hpp, computed from unit patterns. Each formula
// is written as in its source (docs/agreement.md): Cohen 1960, Scott 1955, Fleiss 1971,
// Krippendorff 2011 (coincidence matrix), Brennan & Prediger 1981, and a unit bootstrap of alpha.
#include "core/agreement/reliability.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "core/error.hpp"

namespace npt::agreement {
namespace {

// Chance agreement this close to 1 means "no variation": the statistic is undefined.
constexpr double kNoVariation = 1e-12;

std::optional<double> chance_corrected(double observed, double chance) {
    if (1.0 - chance < kNoVariation) return std::nullopt;
    return (observed - chance) / (1.0 - chance);
}

void validate(const ReliabilityData& data, Level level) {
    if (data.coders < 1) throw InputError("reliability data: need at least one coder");
    const int v = static_cast<int>(data.values.size());
    for (const UnitPattern& p : data.patterns) {
        if (static_cast<int>(p.values.size()) != data.coders)
            throw InputError("reliability data: a unit has " + std::to_string(p.values.size()) + " values for " +
                             std::to_string(data.coders) + " coders");
        if (p.units < 0) throw InputError("reliability data: a negative unit count");
        for (int x : p.values)
            if (x != kMissing && (x < 0 || x >= v))
                throw InputError("reliability data: value index " + std::to_string(x) + " is out of range");
    }
    if (level == Level::Nominal) return;
    for (double x : data.values) {
        if (!std::isfinite(x)) throw InputError(std::string("reliability data: a value is not a number (") + to_string(level) + " level)");
        if (level == Level::Ratio && x < 0)
            throw InputError("reliability data: ratio values must be zero or positive (found " + std::to_string(x) + ")");
    }
}

// Values per unit: how many coders gave each value (sparse; a unit has few distinct values).
struct UnitTally {
    int m = 0;                                   // values in the unit
    std::vector<std::pair<int, int>> per_value;  // (value index, coders who gave it)
};

UnitTally tally(const UnitPattern& p) {
    UnitTally t;
    for (int x : p.values) {
        if (x == kMissing) continue;
        ++t.m;
        auto it = std::find_if(t.per_value.begin(), t.per_value.end(), [x](auto& e) { return e.first == x; });
        if (it == t.per_value.end()) t.per_value.emplace_back(x, 1);
        else ++it->second;
    }
    return t;
}

using Matrix = std::vector<std::vector<double>>;

// Adds `weight` units of this tally to the coincidence matrix: o_ck += n_uc (n_uk - [c=k]) / (m_u - 1).
void add_coincidences(Matrix& o, const UnitTally& t, double weight) {
    if (t.m < 2) return;
    for (auto [c, nc] : t.per_value)
        for (auto [k, nk] : t.per_value)
            o[static_cast<std::size_t>(c)][static_cast<std::size_t>(k)] +=
                weight * nc * (nk - (c == k ? 1 : 0)) / static_cast<double>(t.m - 1);
}

// alpha = 1 - (n - 1) * sum_ck o_ck d2_ck / sum_ck n_c n_k d2_ck (Krippendorff 2011, eq. for D_o/D_e).
std::optional<double> alpha_from(const Matrix& o, Level level, const std::vector<double>& values) {
    const std::size_t v = o.size();
    std::vector<double> totals(v, 0.0);
    double n = 0;
    for (std::size_t c = 0; c < v; ++c) {
        for (std::size_t k = 0; k < v; ++k) totals[c] += o[c][k];
        n += totals[c];
    }
    if (n < 2) return std::nullopt;
    double observed = 0, expected = 0;
    for (std::size_t c = 0; c < v; ++c) {
        if (totals[c] == 0) continue;
        for (std::size_t k = 0; k < v; ++k) {
            if (totals[k] == 0 || c == k) continue;
            double d2 = squared_difference(level, values, totals, static_cast<int>(c), static_cast<int>(k));
            observed += o[c][k] * d2;
            expected += totals[c] * totals[k] * d2;
        }
    }
    if (expected <= 0) return std::nullopt;
    return 1.0 - (n - 1) * observed / expected;
}

// Draws how many of `total` resampled units fall on each pattern (a multinomial with the
// patterns' shares), by successive conditional binomials: O(patterns) per replicate.
std::vector<std::int64_t> resample_units(const std::vector<UnitPattern>& patterns, std::int64_t total,
                                         std::mt19937_64& rng) {
    std::vector<std::int64_t> drawn(patterns.size(), 0);
    std::int64_t remaining = total;
    double rest = static_cast<double>(total);
    for (std::size_t i = 0; i < patterns.size() && remaining > 0; ++i) {
        double share = rest > 0 ? static_cast<double>(patterns[i].units) / rest : 1.0;
        std::int64_t x = remaining;
        if (share < 1.0) x = std::binomial_distribution<std::int64_t>(remaining, std::max(0.0, share))(rng);
        drawn[i] = x;
        remaining -= x;
        rest -= static_cast<double>(patterns[i].units);
    }
    return drawn;
}

double percentile(const std::vector<double>& sorted, double q) {
    double pos = q * static_cast<double>(sorted.size() - 1);
    std::size_t lo = static_cast<std::size_t>(std::floor(pos));
    std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}

}  // namespace

const char* to_string(Level level) {
    switch (level) {
        case Level::Nominal: return "nominal";
        case Level::Ordinal: return "ordinal";
        case Level::Interval: return "interval";
        case Level::Ratio: return "ratio";
    }
    return "nominal";
}

Level level_from_string(const std::string& name) {
    for (Level l : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio})
        if (name == to_string(l)) return l;
    throw InputError("unknown level '" + name + "' (use nominal, ordinal, interval or ratio)");
}

double squared_difference(Level level, const std::vector<double>& values, const std::vector<double>& totals, int c,
                          int k) {
    if (c == k) return 0.0;
    const double vc = values[static_cast<std::size_t>(c)], vk = values[static_cast<std::size_t>(k)];
    switch (level) {
        case Level::Nominal: return 1.0;
        case Level::Ordinal: {
            // (sum of n_g for ranks g from c to k, inclusive) - (n_c + n_k) / 2, squared.
            const double lo = std::min(vc, vk), hi = std::max(vc, vk);
            double between = 0;
            for (std::size_t g = 0; g < values.size(); ++g)
                if (values[g] >= lo && values[g] <= hi) between += totals[g];
            double d = between - (totals[static_cast<std::size_t>(c)] + totals[static_cast<std::size_t>(k)]) / 2.0;
            return d * d;
        }
        case Level::Interval: return (vc - vk) * (vc - vk);
        case Level::Ratio: {
            if (vc + vk == 0) return 0.0;
            double d = (vc - vk) / (vc + vk);
            return d * d;
        }
    }
    return 1.0;
}

// ReCal's pairwise percent agreement: each pair of coders over the units both of them coded.
static void pairwise_agreement(const ReliabilityData& data, ReliabilityResult& r) {
    double sum = 0;
    int defined = 0;
    for (int a = 0; a < data.coders; ++a)
        for (int b = a + 1; b < data.coders; ++b) {
            std::int64_t both = 0, agree = 0;
            for (const UnitPattern& p : data.patterns) {
                int x = p.values[static_cast<std::size_t>(a)], y = p.values[static_cast<std::size_t>(b)];
                if (x == kMissing || y == kMissing) continue;
                both += p.units;
                if (x == y) agree += p.units;
            }
            if (both == 0) {
                r.pairwise.push_back(std::nullopt);
                continue;
            }
            double pa = static_cast<double>(agree) / static_cast<double>(both);
            r.pairwise.push_back(pa);
            sum += pa;
            ++defined;
        }
    if (defined > 0) r.pairwise_percent_agreement = sum / defined;
}

ReliabilityResult compute_reliability(const ReliabilityData& data, const ReliabilityOptions& options) {
    validate(data, options.level);
    const std::size_t v = data.values.size();
    ReliabilityResult r;
    ReliabilityCounts& n = r.counts;
    n.coincidences.assign(v, std::vector<double>(v, 0.0));

    // Cohen / Scott: the two coders' joint table over units both coded.
    std::vector<double> first(v, 0), second(v, 0);
    double both = 0, both_agree = 0;
    // Fleiss: complete units; sum over units of sum_j n_ij^2 and the category totals.
    double fleiss_sq = 0;
    std::vector<double> fleiss_totals(v, 0);

    std::vector<UnitTally> tallies;
    tallies.reserve(data.patterns.size());
    for (const UnitPattern& p : data.patterns) {
        tallies.push_back(tally(p));
        const UnitTally& t = tallies.back();
        const std::int64_t w = p.units;
        n.units += w;
        if (t.m >= 2) {
            n.pairable_units += w;
            n.pairable_values += w * t.m;
            n.pairs += w * t.m * (t.m - 1) / 2;
            for (auto [c, nc] : t.per_value) n.agreeing_pairs += w * nc * (nc - 1) / 2;
            add_coincidences(n.coincidences, t, static_cast<double>(w));
        }
        if (t.m == data.coders && data.coders >= 2) {
            n.complete_units += w;
            for (auto [c, nc] : t.per_value) {
                fleiss_sq += static_cast<double>(w) * nc * nc;
                fleiss_totals[static_cast<std::size_t>(c)] += static_cast<double>(w) * nc;
            }
        }
        if (data.coders == 2 && t.m == 2) {
            both += static_cast<double>(w);
            first[static_cast<std::size_t>(p.values[0])] += static_cast<double>(w);
            second[static_cast<std::size_t>(p.values[1])] += static_cast<double>(w);
            if (p.values[0] == p.values[1]) both_agree += static_cast<double>(w);
        }
    }

    if (n.pairs > 0) r.percent_agreement = static_cast<double>(n.agreeing_pairs) / static_cast<double>(n.pairs);
    pairwise_agreement(data, r);

    if (data.coders == 2 && both > 0) {
        double po = both_agree / both, pe_cohen = 0, pe_scott = 0;
        for (std::size_t k = 0; k < v; ++k) {
            pe_cohen += (first[k] / both) * (second[k] / both);
            double joint = (first[k] + second[k]) / (2 * both);
            pe_scott += joint * joint;
        }
        r.cohen_kappa = chance_corrected(po, pe_cohen);
        r.scott_pi = chance_corrected(po, pe_scott);
    }

    if (n.complete_units > 0) {
        const double units = static_cast<double>(n.complete_units), raters = data.coders;
        double p_bar = (fleiss_sq - units * raters) / (units * raters * (raters - 1));
        double pe = 0;
        for (double t : fleiss_totals) pe += (t / (units * raters)) * (t / (units * raters));
        r.fleiss_kappa = chance_corrected(p_bar, pe);
    }

    r.krippendorff_alpha = alpha_from(n.coincidences, options.level, data.values);

    n.categories = data.categories > 0 ? data.categories : static_cast<int>(v);
    if (r.percent_agreement && n.categories >= 2)
        r.brennan_prediger = chance_corrected(*r.percent_agreement, 1.0 / n.categories);

    if (options.bootstrap > 0 && r.krippendorff_alpha && n.units > 0) {
        std::mt19937_64 rng(options.seed);
        std::vector<double> alphas;
        alphas.reserve(static_cast<std::size_t>(options.bootstrap));
        for (int b = 0; b < options.bootstrap; ++b) {
            std::vector<std::int64_t> drawn = resample_units(data.patterns, n.units, rng);
            Matrix o(v, std::vector<double>(v, 0.0));
            for (std::size_t i = 0; i < tallies.size(); ++i)
                if (drawn[i] > 0) add_coincidences(o, tallies[i], static_cast<double>(drawn[i]));
            if (auto a = alpha_from(o, options.level, data.values)) alphas.push_back(*a);
        }
        r.bootstrap_replicates = static_cast<int>(alphas.size());
        if (!alphas.empty()) {
            std::sort(alphas.begin(), alphas.end());
            r.alpha_ci_low = percentile(alphas, 0.025);
            r.alpha_ci_high = percentile(alphas, 0.975);
        }
    }
    return r;
}

}  // namespace npt::agreement
