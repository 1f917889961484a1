// coding_counts.hpp — how many codings each document, code and coder has, read with a GROUP BY per
// dimension over the coding table's indexes (no text, no memos): the cost grows with codings,
// not characters.
#pragma once
#include <cstdint>
#include <map>
#include <vector>
#include <utility>

#include "core/model/model.hpp"
#include "core/store/project.hpp"

namespace npt {

struct CodingCounts {
    std::int64_t total = 0;
    std::map<DocumentId, std::int64_t> per_document;
    std::map<CodeId, std::int64_t> per_code;            // the code's own codings (not descendants)
    std::map<CoderId, std::int64_t> per_coder;
    // The same counts split by document: (document, code) and (document, coder) pairs with
    // codings. They let recount_document() take one document's old counts back out.
    std::map<std::pair<DocumentId, CodeId>, std::int64_t> per_document_code;
    std::map<std::pair<DocumentId, CoderId>, std::int64_t> per_document_coder;

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
// For each code in `codes` (any order; parents are found by parent_id), its own codings plus
// those of every code below it, from `per_code` (CodingCounts::per_code). Every code is listed,
// 0 when neither it nor a descendant has codings. A count of codings, not of coded text: a
// passage coded with a child and its parent counts twice.
std::map<CodeId, std::int64_t> codings_with_descendants(const std::vector<Code>& codes,
                                                        const std::map<CodeId, std::int64_t>& per_code);
// Brings `counts` (from coding_counts) up to date after a change that touched the codings of one
// document only (coding or uncoding in it): re-reads that document's range of the coding index,
// O(log n + its codings), and leaves `counts` equal to what coding_counts() would now return.
void recount_document(Project& project, CodingCounts& counts, DocumentId document_id);
// For each code with codings, how many documents it is applied in.
std::map<CodeId, std::int64_t> documents_per_code(Project& project);

}  // namespace npt
