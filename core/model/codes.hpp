// codes.hpp — the code tree: paths, lookup, listing in tree order, and adding codes.
// A code path is the names from the root joined by '/' ("Coherence/Differentiation"); a '/' or
// '\' inside a name is written "\/" or "\\".
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

// Deepest code tree nptcoder keeps: a code path has at most this many names. Deeper paths are
// refused (InputError) so that no walk over the tree can exhaust the stack.
constexpr std::size_t kMaxCodeDepth = 256;

std::vector<std::string> split_code_path(const std::string& path);  // InputError on an empty part
std::string join_code_path(const std::vector<std::string>& names);

// Every code, parents before children, siblings by sort order then name; paths filled in.
std::vector<Code> list_codes(Project& project);
std::optional<Code> find_code(Project& project, const std::string& path);
std::optional<Code> find_code_by_guid(Project& project, const std::string& guid);
Code code_by_id(Project& project, CodeId id);                          // NotFoundError
Code require_code(Project& project, const std::string& path);      // NotFoundError
// The largest sort_order among all codes, 0 when there are none (new codes can sort after it).
int max_code_sort_order(Project& project);
// Ids of the code and all its descendants.
std::vector<CodeId> code_and_descendants(Project& project, CodeId code_id);

struct NewCode {
    std::string path;  // full path of the new code; missing ancestors are created
    std::string description;
    std::string inclusion;
    std::string exclusion;
    std::vector<std::string> examples;
    std::string citation;
    std::string colour;  // empty: from the palette
    std::optional<int> sort_order;
    std::string guid;  // empty: a new GUID
};

// Adds a code (one action). Throws InputError if the path already exists or is deeper than
// kMaxCodeDepth.
Code add_code(Project& project, const NewCode& code);
// Finds the code at `path`, or creates it and any missing ancestors (joins the caller's action).
Code ensure_code(Project& project, const std::string& path);

}  // namespace npt
