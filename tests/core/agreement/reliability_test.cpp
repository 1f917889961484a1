// reliability_test.cpp — reliability statistics against published worked examples
// (Krippendorff 2011 at four levels, the 10 x 14 x 5 Fleiss table, a 2 x 2 Cohen table) and against
// independent brute-force computations over explicit units on random seeded tables.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "core/agreement/reliability.hpp"
#include "core/agreement/reliability_table.hpp"
#include "core/error.hpp"
#include "core/agreement_brute_force.hpp"

namespace npt::agreement {
namespace {
using namespace brute;

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12
// units with missing values (empty cells).
const char* kKrippendorff2011 =
    "unit,A,B,C,D\n"
    "1,1,1,,1\n"
    "2,2,2,3,2\n"
    "3,3,3,3,3\n"
    "4,3,3,3,3\n"
    "5,2,2,2,2\n"
    "6,1,2,3,4\n"
    "7,4,4,4,4\n"
    "8,1,1,2,1\n"
    "9,2,2,2,2\n"
    "10,,5,5,5\n"
    "11,,,1,1\n"
    "12,,3,,\n";

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

TEST(AgreementReliability, Krippendorff2011ExampleAtFourLevels) {
    std::map<Level, double> expected = {
        {Level::Nominal, 0.743}, {Level::Ordinal, 0.815}, {Level::Interval, 0.849}, {Level::Ratio, 0.797}};
    for (auto [level, alpha] : expected) {
        ReliabilityTable t = parse_reliability_table(kKrippendorff2011, "k2011.csv", level);
        ReliabilityResult r = compute_reliability(t.data, {level});
        ASSERT_TRUE(r.krippendorff_alpha) << to_string(level);
        EXPECT_DOUBLE_EQ(round3(*r.krippendorff_alpha), alpha) << to_string(level) << " " << *r.krippendorff_alpha;
        EXPECT_EQ(r.counts.pairable_values, 40);  // n.. = 40 in the paper
        EXPECT_EQ(r.counts.units, 12);
        EXPECT_EQ(r.counts.pairable_units, 11);  // unit 12 has one value
    }
}

TEST(AgreementReliability, Krippendorff2011CoincidenceMatrixMatchesThePaper) {
    ReliabilityTable t = parse_reliability_table(kKrippendorff2011, "k2011.csv", Level::Nominal);
    ReliabilityResult r = compute_reliability(t.data);
    // Row totals n_c of the paper's coincidence matrix for values 1..5: 9, 13, 10, 5, 3.
    std::vector<double> totals = {9, 13, 10, 5, 3};
    ASSERT_EQ(r.counts.coincidences.size(), 5u);
    for (std::size_t c = 0; c < 5; ++c) {
        double sum = 0;
        for (double x : r.counts.coincidences[c]) sum += x;
        EXPECT_NEAR(sum, totals[c], 1e-12) << "value " << c + 1;
    }
    EXPECT_NEAR(r.counts.coincidences[0][0], 7.0, 1e-12);
    EXPECT_NEAR(r.counts.coincidences[1][2], 4.0 / 3.0, 1e-12);
}

// The widely reproduced Fleiss' kappa example: 10 subjects, 14 raters, 5 categories; each row gives
// how many raters chose each category. Expected kappa 0.210.
TEST(AgreementReliability, FleissTenByFourteenByFiveTable) {
    const int rows[10][5] = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                             {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
    std::string csv = "subject";
    for (int r = 1; r <= 14; ++r) csv += ",r" + std::to_string(r);
    csv += "\n";
    for (int s = 0; s < 10; ++s) {
        csv += std::to_string(s + 1);
        for (int cat = 0; cat < 5; ++cat)
            for (int k = 0; k < rows[s][cat]; ++k) csv += "," + std::string(1, static_cast<char>('a' + cat));
        csv += "\n";
    }
    ReliabilityTable t = parse_reliability_table(csv, "fleiss.csv", Level::Nominal, {"a", "b", "c", "d", "e"});
    ReliabilityResult r = compute_reliability(t.data);
    ASSERT_TRUE(r.fleiss_kappa);
    EXPECT_DOUBLE_EQ(round3(*r.fleiss_kappa), 0.210) << *r.fleiss_kappa;
    EXPECT_EQ(r.counts.complete_units, 10);
    EXPECT_FALSE(r.cohen_kappa);  // 14 coders: Cohen and Scott do not apply
    EXPECT_FALSE(r.scott_pi);
    // P-bar = 0.378 in the worked example; percent agreement is the same mean pairwise agreement.
    EXPECT_DOUBLE_EQ(round3(*r.percent_agreement), 0.378);
    EXPECT_EQ(r.counts.categories, 5);
}

// A classic 2 x 2 table: 50 items, both yes 20, A yes / B no 5, A no / B yes 10, both no 15.
// p_o = 0.70, Cohen p_e = 0.50, kappa = 0.400; Scott p_e = 0.505, pi = 0.394; BP (q = 2) = 0.400.
TEST(AgreementReliability, CohenTwoByTwoExample) {
    ReliabilityData d;
    d.coders = 2;
    d.values = {0, 1};
    d.patterns = {{{1, 1}, 20}, {{1, 0}, 5}, {{0, 1}, 10}, {{0, 0}, 15}};
    ReliabilityResult r = compute_reliability(d);
    EXPECT_DOUBLE_EQ(round3(*r.percent_agreement), 0.700);
    EXPECT_DOUBLE_EQ(round3(*r.cohen_kappa), 0.400);
    EXPECT_DOUBLE_EQ(round3(*r.scott_pi), 0.394);
    EXPECT_DOUBLE_EQ(round3(*r.fleiss_kappa), 0.394);  // Fleiss with two raters is Scott's pi
    EXPECT_DOUBLE_EQ(round3(*r.brennan_prediger), 0.400);
    // alpha = 1 - (n-1) * (o_01 + o_10) / (2 n_0 n_1) with n = 100, n_0 = 45, n_1 = 55, o_01 = o_10 = 15.
    EXPECT_NEAR(*r.krippendorff_alpha, 1.0 - 99.0 * 30.0 / (2.0 * 45 * 55), 1e-12);
}

TEST(AgreementReliability, NoVariationIsNullNotOne) {
    ReliabilityData d;
    d.coders = 2;
    d.values = {0, 1};
    d.patterns = {{{1, 1}, 30}};
    ReliabilityResult r = compute_reliability(d, {Level::Nominal, 50, 3});
    EXPECT_DOUBLE_EQ(*r.percent_agreement, 1.0);
    EXPECT_FALSE(r.cohen_kappa);
    EXPECT_FALSE(r.scott_pi);
    EXPECT_FALSE(r.fleiss_kappa);
    EXPECT_FALSE(r.krippendorff_alpha);
    EXPECT_FALSE(r.alpha_ci_low);
    EXPECT_DOUBLE_EQ(*r.brennan_prediger, 1.0);  // q = 2 fixed: chance is 1/2, still defined
}

TEST(AgreementReliability, EmptyTableHasNoStatistics) {
    ReliabilityData d;
    d.coders = 3;
    d.values = {0, 1};
    ReliabilityResult r = compute_reliability(d);
    EXPECT_FALSE(r.percent_agreement);
    EXPECT_FALSE(r.krippendorff_alpha);
    EXPECT_FALSE(r.brennan_prediger);
    EXPECT_EQ(r.counts.units, 0);
}

TEST(AgreementReliability, BadInputIsRefused) {
    ReliabilityData d;
    d.coders = 2;
    d.values = {0, 1};
    d.patterns = {{{0, 1, 1}, 1}};
    EXPECT_THROW(compute_reliability(d), InputError);
    d.patterns = {{{0, 7}, 1}};
    EXPECT_THROW(compute_reliability(d), InputError);
    d.values = {-1, 2};
    d.patterns = {{{0, 1}, 1}};
    EXPECT_THROW(compute_reliability(d, {Level::Ratio}), InputError);
    EXPECT_THROW(level_from_string("cardinal"), InputError);
}

TEST(AgreementReliability, TableParsingRules) {
    // Labels at the interval level need numbers.
    EXPECT_THROW(parse_reliability_table("u,A,B\n1,x,y\n", "t.csv", Level::Interval), InputError);
    // Ordinal labels need --categories for their order.
    EXPECT_THROW(parse_reliability_table("u,A,B\n1,low,high\n", "t.csv", Level::Ordinal), InputError);
    auto t = parse_reliability_table("u,A,B\n1,high,low\n2,low,low\n", "t.csv", Level::Ordinal, {"low", "mid", "high"});
    EXPECT_EQ(t.data.values, (std::vector<double>{0, 2}));
    EXPECT_EQ(t.data.categories, 3);
    // A value outside the categories names the file and line.
    try {
        parse_reliability_table("u,A,B\n1,a,b\n2,a,z\n", "t.csv", Level::Nominal, {"a", "b"});
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("t.csv line 3"), std::string::npos) << e.what();
    }
    // "1" and "1.0" are one value.
    auto n = parse_reliability_table("u,A,B\n1,1,1.0\n2,2,1\n", "t.csv", Level::Nominal);
    EXPECT_EQ(n.data.values.size(), 2u);
    EXPECT_EQ(n.data.patterns[0].values[0], n.data.patterns[0].values[1]);
    EXPECT_THROW(parse_reliability_table("u,A\n1,1\n", "t.csv", Level::Nominal), InputError);
}

TEST(AgreementReliability, EveryStatisticMatchesBruteForceOnRandomTables) {
    std::mt19937_64 rng(20240611);
    for (int trial = 0; trial < 200; ++trial) {
        int coders = 2 + static_cast<int>(rng() % 4);
        int units = 1 + static_cast<int>(rng() % 40);
        int v = 1 + static_cast<int>(rng() % 5);
        double missing = (rng() % 3) * 0.15;
        std::uniform_real_distribution<double> unit01(0, 1);
        ReliabilityData d;
        d.coders = coders;
        for (int i = 0; i < v; ++i) d.values.push_back(static_cast<double>(i * i + 1));  // unequal spacing
        Table t;
        for (int u = 0; u < units; ++u) {
            std::vector<int> row;
            for (int c = 0; c < coders; ++c)
                row.push_back(unit01(rng) < missing ? kMissing : static_cast<int>(rng() % static_cast<unsigned>(v)));
            t.push_back(row);
            d.patterns.push_back({row, 1});
        }
        for (Level level : {Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio}) {
            ReliabilityResult r = compute_reliability(d, {level});
            expect_same(r.krippendorff_alpha, brute_alpha(t, d.values, level), to_string(level), trial);
        }
        ReliabilityResult r = compute_reliability(d);
        Brute b = brute_nominal(t, coders, v);
        expect_same(r.percent_agreement, b.pa, "percent", trial);
        expect_same(r.cohen_kappa, b.cohen, "cohen", trial);
        expect_same(r.scott_pi, b.scott, "scott", trial);
        expect_same(r.fleiss_kappa, b.fleiss, "fleiss", trial);
        expect_same(r.brennan_prediger, b.bp, "brennan-prediger", trial);
    }
}

TEST(AgreementReliability, WeightedPatternsEqualRepeatedUnits) {
    ReliabilityData grouped, spread;
    grouped.coders = spread.coders = 3;
    grouped.values = spread.values = {0, 1, 2};
    grouped.patterns = {{{0, 0, 1}, 4}, {{2, 2, 2}, 3}, {{1, kMissing, 1}, 2}};
    for (auto& p : grouped.patterns)
        for (int i = 0; i < p.units; ++i) spread.patterns.push_back({p.values, 1});
    for (Level level : {Level::Nominal, Level::Interval}) {
        auto a = compute_reliability(grouped, {level}), b = compute_reliability(spread, {level});
        EXPECT_NEAR(*a.krippendorff_alpha, *b.krippendorff_alpha, 1e-12);
        EXPECT_NEAR(*a.fleiss_kappa, *b.fleiss_kappa, 1e-12);
        EXPECT_EQ(a.counts.pairs, b.counts.pairs);
    }
}

TEST(AgreementReliability, BootstrapIntervalIsSeededAndBracketsAlpha) {
    ReliabilityTable t = parse_reliability_table(kKrippendorff2011, "k2011.csv", Level::Nominal);
    ReliabilityResult a = compute_reliability(t.data, {Level::Nominal, 2000, 7});
    ReliabilityResult b = compute_reliability(t.data, {Level::Nominal, 2000, 7});
    ReliabilityResult c = compute_reliability(t.data, {Level::Nominal, 2000, 8});
    ASSERT_TRUE(a.alpha_ci_low && a.alpha_ci_high);
    EXPECT_EQ(*a.alpha_ci_low, *b.alpha_ci_low);
    EXPECT_EQ(*a.alpha_ci_high, *b.alpha_ci_high);
    EXPECT_NE(*a.alpha_ci_low, *c.alpha_ci_low);
    EXPECT_LT(*a.alpha_ci_low, *a.krippendorff_alpha);
    EXPECT_GT(*a.alpha_ci_high, *a.krippendorff_alpha);
    EXPECT_LE(*a.alpha_ci_high, 1.0);
    EXPECT_GT(a.bootstrap_replicates, 1900);
}

TEST(AgreementReliability, BootstrapOverManyUnitsIsNarrow) {
    // 100,000 units in four patterns: the multinomial resampling never visits units one by one.
    ReliabilityData d;
    d.coders = 2;
    d.values = {0, 1};
    d.patterns = {{{1, 1}, 40000}, {{1, 0}, 10000}, {{0, 1}, 10000}, {{0, 0}, 40000}};
    ReliabilityResult r = compute_reliability(d, {Level::Nominal, 500, 11});
    ASSERT_TRUE(r.alpha_ci_low);
    EXPECT_NEAR(*r.krippendorff_alpha, 0.6, 1e-4);
    EXPECT_GT(*r.alpha_ci_low, 0.59);
    EXPECT_LT(*r.alpha_ci_high, 0.61);
}


// Issue 13: ReCal averages the pairs' percent agreements; nptcoder pools pairs. Both are offered.
TEST(AgreementReliability, PairwisePercentAgreementAsReCal) {
    auto t = parse_reliability_table("u,A,B,C\n1,1,1,1\n2,1,2,\n3,2,2,\n4,1,,2\n", "t.csv", Level::Nominal);
    ReliabilityResult r = compute_reliability(t.data, {});
    EXPECT_DOUBLE_EQ(*r.percent_agreement, 4.0 / 6.0);  // pooled: 4 of 6 pairs of judgements
    ASSERT_EQ(r.pairwise.size(), 3u);
    EXPECT_DOUBLE_EQ(*r.pairwise[0], 2.0 / 3.0);  // A-B over units 1, 2, 3
    EXPECT_DOUBLE_EQ(*r.pairwise[1], 1.0 / 2.0);  // A-C over units 1, 4
    EXPECT_DOUBLE_EQ(*r.pairwise[2], 1.0);        // B-C over unit 1
    EXPECT_DOUBLE_EQ(*r.pairwise_percent_agreement, (2.0 / 3.0 + 0.5 + 1.0) / 3.0);
    // Complete data: the two forms agree.
    auto full = parse_reliability_table("u,A,B,C\n1,1,1,2\n2,2,2,2\n3,1,2,1\n", "t.csv", Level::Nominal);
    ReliabilityResult f = compute_reliability(full.data, {});
    EXPECT_NEAR(*f.percent_agreement, *f.pairwise_percent_agreement, 1e-12);
}

// Issue 13: `--categories a,a,b` made q = 3 and inflated Brennan-Prediger.
TEST(AgreementReliability, RepeatedCategoriesAreRefused) {
    EXPECT_THROW(parse_reliability_table("u,A,B\n1,a,b\n", "t.csv", Level::Nominal, {"a", "a", "b"}), InputError);
    EXPECT_THROW(parse_reliability_table("u,A,B\n1,1,2\n", "t.csv", Level::Nominal, {"1", "1.0", "2"}), InputError);
    EXPECT_NO_THROW(parse_reliability_table("u,A,B\n1,a,b\n", "t.csv", Level::Nominal, {"a", "b"}));
}

}  // namespace
}  // namespace npt::agreement
