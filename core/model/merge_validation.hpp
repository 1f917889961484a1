// merge_validation.hpp — the checks a colleague's project passes before merge reads any of it.
// merge matches documents by the SHA-256 stored in the other file and follows its references; a
// file whose stored hash lies about its text had its coding mapped onto different text, and a
// code-parent cycle or a dangling coding crashed the merge. Project::open has already refused
// schema objects that are not nptcoder's (schema_check.hpp).
#pragma once
#include <cstdint>
#include <string>

#include "core/store/project.hpp"

namespace npt {

// Throws FormatError, naming `label` (the other file) and the first problem: damage
// (PRAGMA quick_check), a dangling reference, a cycle among codes, a document over
// max_document_bytes, a stored hash or length that does not match the document's text, or a
// coding outside its document.
void validate_merge_source(Project& other, const std::string& label, std::uint64_t max_document_bytes);

}  // namespace npt
