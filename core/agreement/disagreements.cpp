// disagreements.cpp — sweeping each (document, code) group for runs where some but not all of
// the compared coders have the code, then attaching text and speakers.
#include "core/agreement/disagreements.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <numeric>
#include <optional>

#include "core/agreement/interval_sweep.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::agreement {

std::string disagreement_id(DocumentId document_id, CodeId code_id, std::int64_t start, std::int64_t end) {
    return to_string(document_id) + ":" + to_string(code_id) + ":" + std::to_string(start) + "-" +
           std::to_string(end);
}

DisagreementKey parse_disagreement_id(const std::string& id) {
    DisagreementKey k;
    std::int64_t* parts[4] = {&k.document_id.value, &k.code_id.value, &k.start, &k.end};
    const char seps[4] = {':', ':', '-', '\0'};
    const char* p = id.data();
    const char* end = id.data() + id.size();
    for (int i = 0; i < 4; ++i) {
        auto [next, ec] = std::from_chars(p, end, *parts[i]);
        bool sep_ok = i == 3 ? next == end : (next < end && *next == seps[i]);
        if (ec != std::errc() || next == p || !sep_ok)
            throw InputError("'" + id + "' is not a disagreement id (expected DOC:CODE:START-END, as `nptcoder disagreements` prints)");
        p = next + (i == 3 ? 0 : 1);
    }
    if (k.start < 0 || k.end <= k.start)
        throw InputError("'" + id + "' is not a disagreement id (start must be below end)");
    return k;
}

std::vector<Disagreement> find_disagreements(const AgreementInput& input) {
    const std::uint32_t all = (1u << input.coders.size()) - 1;
    // Group codings by (document, code) in document order.
    std::vector<std::size_t> order(input.codings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const AgreementCoding &x = input.codings[a], &y = input.codings[b];
        return x.document != y.document ? x.document < y.document : x.code < y.code;
    });
    std::vector<Disagreement> out;
    for_each_coding_group(input, order, [&](int first_code, int first_document, const std::vector<CoderInterval>& intervals) {
        const auto doc = static_cast<std::size_t>(first_document), code = static_cast<std::size_t>(first_code);
        DocumentId doc_id = input.document_ids.empty() ? DocumentId{static_cast<std::int64_t>(doc)} : input.document_ids[doc];
        CodeId code_id = input.code_ids.empty() ? CodeId{static_cast<std::int64_t>(code)} : input.code_ids[code];
        for (const CoverageRun& run : coverage_runs(intervals, input.document_lengths[doc])) {
            if (run.coders == 0 || run.coders == all) continue;
            Disagreement d;
            d.id = disagreement_id(doc_id, code_id, run.start, run.end);
            d.document_id = doc_id;
            d.code_id = code_id;
            d.document = input.documents[doc];
            d.code = input.codes[code];
            d.start = run.start;
            d.end = run.end;
            for (std::size_t k = 0; k < input.coders.size(); ++k)
                ((run.coders >> k) & 1u ? d.coders_with : d.coders_without).push_back(input.coders[k]);
            out.push_back(std::move(d));
        }
    });
    // Document order, then start, then code path.
    std::stable_sort(out.begin(), out.end(), [](const Disagreement& a, const Disagreement& b) {
        return a.start != b.start ? a.start < b.start : a.code < b.code;
    });
    std::map<std::string, std::size_t> doc_rank;
    for (std::size_t d = 0; d < input.documents.size(); ++d) doc_rank[input.documents[d]] = d;
    std::stable_sort(out.begin(), out.end(), [&](const Disagreement& a, const Disagreement& b) {
        return doc_rank[a.document] < doc_rank[b.document];
    });
    return out;
}

std::vector<Disagreement> find_disagreements(Project& project, const AgreementScope& scope) {
    AgreementInput input = load_agreement_input(project, scope);
    std::vector<Disagreement> out = find_disagreements(input);
    // Text and speaker, one document at a time.
    DocumentId current{-1};
    std::string text;
    std::vector<SpeakerTurn> turns;
    std::optional<text::CodePointIndex> index;
    for (Disagreement& d : out) {
        if (d.document_id != current) {
            current = d.document_id;
            text = document_text(project, current);
            turns = speaker_turns(project, current);
            index.emplace(text);
        }
        d.text = std::string(index->slice(static_cast<std::size_t>(d.start), static_cast<std::size_t>(d.end)));
        for (const SpeakerTurn& t : turns)
            if (t.start <= d.start && d.start < t.end) {
                d.speaker = t.speaker;
                break;
            }
    }
    return out;
}

std::vector<Disagreement> longest_disagreements(std::vector<Disagreement> all, std::size_t limit) {
    std::stable_sort(all.begin(), all.end(),
                     [](const Disagreement& a, const Disagreement& b) { return a.end - a.start > b.end - b.start; });
    if (all.size() > limit) all.resize(limit);
    return all;
}

}  // namespace npt::agreement
