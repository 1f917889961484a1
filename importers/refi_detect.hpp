// refi_detect.hpp — recognising a REFI-QDA project handed to the wrong command: a zip holding a
// project.qde (or the one "<Project>.qde" some tools write) at its top level, or XML whose root
// element is the REFI-QDA <Project>. The transcript import refuses such a file with one line
// pointing to `nptcoder import-qdpx`, instead of "not a DOCX document".
// Thread-safety: pure functions, safe from any thread.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace npt::importers {

// True for a zip whose top-level entries include a .qde file. Reads the central directory only.
bool is_refi_project_archive(std::string_view bytes);
// True for XML (after a BOM, the declaration, comments and a DOCTYPE) whose root element's local
// name is "Project" with the REFI-QDA project namespace (urn:QDA-XML:project:...) in its start tag.
bool is_refi_project_xml(std::string_view bytes);
inline bool is_refi_project(std::string_view bytes) { return is_refi_project_archive(bytes) || is_refi_project_xml(bytes); }
// The same for a file on disk, reading only what it needs (a zip's central directory, the first
// 64 KB of XML). False when the file cannot be read.
bool is_refi_project_file(const std::filesystem::path& file);

// The one-line refusal for a REFI-QDA project given to a transcript import, naming `source`.
std::string refi_project_not_a_transcript(std::string_view source);

}  // namespace npt::importers
