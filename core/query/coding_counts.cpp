// coding_counts.cpp — coding counts from one scan of a covering index of coding.
#include "core/query/coding_counts.hpp"

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

}  // namespace

CodingCounts coding_counts(Project& project) {
    // One scan of the coding_by_owner index (document, code, coder, start), counted here: cheaper
    // than a GROUP BY per dimension, each of which would scan the codings again.
    sqlite::Statement st(project.db(), "SELECT document_id, code_id, coder_id FROM coding INDEXED BY coding_by_owner");
    CodingCounts c;
    auto document = c.per_document.end();
    auto code = c.per_code.end();
    auto coder = c.per_coder.end();
    auto count = []<class IdType>(std::map<IdType, std::int64_t>& m, typename std::map<IdType, std::int64_t>::iterator& it,
                                  IdType id) {
        if (it == m.end() || it->first != id) it = m.try_emplace(id, 0).first;
        ++it->second;
    };
    while (st.step()) {
        ++c.total;
        count(c.per_document, document, st.id<DocumentId>(0));
        count(c.per_code, code, st.id<CodeId>(1));
        count(c.per_coder, coder, st.id<CoderId>(2));
    }
    return c;
}

std::map<CodeId, std::int64_t> documents_per_code(Project& project) {
    return counts_by<CodeId>(project,
                     "SELECT code_id, count(DISTINCT document_id) FROM coding GROUP BY code_id ORDER BY code_id");
}

}  // namespace npt
