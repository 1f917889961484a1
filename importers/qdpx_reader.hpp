// qdpx_reader.hpp — project.qde (REFI-QDA Project Exchange, urn:QDA-XML:project:1.0) read into
// plain values, apart from any nptcoder project: users, the code tree, variables, cases, text
// sources with their selections and codings, notes, links and sets, and counts of what nptcoder
// cannot hold (picture, PDF, audio and video sources with their selections, graphs). GUIDs are
// lowercase without braces; timestamps that are not xs:dateTime are repaired with a warning.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/refi_report.hpp"

namespace npt::importers {

struct RefiCoding {
    std::string guid, code, user, created;  // code: the CodeRef's target GUID
    std::vector<std::string> notes;
};

struct RefiSelection {
    std::string guid, name, user, created, modified, description;
    std::int64_t start = 0, end = 0;
    bool positions_read = true;  // false when start/end were not integers
    std::vector<RefiCoding> codings;
    std::vector<std::string> notes;
};

struct RefiTextSource {
    std::string guid, name, plain_path, rich_path, user, created, description;
    bool has_inline = false;
    std::string inline_text;
    std::vector<RefiSelection> selections;
    std::vector<RefiCoding> whole_codings;  // Coding directly in the source: the whole text
    std::vector<std::string> notes;
    std::int64_t variable_values = 0;
};

struct RefiCode {
    std::string guid, name, colour, description;
    bool codable = true;
    std::vector<std::string> notes;
    std::vector<RefiCode> children;
};

struct RefiVariable {
    std::string guid, name, type, description;
};

struct RefiCase {
    std::string guid, name, description;
    std::vector<std::pair<std::string, std::string>> values;  // variable GUID -> value text
    std::vector<std::string> sources;                         // SourceRef targets
    std::int64_t code_refs = 0, selection_refs = 0;
};

struct RefiNote {
    std::string guid, name, user, created, modified, text, plain_path;
    bool has_inline = false;
    std::int64_t selections = 0;
};

struct RefiLink {
    std::string guid, name, origin, target;
};

struct RefiSet {
    std::string guid, name;
    std::int64_t codes = 0, sources = 0, notes = 0;
};

struct RefiOtherSources {
    std::int64_t sources = 0, selections = 0, codings = 0;
};

struct RefiProjectFile {
    std::string name, origin, creating_user, created, description;
    std::vector<std::pair<std::string, std::string>> users;  // GUID, name
    std::vector<RefiCode> codes;
    std::vector<RefiVariable> variables;
    std::vector<RefiCase> cases;
    std::vector<RefiTextSource> sources;
    std::vector<RefiNote> notes;
    std::vector<RefiLink> links;
    std::vector<RefiSet> sets;
    std::vector<std::string> project_notes;
    std::map<std::string, RefiOtherSources> other_sources;  // "PDF", "picture", "audio", "video"
    std::int64_t pdf_region_selections = 0;
    std::int64_t transcripts = 0;  // audio/video transcripts (not imported with their media)
    std::int64_t graphs = 0;
    std::int64_t code_count() const;
    std::int64_t coding_count() const;  // codings in text sources
    std::int64_t selection_count() const;
};

// Parses project.qde. Warnings (repaired dates, odd GUIDs, namespace) go to `report`. Throws
// FormatError naming `source` when it is not XML or not a REFI-QDA Project.
RefiProjectFile read_project_qde(std::string_view xml, const std::string& source, RefiReport& report);

// "internal://x" without its scheme, lowercase-insensitive GUID normalisation, for callers.
std::string normalise_guid(const std::string& text);

}  // namespace npt::importers
