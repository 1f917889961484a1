// reconcile_test.cpp — consensus codings by every rule checked character by character
// against the compared coders' codings; rule and accept/reject decisions logged with who and when; undo;
// bad requests leave the project as it was.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "core/agreement/disagreements.hpp"
#include "core/agreement/reconcile.hpp"
#include "core/agreement_snapshot.hpp"
#include "core/model/coders.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/store/undo.hpp"
#include "support/test_support.hpp"

namespace npt::agreement {
namespace {
using test_snapshot::user_data;

const std::vector<std::string> kCoders = {"Amira", "Ben", "Chloe"};
const std::vector<std::string> kCodes = {"Coherence", "Collective action/Skill set workability"};

class ReconcileTest : public ::testing::Test {
protected:
    void SetUp() override {
        project_.emplace(Project::create(dir_ / "study.nptq", "study"));
        Project& p = *project_;
        p.set_actor("Lead");
        for (int d = 0; d < 2; ++d) {
            std::string text;
            for (int w = 0; w < 25; ++w) text += w % 5 == 0 ? "Zoë " : "hub ";
            docs_.push_back(add_document(p, {"p" + std::to_string(d) + ".txt", text, "", "text", "", {{0, 40, "Interviewer", {}, {}}}}));
        }
        for (const auto& c : kCoders) add_coder(p, c);
        std::mt19937_64 rng(99);
        std::vector<CodingRequest> reqs;
        for (int i = 0; i < 45; ++i) {
            const DocumentInfo& d = docs_[rng() % docs_.size()];
            std::int64_t s = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(d.length - 1));
            std::int64_t e = std::min(d.length, s + 1 + static_cast<std::int64_t>(rng() % 20));
            reqs.push_back({d.name, s, e, kCodes[rng() % 2], kCoders[rng() % 3], "", ""});
        }
        apply_codings(p, reqs);
    }

    // coverage[doc][code] = per-character mask over `coders` (bit i = coders[i]).
    std::map<std::pair<std::string, std::string>, std::vector<std::uint32_t>> masks(const std::vector<std::string>& coders) {
        std::map<std::pair<std::string, std::string>, std::vector<std::uint32_t>> out;
        for (const auto& d : docs_)
            for (const auto& c : kCodes) out[{d.name, c}].assign(static_cast<std::size_t>(d.length), 0);
        SegmentFilter f;
        f.coders = coders;
        for (const CodedSegment& s : list_segments(*project_, f)) {
            auto bit = static_cast<std::uint32_t>(std::find(coders.begin(), coders.end(), s.coder) - coders.begin());
            for (std::int64_t q = s.coding.start; q < s.coding.end; ++q)
                out[{s.document, s.code}][static_cast<std::size_t>(q)] |= 1u << bit;
        }
        return out;
    }

    test::TempDir dir_;
    std::optional<Project> project_;
    std::vector<DocumentInfo> docs_;
};

TEST_F(ReconcileTest, EveryRuleMatchesPerCharacterSelection) {
    Project& p = *project_;
    const auto compared = masks(kCoders);
    std::map<std::string, std::function<bool(std::uint32_t)>> rules = {
        {"union", [](std::uint32_t m) { return m != 0; }},
        {"intersection", [](std::uint32_t m) { return m == 7; }},
        {"majority", [](std::uint32_t m) { return __builtin_popcount(m) >= 2; }},
        {"A", [](std::uint32_t m) { return (m & 1) != 0; }},
        {"B", [](std::uint32_t m) { return (m & 2) != 0; }},
        {"Chloe", [](std::uint32_t m) { return (m & 4) != 0; }}};
    for (auto& [rule, keep] : rules) {
        std::string into = "Consensus " + rule;
        ReconcileSummary s = reconcile(p, {kCoders, into, rule, {}, {}, ""});
        EXPECT_EQ(s.consensus.name, into);
        auto got = masks({into});
        std::int64_t kept_chars = 0;
        for (auto& [key, v] : compared)
            for (std::size_t q = 0; q < v.size(); ++q) {
                ASSERT_EQ(got[key][q] != 0, keep(v[q])) << rule << " " << key.first << " " << key.second << " @" << q;
                kept_chars += keep(v[q]);
            }
        // Consensus codings obey the coding rule: none touch or overlap within a code and document.
        SegmentFilter f;
        f.coders = {into};
        auto segs = list_segments(p, f);
        for (std::size_t i = 1; i < segs.size(); ++i)
            if (segs[i].document == segs[i - 1].document && segs[i].code == segs[i - 1].code) {
                EXPECT_GT(segs[i].coding.start, segs[i - 1].coding.end) << rule;
            }
        EXPECT_GT(kept_chars, 0) << rule;
    }
}

TEST_F(ReconcileTest, RuleIsOneUndoableStep) {
    Project& p = *project_;
    std::string before = user_data(p);
    reconcile(p, {{"Amira", "Ben"}, "Consensus", "union", {}, {}, ""});
    EXPECT_NE(user_data(p), before);
    auto step = undo(p);
    ASSERT_TRUE(step);
    EXPECT_EQ(step->label, "Reconcile Amira,Ben into Consensus");
    EXPECT_EQ(user_data(p), before);
    EXPECT_FALSE(find_coder(p, "Consensus"));
}

TEST_F(ReconcileTest, DecisionsAreRecordedWithWhoAndWhenAndCanBeUndone) {
    Project& p = *project_;
    reconcile(p, {{"Amira", "Ben"}, "Consensus", "intersection", {}, {}, ""});
    auto list = find_disagreements(p, {{"Amira", "Ben"}, {}, {}});
    ASSERT_GE(list.size(), 2u);
    const Disagreement& yes = list[0];
    const Disagreement& no = list[1];
    std::string before = user_data(p);
    ReconcileSummary s = reconcile(p, {{"Amira", "Ben"}, "Consensus", "", {yes.id}, {no.id}, "discussed 3 May"});
    EXPECT_EQ(s.decisions, 2);
    auto got = masks({"Consensus"});
    const auto& yes_chars = got[std::make_pair(yes.document, yes.code)];
    const auto& no_chars = got[std::make_pair(no.document, no.code)];
    for (std::int64_t q = yes.start; q < yes.end; ++q) EXPECT_EQ(yes_chars[static_cast<std::size_t>(q)], 1u);
    for (std::int64_t q = no.start; q < no.end; ++q) EXPECT_EQ(no_chars[static_cast<std::size_t>(q)], 0u);
    // The rule pass logged one decision per disagreement; the two manual ones follow.
    auto all = list_reconcile_decisions(p);
    ASSERT_EQ(all.size(), list.size() + 2);
    for (std::size_t i = 0; i < list.size(); ++i) {
        EXPECT_EQ(all[i].method, "rule");
        EXPECT_EQ(all[i].rule, "intersection");
        EXPECT_FALSE(all[i].result);  // intersection keeps no disagreement
    }
    std::vector<ReconcileDecision> decisions(all.begin() + static_cast<std::ptrdiff_t>(list.size()), all.end());
    EXPECT_EQ(decisions[0].method, "manual");
    EXPECT_EQ(decisions[0].decision, "accept both");
    EXPECT_EQ(decisions[0].decided_by, "Lead");
    EXPECT_EQ(decisions[0].consensus_coder, "Consensus");
    EXPECT_EQ(decisions[0].document, yes.document);
    EXPECT_EQ(decisions[0].code, yes.code);
    EXPECT_EQ(decisions[0].start, yes.start);
    EXPECT_FALSE(decisions[0].time.empty());
    EXPECT_EQ(decisions[0].note, "discussed 3 May");
    EXPECT_EQ(decisions[0].text, yes.text);
    EXPECT_EQ(decisions[1].decision, "reject both");
    ASSERT_TRUE(undo(p));
    EXPECT_EQ(user_data(p), before);
    EXPECT_EQ(list_reconcile_decisions(p).size(), list.size());
}

TEST_F(ReconcileTest, BadRequestsChangeNothing) {
    Project& p = *project_;
    reconcile(p, {{"Amira", "Ben"}, "Consensus", "union", {}, {}, ""});
    std::string before = user_data(p);
    auto undo_before = next_undo(p)->id;
    // A rule into a coder that already has codings.
    EXPECT_THROW(reconcile(p, {{"Amira", "Ben"}, "Consensus", "intersection", {}, {}, ""}), InputError);
    EXPECT_THROW(reconcile(p, {{"Amira", "Ben"}, "New", "plurality", {}, {}, ""}), InputError);
    EXPECT_THROW(reconcile(p, {{"Amira", "Ben"}, "Ben", "union", {}, {}, ""}), InputError);
    EXPECT_THROW(reconcile(p, {{"Amira", "Ben"}, "New", "", {}, {}, ""}), InputError);
    EXPECT_THROW(reconcile(p, {{"Amira"}, "New", "union", {}, {}, ""}), InputError);
    EXPECT_THROW(reconcile(p, {{"Amira", "Zed"}, "New", "union", {}, {}, ""}), NotFoundError);
    // A good decision followed by a stale id: neither lands.
    auto list = find_disagreements(p, {{"Amira", "Ben"}, {}, {}});
    ASSERT_FALSE(list.empty());
    std::string stale = disagreement_id(list[0].document_id, list[0].code_id, list[0].start, list[0].end + 1000);
    EXPECT_THROW(reconcile(p, {{"Amira", "Ben"}, "New", "", {list[0].id, stale}, {}, ""}), InputError);
    EXPECT_THROW(reconcile(p, {{"Amira", "Ben"}, "New", "", {"not-an-id"}, {}, ""}), InputError);
    EXPECT_EQ(user_data(p), before);
    EXPECT_FALSE(find_coder(p, "New"));
    EXPECT_EQ(next_undo(p)->id, undo_before);
}

}  // namespace
}  // namespace npt::agreement
