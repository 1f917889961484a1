// codings_csv.hpp — many codings from one CSV file (header doc,start,end,code,coder[,memo], any
// column order), as requests for apply_codings or remove_codings: the CLI's `code add --from` and
// the GUI can both read one.
#pragma once
#include <string>
#include <vector>

#include "core/model/codings.hpp"

namespace npt::importers {

// Throws InputError (empty file, a missing column, a row with the wrong number of fields, an
// offset that is not a whole number: each naming the file and line) or FormatError (not CSV).
std::vector<CodingRequest> read_codings_csv(const std::string& file);

}  // namespace npt::importers
