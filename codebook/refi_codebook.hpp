// refi_codebook.hpp — the REFI-QDA codebook exchange format (.qdc, namespace
// urn:QDA-XML:codebook:1.0; the older urn:QDA-XML:codebook:0:4 is read too). A .qdc carries a
// code's name, GUID, colour and one Description; nptcoder writes the definition there followed by
// labelled lines ("Inclusion: ", "Exclusion: ", "Example: ", "Citation: ") and reads them back,
// so its own codebooks survive the round trip and other tools still show readable text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "codebook/codebook.hpp"

namespace npt::codebook {

struct QdcImport {
    Codebook codebook;
    std::vector<std::string> warnings;  // what was accepted against the schema or not kept
};

// Parses a .qdc. Accepts (with a warning) an empty <Sets/>, sets (not kept: nptcoder has no code
// sets), non-codable codes (kept as ordinary codes), GUIDs in braces, and a repeated name under
// one parent (renamed "name (2)"). Throws FormatError naming `source` when the text is not XML, the
// root is not a CodeBook, or a code lacks a name or a valid GUID.
QdcImport read_qdc(std::string_view xml, const std::string& source);

// Writes a .qdc valid against Codebook.xsd (UTF-8, indented). Codes without a GUID get a new one.
std::string write_qdc(const Codebook& codebook, const std::string& origin);

// The Description text for a code, and the reverse (used by the .qdc reader and writer).
std::string qdc_description(const CodebookCode& code);
void apply_qdc_description(const std::string& description, CodebookCode& code);

}  // namespace npt::codebook
