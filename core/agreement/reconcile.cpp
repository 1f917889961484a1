// reconcile.cpp — consensus codings by rule (an interval sweep per document and code, keeping the
// runs the rule selects), single decisions on one disagreement, and the decision log they write.
#include "core/agreement/reconcile.hpp"

#include "core/store/backups.hpp"

#include <algorithm>
#include <bit>
#include <functional>
#include <map>
#include <numeric>

#include <nlohmann/json.hpp>

#include "core/detail/db_access.hpp"
#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/disagreements.hpp"
#include "core/agreement/interval_sweep.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/utf8_text.hpp"

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
                        CoderId consensus_id) {
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

// A decision as it goes into the log (names are resolved when the log is read).
struct DecisionRecord {
    CoderId consensus_id;
    const Disagreement* disagreement = nullptr;
    std::string method, decision, rule, coder, note;
    std::optional<Span> result;
    std::string result_text;
};

nlohmann::json names_json(const std::vector<std::string>& names) { return nlohmann::json(names); }

std::vector<std::string> names_from_json(const std::string& text) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (!j.is_array()) return out;
    for (const auto& x : j)
        if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

void record_decision(Project& project, const DecisionRecord& r) {
    const Disagreement& d = *r.disagreement;
    sqlite::Statement st(project.db(),
                         "INSERT INTO reconcile_decision(consensus_coder_id, document_id, code_id, start, end, method, decision, "
                         "rule, coder, coders_with, coders_without, result_start, result_end, text, result_text, decided_by, "
                         "time, note) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, r.consensus_id).bind(2, d.document_id).bind(3, d.code_id).bind(4, d.start).bind(5, d.end);
    st.bind(6, r.method).bind(7, r.decision).bind(8, r.rule).bind(9, r.coder);
    st.bind(10, names_json(d.coders_with).dump()).bind(11, names_json(d.coders_without).dump());
    st.bind(12, r.result ? std::optional<std::int64_t>(r.result->start) : std::nullopt);
    st.bind(13, r.result ? std::optional<std::int64_t>(r.result->end) : std::nullopt);
    st.bind(14, d.text).bind(15, r.result_text).bind(16, project.actor()).bind(17, project.now()).bind(18, r.note).run();
}

void check_target(const ReconcileTarget& target) {
    if (target.coders.size() < 2) throw InputError("reconcile needs at least two compared coders", "coders");
    if (target.into.empty()) throw InputError("reconcile needs the name of the consensus coder", "into");
    for (const std::string& c : target.coders)
        if (c == target.into)
            throw InputError("consensus coder " + target.into + " is one of the compared coders; name a new consensus coder",
                             "into");
}

// The current disagreement `id` between the target's coders, with its text and speaker.
Disagreement require_disagreement(Project& project, const ReconcileTarget& target, const std::string& id) {
    DisagreementKey k = parse_disagreement_id(id);
    std::string document = document_info(project, k.document_id).name;
    std::string code = code_by_id(project, k.code_id).path;
    for (Disagreement& d : find_disagreements(project, {target.coders, {code}, {document}}))
        if (d.id == id) return std::move(d);
    throw InputError("disagreement " + id + " is not a current disagreement between these coders "
                     "(list them with `nptcoder disagreements`)");
}

// The maximal stretch covered by the compared coders' codings of the disagreement's code in its
// document (joined where they overlap or touch) that holds the disagreement.
Span passage_of(Project& project, const ReconcileTarget& target, const Disagreement& d) {
    AgreementInput input = load_agreement_input(project, {target.coders, {d.code}, {d.document}});
    std::vector<Span> spans;
    for (const AgreementCoding& c : input.codings) spans.push_back({c.start, c.end});
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    Span run{d.start, d.end};
    bool open = false;
    for (const Span& s : spans) {
        if (open && s.start > run.end) {  // a gap: the run so far is complete
            if (run.start <= d.start && d.end <= run.end) return run;
            open = false;
        }
        if (!open) {
            run = s;
            open = true;
        } else {
            run.end = std::max(run.end, s.end);
        }
    }
    if (open && run.start <= d.start && d.end <= run.end) return run;
    return {d.start, d.end};  // not reached for a current disagreement: some coder covers it
}

std::string slice(Project& project, DocumentId document_id, Span span) {
    std::string text = document_text(project, document_id);
    text::CodePointIndex index(text);
    return std::string(index.slice(static_cast<std::size_t>(span.start), static_cast<std::size_t>(span.end)));
}

std::vector<ReconcileDecision> read_decisions(Project& project, const std::string& where,
                                              const std::function<void(sqlite::Statement&)>& bind);

enum class Manual { AcceptCoder, AcceptBoth, RejectBoth, SetSpan };

// One manual decision, as its own action (or joining the caller's).
DecisionOutcome decide(Project& project, const ReconcileTarget& target, const std::string& id, Manual kind,
                       const std::string& coder, Span span, const std::string& note) {
    check_target(target);
    if (kind == Manual::AcceptCoder && std::find(target.coders.begin(), target.coders.end(), coder) == target.coders.end())
        throw InputError("accept " + coder + ": not one of the compared coders");
    DisagreementKey k = parse_disagreement_id(id);
    std::string what = kind == Manual::AcceptCoder ? "accept " + coder
                       : kind == Manual::AcceptBoth ? "accept both"
                       : kind == Manual::RejectBoth ? "reject both"
                                                    : "span " + std::to_string(span.start) + "-" + std::to_string(span.end);
    std::string label = "Reconcile: " + what + " " + document_info(project, k.document_id).name + " " +
                        code_by_id(project, k.code_id).path + " into " + target.into;
    return project.action(label, [&] {
        Disagreement d = require_disagreement(project, target, id);
        DecisionOutcome out;
        std::optional<Coder> existing = find_coder(project, target.into);
        out.consensus = existing ? *existing : ensure_coder(project, target.into);
        const CoderId consensus = out.consensus.id;
        DecisionRecord r{consensus, &d, "manual", "", "", "", note, std::nullopt, ""};
        const Span here{d.start, d.end};
        bool code_it = false;
        switch (kind) {
            case Manual::AcceptCoder:
                r.decision = "accept coder";
                r.coder = coder;
                code_it = std::find(d.coders_with.begin(), d.coders_with.end(), coder) != d.coders_with.end();
                break;
            case Manual::AcceptBoth: r.decision = "accept both"; code_it = true; break;
            case Manual::RejectBoth: r.decision = "reject both"; break;
            case Manual::SetSpan: {
                r.decision = "span";
                check_span(document_info(project, d.document_id), span);
                if (span.empty()) throw InputError("the consensus span must not be empty (start below end)");
                Span passage = passage_of(project, target, d);
                if (span.end <= passage.start || passage.end <= span.start)
                    throw InputError("span " + std::to_string(span.start) + "-" + std::to_string(span.end) +
                                     " does not overlap the contested passage " + std::to_string(passage.start) + "-" +
                                     std::to_string(passage.end) + " of disagreement " + id);
                Span region{std::min(passage.start, span.start), std::max(passage.end, span.end)};
                remove_coding(project, d.document_id, d.code_id, consensus, region);
                apply_coding(project, d.document_id, d.code_id, consensus, span);
                r.result = span;
                r.result_text = slice(project, d.document_id, span);
                break;
            }
        }
        if (kind != Manual::SetSpan) {
            if (code_it) {
                apply_coding(project, d.document_id, d.code_id, consensus, here);
                r.result = here;
                r.result_text = d.text;
            } else {
                remove_coding(project, d.document_id, d.code_id, consensus, here);
            }
        }
        record_decision(project, r);
        const ReconcileDecisionId logged{project.db().last_insert_rowid()};
        out.decision = read_decisions(project, "WHERE r.id = ?", [&](sqlite::Statement& st) { st.bind(1, logged); }).front();
        return out;
    });
}

// Decisions from the log: all, those into one consensus coder, or one by id.
std::vector<ReconcileDecision> read_decisions(Project& project, const std::string& where, const std::function<void(sqlite::Statement&)>& bind) {
    sqlite::Statement st(project.db(),
                         "SELECT r.id, c.name, r.document_id, d.name, r.code_id, r.start, r.end, r.method, r.decision, r.rule, "
                         "r.coder, r.coders_with, r.coders_without, r.result_start, r.result_end, r.text, r.result_text, "
                         "r.decided_by, r.time, r.note FROM reconcile_decision r JOIN coder c ON c.id = r.consensus_coder_id "
                         "JOIN document d ON d.id = r.document_id " + where + " ORDER BY r.id");
    bind(st);
    std::vector<ReconcileDecision> out;
    while (st.step()) {
        ReconcileDecision x;
        x.id = st.id<ReconcileDecisionId>(0);
        x.consensus_coder = st.text(1);
        x.document_id = st.id<DocumentId>(2);
        x.document = st.text(3);
        x.code_id = st.id<CodeId>(4);
        x.start = st.int64(5);
        x.end = st.int64(6);
        x.method = st.text(7);
        x.decision = st.text(8);
        x.rule = st.text(9);
        x.coder = st.text(10);
        x.coders_with = names_from_json(st.text(11));
        x.coders_without = names_from_json(st.text(12));
        if (!st.is_null(13)) x.result = Span{st.int64(13), st.int64(14)};
        x.text = st.text(15);
        x.result_text = st.text(16);
        x.decided_by = st.text(17);
        x.time = st.text(18);
        x.note = st.text(19);
        out.push_back(std::move(x));
    }
    // Code paths and speakers, each document's turns read once.
    std::map<CodeId, std::string> paths;
    std::map<DocumentId, std::vector<SpeakerTurn>> turns;
    for (ReconcileDecision& x : out) {
        auto p = paths.find(x.code_id);
        if (p == paths.end()) p = paths.emplace(x.code_id, code_by_id(project, x.code_id).path).first;
        x.code = p->second;
        auto t = turns.find(x.document_id);
        if (t == turns.end()) t = turns.emplace(x.document_id, speaker_turns(project, x.document_id)).first;
        for (const SpeakerTurn& turn : t->second)
            if (turn.start <= x.start && x.start < turn.end) {
                x.speaker = turn.speaker;
                break;
            }
    }
    return out;
}

}  // namespace

ReconcileSummary reconcile(Project& project, const ReconcileRequest& request) {
    if (request.rule.empty() && request.accept.empty() && request.reject.empty())
        throw InputError("reconcile needs a rule, or a disagreement to accept or reject", "rule");
    const ReconcileTarget target{request.coders, request.into};
    check_target(target);
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
            // The log: how the rule settled each disagreement.
            const std::string rule = request.rule == "A"   ? input.coders[0]
                                     : request.rule == "B" ? input.coders[1]
                                                           : request.rule;
            for (const Disagreement& d : find_disagreements(project, {request.coders, {}, {}})) {
                std::uint32_t mask = 0;
                for (std::size_t i = 0; i < input.coders.size(); ++i)
                    if (std::find(d.coders_with.begin(), d.coders_with.end(), input.coders[i]) != d.coders_with.end())
                        mask |= 1u << i;
                DecisionRecord r{summary.consensus.id, &d, "rule", "rule", rule, "", request.note, std::nullopt, ""};
                if (keep(mask)) {
                    r.result = Span{d.start, d.end};
                    r.result_text = d.text;
                }
                record_decision(project, r);
                ++summary.decisions;
            }
        } else {
            summary.consensus = existing ? *existing : ensure_coder(project, request.into);
        }
        for (const std::string& id : request.accept) {
            decide(project, target, id, Manual::AcceptBoth, "", {}, request.note);
            ++summary.decisions;
        }
        for (const std::string& id : request.reject) {
            decide(project, target, id, Manual::RejectBoth, "", {}, request.note);
            ++summary.decisions;
        }
        return summary;
    });
}

DecisionOutcome accept_coder(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                             const std::string& coder, const std::string& note) {
    return decide(project, target, disagreement_id, Manual::AcceptCoder, coder, {}, note);
}

DecisionOutcome accept_a(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                         const std::string& note) {
    check_target(target);
    return accept_coder(project, target, disagreement_id, target.coders[0], note);
}

DecisionOutcome accept_b(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                         const std::string& note) {
    check_target(target);
    return accept_coder(project, target, disagreement_id, target.coders[1], note);
}

DecisionOutcome accept_both(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                            const std::string& note) {
    return decide(project, target, disagreement_id, Manual::AcceptBoth, "", {}, note);
}

DecisionOutcome reject_both(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                            const std::string& note) {
    return decide(project, target, disagreement_id, Manual::RejectBoth, "", {}, note);
}

DecisionOutcome set_consensus_span(Project& project, const ReconcileTarget& target, const std::string& disagreement_id,
                                   Span span, const std::string& note) {
    return decide(project, target, disagreement_id, Manual::SetSpan, "", span, note);
}

Span contested_passage(Project& project, const ReconcileTarget& target, const std::string& disagreement_id) {
    check_target(target);
    return passage_of(project, target, require_disagreement(project, target, disagreement_id));
}

std::vector<ReconcileDecision> list_reconcile_decisions(Project& project, const std::string& consensus_coder) {
    if (consensus_coder.empty()) return read_decisions(project, "", [](sqlite::Statement&) {});
    return read_decisions(project, "WHERE c.name = ?", [&](sqlite::Statement& st) { st.bind(1, consensus_coder); });
}

std::map<std::string, ReconcileDecision> decisions_by_disagreement(Project& project, const ReconcileTarget& target) {
    std::map<std::string, ReconcileDecision> out;
    for (ReconcileDecision& d : list_reconcile_decisions(project, target.into))
        out[disagreement_id(d.document_id, d.code_id, d.start, d.end)] = std::move(d);  // later ones win
    return out;
}

}  // namespace npt::agreement
