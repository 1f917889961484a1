// codebook_document.hpp — the codebook as a document for a paper's appendix, in Markdown,
// self-contained HTML or Word (.docx): the code tree, then each code's definition, inclusion and exclusion
// criteria, example quotes, citation, colour and how often it was used in the project.
#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "codebook/codebook.hpp"
#include "codebook/codebook_project.hpp"
#include "exporters/export_format.hpp"

namespace npt::exporters {

// `use` maps code paths to counts; codes missing from it show no counts (e.g. a built-in codebook
// rendered without a project).
std::string codebook_markdown(const codebook::Codebook& codebook, const std::map<std::string, codebook::CodeUse>& use);
std::string codebook_html(const codebook::Codebook& codebook, const std::map<std::string, codebook::CodeUse>& use);
// Word: the code tree as a table (code indented by depth, definition, use), then a heading per code
// with its definition, inclusion and exclusion criteria, examples as quotes, and source; references.
void write_codebook_docx(const codebook::Codebook& codebook, const std::map<std::string, codebook::CodeUse>& use,
                         const std::filesystem::path& out, Paper paper);

// "3 codings in 2 documents" for a code path, or "" when `use` does not have it.
std::string codebook_use_text(const std::map<std::string, codebook::CodeUse>& use, const std::string& path);

// Writes the project's codebook document to `out` (atomically), Markdown for ".md", HTML for
// ".html"/".htm", Word for ".docx" (on `paper`). Throws InputError for another extension.
void write_codebook_document(Project& project, const std::filesystem::path& out, Paper paper = paper_from_environment());

}  // namespace npt::exporters
