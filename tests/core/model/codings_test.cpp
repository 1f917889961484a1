// codings_test.cpp — the coding rule (join on overlap or touch, shrink/split on removal), exact
// coded text on Unicode documents, offset validation, and bulk application in one action.
#include <gtest/gtest.h>

#include <random>

#include "core/detail/db_access.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/utf8_text.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    DocumentInfo doc;
    CodeId code, other_code;
    CoderId amira, ben;
    explicit Fixture(const std::string& text = std::string(100, 'x')) {
        doc = add_document(p, {"d.txt", text, "d.txt", "text", "", {}});
        code = ensure_code(p, "Coherence/Differentiation").id;
        other_code = ensure_code(p, "Coherence/Internalisation").id;
        amira = ensure_coder(p, "Amira").id;
        ben = ensure_coder(p, "Ben").id;
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> spans(CodeId code_id, CoderId coder_id) {
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        sqlite::Statement st(p.db(), "SELECT start, end FROM coding WHERE code_id = ? AND coder_id = ? ORDER BY start");
        st.bind(1, code_id).bind(2, coder_id);
        while (st.step()) out.emplace_back(st.int64(0), st.int64(1));
        return out;
    }
};

using Spans = std::vector<std::pair<std::int64_t, std::int64_t>>;

}  // namespace

TEST(CodingRule, OverlappingAndTouchingSpansOfOneCodeAndCoderJoin) {
    Fixture f;
    apply_coding(f.p, f.doc.id, f.code, f.amira, {10, 20});
    apply_coding(f.p, f.doc.id, f.code, f.amira, {15, 25});  // overlaps
    apply_coding(f.p, f.doc.id, f.code, f.amira, {25, 30});  // touches
    apply_coding(f.p, f.doc.id, f.code, f.amira, {40, 50});  // apart
    EXPECT_EQ(f.spans(f.code, f.amira), (Spans{{10, 30}, {40, 50}}));
    apply_coding(f.p, f.doc.id, f.code, f.amira, {29, 41});  // bridges both
    EXPECT_EQ(f.spans(f.code, f.amira), (Spans{{10, 50}}));
}

TEST(CodingRule, OtherCodesAndCodersNeverJoin) {
    Fixture f;
    apply_coding(f.p, f.doc.id, f.code, f.amira, {10, 20});
    apply_coding(f.p, f.doc.id, f.code, f.ben, {15, 25});
    apply_coding(f.p, f.doc.id, f.other_code, f.amira, {12, 18});
    EXPECT_EQ(f.spans(f.code, f.amira), (Spans{{10, 20}}));
    EXPECT_EQ(f.spans(f.code, f.ben), (Spans{{15, 25}}));
    EXPECT_EQ(f.spans(f.other_code, f.amira), (Spans{{12, 18}}));
}

TEST(CodingRule, RemovalShrinksSplitsAndDeletes) {
    Fixture f;
    apply_coding(f.p, f.doc.id, f.code, f.amira, {10, 50});
    EXPECT_EQ(remove_coding(f.p, f.doc.id, f.code, f.amira, {20, 30}), 1);  // split
    EXPECT_EQ(f.spans(f.code, f.amira), (Spans{{10, 20}, {30, 50}}));
    remove_coding(f.p, f.doc.id, f.code, f.amira, {5, 12});  // shrink left
    remove_coding(f.p, f.doc.id, f.code, f.amira, {45, 60});  // shrink right
    EXPECT_EQ(f.spans(f.code, f.amira), (Spans{{12, 20}, {30, 45}}));
    remove_coding(f.p, f.doc.id, f.code, f.amira, {0, 100});  // delete both
    EXPECT_TRUE(f.spans(f.code, f.amira).empty());
}

TEST(CodingRule, MatchesABruteForceModelOnRandomEdits) {
    Fixture f;
    std::mt19937 rng(2024);
    std::vector<bool> model(100, false);
    for (int step = 0; step < 300; ++step) {
        std::int64_t a = rng() % 100, b = rng() % 100;
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        bool add = rng() % 3 != 0;
        if (add) apply_coding(f.p, f.doc.id, f.code, f.amira, {a, b});
        else remove_coding(f.p, f.doc.id, f.code, f.amira, {a, b});
        for (std::int64_t i = a; i < b; ++i) model[static_cast<std::size_t>(i)] = add;
        // Expected: maximal runs of covered characters. Touching spans join, so runs never touch.
        Spans expected;
        for (std::int64_t i = 0; i < 100; ++i) {
            if (!model[static_cast<std::size_t>(i)]) continue;
            if (!expected.empty() && expected.back().second == i) expected.back().second = i + 1;
            else expected.emplace_back(i, i + 1);
        }
        ASSERT_EQ(f.spans(f.code, f.amira), expected) << "step " << step;
    }
}

TEST(Codings, CodedTextIsExactOnCombiningMarksEmojiCjkAndRtl) {
    // NFC leaves q + U+0301 as two code points; the emoji with skin tone and ZWJ is several.
    std::string text = "Zoë: q\xCC\x81 ok 👩🏽‍⚕️ nurse, 支持很好, قال الدعم, שלום end";
    Fixture f(text);
    std::u32string cps = text::to_u32(text::to_nfc(text));
    std::mt19937 rng(99);
    for (int i = 0; i < 60; ++i) {
        std::int64_t a = rng() % cps.size(), b = rng() % cps.size();
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        CodeId code = ensure_code(f.p, "Random/" + std::to_string(i)).id;
        apply_coding(f.p, f.doc.id, code, f.amira, {a, b});
        SegmentFilter filter;
        filter.codes = {"Random/" + std::to_string(i)};
        auto segs = list_segments(f.p, filter);
        ASSERT_EQ(segs.size(), 1u);
        EXPECT_EQ(text::to_u32(segs[0].text), cps.substr(static_cast<std::size_t>(a), static_cast<std::size_t>(b - a)));
    }
}

TEST(Codings, InvalidOffsetsAreRejectedAndLeaveNothing) {
    Fixture f;
    std::string before = npt::test::table_counts(f.p);
    EXPECT_THROW(apply_coding(f.p, f.doc.id, f.code, f.amira, {5, 5}), InputError);
    EXPECT_THROW(apply_coding(f.p, f.doc.id, f.code, f.amira, {6, 5}), InputError);
    EXPECT_THROW(apply_coding(f.p, f.doc.id, f.code, f.amira, {-1, 5}), InputError);
    EXPECT_THROW(apply_coding(f.p, f.doc.id, f.code, f.amira, {90, 101}), InputError);
    EXPECT_NO_THROW(apply_coding(f.p, f.doc.id, f.code, f.amira, {90, 100}));
    EXPECT_NE(npt::test::table_counts(f.p), before);
}

TEST(Codings, BulkRequestsAreAllOrNothing) {
    Fixture f;
    std::vector<CodingRequest> reqs;
    for (int i = 0; i < 50; ++i) reqs.push_back({"d.txt", i, i + 1, "New/Code " + std::to_string(i % 5), "Cleo", "", ""});
    reqs.push_back({"d.txt", 10, 500, "New/Code 1", "Cleo", "", "codings.csv line 52"});
    std::string before = npt::test::table_counts(f.p);
    try {
        apply_codings(f.p, reqs);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("codings.csv line 52: d.txt: invalid offsets 10-500", 0), 0u) << e.what();
    }
    EXPECT_EQ(npt::test::table_counts(f.p), before);  // no new codes, coder or codings
    reqs.pop_back();
    EXPECT_EQ(apply_codings(f.p, reqs).size(), 50u);
    EXPECT_EQ(f.p.db().scalar_int("SELECT count(*) FROM coding"), 50);
}

TEST(Codings, StrictRefusesUnknownCodesAndCoders) {
    Fixture f;
    CodingOptions strict{true, false};
    EXPECT_THROW(apply_codings(f.p, {{"d.txt", 0, 3, "Nope", "Amira", "", ""}}, strict), NotFoundError);
    EXPECT_THROW(apply_codings(f.p, {{"d.txt", 0, 3, "Coherence/Differentiation", "Nobody", "", ""}}, strict), NotFoundError);
    EXPECT_THROW(apply_codings(f.p, {{"missing.txt", 0, 3, "Coherence", "Amira", "", ""}}), NotFoundError);
}

TEST(Codings, MemosFollowJoinedCodings) {
    Fixture f;
    apply_codings(f.p, {{"d.txt", 0, 10, "Coherence/Differentiation", "Amira", "first memo", ""}});
    apply_codings(f.p, {{"d.txt", 20, 30, "Coherence/Differentiation", "Amira", "second memo", ""}});
    apply_codings(f.p, {{"d.txt", 5, 25, "Coherence/Differentiation", "Amira", "", ""}});
    auto segs = list_segments(f.p);
    ASSERT_EQ(segs.size(), 1u);
    EXPECT_EQ(segs[0].memo, "first memo\n\nsecond memo");
}

TEST(Codings, SnapWordsGrowsSpansToWholeWords) {
    Fixture f("We felt the hub was different.");
    CodingOptions snap{false, true};
    apply_codings(f.p, {{"d.txt", 4, 14, "Coherence", "Amira", "", ""}}, snap);
    EXPECT_EQ(list_segments(f.p)[0].text, "felt the hub");
}
