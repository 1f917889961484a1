// codebook_document.hpp — the codebook as a document for a paper's appendix, in Markdown or
// self-contained HTML: the code tree, then each code's definition, inclusion and exclusion
// criteria, example quotes, citation, colour and how often it was used in the project.
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "codebook/codebook.hpp"
#include "codebook/codebook_project.hpp"

namespace npt::exporters {

// `use` maps code paths to counts; codes missing from it show no counts (e.g. a built-in codebook
// rendered without a project).
std::string codebook_markdown(const codebook::Codebook& codebook, const std::map<std::string, codebook::CodeUse>& use);
std::string codebook_html(const codebook::Codebook& codebook, const std::map<std::string, codebook::CodeUse>& use);

// Writes the project's codebook document to `out` (atomically), Markdown for ".md", HTML for
// ".html"/".htm". Throws InputError for another extension.
void write_codebook_document(Project& project, const std::filesystem::path& out);

}  // namespace npt::exporters
