// grapheme_breaks_test.cpp — grapheme-cluster boundaries and the word or cluster under a
// position: emoji with skin tones and ZWJ sequences, flags, combining marks, Urdu, CJK words.
#include "core/text/grapheme_breaks.hpp"

#include <gtest/gtest.h>

namespace npt::text {
namespace {

TEST(GraphemeBreaks, EmojiWithSkinToneIsOneCluster) {
    const std::string s = "a\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" "b";  // a 👍🏽 b: 4 code points
    EXPECT_EQ(grapheme_boundaries(s), (std::vector<std::int64_t>{0, 1, 3, 4}));
    EXPECT_EQ(next_grapheme(s, 1), 3);
    EXPECT_EQ(next_grapheme(s, 2), 3);
    EXPECT_EQ(previous_grapheme(s, 3), 1);
    EXPECT_EQ(previous_grapheme(s, 0), 0);
    EXPECT_EQ(next_grapheme(s, 4), 4);
}

TEST(GraphemeBreaks, ZwjFamilyFlagAndCombiningMark) {
    // 👩‍👩‍👧 (5 code points), 🇵🇰 (2), e + U+0301 (2)
    const std::string s = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
                          "\xF0\x9F\x87\xB5\xF0\x9F\x87\xB0" "e\xCC\x81";
    EXPECT_EQ(grapheme_boundaries(s), (std::vector<std::int64_t>{0, 5, 7, 9}));
}

TEST(GraphemeBreaks, UrduLettersAreSeparateClustersButMarksStay) {
    const std::string s = "\xD8\xA7\xD9\x90\xD8\xB1";  // alef + kasra (mark), reh
    EXPECT_EQ(grapheme_boundaries(s), (std::vector<std::int64_t>{0, 2, 3}));
}

TEST(GraphemeBreaks, DoubleClickSelectsEmojiOrCjkWord) {
    const std::string s = "ok \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xE6\x88\x91\xE4\xBB\xAC\xE7\x9A\x84\xE5\x8C\xBB\xE7\x94\x9F";  // ok 👍🏽 我们的医生
    EXPECT_EQ(word_or_cluster_at(s, 3), (Span{3, 5}));
    EXPECT_EQ(word_or_cluster_at(s, 4), (Span{3, 5}));
    const Span w = word_or_cluster_at(s, 9);  // inside 医生 ("doctor")
    EXPECT_EQ(w, (Span{9, 11}));
    EXPECT_EQ(word_or_cluster_at(s, 2), (Span{2, 2}));  // space
    EXPECT_EQ(word_or_cluster_at(s, 0), (Span{0, 2}));
}

}  // namespace
}  // namespace npt::text
