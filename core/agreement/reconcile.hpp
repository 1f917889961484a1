// reconcile.hpp — consensus coding: a new coder whose codings follow a rule over the compared
// coders (union, intersection, one coder's, majority), and single decisions on disagreements
// (accept: the consensus coder gets the stretch; reject: it loses it) recorded in
// reconcile_decision with who decided and when. Everything is one undoable action.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt::agreement {

struct ReconcileRequest {
    std::vector<std::string> coders;  // compared coders, at least two
    std::string into;                 // consensus coder's name
    // union | intersection | majority | A | B (first / second of `coders`) | a compared coder's
    // name. Empty: no rule, only decisions.
    std::string rule;
    std::vector<std::string> accept;  // disagreement ids (see disagreements.hpp)
    std::vector<std::string> reject;
    std::string note;                 // stored with each decision
};

struct ReconcileSummary {
    Coder consensus;
    std::int64_t codings_created = 0;  // by the rule
    int decisions = 0;
};

// Applies the rule, then the decisions, in one action "Reconcile ...". Throws InputError (no rule
// and no decisions, an unknown rule, a consensus coder that is one of the compared coders, a rule
// into a coder that already has codings, an id that is not a current disagreement between the
// coders) or NotFoundError (unknown coder); nothing changes then.
ReconcileSummary reconcile(Project& project, const ReconcileRequest& request);

struct ReconcileDecision {
    ReconcileDecisionId id;
    std::string consensus_coder;
    std::string document;
    std::string code;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string decision;  // "accept" or "reject"
    std::string decided_by;
    std::string time;
    std::string note;
};

// Recorded decisions, oldest first.
std::vector<ReconcileDecision> list_reconcile_decisions(Project& project);

}  // namespace npt::agreement
