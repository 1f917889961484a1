// db_access.hpp — the key that opens Project::db(): core sources include this header to run SQL on
// a project. Only the core libraries (and the tests, which check what the store holds) have it on
// their include path; the front ends, codebook, importers and exporters go through core functions.
#pragma once
#include "core/store/project.hpp"

namespace npt::detail {

struct DbKey {};

}  // namespace npt::detail
