// coding_query_spans.cpp — linear merges over sorted span sets.
#include "core/query/coding_query_spans.hpp"
#include "core/detail/db_access.hpp"

#include <algorithm>
#include <string>

namespace npt {
namespace {

bool near_enough(Span a, Span b, std::int64_t max_words, const std::vector<Span>& words) {
    if (a.start <= b.end && b.start <= a.end) return true;  // overlap or touch
    Span gap = a.end < b.start ? Span{a.end, b.start} : Span{b.end, a.start};
    // Words are sorted and disjoint: those wholly inside the gap form one contiguous block.
    auto first = std::partition_point(words.begin(), words.end(), [&](const Span& w) { return w.start < gap.start; });
    auto last = std::partition_point(first, words.end(), [&](const Span& w) { return w.end <= gap.end; });
    return last - first <= max_words;
}

// The runs of `a` with a run of `b` within reach; only the nearest run of b on each side matters,
// because more words can only lie between a run and the runs further away.
void keep_near(const SpanSet& a, const SpanSet& b, std::int64_t max_words, const std::vector<Span>& words,
               std::vector<Span>& out) {
    for (const Span& x : a) {
        auto right = std::partition_point(b.begin(), b.end(), [&](const Span& y) { return y.end < x.start; });
        bool hit = right != b.end() && near_enough(x, *right, max_words, words);
        if (!hit && right != b.begin()) hit = near_enough(x, *std::prev(right), max_words, words);
        if (hit) out.push_back(x);
    }
}

}  // namespace

SpanSet normalise_spans(std::vector<Span> spans) {
    spans.erase(std::remove_if(spans.begin(), spans.end(), [](const Span& s) { return s.empty(); }), spans.end());
    std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) { return x.start < y.start; });
    SpanSet out;
    for (const Span& s : spans) {
        if (!out.empty() && s.start <= out.back().end) out.back().end = std::max(out.back().end, s.end);
        else out.push_back(s);
    }
    return out;
}

SpanSet span_union(const SpanSet& a, const SpanSet& b) {
    std::vector<Span> all;
    all.reserve(a.size() + b.size());
    std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(all),
               [](const Span& x, const Span& y) { return x.start < y.start; });
    return normalise_spans(std::move(all));
}

SpanSet span_intersection(const SpanSet& a, const SpanSet& b) {
    SpanSet out;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        std::int64_t s = std::max(a[i].start, b[j].start), e = std::min(a[i].end, b[j].end);
        if (s < e) out.push_back({s, e});
        if (a[i].end < b[j].end) ++i;
        else ++j;
    }
    return normalise_spans(std::move(out));
}

SpanSet span_difference(const SpanSet& a, const SpanSet& b) {
    SpanSet out;
    std::size_t j = 0;
    for (const Span& x : a) {
        std::int64_t cur = x.start;
        while (j < b.size() && b[j].end <= cur) ++j;
        std::size_t k = j;
        while (k < b.size() && b[k].start < x.end) {
            if (b[k].start > cur) out.push_back({cur, b[k].start});
            cur = std::max(cur, b[k].end);
            ++k;
        }
        if (cur < x.end) out.push_back({cur, x.end});
    }
    return out;
}

SpanSet span_complement(const SpanSet& a, std::int64_t length) {
    return span_difference(length > 0 ? SpanSet{{0, length}} : SpanSet{}, a);
}

SpanSet span_near(const SpanSet& a, const SpanSet& b, std::int64_t max_words, const std::vector<Span>& words) {
    std::vector<Span> out;
    keep_near(a, b, max_words, words, out);
    keep_near(b, a, max_words, words, out);
    return normalise_spans(std::move(out));
}

SpanSet span_same_turn(const SpanSet& a, const SpanSet& b, const std::vector<SpeakerTurn>& turns) {
    std::vector<Span> out;
    auto overlapping = [](const SpanSet& set, const SpeakerTurn& t) {
        auto first = std::partition_point(set.begin(), set.end(), [&](const Span& s) { return s.end <= t.start; });
        auto last = std::partition_point(first, set.end(), [&](const Span& s) { return s.start < t.end; });
        return std::make_pair(first, last);
    };
    for (const SpeakerTurn& t : turns) {
        auto [a0, a1] = overlapping(a, t);
        auto [b0, b1] = overlapping(b, t);
        if (a0 == a1 || b0 == b1) continue;
        out.insert(out.end(), a0, a1);
        out.insert(out.end(), b0, b1);
    }
    return normalise_spans(std::move(out));
}

std::map<DocumentId, SpanSet> load_code_spans(Project& project, const std::vector<CodeId>& code_ids,
                                              const std::vector<CoderId>& coder_ids, const std::set<DocumentId>* documents) {
    auto json_list = [](const auto& ids) {
        std::string json = "[";
        bool first = true;
        for (auto id : ids) {
            json += (first ? "" : ",") + to_string(id);
            first = false;
        }
        return json + "]";
    };
    std::string sql = "SELECT document_id, start, end FROM coding WHERE code_id IN (SELECT value FROM json_each(?1))";
    if (!coder_ids.empty()) sql += " AND coder_id IN (SELECT value FROM json_each(?2))";
    sqlite::Statement st(project.db(), sql);
    st.bind(1, json_list(code_ids));
    if (!coder_ids.empty()) st.bind(2, json_list(coder_ids));
    std::map<DocumentId, std::vector<Span>> raw;
    while (st.step()) {
        DocumentId doc = st.id<DocumentId>(0);
        if (documents && !documents->count(doc)) continue;
        raw[doc].push_back({st.int64(1), st.int64(2)});
    }
    std::map<DocumentId, SpanSet> out;
    for (auto& [doc, spans] : raw) out.emplace(doc, normalise_spans(std::move(spans)));
    return out;
}

}  // namespace npt
