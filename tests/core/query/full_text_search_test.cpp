// full_text_search_test.cpp — full-text search (FTS5 + exact offsets) against the known words.
#include <gtest/gtest.h>

#include "core/model/documents.hpp"
#include "core/query/full_text_search.hpp"
#include "core/store/undo.hpp"
#include "core/random_study.hpp"

namespace npt {
namespace {

std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> expected(const test::RandomStudy& s,
                                                                          const std::vector<std::string>& keys) {
    std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> out;
    for (const auto& d : s.documents)
        for (std::size_t i = 0; i + keys.size() <= d.words.size(); ++i) {
            bool match = true;
            for (std::size_t k = 0; k < keys.size() && match; ++k) {
                match = d.words[i + k].search_key == keys[k];
                // Words of a phrase are separated by exactly one space in the text.
                if (match && k) match = d.words[i + k].span.start == d.words[i + k - 1].span.end + 1;
            }
            if (match) out.emplace_back(d.name, d.words[i].span.start, d.words[i + keys.size() - 1].span.end);
        }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(FullTextSearch, WordsAndPhrasesIgnoringCaseAndAccents) {
    test::TempDir dir;
    Project p = Project::create(dir / "s.nptq", "Search");
    auto study = test::make_random_study(p, 1618, 5, 250, 10);
    const std::vector<std::pair<std::string, std::vector<std::string>>> queries = {
        {"hub", {"hub"}},          {"HUB", {"hub"}},       {"cafe", {"cafe"}},      {"CAFÉ", {"cafe"}},
        {"naive", {"naive"}},      {"ψυχη", {"ψυχη"}},     {"ΨΥΧΉ", {"ψυχη"}},      {"здоровье", {"здоровье"}},
        {"waiting list", {"waiting", "list"}},             {"Staff support", {"staff", "support"}}};
    for (const auto& [query, keys] : queries) {
        FullTextOptions o;
        o.context = 10;
        auto hits = search_documents(p, query, o);
        std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> got;
        for (const auto& h : hits) {
            got.emplace_back(h.document, h.span.start, h.span.end);
            const auto& doc = study.documents[study.doc_index(h.document)];
            std::u32string text = text::to_u32(doc.text);
            EXPECT_EQ(text::to_u32(h.match), text.substr(static_cast<std::size_t>(h.span.start), static_cast<std::size_t>(h.span.length())));
            auto b = std::max<std::int64_t>(0, h.span.start - 10);
            EXPECT_EQ(text::to_u32(h.before), text.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(h.span.start - b)));
        }
        auto want = expected(study, keys);
        EXPECT_EQ(got, want) << query;
        EXPECT_FALSE(want.empty()) << query;
    }
}

TEST(FullTextSearch, FollowsDocumentChangesAndUndo) {
    test::TempDir dir;
    Project p = Project::create(dir / "s.nptq", "Search");
    add_document(p, {"one.txt", "The référral went nowhere.", "one.txt", "text", "", {}});
    EXPECT_EQ(search_documents(p, "referral").size(), 1u);
    rename_document(p, require_document(p, "one.txt").id, "renamed.txt");
    auto hits = search_documents(p, "REFERRAL");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].document, "renamed.txt");
    EXPECT_EQ(hits[0].span, (Span{4, 12}));
    delete_document(p, require_document(p, "renamed.txt").id);
    EXPECT_TRUE(search_documents(p, "referral").empty());
    undo(p);
    EXPECT_EQ(search_documents(p, "referral").size(), 1u);
    EXPECT_TRUE(search_documents(p, "refer").empty());  // whole words by default
    FullTextOptions inside;
    inside.whole_words = false;
    EXPECT_EQ(search_documents(p, "refer", inside).size(), 1u);
    EXPECT_TRUE(search_documents(p, "").empty());
    EXPECT_TRUE(search_documents(p, "\"").empty());
}

}  // namespace
}  // namespace npt

namespace npt {
namespace {

// add_document binds a transcript's text without a copy (as a C string when it holds no NUL,
// by length when it does): either way the whole text is stored and indexed to its last word.
TEST(FullTextSearch, WholeTextStoredAndIndexedWithOrWithoutANulInIt) {
    test::TempDir dir;
    Project p = Project::create(dir / "s.nptq", "Search");
    std::string plain;
    for (int i = 0; i < 20000; ++i) plain += "filler words here ";
    plain += "lastword";
    std::string with_nul = std::string("before") + '\0' + " after nulword";
    DocumentInfo a = add_document(p, {"plain.txt", plain, "plain.txt"});
    DocumentInfo b = add_document(p, {"nul.txt", with_nul, "nul.txt"});
    EXPECT_EQ(document_text(p, a.id), plain);
    EXPECT_EQ(document_text(p, b.id), with_nul);
    EXPECT_EQ(b.length, static_cast<std::int64_t>(with_nul.size()));
    auto last = search_documents(p, "lastword");
    ASSERT_EQ(last.size(), 1u);
    EXPECT_EQ(last[0].span.start, static_cast<std::int64_t>(plain.size() - 8));
    auto after = search_documents(p, "nulword");
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].document, "nul.txt");
}

}  // namespace
}  // namespace npt
