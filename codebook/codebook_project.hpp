// codebook_project.hpp — moving a codebook into and out of a project: loading (adding missing
// codes, filling in the definitions of codes that exist) and taking the project's code tree, with
// coding counts, as a Codebook value for export.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "codebook/codebook.hpp"
#include "core/store/project.hpp"

namespace npt::codebook {

struct LoadReport {
    int added = 0;      // codes created
    int updated = 0;    // codes that existed (same GUID, else same path) and took new definitions
    int unchanged = 0;  // codes that existed with the same definitions
    std::vector<std::string> notes;  // e.g. a code matched by GUID that sits at another path
};

// Loads a codebook in one action (all of it, or nothing). A code matches a project code by GUID,
// then by path; a match takes the codebook's non-empty fields (description, criteria, examples,
// citation, colour) and keeps its own GUID and place in the tree; other codes are added with the
// codebook's GUID (or a fresh one when it has none). Throws InputError naming the code when a
// path cannot be created. The codebook's title and references are kept in the project (key
// "codebook:NAME" of project_meta) for the codebook document.
LoadReport load_codebook(Project& project, const Codebook& codebook);

// The project's codes as a codebook (tree order), named `name`, with the references of every
// codebook loaded into the project.
Codebook codebook_from_project(Project& project, const std::string& name = "project");

// Number of codings of each code path (the code itself), and the number of distinct documents.
struct CodeUse {
    std::int64_t codings = 0;
    std::int64_t documents = 0;
};
std::map<std::string, CodeUse> code_use(Project& project);

}  // namespace npt::codebook
