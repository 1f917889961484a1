// reconcile.hpp — consensus coding: a new coder whose codings follow a rule over the compared
// coders (union, intersection, one coder's, majority) — the first pass — and single decisions on
// one disagreement at a time — the manual walk: accept A, accept B, accept both, reject both, or
// a custom span. Each call is one undoable action (with an automatic backup for the rule pass)
// and every decision, by rule or by hand, is recorded in the decision log (reconcile_decision):
// who, when, how, the note, the coders on each side and the text (docs/agreement.md).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/text/span.hpp"

namespace npt::agreement {

// ---- rule pass and batch decisions (`nptcoder reconcile`) ----------------------------------

struct ReconcileRequest {
    std::vector<std::string> coders;  // compared coders, at least two
    std::string into;                 // consensus coder's name
    // union | intersection | majority | A | B (first / second of `coders`) | a compared coder's
    // name. Empty: no rule, only decisions.
    std::string rule;
    std::vector<std::string> accept;  // disagreement ids (see disagreements.hpp): accept_both
    std::vector<std::string> reject;  // disagreement ids: reject_both
    std::string note;                 // stored with each decision
};

struct ReconcileSummary {
    Coder consensus;
    std::int64_t codings_created = 0;  // by the rule
    int decisions = 0;                 // recorded: one per disagreement the rule settled, plus accept/reject
};

// Applies the rule, then the decisions, in one action "Reconcile ...". The rule records one
// decision (method "rule") for every disagreement between the coders, saying whether the
// consensus got that stretch. Throws InputError (no rule and no decisions, an unknown rule, a
// consensus coder that is one of the compared coders, a rule into a coder that already has
// codings, an id that is not a current disagreement between the coders) or NotFoundError (unknown
// coder); nothing changes then.
ReconcileSummary reconcile(Project& project, const ReconcileRequest& request);

// ---- one decision on one disagreement (the workbench's walk) ---------------------------------

// Who reconciles: the compared coders (A = coders[0], B = coders[1]; at least two) and the
// consensus coder (created by the first decision if it does not exist; never a compared coder).
struct ReconcileTarget {
    std::vector<std::string> coders;
    std::string into;
};

// One entry of the decision log.
struct ReconcileDecision {
    ReconcileDecisionId id;
    std::string consensus_coder;
    DocumentId document_id;
    std::string document;
    CodeId code_id;
    std::string code;
    std::int64_t start = 0;  // the disagreement's span, code points, end-exclusive
    std::int64_t end = 0;
    std::string method;    // "rule" or "manual"
    // manual: "accept coder" (see `coder`), "accept both", "reject both" or "span";
    // rule: "rule" (see `rule`).
    std::string decision;
    std::string rule;      // method "rule": union, intersection, majority or the coder whose codings were taken
    std::string coder;     // decision "accept coder": whose coding was accepted
    std::vector<std::string> coders_with;     // compared coders who had the code there when decided
    std::vector<std::string> coders_without;  // compared coders who did not
    std::optional<Span> result;  // what the consensus coder got for it (nullopt: not coded)
    std::string text;            // the disagreement's text when decided
    std::string result_text;     // the text of `result` ("" when not coded)
    std::string speaker;         // speaker of the turn where the disagreement starts ("" if none)
    std::string decided_by;
    std::string time;            // UTC, ISO 8601
    std::string note;
};

// What a decision did.
struct DecisionOutcome {
    Coder consensus;
    ReconcileDecision decision;  // as recorded in the log
};

// Each of these takes a current disagreement between target.coders (its id from
// find_disagreements) and, in one undoable action "Reconcile: <decision> <document> <code>",
// writes the consensus coder's codings of that code over the disagreement's span and records the
// decision with `note`. Throws InputError (an id that is not a current disagreement between the
// coders, a consensus coder that is one of them, fewer than two coders, a coder not compared) or
// NotFoundError (unknown coder, document or code); nothing changes then.
//
// accept_coder: the consensus gets the span exactly when `coder` has the code there.
DecisionOutcome accept_coder(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                             const std::string& coder, const std::string& note = {});
// accept_a / accept_b: accept_coder with target.coders[0] / target.coders[1].
DecisionOutcome accept_a(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                         const std::string& note = {});
DecisionOutcome accept_b(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                         const std::string& note = {});
// accept_both: the consensus gets the span (every coder who coded it is accepted).
DecisionOutcome accept_both(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                            const std::string& note = {});
// reject_both: the consensus does not get the span.
DecisionOutcome reject_both(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                            const std::string& note = {});
// set_consensus_span: the consensus coder's coding of this code around the disagreement becomes
// exactly `span`: over the contested passage (below) and `span`, every code point of `span` is
// coded and every other one is not. `span` must lie in the document, be non-empty and overlap the
// passage (else InputError).
DecisionOutcome set_consensus_span(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                                   Span span, const std::string& note = {});

// The contested passage of a disagreement: the maximal stretch covered by the compared coders'
// codings of its code in its document (joined where they overlap or touch) that holds the
// disagreement — what the workbench shows side by side and the range set_consensus_span rewrites.
// Throws as the decisions do.
Span contested_passage(Project& project, const ReconcileTarget& target, const std::string& disagreement_id);

// ---- the decision log --------------------------------------------------------------------------

// Recorded decisions, oldest first; only those into `consensus_coder` when it is not empty.
std::vector<ReconcileDecision> list_reconcile_decisions(Project& project, const std::string& consensus_coder = {});

// The latest decision for each disagreement (by id, see disagreements.hpp) into target.into — for
// "n of m decided": a current disagreement between target.coders is decided when its id is a key.
std::map<std::string, ReconcileDecision> decisions_by_disagreement(Project& project, const ReconcileTarget& target);

}  // namespace npt::agreement
