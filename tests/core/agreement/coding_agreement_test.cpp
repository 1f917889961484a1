// coding_agreement_test.cpp — coding agreement at the character, document and segment units, the
// interval sweep and disagreements, each checked against a per-character (or all-pairs) brute
// force on random seeded codings, in memory and through a real project.
#include <gtest/gtest.h>

#include <random>

#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/disagreements.hpp"
#include "core/agreement/interval_sweep.hpp"
#include "core/agreement_brute_force.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/utf8_text.hpp"
#include "support/test_support.hpp"

namespace npt::agreement {
namespace {
using namespace brute;

AgreementInput random_input(std::uint64_t seed, int coders, int codes, int docs, int codings_per_doc) {
    std::mt19937_64 rng(seed);
    AgreementInput in;
    for (int i = 0; i < coders; ++i) in.coders.push_back("coder" + std::to_string(i));
    for (int i = 0; i < codes; ++i) in.codes.push_back("Code " + std::to_string(i));
    for (int d = 0; d < docs; ++d) {
        in.documents.push_back("doc" + std::to_string(d));
        in.document_lengths.push_back(40 + static_cast<std::int64_t>(rng() % 90));
    }
    for (int d = 0; d < docs; ++d)
        for (int k = 0; k < codings_per_doc; ++k) {
            std::int64_t len = in.document_lengths[static_cast<std::size_t>(d)];
            std::int64_t s = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(len - 1));
            std::int64_t e = s + 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(std::min<std::int64_t>(30, len - s)));
            in.codings.push_back({d, static_cast<int>(rng() % static_cast<unsigned>(codes)),
                                  static_cast<int>(rng() % static_cast<unsigned>(coders)), s, std::min(e, len)});
        }
    return in;
}

// Per-character values: has[code][doc][pos] = coder mask, by marking every character of every coding.
using Masks = std::vector<std::vector<std::vector<std::uint32_t>>>;
Masks per_character(const AgreementInput& in) {
    Masks m(in.codes.size());
    for (auto& by_doc : m)
        for (std::int64_t len : in.document_lengths) by_doc.emplace_back(static_cast<std::size_t>(len), 0u);
    for (const AgreementCoding& c : in.codings)
        for (std::int64_t p = c.start; p < c.end; ++p)
            m[static_cast<std::size_t>(c.code)][static_cast<std::size_t>(c.document)][static_cast<std::size_t>(p)] |= 1u << c.coder;
    return m;
}

std::vector<int> row_of(std::uint32_t mask, int coders) {
    std::vector<int> row;
    for (int i = 0; i < coders; ++i) row.push_back((mask >> i) & 1u ? 1 : 0);
    return row;
}

void expect_row_matches(const AgreementRow& row, const Table& t, int coders, const std::string& what) {
    Brute b = brute_nominal(t, coders, 2);
    expect_same(row.stats.percent_agreement, b.pa, (what + " percent").c_str(), 0);
    expect_same(row.stats.cohen_kappa, b.cohen, (what + " cohen").c_str(), 0);
    expect_same(row.stats.scott_pi, b.scott, (what + " scott").c_str(), 0);
    expect_same(row.stats.fleiss_kappa, b.fleiss, (what + " fleiss").c_str(), 0);
    expect_same(row.stats.brennan_prediger, b.bp, (what + " bp").c_str(), 0);
    expect_same(row.stats.krippendorff_alpha, brute_alpha(t, {0.0, 1.0}, Level::Nominal), (what + " alpha").c_str(), 0);
    EXPECT_EQ(row.stats.counts.units, static_cast<std::int64_t>(t.size())) << what;
}

TEST(AgreementCoding, SweepCountsEqualPerCharacterCounts) {
    std::mt19937_64 rng(5);
    for (int trial = 0; trial < 300; ++trial) {
        int coders = 1 + static_cast<int>(rng() % 5);
        std::int64_t length = 1 + static_cast<std::int64_t>(rng() % 200);
        std::vector<CoderInterval> ivs;
        std::vector<std::uint32_t> mask(static_cast<std::size_t>(length), 0);
        int n = static_cast<int>(rng() % 12);
        for (int i = 0; i < n; ++i) {
            // Some intervals stick out of the document on either side: they are clipped.
            std::int64_t s = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(length + 10)) - 5;
            std::int64_t e = s + static_cast<std::int64_t>(rng() % 40);
            int c = static_cast<int>(rng() % static_cast<unsigned>(coders));
            ivs.push_back({s, e, c});
            for (std::int64_t p = std::max<std::int64_t>(s, 0); p < std::min(e, length); ++p) mask[static_cast<std::size_t>(p)] |= 1u << c;
        }
        std::vector<std::int64_t> counts(std::size_t{1} << coders, 0), want(counts.size(), 0);
        add_coverage_counts(ivs, length, counts);
        for (std::uint32_t m : mask) ++want[m];
        EXPECT_EQ(counts, want) << "trial " << trial;
        // Runs: cover [0, length) exactly, maximal, each with the brute mask.
        auto runs = coverage_runs(ivs, length);
        std::int64_t at = 0;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            EXPECT_EQ(runs[r].start, at);
            if (r) {
                EXPECT_NE(runs[r].coders, runs[r - 1].coders);
            }
            for (std::int64_t p = runs[r].start; p < runs[r].end; ++p) ASSERT_EQ(runs[r].coders, mask[static_cast<std::size_t>(p)]);
            at = runs[r].end;
        }
        EXPECT_EQ(at, length);
    }
}

TEST(AgreementCoding, CharacterUnitMatchesBruteForce) {
    for (std::uint64_t seed : {1u, 2u, 3u, 4u}) {
        int coders = 2 + static_cast<int>(seed % 3);
        AgreementInput in = random_input(seed, coders, 3, 3, 10);
        AgreementReport r = compute_agreement(in, {Unit::Character});
        Masks m = per_character(in);
        Table overall;
        for (std::size_t c = 0; c < in.codes.size(); ++c) {
            Table t;
            for (auto& doc : m[c])
                for (std::uint32_t mask : doc) t.push_back(row_of(mask, coders));
            overall.insert(overall.end(), t.begin(), t.end());
            ASSERT_EQ(r.codes[c].name, in.codes[c]);
            expect_row_matches(r.codes[c], t, coders, in.codes[c] + " seed " + std::to_string(seed));
        }
        expect_row_matches(r.overall, overall, coders, "overall seed " + std::to_string(seed));
        for (std::size_t d = 0; d < in.documents.size(); ++d) {
            Table t;
            for (std::size_t c = 0; c < in.codes.size(); ++c)
                for (std::uint32_t mask : m[c][d]) t.push_back(row_of(mask, coders));
            expect_row_matches(r.documents[d], t, coders, in.documents[d]);
        }
    }
}

TEST(AgreementCoding, DocumentUnitMatchesBruteForce) {
    for (std::uint64_t seed : {11u, 12u, 13u}) {
        int coders = 2 + static_cast<int>(seed % 3);
        AgreementInput in = random_input(seed, coders, 4, 9, 3);
        AgreementReport r = compute_agreement(in, {Unit::Document});
        Table overall;
        for (std::size_t c = 0; c < in.codes.size(); ++c) {
            Table t;
            for (std::size_t d = 0; d < in.documents.size(); ++d) {
                std::uint32_t mask = 0;
                for (const AgreementCoding& k : in.codings)
                    if (k.code == static_cast<int>(c) && k.document == static_cast<int>(d)) mask |= 1u << k.coder;
                t.push_back(row_of(mask, coders));
            }
            overall.insert(overall.end(), t.begin(), t.end());
            expect_row_matches(r.codes[c], t, coders, in.codes[c]);
        }
        expect_row_matches(r.overall, overall, coders, "overall");
    }
}

TEST(AgreementCoding, SegmentUnitMatchesAllPairsBruteForce) {
    for (double overlap : {0.2, 0.5, 0.9, 1.0}) {
        AgreementInput in = random_input(21, 3, 3, 5, 14);
        AgreementReport r = compute_agreement(in, {Unit::Segment, overlap});
        std::int64_t total = 0, agreeing = 0;
        std::vector<std::int64_t> per_code(in.codes.size(), 0), per_code_agree(in.codes.size(), 0);
        for (std::size_t i = 0; i < in.codings.size(); ++i) {
            const AgreementCoding& a = in.codings[i];
            bool found = false;
            for (std::size_t j = 0; j < in.codings.size() && !found; ++j) {
                const AgreementCoding& b = in.codings[j];
                if (i == j || a.coder == b.coder || a.code != b.code || a.document != b.document) continue;
                double inter = std::max<std::int64_t>(0, std::min(a.end, b.end) - std::max(a.start, b.start));
                double uni = (a.end - a.start) + (b.end - b.start) - inter;
                found = inter > 0 && inter / uni >= overlap - 1e-12;
            }
            ++total;
            ++per_code[static_cast<std::size_t>(a.code)];
            if (found) {
                ++agreeing;
                ++per_code_agree[static_cast<std::size_t>(a.code)];
            }
        }
        EXPECT_EQ(r.overall.segments.segments, total);
        EXPECT_EQ(r.overall.segments.agreeing_segments, agreeing) << overlap;
        double po = static_cast<double>(agreeing) / static_cast<double>(total);
        EXPECT_NEAR(*r.overall.stats.percent_agreement, po, 1e-12);
        EXPECT_NEAR(*r.overall.stats.brennan_prediger, (po - 1.0 / 3) / (1 - 1.0 / 3), 1e-12);  // K = 3 codes
        EXPECT_FALSE(r.overall.stats.cohen_kappa);
        EXPECT_FALSE(r.overall.stats.krippendorff_alpha);
        for (std::size_t c = 0; c < in.codes.size(); ++c) {
            EXPECT_EQ(r.codes[c].segments.segments, per_code[c]);
            EXPECT_EQ(r.codes[c].segments.agreeing_segments, per_code_agree[c]);
        }
    }
    AgreementInput in = random_input(21, 2, 2, 2, 3);
    EXPECT_THROW(compute_agreement(in, {Unit::Segment, 0.0}), InputError);
    EXPECT_THROW(compute_agreement(in, {Unit::Segment, 1.5}), InputError);
}

TEST(AgreementCoding, IdenticalCodingsAgreeFullyAndNothingCodedIsUndefined) {
    AgreementInput in;
    in.coders = {"A", "B"};
    in.codes = {"X", "Y"};
    in.documents = {"d"};
    in.document_lengths = {100};
    in.codings = {{0, 0, 0, 10, 30}, {0, 0, 1, 10, 30}};
    AgreementReport r = compute_agreement(in, {Unit::Character});
    EXPECT_DOUBLE_EQ(*r.codes[0].stats.cohen_kappa, 1.0);
    EXPECT_DOUBLE_EQ(*r.codes[0].stats.krippendorff_alpha, 1.0);
    EXPECT_EQ(r.codes[0].units_by_coders, (std::vector<std::int64_t>{80, 0, 0, 20}));
    // Code Y: nobody coded anything, so kappa and alpha are undefined, not 1.
    EXPECT_DOUBLE_EQ(*r.codes[1].stats.percent_agreement, 1.0);
    EXPECT_FALSE(r.codes[1].stats.cohen_kappa);
    EXPECT_FALSE(r.codes[1].stats.krippendorff_alpha);
}

TEST(AgreementCoding, DisagreementsEqualPerCharacterRuns) {
    AgreementInput in = random_input(31, 3, 2, 3, 10);
    auto found = find_disagreements(in);
    Masks m = per_character(in);
    std::vector<std::tuple<int, std::int64_t, std::string, std::int64_t>> want;  // doc, start, code, end
    const std::uint32_t all = 7;
    for (std::size_t d = 0; d < in.documents.size(); ++d)
        for (std::size_t c = 0; c < in.codes.size(); ++c) {
            const auto& v = m[c][d];
            for (std::size_t p = 0; p < v.size();) {
                std::size_t q = p;
                while (q < v.size() && v[q] == v[p]) ++q;
                if (v[p] != 0 && v[p] != all)
                    want.emplace_back(static_cast<int>(d), static_cast<std::int64_t>(p), in.codes[c], static_cast<std::int64_t>(q));
                p = q;
            }
        }
    std::sort(want.begin(), want.end());
    ASSERT_EQ(found.size(), want.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        EXPECT_EQ(found[i].document, in.documents[static_cast<std::size_t>(std::get<0>(want[i]))]);
        EXPECT_EQ(found[i].start, std::get<1>(want[i]));
        EXPECT_EQ(found[i].code, std::get<2>(want[i]));
        EXPECT_EQ(found[i].end, std::get<3>(want[i]));
        EXPECT_EQ(found[i].coders_with.size() + found[i].coders_without.size(), 3u);
        EXPECT_FALSE(found[i].coders_with.empty());
        EXPECT_FALSE(found[i].coders_without.empty());
    }
}

TEST(AgreementCoding, DisagreementIdsRoundTripAndRejectGarbage) {
    auto k = parse_disagreement_id(disagreement_id(DocumentId{12}, CodeId{3}, 100, 250));
    EXPECT_EQ(k.document_id, DocumentId{12});
    EXPECT_EQ(k.code_id, CodeId{3});
    EXPECT_EQ(k.start, 100);
    EXPECT_EQ(k.end, 250);
    for (const char* bad : {"", "12", "12:3", "12:3:100", "12:3:100-", "a:3:1-2", "12:3:5-5", "12:3:1-2x", "12:3:1:2"})
        EXPECT_THROW(parse_disagreement_id(bad), InputError) << bad;
}

// Through a project: codings applied with the coding rule, read back by load_agreement_input,
// compared with a per-character brute force built from list_segments.
TEST(AgreementCoding, ProjectAgreementMatchesSegmentsBruteForce) {
    test::TempDir dir;
    Project p = Project::create(dir / "study.nptq", "study");
    std::mt19937_64 rng(77);
    std::vector<DocumentInfo> docs;
    for (int d = 0; d < 3; ++d) {
        std::string text;
        for (int w = 0; w < 30; ++w) text += (w % 7 == 3 ? "café " : "word ");
        docs.push_back(add_document(p, {"p" + std::to_string(d) + ".txt", text + "ψυχή\n", "", "text", "", {}}));
    }
    for (const char* c : {"Amira", "Ben", "Chloe"}) add_coder(p, c);
    std::vector<CodingRequest> reqs;
    for (int i = 0; i < 40; ++i) {
        const DocumentInfo& d = docs[rng() % docs.size()];
        std::int64_t s = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(d.length - 1));
        std::int64_t e = std::min(d.length, s + 1 + static_cast<std::int64_t>(rng() % 25));
        const char* code = rng() % 2 ? "Coherence" : "Coherence/Differentiation";
        const char* coder = i % 3 == 0 ? "Amira" : i % 3 == 1 ? "Ben" : "Chloe";
        reqs.push_back({d.name, s, e, code, coder, "", ""});
    }
    apply_codings(p, reqs);

    AgreementInput in = load_agreement_input(p, {{"Amira", "Ben"}, {}, {}});
    ASSERT_EQ(in.codes.size(), 2u);  // every code the two coders used, in tree order
    EXPECT_EQ(in.codes[0], "Coherence");
    AgreementReport r = compute_agreement(in, {Unit::Character});
    for (std::size_t c = 0; c < in.codes.size(); ++c) {
        SegmentFilter f;
        f.codes = {in.codes[c]};
        f.coders = {"Amira", "Ben"};
        std::map<std::string, std::vector<std::uint32_t>> marks;
        for (const DocumentInfo& d : docs) marks[d.name].assign(static_cast<std::size_t>(d.length), 0);
        for (const CodedSegment& s : list_segments(p, f))
            for (std::int64_t q = s.coding.start; q < s.coding.end; ++q)
                marks[s.document][static_cast<std::size_t>(q)] |= s.coder == "Amira" ? 1u : 2u;
        Table t;
        for (auto& [name, v] : marks)
            for (std::uint32_t mask : v) t.push_back(row_of(mask, 2));
        expect_row_matches(r.codes[c], t, 2, in.codes[c]);
    }
    // Scope by documents and codes.
    AgreementInput one = load_agreement_input(p, {{"Amira", "Ben"}, {"Coherence"}, {"p1.txt"}});
    EXPECT_EQ(one.codes, std::vector<std::string>{"Coherence"});
    EXPECT_EQ(one.documents, std::vector<std::string>{"p1.txt"});
    for (const AgreementCoding& c : one.codings) EXPECT_EQ(c.document, 0);
    // Bad scopes.
    EXPECT_THROW(load_agreement_input(p, {{"Amira"}, {}, {}}), InputError);
    EXPECT_THROW(load_agreement_input(p, {{"Amira", "Amira"}, {}, {}}), InputError);
    EXPECT_THROW(load_agreement_input(p, {{"Amira", "Zed"}, {}, {}}), NotFoundError);
    EXPECT_THROW(load_agreement_input(p, {{"Amira", "Ben"}, {"No such code"}, {}}), NotFoundError);
    EXPECT_THROW(load_agreement_input(p, {{"Amira", "Ben"}, {}, {"nope.txt"}}), NotFoundError);
    // Disagreements carry the text of their span.
    for (const Disagreement& d : find_disagreements(p, {{"Amira", "Ben"}, {}, {}})) {
        std::u32string text = text::to_u32(document_text(p, d.document_id));
        EXPECT_EQ(d.text, text::to_utf8(text.substr(static_cast<std::size_t>(d.start), static_cast<std::size_t>(d.end - d.start))));
    }
}


// Issue 13: `agreement --codes Coherence` reported 1.000 because nobody codes the construct
// itself. With descendants, a construct row counts its sub-codes, a coder's overlapping codings
// of different sub-codes joined.
TEST(AgreementCoding, ConstructRowsJoinTheCodesBelow) {
    test::TempDir dir;
    Project p = Project::create(dir / "study.nptq", "study");
    add_document(p, {"p1.txt", std::string(40, 'x'), "", "text", "", {}});
    apply_codings(p, {{"p1.txt", 0, 10, "Coherence/Differentiation", "Amira", "", ""},
                      {"p1.txt", 5, 15, "Coherence/Internalisation", "Amira", "", ""},
                      {"p1.txt", 0, 20, "Coherence/Differentiation", "Ben", "", ""}});
    AgreementInput own = load_agreement_input(p, {{"Amira", "Ben"}, {"Coherence"}, {}});
    EXPECT_TRUE(own.codings.empty());
    EXPECT_FALSE(own.descendants_joined);
    AgreementScope scope{{"Amira", "Ben"}, {"Coherence"}, {}, true};
    AgreementInput rolled = load_agreement_input(p, scope);
    ASSERT_EQ(rolled.codings.size(), 2u);  // Amira's two codings joined into [0, 15)
    EXPECT_EQ(rolled.codings[0].start, 0);
    EXPECT_EQ(rolled.codings[0].end, 15);
    AgreementReport chars = compute_agreement(rolled, {Unit::Character});
    EXPECT_TRUE(chars.codes_include_descendants);
    ASSERT_EQ(chars.codes.size(), 1u);
    EXPECT_DOUBLE_EQ(*chars.codes[0].stats.percent_agreement, 35.0 / 40.0);  // differ on 15..20
    AgreementOptions segments{Unit::Segment, 0.7};
    AgreementReport seg = compute_agreement(rolled, segments);
    EXPECT_EQ(seg.codes[0].segments.segments, 2);           // one joined segment each
    EXPECT_EQ(seg.codes[0].segments.agreeing_segments, 2);  // IoU 15/20 = 0.75 >= 0.7
    // A parent and its child both named: each row counts what it covers.
    AgreementScope both{{"Amira", "Ben"}, {"Coherence", "Coherence/Internalisation"}, {}, true};
    AgreementReport two = compute_agreement(load_agreement_input(p, both), {Unit::Character});
    ASSERT_EQ(two.codes.size(), 2u);
    EXPECT_DOUBLE_EQ(*two.codes[1].stats.percent_agreement, 30.0 / 40.0);  // only Amira, 5..15
}

// Issue 13: segment-unit kappa's K was always the number of codes reported; --chance-codes fixes it.
TEST(AgreementCoding, SegmentChanceCodesFixK) {
    AgreementInput in;
    in.coders = {"A", "B"};
    in.codes = {"X"};
    in.documents = {"d"};
    in.document_lengths = {100};
    in.codings = {{0, 0, 0, 0, 10}, {0, 0, 1, 50, 60}};  // no overlap: p_o = 0
    AgreementReport k1 = compute_agreement(in, {Unit::Segment});
    EXPECT_EQ(k1.compared_codes, 1);
    EXPECT_FALSE(k1.codes[0].stats.brennan_prediger.has_value());  // 1/K = 1: undefined
    AgreementOptions fixed{Unit::Segment};
    fixed.chance_codes = 4;
    AgreementReport k4 = compute_agreement(in, fixed);
    EXPECT_EQ(k4.compared_codes, 4);
    EXPECT_DOUBLE_EQ(*k4.codes[0].stats.brennan_prediger, (0.0 - 0.25) / (1.0 - 0.25));
    fixed.chance_codes = -2;
    EXPECT_THROW(compute_agreement(in, fixed), InputError);
}

}  // namespace
}  // namespace npt::agreement
