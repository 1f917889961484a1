// autocode.hpp — coding the results of a search, a coding query or a speaker's turns with one
// code for one coder, as ONE undoable action ("auto-coding"). A plan is made first (which
// passages, grown to their sentence, paragraph or speaker turn when asked, and which of them
// the code already covers), so that the CLI's --dry-run and the workbench's result list show
// exactly what applying it will do; applying follows the coding rule (docs/coding.md), so a
// passage touching an existing coding of the same code by the same coder joins it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/query/coding_query.hpp"

namespace npt {

enum class AutocodeSource { Search, Query, Speaker };
enum class AutocodeExtent { Hit, Sentence, Paragraph, Turn };

const char* to_string(AutocodeExtent extent);
AutocodeExtent autocode_extent_from_string(const std::string& name);  // throws InputError

struct AutocodeRequest {
    AutocodeSource source = AutocodeSource::Search;
    // Search: the text sought (case-, accent- and white-space-insensitive, as `search`);
    // Query: a coding query expression (coding_query.hpp); Speaker: a speaker's name as the
    // transcript gives it (matched ignoring case and white space runs).
    std::string pattern;
    AutocodeExtent extend = AutocodeExtent::Hit;
    std::vector<std::string> documents;  // only these documents (empty = all)
    bool whole_words = true;             // Search: hits start and end on word boundaries
    std::vector<std::string> query_coders;  // Query: only these coders' codings count (empty = all)
};

// One passage the plan would code: a hit, or the sentence/paragraph/turn around it, with
// overlapping and touching passages of one document joined.
struct AutocodePassage {
    DocumentId document_id;
    std::string document;
    Span span;          // code points, end-exclusive
    std::string text;   // exactly the code points of span
    int hits = 0;       // how many hits it holds
    bool covered = false;  // the code is already applied by the coder to all of it
};

struct AutocodePlan {
    std::vector<AutocodePassage> passages;  // document-name then offset order
    std::int64_t hits = 0;                  // hits found before growing and joining
    std::string description;                // e.g. "search \"waiting list\" (sentence)"
};

// The passages a request finds, and which of them `code` by `coder` already covers (pass
// empty ids to skip that check). Throws InputError (empty pattern, bad query),
// NotFoundError (unknown document, code in a query, or a speaker nobody in scope is; the
// message suggests the nearest speaker name).
AutocodePlan plan_autocode(Project& project, const AutocodeRequest& request, CodeId code = {}, CoderId coder = {});

struct AutocodeResult {
    std::int64_t passages = 0;  // passages applied (covered ones are skipped)
    std::int64_t codings = 0;   // codings of the code by the coder in those documents afterwards
    std::int64_t code_points_added = 0;  // newly covered code points
};

// The undo step's label: "Autocode: <description> as <code path> (<coder>)".
std::string autocode_step_label(const std::string& description, const std::string& code_path, const std::string& coder);

// Applies `passages` (all of a plan's, or the ones a user kept) as one action labelled
// autocode_step_label (or joins the caller's action). Nothing lands if any passage is invalid.
AutocodeResult apply_autocode(Project& project, const std::vector<AutocodePassage>& passages, CodeId code,
                              CoderId coder, const std::string& description);

}  // namespace npt
