// code_frequency_test.cpp — codings per code per coder against counts taken here from the random
// study's ground truth: every code, chosen codes and coders in the asked order, descendants, the
// used-only filter and the CSV.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/query/code_frequency.hpp"
#include "core/random_study.hpp"

namespace npt {
namespace {

std::int64_t brute(const test::RandomStudy& s, const std::vector<std::string>& codes, const std::string& coder) {
    std::int64_t n = 0;
    for (const auto& c : s.codings)
        if (c.coder == coder && std::find(codes.begin(), codes.end(), c.code) != codes.end()) ++n;
    return n;
}

TEST(CodeFrequency, EveryCodeAndCoderMatchesTheCodingsStored) {
    test::TempDir dir;
    Project p = Project::create(dir / "f.nptq", "Frequency");
    auto study = test::make_random_study(p, 99, 5, 120, 90);
    const CodeFrequency f = code_frequency(p);
    EXPECT_EQ(f.codes, study.codes);
    EXPECT_EQ(f.coders, study.coders);
    ASSERT_EQ(f.counts.size(), study.codes.size());
    std::int64_t total = 0;
    for (std::size_t r = 0; r < f.codes.size(); ++r)
        for (std::size_t k = 0; k < f.coders.size(); ++k) {
            EXPECT_EQ(f.counts[r][k], brute(study, {f.codes[r]}, f.coders[k])) << f.codes[r] << " " << f.coders[k];
            total += f.counts[r][k];
        }
    EXPECT_EQ(total, static_cast<std::int64_t>(study.codings.size()));
}

TEST(CodeFrequency, ChosenCodesAndCodersInOrderWithDescendants) {
    test::TempDir dir;
    Project p = Project::create(dir / "f.nptq", "Frequency");
    auto study = test::make_random_study(p, 7, 5, 120, 90);
    CodeFrequencyOptions o;
    o.codes = {"B", "A"};
    o.coders = {"K2", "K1"};
    o.include_descendants = true;
    const CodeFrequency f = code_frequency(p, o);
    EXPECT_EQ(f.codes, o.codes);
    EXPECT_EQ(f.coders, o.coders);
    for (std::size_t r = 0; r < 2; ++r)
        for (std::size_t k = 0; k < 2; ++k)
            EXPECT_EQ(f.counts[r][k], brute(study, study.with_descendants(o.codes[r]), o.coders[k]));
    o.include_descendants = false;
    const CodeFrequency own = code_frequency(p, o);
    for (std::size_t k = 0; k < 2; ++k) EXPECT_EQ(own.counts[1][k], brute(study, {"A"}, o.coders[k]));
}

TEST(CodeFrequency, UsedOnlyLeavesOutCodesNobodyApplied) {
    test::TempDir dir;
    Project p = Project::create(dir / "f.nptq", "Frequency");
    test::make_random_study(p, 11, 3, 80, 20);
    p.action("codes", [&] { ensure_code(p, "Unused"); });
    CodeFrequencyOptions o;
    EXPECT_EQ(code_frequency(p, o).codes.back(), "Unused");
    o.used_only = true;
    const CodeFrequency f = code_frequency(p, o);
    for (std::size_t r = 0; r < f.codes.size(); ++r) {
        EXPECT_NE(f.codes[r], "Unused");
        EXPECT_GT(f.counts[r][0] + f.counts[r][1], 0);
    }
}

TEST(CodeFrequency, CsvAndUnknownNames) {
    test::TempDir dir;
    Project p = Project::create(dir / "f.nptq", "Frequency");
    auto study = test::make_random_study(p, 5, 3, 80, 30);
    CodeFrequencyOptions o;
    o.codes = {"C"};
    const CodeFrequency f = code_frequency(p, o);
    EXPECT_EQ(code_frequency_csv(f), "code,K1,K2\r\nC," + std::to_string(brute(study, {"C"}, "K1")) + "," +
                                         std::to_string(brute(study, {"C"}, "K2")) + "\r\n");
    o.codes = {"Nope"};
    EXPECT_THROW(code_frequency(p, o), NotFoundError);
    o.codes = {};
    o.coders = {"Nobody"};
    EXPECT_THROW(code_frequency(p, o), NotFoundError);
}

}  // namespace
}  // namespace npt
