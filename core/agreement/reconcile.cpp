// reconcile.cpp — consensus codings by rule (an interval sweep per document and code, keeping the
// runs the rule selects) and recorded accept/reject decisions.
#include "core/agreement/reconcile.hpp"

#include "core/store/backups.hpp"

#include <algorithm>
#include <bit>
#include <functional>
#include <numeric>

#include "core/detail/db_access.hpp"
#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/disagreements.hpp"
#include "core/agreement/interval_sweep.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"

namespace npt::agreement {
namespace {

// Which coder sets (bit i = coder i) the consensus keeps.
std::function<bool(std::uint32_t)> rule_test(const std::string& rule, const std::vector<std::string>& coders) {
    const std::uint32_t all = (1u << coders.size()) - 1;
    const int n = static_cast<int>(coders.size());
    if (rule == "union") return [](std::uint32_t m) { return m != 0; };
    if (rule == "intersection") return [all](std::uint32_t m) { return m == all; };
    if (rule == "majority") return [n](std::uint32_t m) { return 2 * std::popcount(m) > n; };
    int pick = -1;
    if (rule == "A") pick = 0;
    else if (rule == "B") pick = 1;
    for (std::size_t i = 0; i < coders.size() && pick < 0; ++i)
        if (coders[i] == rule) pick = static_cast<int>(i);
    if (pick < 0)
        throw InputError("unknown reconcile rule '" + rule + "' (use union, intersection, majority, A, B or a compared coder's name)");
    return [pick](std::uint32_t m) { return ((m >> pick) & 1u) != 0; };
}

std::int64_t apply_rule(Project& project, const AgreementInput& input, const std::function<bool(std::uint32_t)>& keep,
                        Id consensus_id) {
    std::vector<std::size_t> order(input.codings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const AgreementCoding &x = input.codings[a], &y = input.codings[b];
        return x.document != y.document ? x.document < y.document : x.code < y.code;
    });
    sqlite::Statement ins(project.db(),
                          "INSERT INTO coding(document_id, code_id, coder_id, start, end, created, modified, guid) "
                          "VALUES(?,?,?,?,?,?,?,?)");
    const std::string now = project.now();
    std::int64_t created = 0;
    for_each_coding_group(input, order, [&](int first_code, int first_document, const std::vector<CoderInterval>& intervals) {
        const auto doc = static_cast<std::size_t>(first_document);
        // Kept runs, joined when they touch (the coding rule joins touching codings too).
        std::vector<Span> kept;
        for (const CoverageRun& run : coverage_runs(intervals, input.document_lengths[doc])) {
            if (!keep(run.coders)) continue;
            if (!kept.empty() && kept.back().end == run.start) kept.back().end = run.end;
            else kept.push_back({run.start, run.end});
        }
        for (const Span& s : kept) {
            ins.bind(1, input.document_ids[doc]).bind(2, input.code_ids[static_cast<std::size_t>(first_code)]);
            ins.bind(3, consensus_id).bind(4, s.start).bind(5, s.end).bind(6, now).bind(7, now);
            ins.bind(8, project.guids().next());
            ins.run();
            ins.reset();
            ++created;
        }
    });
    return created;
}

void record_decision(Project& project, Id consensus_id, const DisagreementKey& k, const std::string& decision,
                     const std::string& note) {
    sqlite::Statement st(project.db(),
                         "INSERT INTO reconcile_decision(consensus_coder_id, document_id, code_id, start, end, decision, "
                         "decided_by, time, note) VALUES(?,?,?,?,?,?,?,?,?)");
    st.bind(1, consensus_id).bind(2, k.document_id).bind(3, k.code_id).bind(4, k.start).bind(5, k.end);
    st.bind(6, decision).bind(7, project.actor()).bind(8, project.now()).bind(9, note).run();
}

}  // namespace

ReconcileSummary reconcile(Project& project, const ReconcileRequest& request) {
    if (request.rule.empty() && request.accept.empty() && request.reject.empty())
        throw InputError("reconcile needs a rule, or a disagreement to accept or reject", "rule");
    if (request.into.empty()) throw InputError("reconcile needs the name of the consensus coder", "into");
    for (const std::string& c : request.coders)
        if (c == request.into)
            throw InputError("consensus coder " + request.into + " is one of the compared coders; name a new consensus coder",
                             "into");
    std::string label = "Reconcile ";
    for (std::size_t i = 0; i < request.coders.size(); ++i) label += (i ? "," : "") + request.coders[i];
    label += " into " + request.into;

    make_backup(project, "reconcile");
    return project.action(label, [&] {
        AgreementInput input = load_agreement_input(project, {request.coders, {}, {}});
        ReconcileSummary summary;
        std::optional<Coder> existing = find_coder(project, request.into);
        if (!request.rule.empty()) {
            auto keep = rule_test(request.rule, input.coders);
            if (existing) {
                sqlite::Statement st(project.db(), "SELECT count(*) FROM coding WHERE coder_id = ?");
                st.bind(1, existing->id);
                st.step();
                if (st.int64(0) > 0)
                    throw InputError("coder " + request.into + " already has " + std::to_string(st.int64(0)) +
                                     " codings; choose a new consensus coder name (or undo the earlier reconcile)",
                                     "into");
            }
            summary.consensus = existing ? *existing : ensure_coder(project, request.into);
            summary.codings_created = apply_rule(project, input, keep, summary.consensus.id);
        } else {
            summary.consensus = existing ? *existing : ensure_coder(project, request.into);
        }

        if (!request.accept.empty() || !request.reject.empty()) {
            std::vector<Disagreement> current = find_disagreements(input);
            auto check = [&](const std::string& id) {
                DisagreementKey k = parse_disagreement_id(id);
                bool found = std::any_of(current.begin(), current.end(), [&](const Disagreement& d) { return d.id == id; });
                if (!found)
                    throw InputError("disagreement " + id + " is not a current disagreement between these coders "
                                     "(list them with `nptcoder disagreements`)");
                return k;
            };
            for (const std::string& id : request.accept) {
                DisagreementKey k = check(id);
                apply_coding(project, k.document_id, k.code_id, summary.consensus.id, {k.start, k.end});
                record_decision(project, summary.consensus.id, k, "accept", request.note);
                ++summary.decisions;
            }
            for (const std::string& id : request.reject) {
                DisagreementKey k = check(id);
                remove_coding(project, k.document_id, k.code_id, summary.consensus.id, {k.start, k.end});
                record_decision(project, summary.consensus.id, k, "reject", request.note);
                ++summary.decisions;
            }
        }
        return summary;
    });
}

std::vector<ReconcileDecision> list_reconcile_decisions(Project& project) {
    sqlite::Statement st(project.db(),
                         "SELECT r.id, c.name, d.name, r.code_id, r.start, r.end, r.decision, r.decided_by, r.time, r.note "
                         "FROM reconcile_decision r JOIN coder c ON c.id = r.consensus_coder_id "
                         "JOIN document d ON d.id = r.document_id ORDER BY r.id");
    std::vector<ReconcileDecision> out;
    std::vector<Id> code_ids;
    while (st.step()) {
        out.push_back({st.int64(0), st.text(1), st.text(2), "", st.int64(4), st.int64(5), st.text(6), st.text(7),
                       st.text(8), st.text(9)});
        code_ids.push_back(st.int64(3));
    }
    for (std::size_t i = 0; i < out.size(); ++i) out[i].code = code_by_id(project, code_ids[i]).path;
    return out;
}

}  // namespace npt::agreement
