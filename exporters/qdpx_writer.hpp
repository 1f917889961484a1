// qdpx_writer.hpp — REFI-QDA project export (.qdpx: a zip of project.qde, valid against
// Project.xsd, and sources/<guid>.txt). Coders become Users, the code tree the CodeBook, cases
// with their typed attributes Cases and Variables, documents TextSources referenced as
// internal://, every coding a PlainTextSelection (Unicode code points from 0, end exclusive, over
// the exported text) with one Coding, memos Notes attached where they belong. What the standard
// has no place for (speaker turns, framework matrices, reconcile decisions) goes into Notes named
// "nptcoder: ..." — see docs/interop.md. GUIDs are the project's own, or derived from them, so
// two exports of one project name everything identically.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/store/project.hpp"
#include "core/model/refi_report.hpp"

namespace npt::exporters {

struct QdpxOptions {
    std::string modified;  // the project's modifiedDateTime; empty: now
};

struct QdpxPackage {
    std::string project_qde;                                  // UTF-8 XML
    std::vector<std::pair<std::string, std::string>> sources;  // "sources/<guid>.txt" -> text (UTF-8, LF, no BOM)
    RefiReport report;                                         // counts written, what had no place
};

// Builds the package in memory (reads the project; changes nothing).
QdpxPackage build_qdpx(Project& project, const QdpxOptions& options = {});
// Builds and writes the .qdpx to `target` (built beside it, then renamed into place).
RefiReport export_qdpx(Project& project, const std::filesystem::path& target, const QdpxOptions& options = {});

}  // namespace npt::exporters
