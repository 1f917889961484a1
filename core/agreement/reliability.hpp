// reliability.hpp — inter-coder reliability statistics over a units x coders table of values:
// percent agreement, Cohen's kappa, Scott's pi, Fleiss' kappa, Krippendorff's alpha (nominal,
// ordinal, interval, ratio; coincidence-matrix method), Brennan–Prediger's free-marginal kappa,
// the counts behind them, and a seeded bootstrap interval for alpha. Pure functions: no project,
// no I/O. Formulas and sources are in docs/agreement.md.
//
// The table is given compressed as patterns: each distinct row of values (one slot per coder) with
// the number of units that have it. A table read from a file has one pattern per unit; character-
// level agreement has at most 2^coders patterns however many code points there are, so the cost
// of every statistic grows with the number of patterns, never with the number of units.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace npt::agreement {

// The measurement level of the values, which picks Krippendorff's difference function.
enum class Level { Nominal, Ordinal, Interval, Ratio };
const char* to_string(Level level);
Level level_from_string(const std::string& name);  // throws InputError naming the level

// A coder who gave no value for a unit.
inline constexpr int kMissing = -1;

// One distinct row of the table: values[i] is coder i's value (an index into
// ReliabilityData::values) or kMissing; `units` is how many units have exactly this row.
struct UnitPattern {
    std::vector<int> values;
    std::int64_t units = 1;
};

struct ReliabilityData {
    int coders = 0;
    // The value behind each index. Ordinal ranks values by this number; interval and ratio take
    // differences of it. Nominal statistics only compare indices.
    std::vector<double> values;
    // Names of the values for reports (labels, or numbers as written); may be empty.
    std::vector<std::string> labels;
    std::vector<UnitPattern> patterns;
    // q, the number of categories in the scheme, for Brennan–Prediger's chance term 1/q.
    // 0 means "the number of values in `values`".
    int categories = 0;
};

struct ReliabilityOptions {
    Level level = Level::Nominal;
    int bootstrap = 0;       // replicates for the alpha interval; 0 = no interval
    std::uint64_t seed = 1;  // the bootstrap's random seed (same seed, same interval)
};

// What the statistics are made of. Pairs are ordered-pair-free: a unit with m values has
// m(m-1)/2 pairs.
struct ReliabilityCounts {
    std::int64_t units = 0;              // all units (rows), with or without values
    std::int64_t pairable_units = 0;     // units with at least two values
    std::int64_t complete_units = 0;     // units every coder gave a value (Fleiss uses these)
    std::int64_t pairable_values = 0;    // n: values in pairable units (Krippendorff's n..)
    std::int64_t pairs = 0;              // coder pairs over pairable units
    std::int64_t agreeing_pairs = 0;     // pairs with equal values
    int categories = 0;                  // q used by Brennan–Prediger
    // Coincidence matrix o[c][k] (Krippendorff 2011), values x values; rows sum to n_c.
    std::vector<std::vector<double>> coincidences;
};

// Every statistic; std::nullopt where it is undefined (fewer than two pairable values, chance
// agreement 1, no variation) or does not apply (Cohen and Scott need exactly two coders).
struct ReliabilityResult {
    std::optional<double> percent_agreement;   // agreeing pairs / pairs, in [0, 1] (pooled over pairs)
    // ReCal's "average pairwise percent agreement": for each pair of coders, agreeing units /
    // units both coded; then the mean over the pairs that share a unit. pairwise[k] is pair k in
    // the order (0,1), (0,2), ..., (1,2), ... (nullopt for a pair with no unit in common).
    std::optional<double> pairwise_percent_agreement;
    std::vector<std::optional<double>> pairwise;
    std::optional<double> cohen_kappa;         // 2 coders, units both coded
    std::optional<double> scott_pi;            // 2 coders, units both coded
    std::optional<double> fleiss_kappa;        // 2+ coders, complete units
    std::optional<double> krippendorff_alpha;  // any coders, missing values allowed, at `level`
    std::optional<double> brennan_prediger;    // (p_o - 1/q) / (1 - 1/q)
    std::optional<double> alpha_ci_low;        // 95% bootstrap interval (percentile), when asked
    std::optional<double> alpha_ci_high;
    int bootstrap_replicates = 0;              // replicates in which alpha was defined
    ReliabilityCounts counts;
};

// Computes every statistic. Throws InputError when a pattern's width differs from `coders`, a
// value index is out of range, a unit count is negative, or interval/ratio values are not finite
// (ratio also needs values >= 0).
ReliabilityResult compute_reliability(const ReliabilityData& data, const ReliabilityOptions& options = {});

// Krippendorff's difference function delta^2 between values c and k (indices) at `level`, given
// the values and their pairable totals n_g (needed by ordinal).
double squared_difference(Level level, const std::vector<double>& values, const std::vector<double>& totals, int c,
                          int k);

}  // namespace npt::agreement
