// text_search_test.cpp — case- and accent-insensitive search with code point results.
#include <gtest/gtest.h>

#include "core/text/text_search.hpp"
#include "core/text/utf8_text.hpp"

using namespace npt;
using namespace npt::text;

static std::vector<std::string> hits(const std::string& text, const std::string& query, SearchOptions o = {}) {
    CodePointIndex idx(text);
    std::vector<std::string> out;
    for (Span s : find_all(text, query, o)) out.emplace_back(idx.slice(static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end)));
    return out;
}

TEST(TextSearch, IgnoresCaseAndAccents) {
    std::string t = "The Café and the cafe and CAFÉ.";
    EXPECT_EQ(hits(t, "cafe"), (std::vector<std::string>{"Café", "cafe", "CAFÉ"}));
    SearchOptions exact_accents;
    exact_accents.ignore_accents = false;
    EXPECT_EQ(hits(t, "café", exact_accents), (std::vector<std::string>{"Café", "CAFÉ"}));
}

TEST(TextSearch, ReturnsCodePointOffsetsAfterEmoji) {
    std::string t = "😀😀 hub 👩🏽‍⚕️ Hub";
    auto found = find_all(t, "hub");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0], (Span{3, 6}));  // two emoji are two code points
    EXPECT_EQ(hits(t, "hub")[1], "Hub");
}

TEST(TextSearch, FullCaseFoldingAndCombiningMarks) {
    EXPECT_EQ(hits("Die Straße", "STRASSE"), (std::vector<std::string>{"Straße"}));
    // A mark NFC cannot compose stays attached to the hit.
    std::string t = "x q\xCC\x81 y";  // q + combining acute
    EXPECT_EQ(hits(t, "q"), (std::vector<std::string>{"q\xCC\x81"}));
}

TEST(TextSearch, CjkAndRightToLeft) {
    EXPECT_EQ(hits("我们的支持很好，支持", "支持").size(), 2u);
    std::string arabic = "قال إن الدعم كان مفيدا والدعم";
    EXPECT_EQ(hits(arabic, "الدعم").size(), 2u);
    std::string hebrew = "שלום עולם";
    auto f = find_all(hebrew, "עולם");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0], (Span{5, 9}));
}

TEST(TextSearch, WholeWordsOption) {
    SearchOptions o;
    o.whole_words = true;
    EXPECT_EQ(hits("hub hubs the hub.", "hub", o).size(), 2u);
    EXPECT_EQ(hits("hub hubs the hub.", "hub").size(), 3u);
}

TEST(TextSearch, EmptyQueryFindsNothing) { EXPECT_TRUE(find_all("abc", "").empty()); }

// Issue 13: phrases across line breaks and repeated spaces, and typographic quotes and dashes.
TEST(TextSearch, WhiteSpaceRunsMatchAnyWhiteSpaceRun) {
    std::string t = "the phone\nqueue, the phone   queue, the phone\t\u00A0queue, phonequeue";
    auto found = find_all(t, "phone queue");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0], (Span{4, 15}));   // "phone\nqueue": 11 code points of the original
    EXPECT_EQ(found[1], (Span{21, 34}));  // three spaces
    EXPECT_EQ(found[2], (Span{40, 52}));  // tab + no-break space (one code point each)
    EXPECT_EQ(hits(t, "phone  \n queue")[1], "phone   queue");
    SearchOptions exact;
    exact.fold_whitespace = false;
    EXPECT_EQ(find_all(t, "phone queue", exact).size(), 0u);
}

TEST(TextSearch, TypographicApostrophesQuotesAndDashesMatchAscii) {
    std::string t = "I didn\u2019t, she didn\u2018t, he didn\u02BCt, it didn\u2032t, we didn't. "
                    "\u201CNobody\u201D, \u201ENobody\u201D; a\u2012b a\u2013b a\u2014b a\u2212b a-b";
    EXPECT_EQ(find_all(t, "didn't").size(), 5u);
    EXPECT_EQ(find_all(t, "didn\u2019t").size(), 5u);  // the query folds too
    EXPECT_EQ(find_all(t, "\"nobody\"").size(), 2u);
    EXPECT_EQ(find_all(t, "a-b").size(), 5u);
    auto first = find_all(t, "didn't");
    EXPECT_EQ(first[0], (Span{2, 8}));  // offsets are the original's code points
    SearchOptions exact;
    exact.fold_punctuation = false;
    EXPECT_EQ(find_all(t, "didn't", exact).size(), 1u);
}
