// word_frequency_test.cpp — word counts in coded text against the known words of the documents.
#include <gtest/gtest.h>

#include "core/query/word_frequency.hpp"
#include "core/random_study.hpp"

namespace npt {
namespace {

TEST(WordFrequency, CountsEachCodedWordOnceCaseFolded) {
    test::TempDir dir;
    Project p = Project::create(dir / "w.nptq", "Words");
    auto study = test::make_random_study(p, 8080, 5, 200, 150);
    for (const std::string code : {"B", "C"}) {
        WordFrequencyOptions o;
        o.segments.codes = {code};
        o.segments.include_descendants = true;
        std::map<std::string, std::pair<std::int64_t, std::set<std::size_t>>> want;
        for (std::size_t d = 0; d < study.documents.size(); ++d) {
            auto bits = study.covered(d, study.with_descendants(code));
            for (const auto& w : study.documents[d].words) {
                bool hit = false;
                for (auto i = w.span.start; i < w.span.end; ++i) hit = hit || bits[static_cast<std::size_t>(i)];
                if (!hit) continue;
                ++want[w.case_folded].first;
                want[w.case_folded].second.insert(d);
            }
        }
        auto got = word_frequency(p, o);
        ASSERT_EQ(got.size(), want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            EXPECT_EQ(got[i].count, want[got[i].word].first) << got[i].word;
            EXPECT_EQ(got[i].documents, static_cast<std::int64_t>(want[got[i].word].second.size())) << got[i].word;
            if (i) EXPECT_GE(got[i - 1].count, got[i].count);
        }
        o.skip_stop_words = true;
        o.limit = 3;
        auto top = word_frequency(p, o);
        ASSERT_LE(top.size(), 3u);
        for (const auto& w : top) EXPECT_TRUE(w.word != "the" && w.word != "and") << w.word;
    }
}

TEST(WordFrequency, FoldsCaseBeyondAscii) {
    EXPECT_EQ(fold_word("ΨΥΧΉ"), fold_word("ψυχή"));
    EXPECT_EQ(fold_word("Straße"), "strasse");
    EXPECT_TRUE(is_stop_word(fold_word("Don\u2019t")));
    EXPECT_FALSE(is_stop_word("hub"));
}

}  // namespace
}  // namespace npt
