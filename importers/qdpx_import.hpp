// qdpx_import.hpp — REFI-QDA project import (.qdpx, or an unpacked project.qde) into a NEW
// nptcoder project, and `refi check`: the same reading without keeping anything. Users become
// coders, the CodeBook the code tree (GUIDs kept), Variables attributes, Cases cases (values,
// documents), TextSources documents (inline text, internal:// or bare .txt files, or the .docx
// rich text when the plain text is missing or empty), every Coding of a PlainTextSelection a
// coding (positions read in the unit the source's selection texts confirm, see qdpx_offsets.hpp),
// Notes memos where they are attached. Everything else is counted in the loss report.
#pragma once
#include <filesystem>
#include <string>

#include "core/model/refi_report.hpp"
#include "importers/qdpx_package.hpp"

namespace npt::importers {

struct QdpxImportOptions {
    QdpxLimits limits;
    std::string actor;  // who imports (the event log); empty: the default actor
};

// Imports `file` into a new project at `target` (which must not exist) in one action; the project
// appears only when complete. Throws NotFoundError, FormatError (not REFI-QDA, hostile archive),
// InputError (target exists) — and then creates nothing.
RefiReport import_qdpx(const std::filesystem::path& file, const std::filesystem::path& target,
                       const QdpxImportOptions& options = {});

// What import_qdpx would keep and lose, and the schema check, creating nothing the user sees (it
// imports into a temporary project and removes it).
RefiReport check_qdpx(const std::filesystem::path& file, const QdpxImportOptions& options = {});

// The same for a codebook (.qdc): schema check, the codes it holds, what loading would not keep.
RefiReport check_qdc(const std::filesystem::path& file);

}  // namespace npt::importers
