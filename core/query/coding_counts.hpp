// coding_counts.hpp — how many codings each document, code and coder has, read with a GROUP BY per
// dimension over the coding table's indexes (no text, no memos): the cost grows with codings,
// not characters.
#pragma once
#include <cstdint>
#include <map>

#include "core/store/project.hpp"

namespace npt {

struct CodingCounts {
    std::int64_t total = 0;
    std::map<DocumentId, std::int64_t> per_document;
    std::map<CodeId, std::int64_t> per_code;  // the code's own codings (not descendants)
    std::map<CoderId, std::int64_t> per_coder;

    // 0 for an id with no codings.
    std::int64_t of_document(DocumentId id) const { return count_in(per_document, id); }
    std::int64_t of_code(CodeId id) const { return count_in(per_code, id); }
    std::int64_t of_coder(CoderId id) const { return count_in(per_coder, id); }

private:
    template <class IdType>
    static std::int64_t count_in(const std::map<IdType, std::int64_t>& m, IdType id) {
        auto it = m.find(id);
        return it == m.end() ? 0 : it->second;
    }
};

CodingCounts coding_counts(Project& project);
// For each code with codings, how many documents it is applied in.
std::map<CodeId, std::int64_t> documents_per_code(Project& project);

}  // namespace npt
