// decision_log.hpp — the reconcile decision log (core/agreement/reconcile.hpp) as an appendix a
// journal can read: CSV (one row per decision, RFC 4180), JSON (an array of decisions), Markdown
// and a self-contained HTML page (a short method paragraph, then a table: when, who, document,
// code, span, speaker, coders with / without, method and decision, the consensus result, the
// text and the note). The same files from `nptcoder reconcile --log` and the workbench.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/agreement/reconcile.hpp"

namespace npt::exporters {

struct DecisionLogOptions {
    std::string project;  // project name, for the title
};

// "accepted Ben's coding", "accepted both", "rejected both", "set the span to 120-245",
// "rule: intersection (coded)" — the decision in words, as every format shows it.
std::string describe_decision(const agreement::ReconcileDecision& decision);

// The CSV columns, in order: id, time, decided_by, consensus_coder, document, code, start, end,
// speaker, coders_with, coders_without (names joined with "; "), method, decision, rule, coder,
// result_start, result_end (empty when not coded), description, text, result_text, note.
std::string decision_log_csv(const std::vector<agreement::ReconcileDecision>& decisions);
nlohmann::json decision_log_json(const std::vector<agreement::ReconcileDecision>& decisions);
std::string decision_log_markdown(const std::vector<agreement::ReconcileDecision>& decisions,
                                  const DecisionLogOptions& options);
std::string decision_log_html(const std::vector<agreement::ReconcileDecision>& decisions,
                              const DecisionLogOptions& options);

}  // namespace npt::exporters
