// coding_counts.cpp — coding counts from one scan of a covering index of coding.
#include "core/query/coding_counts.hpp"

#include <optional>
#include <limits>

#include "core/detail/db_access.hpp"

namespace npt {
namespace {

template <class IdType>
std::map<IdType, std::int64_t> counts_by(Project& project, const char* sql) {
    sqlite::Statement st(project.db(), sql);
    std::map<IdType, std::int64_t> out;
    while (st.step()) out.emplace_hint(out.end(), st.id<IdType>(0), st.int64(1));
    return out;
}

// Counts keys arriving mostly in runs (as an index scan yields them): the last key's entry is
// kept, so a run costs one map lookup.
template <class Key>
class RunCounter {
public:
    explicit RunCounter(std::map<Key, std::int64_t>& counts) : counts_(counts), last_(counts.end()) {}
    void add(const Key& key) {
        if (last_ == counts_.end() || last_->first != key) last_ = counts_.try_emplace(key, 0).first;
        ++last_->second;
    }

private:
    std::map<Key, std::int64_t>& counts_;
    typename std::map<Key, std::int64_t>::iterator last_;
};

}  // namespace

CodingCounts coding_counts(Project& project) {
    // One scan of the coding_by_owner index (document, code, coder, start), counted here: cheaper
    // than a GROUP BY per dimension, each of which would scan the codings again.
    sqlite::Statement st(project.db(), "SELECT document_id, code_id, coder_id FROM coding INDEXED BY coding_by_owner");
    CodingCounts c;
    RunCounter document(c.per_document);
    RunCounter code(c.per_code);
    RunCounter coder(c.per_coder);
    RunCounter document_code(c.per_document_code);
    RunCounter document_coder(c.per_document_coder);
    while (st.step()) {
        const DocumentId d = st.id<DocumentId>(0);
        const CodeId k = st.id<CodeId>(1);
        const CoderId r = st.id<CoderId>(2);
        ++c.total;
        document.add(d);
        code.add(k);
        coder.add(r);
        document_code.add({d, k});
        document_coder.add({d, r});
    }
    return c;
}

std::map<CodeId, std::int64_t> codings_with_descendants(const std::vector<Code>& codes,
                                                        const std::map<CodeId, std::int64_t>& per_code) {
    std::map<CodeId, std::optional<CodeId>> parent;
    std::map<CodeId, std::int64_t> out;
    for (const Code& c : codes) {
        parent[c.id] = c.parent_id;
        out[c.id] = 0;
    }
    // Each code's own count is added to it and to each ancestor: depth is bounded (kMaxCodeDepth),
    // and a cycle (which the schema forbids) is cut off after as many steps as there are codes.
    for (const Code& c : codes) {
        auto own = per_code.find(c.id);
        if (own == per_code.end() || own->second == 0) continue;
        std::optional<CodeId> at = c.id;
        for (std::size_t steps = 0; at && steps <= codes.size(); ++steps) {
            auto it = out.find(*at);
            if (it == out.end()) break;
            it->second += own->second;
            at = parent[*at];
        }
    }
    return out;
}

void recount_document(Project& project, CodingCounts& counts, DocumentId document_id) {
    // Take the document's old counts out of the totals...
    auto take_out = [&]<class OwnerId>(std::map<std::pair<DocumentId, OwnerId>, std::int64_t>& pairs,
                                       std::map<OwnerId, std::int64_t>& totals) {
        auto it = pairs.lower_bound({document_id, OwnerId{std::numeric_limits<std::int64_t>::min()}});
        while (it != pairs.end() && it->first.first == document_id) {
            auto total = totals.find(it->first.second);
            if (total != totals.end() && (total->second -= it->second) <= 0) totals.erase(total);
            it = pairs.erase(it);
        }
    };
    take_out(counts.per_document_code, counts.per_code);
    take_out(counts.per_document_coder, counts.per_coder);
    if (auto it = counts.per_document.find(document_id); it != counts.per_document.end()) {
        counts.total -= it->second;
        counts.per_document.erase(it);
    }
    // ...and put its present ones in: one range of the coding_by_owner index.
    sqlite::Statement& st = project.db().cached(
        "SELECT code_id, coder_id FROM coding INDEXED BY coding_by_owner WHERE document_id = ?");
    st.bind(1, document_id);
    RunCounter code(counts.per_code);
    RunCounter coder(counts.per_coder);
    RunCounter document_code(counts.per_document_code);
    RunCounter document_coder(counts.per_document_coder);
    std::int64_t n = 0;
    while (st.step()) {
        const CodeId k = st.id<CodeId>(0);
        const CoderId r = st.id<CoderId>(1);
        ++n;
        code.add(k);
        coder.add(r);
        document_code.add({document_id, k});
        document_coder.add({document_id, r});
    }
    st.reset();
    if (n > 0) counts.per_document[document_id] = n;
    counts.total += n;
}

std::map<CodeId, std::int64_t> documents_per_code(Project& project) {
    return counts_by<CodeId>(project,
                     "SELECT code_id, count(DISTINCT document_id) FROM coding GROUP BY code_id ORDER BY code_id");
}

}  // namespace npt
