// merge.hpp — bringing another coder's project into the lead project: coders (renamed with a
// coder map), documents matched by the SHA-256 of their text, codes matched by GUID then path,
// codings and memos. One undoable action; idempotent (a second merge of the same file adds
// nothing); every conflict is listed, none silently dropped. preview_merge reports the same
// without changing either file.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt {

struct MergeOptions {
    // The other project's coder name -> the name to use in the lead project.
    std::map<std::string, std::string> coder_map;
    // Largest document text (bytes) taken from the other project, as import's --max-size.
    std::uint64_t max_document_bytes = 100ull * 1024 * 1024;
};

// Something the merge could not take over as it was, and what it did instead.
struct MergeConflict {
    std::string kind;        // "document name", "code path", "code guid", "memo"
    std::string subject;     // what it is about, by name
    std::string resolution;  // what the merge did
};

struct MergeReport {
    int coders_added = 0, coders_matched = 0;
    int documents_added = 0, documents_matched = 0;
    int codes_added = 0, codes_matched = 0;
    std::int64_t codings_added = 0, codings_present = 0;  // present: already in the lead (same GUID, or covered)
    int memos_added = 0, memos_present = 0;
    std::vector<MergeConflict> conflicts;
    // What was (or, in a preview, would be) added, by name in the lead: coder names after the
    // coder map, document names (renamed ones as added), code paths; in the other project's order.
    std::vector<std::string> added_coders, added_documents, added_codes;
};

// Parses "old=new" pairs (--coder-map). Throws InputError naming a malformed pair.
std::map<std::string, std::string> parse_coder_map(const std::vector<std::string>& pairs);

// Merges `other` into `lead` in one action "Merge <file>". Throws NotFoundError (no such file),
// FormatError (not an nptcoder project, or corrupt), InputError (the lead itself, or a coder-map
// name the other project does not have); the lead is unchanged then.
MergeReport merge_project(Project& lead, const std::filesystem::path& other, const MergeOptions& options = {});

// What merge_project would report for the same files and options — the same counts, names and
// conflicts — without changing anything: the merge runs inside its action's transaction, which is
// then rolled back (no backup, no undo step, no event), and the other file is opened read-only as
// for the merge. The lead must be writable (the rehearsal takes the write lock); throws as
// merge_project, and StoreError when called inside an action.
MergeReport preview_merge(Project& lead, const std::filesystem::path& other, const MergeOptions& options = {});

}  // namespace npt
