// text_breaks_test.cpp — word snapping and word/sentence/paragraph iteration (ICU BreakIterator).
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/text/text_breaks.hpp"
#include "core/text/utf8_text.hpp"

using namespace npt;
using namespace npt::text;

static std::string cut(const std::string& text, Span s) {
    return std::string(CodePointIndex(text).slice(static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end)));
}

TEST(SnapToWords, GrowsPartialWordsAndTrimsSpaces) {
    std::string t = "We felt the hub was different.";
    // "elt the hu" -> "felt the hub"
    EXPECT_EQ(cut(t, snap_to_words(t, {4, 14})), "felt the hub");
    // leading and trailing spaces are trimmed
    EXPECT_EQ(cut(t, snap_to_words(t, {2, 8})), "felt");
    // already on boundaries: unchanged
    EXPECT_EQ(snap_to_words(t, {3, 7}), (Span{3, 7}));
}

TEST(SnapToWords, WorksOnNonAsciiWords) {
    std::string t = "Zoë said café ψυχή 支持 ok";
    CodePointIndex idx(t);
    // select inside "café" and "ψυχή"
    Span s = snap_to_words(t, {11, 16});
    EXPECT_EQ(cut(t, s), "café ψυχή");
}

TEST(SnapToWords, RejectsSpansOutsideTheText) {
    EXPECT_THROW(snap_to_words("short", {2, 9}), InputError);
    EXPECT_THROW(snap_to_words("short", {-1, 2}), InputError);
}

TEST(Words, FindsWordsButNotPunctuation) {
    std::string t = "Hello, world! 😀 café";
    std::vector<std::string> got;
    for (Span s : words(t)) got.push_back(cut(t, s));
    EXPECT_EQ(got, (std::vector<std::string>{"Hello", "world", "café"}));
}

TEST(Sentences, SplitsOnSentenceEnds) {
    std::string t = "It helped. Did it? Yes!";
    auto s = sentences(t);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(cut(t, s[0]), "It helped. ");
    EXPECT_EQ(cut(t, s[2]), "Yes!");
}

TEST(Paragraphs, SkipEmptyLinesAndCountCodePoints) {
    std::string t = "é one\n\nsecond 😀\nthird";
    auto p = paragraphs(t);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0], (Span{0, 5}));
    EXPECT_EQ(cut(t, p[1]), "second 😀");
    EXPECT_EQ(cut(t, p[2]), "third");
}
