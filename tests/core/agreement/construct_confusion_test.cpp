// construct_confusion_test.cpp — the construct confusion table and its passages checked against a
// brute-force count over every code point of a seeded random study (which codes each coder has
// at each code point, read back from what the coding rule stored), plus a hand-made case whose
// cells are written out, the in-memory and project entry points agreeing, and bad requests.
#include <gtest/gtest.h>

#include "core/agreement/construct_confusion.hpp"
#include "core/error.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/random_study.hpp"

namespace npt::agreement {
namespace {

struct BruteCell {
    std::vector<std::vector<std::int64_t>> cells;
    std::vector<std::int64_t> coded_a, coded_b;
};

// Per code point: the chosen codes K1 has and K2 has; count every (a, b) pair, or a "not coded" cell.
BruteCell brute_force(const test::RandomStudy& study, const std::vector<std::string>& codes) {
    const std::size_t n = codes.size();
    BruteCell b{std::vector<std::vector<std::int64_t>>(n + 1, std::vector<std::int64_t>(n + 1, 0)),
                std::vector<std::int64_t>(n + 1, 0), std::vector<std::int64_t>(n + 1, 0)};
    for (std::size_t d = 0; d < study.documents.size(); ++d) {
        std::vector<std::vector<char>> a_has, b_has;
        for (const auto& c : codes) {
            a_has.push_back(study.covered(d, {c}, {"K1"}));
            b_has.push_back(study.covered(d, {c}, {"K2"}));
        }
        for (std::size_t q = 0; q < static_cast<std::size_t>(study.documents[d].length); ++q) {
            std::vector<std::size_t> a, bb;
            for (std::size_t i = 0; i < n; ++i) {
                if (a_has[i][q]) a.push_back(i);
                if (b_has[i][q]) bb.push_back(i);
            }
            if (a.empty()) a.push_back(n);
            if (bb.empty()) bb.push_back(n);
            for (std::size_t x : a) ++b.coded_a[x];
            for (std::size_t y : bb) ++b.coded_b[y];
            for (std::size_t x : a)
                for (std::size_t y : bb) ++b.cells[x][y];
        }
    }
    return b;
}

class ConfusionTest : public ::testing::Test {
protected:
    void SetUp() override {
        project_.emplace(Project::create(dir_ / "study.nptq", "study"));
        study_ = test::make_random_study(*project_, 20261201, 5, 200, 220);
    }
    test::TempDir dir_;
    std::optional<Project> project_;
    test::RandomStudy study_;
};

TEST_F(ConfusionTest, EveryCellEqualsAPerCodePointCount) {
    ConfusionMatrix m = construct_confusion(*project_, {{"K1", "K2"}, study_.codes, {}});
    ASSERT_EQ(m.codes, study_.codes);
    BruteCell b = brute_force(study_, study_.codes);
    EXPECT_EQ(m.cells, b.cells);
    EXPECT_EQ(m.coded_a, b.coded_a);
    EXPECT_EQ(m.coded_b, b.coded_b);
    EXPECT_EQ(m.coder_a, "K1");
    EXPECT_EQ(m.coder_b, "K2");
    std::int64_t total = 0;
    for (const auto& d : study_.documents) total += d.length;
    EXPECT_EQ(m.code_points, total);
    EXPECT_EQ(m.documents, study_.documents.size());
    // The study is random enough that both diagonal and off-diagonal cells are filled.
    std::int64_t diagonal = 0, off = 0;
    for (std::size_t x = 0; x < m.codes.size(); ++x)
        for (std::size_t y = 0; y < m.codes.size(); ++y) (x == y ? diagonal : off) += m.cells[x][y];
    EXPECT_GT(diagonal, 0);
    EXPECT_GT(off, 0);
}

TEST_F(ConfusionTest, ChosenCodesAndDocumentsNarrowTheTable) {
    const std::vector<std::string> codes = {"A/a1", "B", "C"};
    ConfusionMatrix m = construct_confusion(*project_, {{"K1", "K2"}, codes, {}});
    EXPECT_EQ(m.cells, brute_force(study_, codes).cells);  // the other codes count as "not coded"
    // One document only: its own brute force.
    test::RandomStudy one = study_;
    one.documents = {study_.documents[2]};
    std::vector<test::StoredCoding> kept;
    for (auto c : study_.codings)
        if (c.doc == 2) {
            c.doc = 0;
            kept.push_back(c);
        }
    one.codings = kept;
    ConfusionMatrix d = construct_confusion(*project_, {{"K1", "K2"}, codes, {study_.documents[2].name}});
    EXPECT_EQ(d.cells, brute_force(one, codes).cells);
    EXPECT_EQ(d.code_points, study_.documents[2].length);
}

TEST_F(ConfusionTest, PassagesAreTheMaximalRunsOfACellWithTextAndSpeaker) {
    ConfusionMatrix m = construct_confusion(*project_, {{"K1", "K2"}, study_.codes, {}});
    const std::size_t n = m.not_coded();
    for (std::size_t x = 0; x <= n; ++x)
        for (std::size_t y = 0; y <= n; ++y) {
            auto passages = confusion_passages(*project_, {{"K1", "K2"}, study_.codes, {}}, x, y);
            // Brute force: the runs of code points where the cell holds, per document.
            std::vector<ConfusionPassage> expected;
            for (std::size_t d = 0; d < study_.documents.size(); ++d) {
                auto cover = [&](std::size_t code, const char* coder) {
                    if (code < n) return study_.covered(d, {study_.codes[code]}, {coder});
                    std::vector<char> any = study_.covered(d, study_.codes, {coder});
                    for (char& c : any) c = !c;
                    return any;
                };
                std::vector<char> a = cover(x, "K1"), b = cover(y, "K2");
                for (std::size_t q = 0; q < a.size(); ++q) a[q] = a[q] && b[q];
                for (const Span& s : test::runs_of(a)) expected.push_back({DocumentId{}, study_.documents[d].name, s.start, s.end, "", ""});
            }
            ASSERT_EQ(passages.size(), expected.size()) << x << "," << y;
            std::int64_t sum = 0;
            for (std::size_t i = 0; i < passages.size(); ++i) {
                EXPECT_EQ(passages[i].document, expected[i].document);
                EXPECT_EQ(passages[i].start, expected[i].start);
                EXPECT_EQ(passages[i].end, expected[i].end);
                sum += passages[i].end - passages[i].start;
            }
            EXPECT_EQ(sum, m.cells[x][y]);
            if (passages.empty()) continue;
            // Text and speaker of the first passage, from the study's own text and turns.
            const ConfusionPassage& p = passages.front();
            const test::StudyDocument& doc = study_.documents[study_.doc_index(p.document)];
            text::CodePointIndex index(doc.text);
            EXPECT_EQ(p.text, std::string(index.slice(static_cast<std::size_t>(p.start), static_cast<std::size_t>(p.end))));
            std::string speaker;
            for (const auto& t : doc.turns)
                if (t.start <= p.start && p.start < t.end) speaker = t.speaker;
            EXPECT_EQ(p.speaker, speaker);
        }
}

TEST(ConfusionSmallTest, AHandCountedTable) {
    // One document of 20 code points. A: X [0,10), Y [5,12). B: X [2,6), Y [8,15), X [18,20).
    AgreementInput in;
    in.coders = {"Amira", "Ben"};
    in.codes = {"X", "Y"};
    in.documents = {"d"};
    in.document_lengths = {20};
    in.codings = {{0, 0, 0, 0, 10}, {0, 1, 0, 5, 12}, {0, 0, 1, 2, 6}, {0, 1, 1, 8, 15}, {0, 0, 1, 18, 20}};
    ConfusionMatrix m = compute_confusion(in);
    // Code points: 0-1 A{X} B{}; 2-4 A{X} B{X}; 5 A{X,Y} B{X}; 6-7 A{X,Y} B{}; 8-9 A{X,Y} B{Y};
    // 10-11 A{Y} B{Y}; 12-14 A{} B{Y}; 15-17 A{} B{}; 18-19 A{} B{X}.
    const std::vector<std::vector<std::int64_t>> expected = {
        {4, 2, 4},   // A X:  with B X 2..5 (4), with B Y 8..9 (2), B none 0,1,6,7 (4)
        {1, 4, 2},   // A Y:  with B X 5 (1), with B Y 8..11 (4), B none 6,7 (2)
        {2, 3, 3}};  // A none: B X 18,19 (2), B Y 12..14 (3), neither 15..17 (3)
    EXPECT_EQ(m.cells, expected);
    EXPECT_EQ(m.coded_a, (std::vector<std::int64_t>{10, 7, 8}));
    EXPECT_EQ(m.coded_b, (std::vector<std::int64_t>{6, 7, 7}));
    auto xy = confusion_passages(in, 0, 1);
    ASSERT_EQ(xy.size(), 1u);
    EXPECT_EQ(xy[0].start, 8);
    EXPECT_EQ(xy[0].end, 10);
    auto x_none = confusion_passages(in, 0, 2);
    ASSERT_EQ(x_none.size(), 2u);
    EXPECT_EQ(x_none[0].start, 0);
    EXPECT_EQ(x_none[0].end, 2);
    EXPECT_EQ(x_none[1].start, 6);
    EXPECT_EQ(x_none[1].end, 8);
}

TEST_F(ConfusionTest, BadRequestsAreRefused) {
    EXPECT_THROW(construct_confusion(*project_, {{"K1"}, {}, {}}), InputError);
    ensure_coder(*project_, "K3");
    EXPECT_THROW(construct_confusion(*project_, {{"K1", "K2", "K3"}, {}, {}}), InputError);
    EXPECT_THROW(construct_confusion(*project_, {{"K1", "Nobody"}, {}, {}}), NotFoundError);
    EXPECT_THROW(construct_confusion(*project_, {{"K1", "K2"}, {"No such code"}, {}}), NotFoundError);
    ConfusionMatrix m = construct_confusion(*project_, {{"K1", "K2"}, {}, {}});
    EXPECT_THROW(confusion_passages(*project_, {{"K1", "K2"}, {}, {}}, m.codes.size() + 1, 0), InputError);
}

}  // namespace
}  // namespace npt::agreement
