// refi_schema.hpp — validating REFI-QDA XML against the standard's schemas (libxml2's XML Schema
// validator; the network and entity substitution are off). Used by every import, which reports
// the first errors as warnings and goes on, and by `nptcoder refi check`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace npt::importers {

enum class RefiSchema { Project, Codebook };

struct SchemaCheck {
    bool valid = false;
    std::size_t error_count = 0;
    std::vector<std::string> errors;  // the first few, "line N: message"
};

// Validates `xml` against the schema. Never throws for invalid input (that is the answer).
SchemaCheck validate_refi_xml(std::string_view xml, RefiSchema schema, std::size_t max_errors = 10);

// The schema texts (refi_schema_text.cpp).
const char* project_xsd_text();
const char* codebook_xsd_text();

}  // namespace npt::importers
