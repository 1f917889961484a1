// agreement_scope.hpp — choosing what an agreement run compares, as the workbench's agreement
// view offers it: the documents every compared coder coded (a lead comparing two coders who split
// the transcripts between them wants only the ones both did), and a construct with the codes below
// it. The results are plain AgreementScope lists, so the same run is `nptcoder agreement --docs
// ... --codes ...` at the command line.
#pragma once
#include <string>
#include <vector>

#include "core/agreement/coding_agreement.hpp"

namespace npt::agreement {

// Names of the documents of `input` in which every compared coder has at least one coding of a
// code in scope, in input order.
std::vector<std::string> documents_coded_by_all(const AgreementInput& input);

// Paths of the code at `path` and of every code below it, in the codebook's tree order. Throws
// NotFoundError naming the path.
std::vector<std::string> code_paths_with_descendants(Project& project, const std::string& path);

}  // namespace npt::agreement
