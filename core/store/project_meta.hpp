// project_meta.hpp — writing and listing the project_meta key/value table beyond the name and
// creation time Project reads (e.g. "codebook:<name>" entries recorded by codebook load).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/store/project.hpp"

namespace npt {

// Sets `key` to `value`, replacing any earlier value (joins the caller's action, if any).
void set_meta(Project& project, const std::string& key, const std::string& value);
// Every (key, value) whose key starts with `prefix`, by key.
std::vector<std::pair<std::string, std::string>> meta_with_prefix(Project& project, const std::string& prefix);

}  // namespace npt
