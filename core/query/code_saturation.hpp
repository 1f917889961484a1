// code_saturation.hpp — the code saturation curve: documents in interview order (a case attribute
// such as interview_date, or import order) and, for each, the codes first applied in it and the
// number of distinct codes applied so far. The numbers behind the Charts window's saturation
// curve and `nptcoder saturation`.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/store/project.hpp"

namespace npt {

struct SaturationOptions {
    std::string order = "import";     // "import" (the order documents were imported) or a case attribute
    std::vector<std::string> coders;  // only codings by these coders (empty = every coder)
};

struct SaturationPoint {
    DocumentId document_id;
    std::string document;                // document name
    std::string order_value;             // the document's case's value of the order attribute ("" when none)
    std::vector<std::string> new_codes;  // paths of the codes first applied in this document, tree order
    std::int64_t codes_so_far = 0;       // distinct codes applied in this and the earlier documents
};

struct CodeSaturation {
    std::string order;                    // as asked for
    std::vector<SaturationPoint> points;  // one per document, in order
};

// Every document, ordered by `order`: import order, or the value of a case attribute of the
// document's case (the smallest when it has several cases; numbers compare as numbers, other
// types as text, so ISO dates sort by date), ties and documents without a value (placed last)
// in import order. A code counts once, where it is first applied (its own codings, not those of
// codes below it). Throws NotFoundError for an unknown attribute or coder.
CodeSaturation code_saturation(Project& project, const SaturationOptions& options = {});

// The curve as CSV: document, the order attribute (when not import order), new codes, codes so
// far, and the new codes' paths joined by "; ". What `saturation --format csv` prints and the
// Charts window exports.
std::string code_saturation_csv(const CodeSaturation& saturation);

}  // namespace npt
