// code_edits.hpp — editing the code tree after codes exist: rename, move (re-parent), merge (the
// source's codings move to the target under the coding rule), delete (refused while codings exist
// unless forced), colour and the descriptive fields. Every function is one undoable action (or
// joins the caller's); on any error the project is left exactly as it was. Codes keep their GUIDs.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

// Renames a code (its last name only; it stays where it is). Returns the renamed code.
// Throws NotFoundError (no such code), InputError (empty name, a '/'-free name is not required:
// the name is taken literally; a sibling already has the name).
Code rename_code(Project& project, CodeId code, const std::string& new_name);

// Moves a code, with everything below it, under `new_parent` (nullopt = the top level).
// Throws NotFoundError, InputError (moving a code under itself or one of its descendants; a code
// with the same name already under the new parent).
Code move_code(Project& project, CodeId code, std::optional<CodeId> new_parent);

struct MergeResult {
    std::int64_t codings_moved = 0;   // codings of the source codes that now carry the target code
    std::int64_t codings_joined = 0;  // of those, how many joined an overlapping/touching coding
    std::int64_t codes_removed = 0;   // the source and any of its children merged into namesakes
};

// Merges code `source` into code `target`: the source's codings become codings of
// the target (overlapping or touching codings of one coder in one document then join, as the
// coding rule says; memos and matrix links follow the surviving coding), its memos and children
// move to the target (a child whose name the target already has is merged into that namesake),
// and the source is deleted. Throws NotFoundError, InputError (source == target, or target lies
// below source).
MergeResult merge_codes(Project& project, CodeId source, CodeId target);

// Deletes a code and everything below it. Refused with InputError while any of those
// codes has codings, unless `force`, in which case the codings (and their memos) go too. Returns
// the number of codings deleted.
std::int64_t delete_code(Project& project, CodeId code, bool force = false);

// Sets a code's colour. `colour` is "#rrggbb" or "#rgb" (stored as lowercase "#rrggbb");
// anything else throws InputError.
Code set_code_colour(Project& project, CodeId code, const std::string& colour);

// The descriptive fields of a code; only the fields that hold a value are changed.
struct CodeDetails {
    std::optional<std::string> description;
    std::optional<std::string> inclusion;
    std::optional<std::string> exclusion;
    std::optional<std::vector<std::string>> examples;
    std::optional<std::string> citation;
};
Code update_code_details(Project& project, CodeId code, const CodeDetails& details);

// "#rrggbb" in lowercase for "#rrggbb" or "#rgb" in any case; InputError naming `what` otherwise.
std::string normalise_colour(const std::string& colour, const std::string& what);

// Number of codings of the code itself (not its descendants).
std::int64_t coding_count(Project& project, CodeId code_id);

}  // namespace npt
