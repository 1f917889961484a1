// coding_counts.cpp — per-document, per-code and per-coder coding counts.
#include "core/coding_counts.hpp"

namespace npt {

CodingCounts coding_counts(Project& project) {
    CodingCounts out;
    {
        sqlite::Statement st(project.db(), "SELECT code_id, document_id, count(*) FROM coding GROUP BY code_id, document_id");
        while (st.step()) {
            out.per_code[st.int64(0)] += st.int64(2);
            out.per_document[st.int64(1)] += st.int64(2);
            ++out.documents_per_code[st.int64(0)];
        }
    }
    sqlite::Statement st(project.db(), "SELECT coder_id, count(*) FROM coding GROUP BY coder_id");
    while (st.step()) out.per_coder[st.int64(0)] = st.int64(1);
    return out;
}

}  // namespace npt
