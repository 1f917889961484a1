// cooccurrence.hpp — code co-occurrence: for codes i and j, how many pairs (segment of i, segment
// of j) in the same document share at least one code point; the diagonal holds the number of
// segments of each code. A segment is one coding (one code, one coder, one span).
#pragma once
#include <string>
#include <vector>

#include "core/query/retrieval.hpp"

namespace npt {

struct CooccurrenceOptions {
    std::vector<std::string> codes;      // paths, in the order wanted (empty = every code, tree order)
    std::vector<std::string> coders;     // only segments by these coders (empty = all)
    std::vector<std::string> documents;  // only these documents (empty = all)
    std::vector<std::string> cases;
    std::vector<AttributeCondition> where;
};

struct CooccurrenceTable {
    std::vector<std::string> codes;                   // paths
    std::vector<std::vector<std::int64_t>> counts;    // counts[i][j], symmetric
};

// Throws NotFoundError for unknown codes, coders, documents, cases or attributes. Cost grows with
// the number of segments and overlapping pairs, not with the length of the text.
CooccurrenceTable code_cooccurrence(Project& project, const CooccurrenceOptions& options = {});

}  // namespace npt
