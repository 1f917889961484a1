// name_match.hpp — telling a typo from a new name. A code path or coder name the user typed is
// Exact (it exists), a NearMiss of an existing one (same after case and whitespace folding, or a
// small edit away: "Coherance" for "Coherence", "Ngozi  A." for "Ngozi A."), or New. The CLI
// refuses near misses with "did you mean …?" and announces new names; see docs/coding.md.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

struct NameMatch {
    enum class Kind { Exact, NearMiss, New };
    Kind kind = Kind::New;
    std::string existing;  // Exact and NearMiss: the existing name or code path it matches
};

// The form names are compared in: full Unicode case folding, every whitespace run as one space,
// no space at either end.
std::u32string fold_name(std::string_view name);

// The form in which two spellings of one name are equal: American "-ization" as British "-isation"
// and a hyphen as a space, so "Internalization", "Systematization" and "Skill-set workability" (the
// NPT sources' spellings) name the codebook's "Internalisation", "Systematisation" and "Skill set
// workability". find_code accepts such a spelling as an alias of the code.
std::string spelling_key(std::string_view name);

// True when two different names are probably the same name mistyped: equal after fold_name, or
// (for folded names of 5 or more code points) within Levenshtein distance 1, or 2 from 10 code
// points on. Names that differ only in their digits ("Theme 1", "Theme 2") are never near misses.
bool is_near_miss(std::string_view given, std::string_view existing);

// `given` against a list of names: Exact when listed verbatim, else the nearest near miss
// (smallest edit distance, then first listed), else New.
NameMatch match_name(std::string_view given, const std::vector<std::string>& existing);

// A code path against the code tree (list_codes order), one name at a time from the root: a name
// that is not a child of the code before it but another spelling of one (spelling_key) is Exact,
// a near miss of one makes the whole path a NearMiss; `existing` is the path with every such name
// corrected.
NameMatch match_code_path(const std::vector<Code>& codes, const std::string& path);
NameMatch match_code_path(Project& project, const std::string& path);
NameMatch match_coder(Project& project, const std::string& name);

}  // namespace npt
