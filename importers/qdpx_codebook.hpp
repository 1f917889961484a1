// qdpx_codebook.hpp — the code tree of a REFI-QDA project (.qdpx, or an unpacked project.qde) as a
// codebook, for `codebook import`: the project's <CodeBook> is read by the .qdc reader, so names,
// GUIDs, colours, descriptions (with nptcoder's labelled lines), renames and warnings are exactly
// those of a .qdc. Everything else in the project is left alone (import-qdpx reads it all).
#pragma once
#include <filesystem>

#include "codebook/refi_codebook.hpp"
#include "importers/qdpx_package.hpp"

namespace npt::importers {

// Reads the package safely (qdpx_package.hpp limits) and returns its codebook, named after the
// file. Throws NotFoundError, FormatError (not REFI-QDA, hostile archive, no <CodeBook>, codes
// nested deeper than 200, a code without a name or GUID).
codebook::QdcImport read_qdpx_codebook(const std::filesystem::path& file, const QdpxLimits& limits = {});

}  // namespace npt::importers
