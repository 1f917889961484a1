// disagreements.hpp — every stretch of text where the compared coders differ on a code: some of
// them have the code there and some do not. Found with the interval sweep, listed in document
// order, each with its text, the speaker and a stable id that `reconcile --accept/--reject` takes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/agreement/coding_agreement.hpp"
#include "core/store/project.hpp"

namespace npt::agreement {

struct Disagreement {
    std::string id;  // "<document id>:<code id>:<start>-<end>", stable while the codings are
    DocumentId document_id;
    CodeId code_id;
    std::string document;  // name
    std::string code;      // path
    std::int64_t start = 0;  // code points, end-exclusive
    std::int64_t end = 0;
    std::vector<std::string> coders_with;     // coders who have the code here
    std::vector<std::string> coders_without;  // compared coders who do not
    std::string text;     // the code points [start, end)
    std::string speaker;  // speaker of the turn where the stretch starts ("" if none)
};

// Disagreements between the scope's coders (codes: the given paths, or every code they used),
// ordered by document (project order), start, then code path. Throws as load_agreement_input.
std::vector<Disagreement> find_disagreements(Project& project, const AgreementScope& scope);

// The same from codings in memory, without text or speaker (ids use the input's project ids when
// present, else its indices).
std::vector<Disagreement> find_disagreements(const AgreementInput& input);

// The longest `limit` disagreements (ties in document order), for reports.
std::vector<Disagreement> longest_disagreements(std::vector<Disagreement> all, std::size_t limit);

// A disagreement id taken apart. Throws InputError naming the id when it is malformed.
struct DisagreementKey {
    DocumentId document_id;
    CodeId code_id;
    std::int64_t start = 0;
    std::int64_t end = 0;
};
DisagreementKey parse_disagreement_id(const std::string& id);
std::string disagreement_id(DocumentId document_id, CodeId code_id, std::int64_t start, std::int64_t end);

}  // namespace npt::agreement
