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
