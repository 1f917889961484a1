// coding_query_test.cpp — the coding query against brute force over code points: random query
// trees (AND, OR, NOT, NEAR n, SAME TURN) on random codings with fixed seeds, plus the parser.
#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "core/query/coding_query.hpp"
#include "core/query/coding_query_spans.hpp"
#include "core/error.hpp"
#include "core/random_study.hpp"

namespace npt {
namespace {

using test::RandomStudy;

struct Expr {
    QueryNode::Kind kind;
    std::string code;
    std::int64_t words = 0;
    std::shared_ptr<Expr> left, right;
};

std::shared_ptr<Expr> random_expr(std::mt19937_64& rng, const std::vector<std::string>& codes, int depth) {
    auto pick = [&](int n) { return static_cast<int>(std::uniform_int_distribution<int>(0, n - 1)(rng)); };
    auto e = std::make_shared<Expr>();
    if (depth == 0 || pick(3) == 0) {
        e->kind = QueryNode::Kind::Code;
        e->code = codes[static_cast<std::size_t>(pick(static_cast<int>(codes.size())))];
        return e;
    }
    int op = pick(5);
    if (op == 0) {
        e->kind = QueryNode::Kind::Not;
        e->left = random_expr(rng, codes, depth - 1);
        return e;
    }
    e->kind = op == 1 ? QueryNode::Kind::And : op == 2 ? QueryNode::Kind::Or : op == 3 ? QueryNode::Kind::Near : QueryNode::Kind::SameTurn;
    e->words = pick(8);
    e->left = random_expr(rng, codes, depth - 1);
    e->right = random_expr(rng, codes, depth - 1);
    return e;
}

// Written fully parenthesised, with operators in their different spellings.
std::string write(const Expr& e, std::mt19937_64& rng) {
    bool alt = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
    switch (e.kind) {
        case QueryNode::Kind::Code: return alt ? "\"" + e.code + "\"" : e.code;
        case QueryNode::Kind::Not: return "(NOT " + write(*e.left, rng) + ")";
        case QueryNode::Kind::And: return "(" + write(*e.left, rng) + " AND " + write(*e.right, rng) + ")";
        case QueryNode::Kind::Or: return "(" + write(*e.left, rng) + " OR " + write(*e.right, rng) + ")";
        case QueryNode::Kind::Near:
            return "(" + write(*e.left, rng) + (alt ? " NEAR/" : " NEAR ") + std::to_string(e.words) + " " + write(*e.right, rng) + ")";
        case QueryNode::Kind::SameTurn: return "(" + write(*e.left, rng) + (alt ? " SAMETURN " : " SAME TURN ") + write(*e.right, rng) + ")";
    }
    return {};
}

// Words wholly inside [from, to), by scanning every known word.
std::int64_t words_between(const test::StudyDocument& doc, std::int64_t from, std::int64_t to) {
    std::int64_t n = 0;
    for (const auto& w : doc.words)
        if (w.span.start >= from && w.span.end <= to) ++n;
    return n;
}

std::vector<char> brute(const Expr& e, const RandomStudy& study, std::size_t d, const std::vector<std::string>& coders) {
    const auto& doc = study.documents[d];
    const std::size_t n = static_cast<std::size_t>(doc.length);
    switch (e.kind) {
        case QueryNode::Kind::Code: return study.covered(d, study.with_descendants(e.code), coders);
        case QueryNode::Kind::Not: {
            auto a = brute(*e.left, study, d, coders);
            for (auto& c : a) c = !c;
            return a;
        }
        case QueryNode::Kind::And:
        case QueryNode::Kind::Or: {
            auto a = brute(*e.left, study, d, coders), b = brute(*e.right, study, d, coders);
            for (std::size_t i = 0; i < n; ++i) a[i] = e.kind == QueryNode::Kind::And ? (a[i] && b[i]) : (a[i] || b[i]);
            return a;
        }
        case QueryNode::Kind::Near:
        case QueryNode::Kind::SameTurn: {
            auto ra = test::runs_of(brute(*e.left, study, d, coders)), rb = test::runs_of(brute(*e.right, study, d, coders));
            std::vector<char> out(n, 0);
            auto keep = [&](const Span& s) {
                for (auto i = s.start; i < s.end; ++i) out[static_cast<std::size_t>(i)] = 1;
            };
            if (e.kind == QueryNode::Kind::Near) {
                auto near = [&](Span x, Span y) {
                    if (x.start <= y.end && y.start <= x.end) return true;
                    return x.end < y.start ? words_between(doc, x.end, y.start) <= e.words : words_between(doc, y.end, x.start) <= e.words;
                };
                for (const Span& x : ra)
                    for (const Span& y : rb)
                        if (near(x, y)) {
                            keep(x);
                            keep(y);
                        }
            } else {
                auto overlaps = [](Span s, const SpeakerTurn& t) { return s.start < t.end && t.start < s.end; };
                for (const SpeakerTurn& t : doc.turns) {
                    bool a = false, b = false;
                    for (const Span& x : ra) a = a || overlaps(x, t);
                    for (const Span& y : rb) b = b || overlaps(y, t);
                    if (!a || !b) continue;
                    for (const Span& x : ra)
                        if (overlaps(x, t)) keep(x);
                    for (const Span& y : rb)
                        if (overlaps(y, t)) keep(y);
                }
            }
            return out;
        }
    }
    return {};
}

class CodingQueryTest : public ::testing::Test {
protected:
    test::TempDir dir;
    Project project = Project::create(dir / "q.nptq", "Query test");
};

TEST_F(CodingQueryTest, RandomQueriesMatchBruteForceOverCodePoints) {
    RandomStudy study = test::make_random_study(project, 20240611);
    std::mt19937_64 rng(7);
    int non_empty = 0;
    for (int round = 0; round < 60; ++round) {
        auto expr = random_expr(rng, study.codes, 3);
        std::string query = write(*expr, rng);
        std::vector<std::string> coders;
        if (round % 3 == 1) coders = {"K1"};
        QueryOptions options;
        options.coders = coders;
        auto hits = run_coding_query(project, query, options);
        std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> got, want;
        for (const auto& h : hits) {
            got.emplace_back(h.document, h.span.start, h.span.end);
            text::CodePointIndex index(study.documents[study.doc_index(h.document)].text);
            EXPECT_EQ(h.text, index.slice(static_cast<std::size_t>(h.span.start), static_cast<std::size_t>(h.span.end)));
        }
        for (std::size_t d = 0; d < study.documents.size(); ++d)
            for (const Span& s : test::runs_of(brute(*expr, study, d, coders))) want.emplace_back(study.documents[d].name, s.start, s.end);
        std::sort(want.begin(), want.end());
        EXPECT_EQ(got, want) << "query: " << query;
        if (!want.empty()) ++non_empty;
    }
    EXPECT_GT(non_empty, 20);  // the random queries are not trivially empty
}

TEST_F(CodingQueryTest, ExactCodesAndDocumentScope) {
    RandomStudy study = test::make_random_study(project, 99);
    QueryOptions options;
    options.include_descendants = false;
    options.where = {parse_attribute_condition("group=Hub client")};
    auto hits = run_coding_query(project, "A OR B", options);
    std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> got, want;
    for (const auto& h : hits) got.emplace_back(h.document, h.span.start, h.span.end);
    for (std::size_t d = 0; d < study.documents.size(); ++d) {
        if (study.case_values[study.documents[d].case_name]["group"] != "Hub client") continue;
        for (const Span& s : test::runs_of(study.covered(d, {"A", "B"}))) want.emplace_back(study.documents[d].name, s.start, s.end);
    }
    std::sort(want.begin(), want.end());
    EXPECT_FALSE(want.empty());
    EXPECT_EQ(got, want);
}

TEST(CodingQueryParser, PrecedenceAndSpellings) {
    EXPECT_EQ(describe(*parse_coding_query("A OR B AND C")), "(A OR (B AND C))");
    EXPECT_EQ(describe(*parse_coding_query("A AND NOT B NEAR 3 C")), "(A AND ((NOT B) NEAR 3 C))");
    EXPECT_EQ(describe(*parse_coding_query("(A OR B) SAME TURN C")), "((A OR B) SAME TURN C)");
    EXPECT_EQ(describe(*parse_coding_query("Coherence AND NOT Collective action/Skill set workability")),
              "(Coherence AND (NOT Collective action/Skill set workability))");
    EXPECT_EQ(describe(*parse_coding_query("\"Not AND this\" NEAR/12 b")), "(Not AND this NEAR 12 b)");
    EXPECT_EQ(describe(*parse_coding_query("a SAMETURN b")), "(a SAME TURN b)");
    EXPECT_EQ(describe(*parse_coding_query("Sometimes and or not near")), "Sometimes and or not near");  // lower case = words
}

TEST(CodingQueryParser, ErrorsNameTheQueryAndPlace) {
    for (const char* bad : {"", "A AND", "(A OR B", "A NEAR B", "A NEAR/x B", "AND A", "A )", "\"A"}) {
        try {
            parse_coding_query(bad);
            ADD_FAILURE() << "accepted: " << bad;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find("query '"), std::string::npos) << e.what();
            EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
        }
    }
}

TEST_F(CodingQueryTest, UnknownCodeIsNotFound) {
    test::make_random_study(project, 1, 1, 30, 5);
    EXPECT_THROW(run_coding_query(project, "A AND Nope"), NotFoundError);
}

TEST(SpanSets, AlgebraOnSmallCases) {
    SpanSet a = normalise_spans({{5, 10}, {0, 3}, {3, 4}, {20, 20}});
    EXPECT_EQ(a, (SpanSet{{0, 4}, {5, 10}}));
    EXPECT_EQ(span_intersection(a, {{2, 6}}), (SpanSet{{2, 4}, {5, 6}}));
    EXPECT_EQ(span_difference(a, {{2, 6}}), (SpanSet{{0, 2}, {6, 10}}));
    EXPECT_EQ(span_complement(a, 12), (SpanSet{{4, 5}, {10, 12}}));
    EXPECT_EQ(span_union(a, {{4, 5}}), (SpanSet{{0, 10}}));
}

}  // namespace
}  // namespace npt
