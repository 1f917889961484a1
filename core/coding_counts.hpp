// coding_counts.hpp — how many codings each document, code and coder has, in two GROUP BY queries
// over the coding table's indexes: the cost grows with codings, never with document text. Used by
// the workbench's refresh (after every change and every other writer's commit), `doc list`,
// `coder list` and the codebook's code use.
#pragma once
#include <cstdint>
#include <map>

#include "core/project.hpp"

namespace npt {

struct CodingCounts {
    std::map<Id, std::int64_t> per_document;
    std::map<Id, std::int64_t> per_code;            // the code's own codings (not its descendants')
    std::map<Id, std::int64_t> per_coder;
    std::map<Id, std::int64_t> documents_per_code;  // documents with at least one coding of the code
};

CodingCounts coding_counts(Project& project);

}  // namespace npt
