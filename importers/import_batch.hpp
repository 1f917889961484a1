// import_batch.hpp — bringing many transcripts into a project at once, shared by `nptcoder import`
// and the GUI's import worker: files, folders and globs expanded; each file parsed and added as
// its own undoable action (all-or-nothing); files whose text is already in the project skipped;
// failures recorded with their reason while the batch carries on.
// Not thread-safe per Project: a worker thread opens its own Project and passes it here.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/project.hpp"
#include "importers/importer.hpp"

namespace npt::importers {

struct ImportedFile {
    std::string path;
    std::string document;  // name given in the project
    std::string format;    // "text", "docx", ...
    std::string note;      // the document's import note
    std::size_t turns = 0; // speaker turns found
};
struct SkippedFile {
    std::string path;
    std::string same_as;  // the document that already has this text
};
struct FailedFile {
    std::string path;
    std::string reason;  // one line, naming the file
    std::string about;   // the option the failure concerns, if any (npt::Error::about: "max_size")
};

struct ImportSummary {
    std::vector<ImportedFile> imported;
    std::vector<SkippedFile> skipped;
    std::vector<FailedFile> failed;
    bool cancelled = false;   // the ProgressSink asked to stop; files after that were not tried
    std::uint64_t bytes = 0;  // bytes read
};

// File extensions a folder is searched for.
bool is_importable_extension(const std::filesystem::path& file);

// Expands the arguments: a file stays; a folder gives its importable files (recursively, hidden
// files and Word lock files "~$..." left out); a glob (* ? [...]) gives its matches. Sorted within
// each argument. An argument that names nothing goes to `missing` with the reason.
std::vector<std::filesystem::path> expand_import_paths(const std::vector<std::string>& paths,
                                                       std::vector<FailedFile>& missing);

// Imports every file the arguments name (see expand_import_paths) with `options`. Each file is
// one action: the document, its speaker turns, and its case links (options.case_name, and one case
// per speaker when options.speaker_cases). Same text (SHA-256) already present: skipped. Same name,
// other text: failed unless options.rename. Throws only InputError for contradictory options
// (document_name with several files); everything else is reported per file.
ImportSummary import_paths(Project& project, const std::vector<std::string>& paths, const ImportOptions& options,
                           ProgressSink* progress = nullptr);

// Imports `bytes` (text pasted into the GUI, say) as one document named `name`, the way
// import_paths imports one file: parsed with `options` (the GUI passes SourceFormat::Text, so it
// is decoded, normalised and split into speaker turns as a .txt file is), skipped when the same
// text is already in the project, failed on a taken name unless options.rename (then renamed),
// linked to options.case_name and speaker cases; one action. `source` names it in messages and is
// kept as the document's source file. The summary holds exactly one imported, skipped or failed
// entry; nothing throws for bad text (the reason is in `failed`).
ImportSummary import_bytes(Project& project, std::string_view bytes, const std::string& name, const std::string& source,
                           const ImportOptions& options);

}  // namespace npt::importers
