// coders.hpp — the people who code: add, list, find. Names are unique within a project.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

// Adds a coder (one undoable action). Throws InputError if the name is empty or taken.
Coder add_coder(Project& project, const std::string& name, const std::string& colour = "");
std::vector<Coder> list_coders(Project& project);
std::optional<Coder> find_coder(Project& project, const std::string& name);
// Throws NotFoundError naming the coder when missing.
Coder require_coder(Project& project, const std::string& name);
// Finds the coder, or adds one (inside the caller's action) when missing.
Coder ensure_coder(Project& project, const std::string& name);

// A distinct colour for the n-th coder or code (a qualitative palette), "#rrggbb".
std::string palette_colour(std::int64_t n);

}  // namespace npt
