// cooccurrence_test.cpp — code co-occurrence against brute force over every pair of segments.
#include <gtest/gtest.h>

#include "core/query/cooccurrence.hpp"
#include "core/random_study.hpp"

namespace npt {
namespace {

std::vector<std::vector<std::int64_t>> brute(const test::RandomStudy& s, const std::vector<std::string>& codes,
                                             const std::string& coder, const std::string& group = "") {
    std::vector<std::vector<std::int64_t>> m(codes.size(), std::vector<std::int64_t>(codes.size(), 0));
    auto index = [&](const std::string& c) { return static_cast<std::size_t>(std::find(codes.begin(), codes.end(), c) - codes.begin()); };
    auto in = [&](const test::StoredCoding& c) {
        if (!coder.empty() && c.coder != coder) return false;
        if (!group.empty() && s.case_values.at(s.documents[c.doc].case_name).at("group") != group) return false;
        return index(c.code) < codes.size();
    };
    for (std::size_t x = 0; x < s.codings.size(); ++x) {
        const auto& a = s.codings[x];
        if (!in(a)) continue;
        ++m[index(a.code)][index(a.code)];
        for (std::size_t y = 0; y < s.codings.size(); ++y) {
            const auto& b = s.codings[y];
            if (x == y || !in(b) || a.doc != b.doc || a.code == b.code) continue;
            // Share at least one code point: some i with a.start <= i < a.end and b.start <= i < b.end.
            bool share = false;
            for (auto i = a.start; i < a.end && !share; ++i) share = i >= b.start && i < b.end;
            if (share) ++m[index(a.code)][index(b.code)];
        }
    }
    return m;
}

TEST(Cooccurrence, MatchesBruteForceForAllCodersAndOne) {
    test::TempDir dir;
    Project p = Project::create(dir / "c.nptq", "Co-occurrence");
    auto study = test::make_random_study(p, 31337, 5, 200, 220);
    auto all = code_cooccurrence(p);
    EXPECT_EQ(all.codes, study.codes);
    EXPECT_EQ(all.counts, brute(study, study.codes, ""));
    CooccurrenceOptions one;
    one.coders = {"K2"};
    EXPECT_EQ(code_cooccurrence(p, one).counts, brute(study, study.codes, "K2"));
    std::int64_t off_diagonal = 0;
    for (std::size_t i = 0; i < all.counts.size(); ++i)
        for (std::size_t j = 0; j < all.counts.size(); ++j) off_diagonal += i == j ? 0 : all.counts[i][j];
    EXPECT_GT(off_diagonal, 0);
}

TEST(Cooccurrence, ChosenCodesAndAttributeScope) {
    test::TempDir dir;
    Project p = Project::create(dir / "c.nptq", "Co-occurrence");
    auto study = test::make_random_study(p, 4242, 6, 150, 200);
    CooccurrenceOptions o;
    o.codes = {"C", "A/a1", "B"};
    o.where = {parse_attribute_condition("group = Hub staff")};
    auto t = code_cooccurrence(p, o);
    EXPECT_EQ(t.codes, o.codes);
    EXPECT_EQ(t.counts, brute(study, o.codes, "", "Hub staff"));
}

}  // namespace
}  // namespace npt
