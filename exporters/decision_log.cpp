// decision_log.cpp — CSV, JSON, Markdown and HTML writers for the reconcile decision log. The
// CSV columns and JSON keys are part of the public interface: keep them stable.
#include "exporters/decision_log.hpp"

#include <fmt/format.h>

#include "core/text/csv.hpp"
#include "exporters/html_page.hpp"
#include "exporters/markdown_text.hpp"

namespace npt::exporters {
namespace {

using agreement::ReconcileDecision;

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
    return out;
}

std::string span_text(std::int64_t start, std::int64_t end) { return fmt::format("{}-{}", start, end); }

std::string result_words(const ReconcileDecision& d) {
    return d.result ? "coded " + span_text(d.result->start, d.result->end) : std::string("not coded");
}

std::string method_paragraph(const std::vector<ReconcileDecision>& decisions) {
    int rule = 0, manual = 0;
    for (const auto& d : decisions) (d.method == "rule" ? rule : manual) += 1;
    return fmt::format(
        "Each row is one decision on one disagreement: a stretch of a transcript (offsets in Unicode code points, "
        "end-exclusive) where some of the compared coders applied the code and others did not. Decisions by rule "
        "({} here) come from the first pass over all disagreements (union: coded if any coder coded it; "
        "intersection: only if all did; majority: if more than half did; a coder's name: as that coder coded it). "
        "Manual decisions ({} here) accept one coder's coding, accept both (coded), reject both (not coded) or set "
        "the consensus span by hand. The text is the disagreement's text when it was decided.",
        rule, manual);
}

}  // namespace

std::string describe_decision(const ReconcileDecision& d) {
    if (d.method == "rule") return "rule: " + d.rule + " (" + (d.result ? "coded" : "not coded") + ")";
    if (d.decision == "accept coder") return "accepted " + d.coder + "'s coding (" + (d.result ? "coded" : "not coded") + ")";
    if (d.decision == "accept both") return "accepted both (coded)";
    if (d.decision == "reject both") return "rejected both (not coded)";
    if (d.decision == "span" && d.result) return "set the span to " + span_text(d.result->start, d.result->end);
    return d.decision;
}

std::string decision_log_csv(const std::vector<ReconcileDecision>& decisions) {
    std::string out = csv::format_row({"id", "time", "decided_by", "consensus_coder", "document", "code", "start", "end",
                                       "speaker", "coders_with", "coders_without", "method", "decision", "rule", "coder",
                                       "result_start", "result_end", "description", "text", "result_text", "note"});
    for (const auto& d : decisions)
        out += csv::format_row({to_string(d.id), d.time, d.decided_by, d.consensus_coder, d.document, d.code,
                                std::to_string(d.start), std::to_string(d.end), d.speaker, joined(d.coders_with),
                                joined(d.coders_without), d.method, d.decision, d.rule, d.coder,
                                d.result ? std::to_string(d.result->start) : "", d.result ? std::to_string(d.result->end) : "",
                                describe_decision(d), d.text, d.result_text, d.note});
    return out;
}

nlohmann::json decision_log_json(const std::vector<ReconcileDecision>& decisions) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : decisions)
        out.push_back({{"id", d.id},
                       {"time", d.time},
                       {"decided_by", d.decided_by},
                       {"consensus_coder", d.consensus_coder},
                       {"doc", d.document},
                       {"code", d.code},
                       {"start", d.start},
                       {"end", d.end},
                       {"speaker", d.speaker},
                       {"coders_with", d.coders_with},
                       {"coders_without", d.coders_without},
                       {"method", d.method},
                       {"decision", d.decision},
                       {"rule", d.rule},
                       {"coder", d.coder},
                       {"result", d.result ? nlohmann::json({{"start", d.result->start}, {"end", d.result->end}})
                                           : nlohmann::json(nullptr)},
                       {"description", describe_decision(d)},
                       {"text", d.text},
                       {"result_text", d.result_text},
                       {"note", d.note}});
    return out;
}

std::string decision_log_markdown(const std::vector<ReconcileDecision>& decisions, const DecisionLogOptions& options) {
    std::string out = "# Reconciliation decisions" + (options.project.empty() ? "" : ": " + md::escape(options.project)) + "\n\n";
    out += md::escape(method_paragraph(decisions)) + "\n\n";
    out += fmt::format("{} decision(s).\n\n", decisions.size());
    out += "| # | When | Who | Document | Code | Span | Speaker | Coded by | Not coded by | Decision | Text | Note |\n";
    out += "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& d : decisions)
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", d.id.value, md::escape_cell(d.time),
                           md::escape_cell(d.decided_by), md::escape_cell(d.document), md::escape_cell(d.code),
                           span_text(d.start, d.end), md::escape_cell(d.speaker), md::escape_cell(joined(d.coders_with)),
                           md::escape_cell(joined(d.coders_without)), md::escape_cell(describe_decision(d)),
                           md::escape_cell(d.decision == "span" ? d.result_text : d.text), md::escape_cell(d.note));
    return out;
}

std::string decision_log_html(const std::vector<ReconcileDecision>& decisions, const DecisionLogOptions& options) {
    html::Page page("Reconciliation decisions" + (options.project.empty() ? "" : ": " + options.project));
    page.heading(1, "Reconciliation decisions" + (options.project.empty() ? "" : ": " + options.project));
    page.paragraph(method_paragraph(decisions));
    page.paragraph(fmt::format("{} decision(s).", decisions.size()));
    std::string t = "<table>\n<thead><tr><th>#</th><th>When</th><th>Who</th><th>Consensus</th><th>Document</th><th>Code</th>"
                    "<th>Span</th><th>Speaker</th><th>Coded by</th><th>Not coded by</th><th>Decision</th><th>Result</th>"
                    "<th>Text</th><th>Note</th></tr></thead>\n<tbody>\n";
    for (const auto& d : decisions) {
        std::string text = "<q>" + html::escape_multiline(d.text) + "</q>";
        if (d.decision == "span" && d.result)
            text += "<br>consensus: <q>" + html::escape_multiline(d.result_text) + "</q>";
        t += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                         "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         d.id.value, html::escape(d.time), html::escape(d.decided_by), html::escape(d.consensus_coder),
                         html::escape(d.document), html::escape(d.code), span_text(d.start, d.end), html::escape(d.speaker),
                         html::escape(joined(d.coders_with)), html::escape(joined(d.coders_without)),
                         html::escape(describe_decision(d)), html::escape(result_words(d)), text,
                         html::escape_multiline(d.note));
    }
    t += "</tbody>\n</table>\n";
    page.raw(t);
    return page.finish();
}

}  // namespace npt::exporters
