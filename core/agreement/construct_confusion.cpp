// construct_confusion.cpp — one sweep per document over both coders' codings of the chosen codes:
// between consecutive start/end points the sets of codes each coder has are constant, so each
// stretch adds its length to every (A code, B code) pair it holds, or to a "not coded" cell.
#include "core/agreement/construct_confusion.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

#include "core/error.hpp"
#include "core/model/documents.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::agreement {
namespace {

void require_two_coders(std::size_t coders) {
    if (coders != 2)
        throw InputError("construct confusion compares exactly two coders, not " + std::to_string(coders), "coders");
}

struct Edge {
    std::int64_t at;
    int code;
    int coder;  // 0 = A, 1 = B
    int delta;  // +1 start, -1 end
};

// Calls emit(document, start, end, a_codes, b_codes) for every stretch of every document in scope
// — including stretches where neither coder has a chosen code — in document order then start.
// a_codes / b_codes list the codes (indices) the coder has over the whole stretch.
template <class Emit>
void sweep_documents(const AgreementInput& input, Emit&& emit) {
    require_two_coders(input.coders.size());
    const std::size_t n_codes = input.codes.size();
    // Codings grouped by document; each document swept once.
    std::vector<std::size_t> order(input.codings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return input.codings[a].document < input.codings[b].document; });
    std::vector<int> depth(2 * n_codes, 0);
    std::vector<int> a_codes, b_codes;
    std::vector<Edge> edges;
    std::size_t next = 0;
    for (std::size_t doc = 0; doc < input.documents.size(); ++doc) {
        const std::int64_t length = input.document_lengths[doc];
        edges.clear();
        for (; next < order.size() && input.codings[order[next]].document == static_cast<int>(doc); ++next) {
            const AgreementCoding& c = input.codings[order[next]];
            std::int64_t s = std::max<std::int64_t>(c.start, 0), e = std::min(c.end, length);
            if (e <= s) continue;
            edges.push_back({s, c.code, c.coder, +1});
            edges.push_back({e, c.code, c.coder, -1});
        }
        std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.at < y.at; });
        std::fill(depth.begin(), depth.end(), 0);
        a_codes.clear();
        b_codes.clear();
        std::int64_t at = 0;
        for (std::size_t i = 0; i < edges.size();) {
            const std::int64_t pos = edges[i].at;
            if (pos > at) emit(doc, at, pos, a_codes, b_codes);
            for (; i < edges.size() && edges[i].at == pos; ++i) {
                const Edge& e = edges[i];
                int& d = depth[static_cast<std::size_t>(e.coder) * n_codes + static_cast<std::size_t>(e.code)];
                std::vector<int>& set = e.coder == 0 ? a_codes : b_codes;
                if (e.delta > 0 && d++ == 0) set.insert(std::lower_bound(set.begin(), set.end(), e.code), e.code);
                if (e.delta < 0 && --d == 0) set.erase(std::lower_bound(set.begin(), set.end(), e.code));
            }
            at = pos;
        }
        if (length > at) emit(doc, at, length, a_codes, b_codes);
    }
}

}  // namespace

ConfusionMatrix compute_confusion(const AgreementInput& input) {
    require_two_coders(input.coders.size());
    ConfusionMatrix m;
    m.coder_a = input.coders[0];
    m.coder_b = input.coders[1];
    m.codes = input.codes;
    m.code_ids = input.code_ids;
    m.documents = input.documents.size();
    const std::size_t n = input.codes.size();
    m.cells.assign(n + 1, std::vector<std::int64_t>(n + 1, 0));
    m.coded_a.assign(n + 1, 0);
    m.coded_b.assign(n + 1, 0);
    for (std::int64_t length : input.document_lengths) m.code_points += length;
    sweep_documents(input, [&](std::size_t, std::int64_t s, std::int64_t e, const std::vector<int>& a,
                               const std::vector<int>& b) {
        const std::int64_t len = e - s;
        for (int x : a) m.coded_a[static_cast<std::size_t>(x)] += len;
        for (int y : b) m.coded_b[static_cast<std::size_t>(y)] += len;
        if (a.empty()) m.coded_a[n] += len;
        if (b.empty()) m.coded_b[n] += len;
        if (a.empty() && b.empty()) m.cells[n][n] += len;
        else if (b.empty())
            for (int x : a) m.cells[static_cast<std::size_t>(x)][n] += len;
        else if (a.empty())
            for (int y : b) m.cells[n][static_cast<std::size_t>(y)] += len;
        else
            for (int x : a)
                for (int y : b) m.cells[static_cast<std::size_t>(x)][static_cast<std::size_t>(y)] += len;
    });
    return m;
}

ConfusionMatrix construct_confusion(Project& project, const AgreementScope& scope) {
    require_two_coders(scope.coders.size());
    return compute_confusion(load_agreement_input(project, scope));
}

std::vector<ConfusionPassage> confusion_passages(const AgreementInput& input, std::size_t row, std::size_t column) {
    require_two_coders(input.coders.size());
    const std::size_t n = input.codes.size();
    if (row > n || column > n)
        throw InputError("construct confusion: cell (" + std::to_string(row) + ", " + std::to_string(column) +
                         ") is outside the " + std::to_string(n + 1) + " x " + std::to_string(n + 1) + " table");
    auto has = [n](const std::vector<int>& set, std::size_t code) {
        return code == n ? set.empty() : std::binary_search(set.begin(), set.end(), static_cast<int>(code));
    };
    std::vector<ConfusionPassage> out;
    std::size_t last_doc = input.documents.size();
    sweep_documents(input, [&](std::size_t doc, std::int64_t s, std::int64_t e, const std::vector<int>& a,
                               const std::vector<int>& b) {
        if (!has(a, row) || !has(b, column)) return;
        if (!out.empty() && last_doc == doc && out.back().end == s) {
            out.back().end = e;
            return;
        }
        DocumentId id = input.document_ids.empty() ? DocumentId{static_cast<std::int64_t>(doc)} : input.document_ids[doc];
        out.push_back({id, input.documents[doc], s, e, "", ""});
        last_doc = doc;
    });
    return out;
}

std::vector<ConfusionPassage> confusion_passages(Project& project, const AgreementScope& scope, std::size_t row,
                                                 std::size_t column) {
    require_two_coders(scope.coders.size());
    std::vector<ConfusionPassage> out = confusion_passages(load_agreement_input(project, scope), row, column);
    DocumentId current{-1};
    std::string text;
    std::vector<SpeakerTurn> turns;
    std::optional<text::CodePointIndex> index;
    for (ConfusionPassage& p : out) {
        if (p.document_id != current) {
            current = p.document_id;
            text = document_text(project, current);
            turns = speaker_turns(project, current);
            index.emplace(text);
        }
        p.text = std::string(index->slice(static_cast<std::size_t>(p.start), static_cast<std::size_t>(p.end)));
        for (const SpeakerTurn& t : turns)
            if (t.start <= p.start && p.start < t.end) {
                p.speaker = t.speaker;
                break;
            }
    }
    return out;
}

}  // namespace npt::agreement
