// coding_counts.cpp — coding counts from one scan of a covering index of coding.
#include "core/query/coding_counts.hpp"

#include <optional>

#include "core/detail/db_access.hpp"

namespace npt {
namespace {

std::map<Id, std::int64_t> counts_by(Project& project, const char* sql) {
    sqlite::Statement st(project.db(), sql);
    std::map<Id, std::int64_t> out;
    while (st.step()) out.emplace_hint(out.end(), st.int64(0), st.int64(1));
    return out;
}

}  // namespace

CodingCounts coding_counts(Project& project) {
    // One scan of the coding_by_owner index (document, code, coder, start), counted here: cheaper
    // than a GROUP BY per dimension, each of which would scan the codings again.
    sqlite::Statement st(project.db(), "SELECT document_id, code_id, coder_id FROM coding INDEXED BY coding_by_owner");
    CodingCounts c;
    std::map<Id, std::int64_t>::iterator document = c.per_document.end(), code = c.per_code.end(),
                                         coder = c.per_coder.end();
    auto count = [](std::map<Id, std::int64_t>& m, std::map<Id, std::int64_t>::iterator& it, Id id) {
        if (it == m.end() || it->first != id) it = m.try_emplace(id, 0).first;
        ++it->second;
    };
    while (st.step()) {
        ++c.total;
        count(c.per_document, document, st.int64(0));
        count(c.per_code, code, st.int64(1));
        count(c.per_coder, coder, st.int64(2));
    }
    return c;
}

std::map<Id, std::int64_t> codings_with_descendants(const std::vector<Code>& codes,
                                                    const std::map<Id, std::int64_t>& per_code) {
    std::map<Id, std::optional<Id>> parent;
    std::map<Id, std::int64_t> out;
    for (const Code& c : codes) {
        parent[c.id] = c.parent_id;
        out[c.id] = 0;
    }
    // Each code's own count is added to it and to each ancestor: depth is bounded (kMaxCodeDepth),
    // and a cycle (which the schema forbids) is cut off after as many steps as there are codes.
    for (const Code& c : codes) {
        auto own = per_code.find(c.id);
        if (own == per_code.end() || own->second == 0) continue;
        std::optional<Id> at = c.id;
        for (std::size_t steps = 0; at && steps <= codes.size(); ++steps) {
            auto it = out.find(*at);
            if (it == out.end()) break;
            it->second += own->second;
            at = parent[*at];
        }
    }
    return out;
}

std::map<Id, std::int64_t> documents_per_code(Project& project) {
    return counts_by(project,
                     "SELECT code_id, count(DISTINCT document_id) FROM coding GROUP BY code_id ORDER BY code_id");
}

}  // namespace npt
