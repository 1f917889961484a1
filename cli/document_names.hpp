// document_names.hpp — what --docs accepts: document names, or comma-separated names and globs.
#pragma once
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt::cli {

// --docs values as names: each value is a document name, or comma-separated names and globs
// (* ? [...], fnmatch) such as "p0*.txt,p12.docx", in the order given, each document once. A glob
// matching no document throws NotFoundError; plain names are left for the command to look up.
std::vector<std::string> expand_document_names(Project& project, const std::vector<std::string>& given);

}  // namespace npt::cli
