// matrix_attributes.hpp — which case attributes a framework matrix export shows. A matrix loads
// every case attribute (pseudonym, age, consent notes...), and not all of them belong in a paper or
// a file that leaves the team: ExportOptions::attributes names the ones that do, and every matrix
// writer (XLSX, CSV, HTML, Markdown, Word) shows only those.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/matrix/framework_matrix.hpp"

namespace npt {

// The matrix with only the `chosen` attribute columns (unset: all of them, unchanged), kept in the
// matrix's own order: group-by attributes first, then the others. Row grouping (the headings of
// the HTML, Markdown and Word exports) keeps the longest run of outermost group-by attributes that
// are all chosen, so a hidden attribute never appears as a heading either; rows stay in the
// matrix's order. Throws InputError (about "attributes") naming an attribute the matrix does not
// have, with "did you mean" for a near miss and the list of its attributes.
FrameworkMatrix with_attribute_columns(const FrameworkMatrix& matrix, const std::optional<std::vector<std::string>>& chosen);
// The same without copying when every attribute is shown: `matrix` itself when `chosen` is unset,
// else `storage`, filled with with_attribute_columns. Throws as it does.
const FrameworkMatrix& shown_matrix(const FrameworkMatrix& matrix, const std::optional<std::vector<std::string>>& chosen,
                                    FrameworkMatrix& storage);

// Parses the command line's list: "group,site" (names separated by commas, spaces around them
// ignored), "none" for no attribute, "all" for every one (unset). InputError for an empty name.
std::optional<std::vector<std::string>> parse_attribute_list(const std::string& list);

}  // namespace npt
