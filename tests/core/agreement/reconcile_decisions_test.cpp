// reconcile_decisions_test.cpp — the manual walk, one disagreement at a time: accept A, accept B,
// accept both, reject both and a custom span each write exactly the consensus codings they promise
// (read back from the coding table), are one undoable step, and land in the decision log with who,
// when, the note, the coders on each side and the text; the rule pass logs every disagreement it
// settled; bad decisions change nothing; a schema-1 file's decisions survive the upgrade.
#include <gtest/gtest.h>

#include "core/agreement/disagreements.hpp"
#include "core/agreement/reconcile.hpp"
#include "core/agreement_snapshot.hpp"
#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/store/schema.hpp"
#include "core/store/undo.hpp"
#include "core/text/utf8_text.hpp"
#include "support/test_support.hpp"

namespace npt::agreement {
namespace {
using test_snapshot::user_data;

const ReconcileTarget kTarget{{"Amira", "Ben"}, "Consensus"};

class DecisionTest : public ::testing::Test {
protected:
    void SetUp() override {
        project_.emplace(Project::create(dir_ / "study.nptq", "study"));
        Project& p = *project_;
        p.set_actor("Lead");
        // 80 code points; non-ASCII so that code points and bytes differ.
        for (int i = 0; i < 8; ++i) text_ += i % 2 ? "Zoë café " : "the hub. ";
        text_ += "σιγά σιγά";
        doc_ = add_document(p, {"p01.txt", text_, "", "text", "", {{0, 30, "Interviewer", {}, {}}, {30, 81, "P01", {}, {}}}});
        add_coder(p, "Amira");
        add_coder(p, "Ben");
        code_ = ensure_code(p, "Coherence/Differentiation").id;
        apply_codings(p, {{"p01.txt", 10, 50, "Coherence/Differentiation", "Amira", "", ""},
                          {"p01.txt", 20, 60, "Coherence/Differentiation", "Ben", "", ""}});
        auto list = find_disagreements(p, {kTarget.coders, {}, {}});
        ASSERT_EQ(list.size(), 2u);
        amira_only_ = list[0];  // [10, 20)
        ben_only_ = list[1];    // [50, 60)
        ASSERT_EQ(amira_only_.start, 10);
        ASSERT_EQ(ben_only_.end, 60);
    }

    // The consensus coder's codings of the code, as stored.
    std::vector<Span> consensus() {
        std::vector<Span> out;
        auto c = find_coder(*project_, "Consensus");
        if (!c) return out;
        sqlite::Statement st(project_->db(), "SELECT start, end FROM coding WHERE coder_id = ? AND code_id = ? ORDER BY start");
        st.bind(1, c->id).bind(2, code_);
        while (st.step()) out.push_back({st.int64(0), st.int64(1)});
        return out;
    }
    std::string slice(std::int64_t s, std::int64_t e) {
        text::CodePointIndex index(text_);
        return std::string(index.slice(static_cast<std::size_t>(s), static_cast<std::size_t>(e)));
    }

    test::TempDir dir_;
    std::optional<Project> project_;
    std::string text_;
    DocumentInfo doc_;
    CodeId code_;
    Disagreement amira_only_, ben_only_;
};

TEST_F(DecisionTest, AcceptAAndAcceptBFollowThatCoder) {
    Project& p = *project_;
    DecisionOutcome a1 = accept_a(p, kTarget, amira_only_.id, "A was right");
    EXPECT_EQ(consensus(), (std::vector<Span>{{10, 20}}));
    EXPECT_EQ(a1.consensus.name, "Consensus");
    EXPECT_EQ(a1.decision.decision, "accept coder");
    EXPECT_EQ(a1.decision.coder, "Amira");
    ASSERT_TRUE(a1.decision.result);
    EXPECT_EQ(*a1.decision.result, (Span{10, 20}));
    accept_a(p, kTarget, ben_only_.id);  // Amira did not code [50, 60): nothing added
    EXPECT_EQ(consensus(), (std::vector<Span>{{10, 20}}));
    DecisionOutcome b = accept_b(p, kTarget, ben_only_.id, "");
    EXPECT_EQ(consensus(), (std::vector<Span>{{10, 20}, {50, 60}}));
    EXPECT_EQ(b.decision.coder, "Ben");
    accept_b(p, kTarget, amira_only_.id);  // Ben did not code [10, 20): it goes
    EXPECT_EQ(consensus(), (std::vector<Span>{{50, 60}}));

    auto log = list_reconcile_decisions(p);
    ASSERT_EQ(log.size(), 4u);
    const ReconcileDecision& d = log[0];
    EXPECT_EQ(d.method, "manual");
    EXPECT_EQ(d.decision, "accept coder");
    EXPECT_EQ(d.coder, "Amira");
    EXPECT_EQ(d.consensus_coder, "Consensus");
    EXPECT_EQ(d.document, "p01.txt");
    EXPECT_EQ(d.code, "Coherence/Differentiation");
    EXPECT_EQ(d.start, 10);
    EXPECT_EQ(d.end, 20);
    EXPECT_EQ(d.coders_with, std::vector<std::string>{"Amira"});
    EXPECT_EQ(d.coders_without, std::vector<std::string>{"Ben"});
    EXPECT_EQ(d.text, slice(10, 20));
    EXPECT_EQ(d.result_text, slice(10, 20));
    EXPECT_EQ(d.speaker, "Interviewer");
    EXPECT_EQ(d.decided_by, "Lead");
    EXPECT_FALSE(d.time.empty());
    EXPECT_EQ(d.note, "A was right");
    EXPECT_FALSE(log[1].result);
    EXPECT_TRUE(log[1].result_text.empty());
    EXPECT_EQ(log[2].speaker, "P01");
}

TEST_F(DecisionTest, AcceptBothAndRejectBoth) {
    Project& p = *project_;
    accept_both(p, kTarget, amira_only_.id, "both fine");
    accept_both(p, kTarget, ben_only_.id);
    EXPECT_EQ(consensus(), (std::vector<Span>{{10, 20}, {50, 60}}));
    reject_both(p, kTarget, amira_only_.id);
    EXPECT_EQ(consensus(), (std::vector<Span>{{50, 60}}));
    auto log = list_reconcile_decisions(p, "Consensus");
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0].decision, "accept both");
    EXPECT_EQ(log[2].decision, "reject both");
    EXPECT_FALSE(log[2].result);
    EXPECT_TRUE(list_reconcile_decisions(p, "Somebody else").empty());
    // The latest decision per disagreement: [10, 20) was accepted, then rejected.
    auto latest = decisions_by_disagreement(p, kTarget);
    ASSERT_EQ(latest.size(), 2u);
    EXPECT_EQ(latest.at(amira_only_.id).decision, "reject both");
    EXPECT_EQ(latest.at(ben_only_.id).decision, "accept both");
}

TEST_F(DecisionTest, ACustomSpanReplacesTheConsensusOverTheContestedPassage) {
    Project& p = *project_;
    EXPECT_EQ(contested_passage(p, kTarget, amira_only_.id), (Span{10, 60}));
    // A rule pass first: intersection gives the consensus [20, 50).
    reconcile(p, {kTarget.coders, kTarget.into, "intersection", {}, {}, ""});
    EXPECT_EQ(consensus(), (std::vector<Span>{{20, 50}}));
    // Drag the ends to 15 and 40: everything of the passage outside [15, 40) goes.
    DecisionOutcome o = set_consensus_span(p, kTarget, ben_only_.id, {15, 40}, "shorter");
    EXPECT_EQ(consensus(), (std::vector<Span>{{15, 40}}));
    EXPECT_EQ(o.decision.decision, "span");
    ASSERT_TRUE(o.decision.result);
    EXPECT_EQ(*o.decision.result, (Span{15, 40}));
    EXPECT_EQ(o.decision.result_text, slice(15, 40));
    EXPECT_EQ(o.decision.text, slice(50, 60));
    // Beyond the passage is allowed when it overlaps it: [5, 70).
    set_consensus_span(p, kTarget, amira_only_.id, {5, 70});
    EXPECT_EQ(consensus(), (std::vector<Span>{{5, 70}}));
}

TEST_F(DecisionTest, EachDecisionIsOneUndoableStep) {
    Project& p = *project_;
    const std::string before = user_data(p);
    accept_a(p, kTarget, amira_only_.id);
    const std::string after_first = user_data(p);
    set_consensus_span(p, kTarget, ben_only_.id, {12, 58}, "n");
    auto step = undo(p);
    ASSERT_TRUE(step);
    EXPECT_EQ(step->label, "Reconcile: span 12-58 p01.txt Coherence/Differentiation into Consensus");
    EXPECT_EQ(user_data(p), after_first);
    EXPECT_EQ(list_reconcile_decisions(p).size(), 1u);
    ASSERT_TRUE(undo(p));
    EXPECT_EQ(user_data(p), before);
    EXPECT_TRUE(list_reconcile_decisions(p).empty());
    EXPECT_FALSE(find_coder(p, "Consensus"));
}

TEST_F(DecisionTest, TheRulePassLogsEveryDisagreementItSettled) {
    Project& p = *project_;
    ReconcileSummary s = reconcile(p, {kTarget.coders, "Union", "union", {}, {}, "first pass"});
    EXPECT_EQ(s.decisions, 2);
    ReconcileSummary t = reconcile(p, {kTarget.coders, "OnlyB", "B", {}, {}, ""});
    EXPECT_EQ(t.decisions, 2);
    auto u = list_reconcile_decisions(p, "Union");
    ASSERT_EQ(u.size(), 2u);
    for (const auto& d : u) {
        EXPECT_EQ(d.method, "rule");
        EXPECT_EQ(d.decision, "rule");
        EXPECT_EQ(d.rule, "union");
        EXPECT_TRUE(d.result);
        EXPECT_EQ(d.note, "first pass");
        EXPECT_EQ(d.text, slice(d.start, d.end));
    }
    auto b = list_reconcile_decisions(p, "OnlyB");
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(b[0].rule, "Ben");  // "B" is logged as the coder it names
    EXPECT_FALSE(b[0].result);    // [10, 20): Amira's only
    ASSERT_TRUE(b[1].result);     // [50, 60): Ben's
    EXPECT_EQ(*b[1].result, (Span{50, 60}));
}

TEST_F(DecisionTest, BadDecisionsChangeNothing) {
    Project& p = *project_;
    accept_a(p, kTarget, amira_only_.id);
    const std::string before = user_data(p);
    const auto undo_before = next_undo(p)->id;
    std::string stale = disagreement_id(doc_.id, code_, 10, 21);
    EXPECT_THROW(accept_a(p, kTarget, stale), InputError);
    EXPECT_THROW(accept_both(p, kTarget, "garbage"), InputError);
    EXPECT_THROW(accept_coder(p, kTarget, amira_only_.id, "Chloe"), InputError);
    EXPECT_THROW(reject_both(p, {{"Amira", "Ben"}, "Ben"}, amira_only_.id), InputError);
    EXPECT_THROW(reject_both(p, {{"Amira"}, "Consensus"}, amira_only_.id), InputError);
    EXPECT_THROW(set_consensus_span(p, kTarget, amira_only_.id, {70, 75}), InputError);  // outside the passage
    EXPECT_THROW(set_consensus_span(p, kTarget, amira_only_.id, {30, 30}), InputError);  // empty
    EXPECT_THROW(set_consensus_span(p, kTarget, amira_only_.id, {30, 500}), InputError);  // past the end
    EXPECT_THROW(accept_a(p, kTarget, disagreement_id(DocumentId{999}, code_, 10, 20)), NotFoundError);
    EXPECT_EQ(user_data(p), before);
    EXPECT_EQ(next_undo(p)->id, undo_before);
    EXPECT_EQ(list_reconcile_decisions(p).size(), 1u);
}

TEST(DecisionLogMigrationTest, SchemaOneDecisionsBecomeManualAcceptOrRejectBoth) {
    test::TempDir dir;
    const auto path = dir / "old.nptq";
    {
        // A schema-1 file, built by schema 1's own migration, with two decisions in the old form.
        sqlite::Database db(path, sqlite::Database::Mode::ReadWriteCreate);
        db.exec("PRAGMA foreign_keys = ON");
        schema::migrate_to(db, 1);
        db.exec("INSERT INTO project_meta(key, value) VALUES('name', 'old'), ('guid', 'g')");
        db.exec("INSERT INTO coder(id, name, guid, created) VALUES(1, 'Consensus', 'c1', '2026-01-01T00:00:00Z')");
        db.exec("INSERT INTO document(id, name, text, sha256, imported, length, guid) "
                "VALUES(1, 'd.txt', 'Zoë said the café was calm', 'x', '2026-01-01T00:00:00Z', 26, 'd1')");
        db.exec("INSERT INTO code(id, name, guid, created, modified) VALUES(1, 'Coherence', 'k1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        db.exec("INSERT INTO reconcile_decision(consensus_coder_id, document_id, code_id, start, end, decision, decided_by, "
                "time, note) VALUES(1, 1, 1, 0, 3, 'accept', 'Lead', '2026-01-02T00:00:00Z', 'ok'), "
                "(1, 1, 1, 13, 17, 'reject', 'Lead', '2026-01-03T00:00:00Z', '')");
        EXPECT_EQ(db.scalar_int("PRAGMA user_version"), 1);
    }
    Project p = Project::open(path);  // the open-time schema check accepts schema 1, then upgrades
    EXPECT_EQ(p.db().scalar_int("PRAGMA user_version"), schema::current_version());
    auto log = list_reconcile_decisions(p);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].method, "manual");
    EXPECT_EQ(log[0].decision, "accept both");
    EXPECT_EQ(log[0].text, "Zoë");
    EXPECT_EQ(log[0].result_text, "Zoë");
    ASSERT_TRUE(log[0].result);
    EXPECT_EQ(*log[0].result, (Span{0, 3}));
    EXPECT_EQ(log[0].note, "ok");
    EXPECT_EQ(log[1].decision, "reject both");
    EXPECT_EQ(log[1].text, "café");
    EXPECT_FALSE(log[1].result);
    EXPECT_EQ(p.integrity_check(), "ok");
    // The upgraded file opens again (its schema is exactly the current one) and takes new decisions.
    Project again = Project::open(path);
    EXPECT_EQ(list_reconcile_decisions(again).size(), 2u);
}

}  // namespace
}  // namespace npt::agreement
