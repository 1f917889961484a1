// codebook.hpp — a codebook as a value, apart from any project: the codes (paths, definitions,
// inclusion and exclusion criteria, example quotes, citation, colour, GUID) and what the codebook
// rests on. Read from and written to nptcoder's codebook JSON (schema version kSchemaVersion);
// the built-in NPT codebooks are such JSON files compiled into the program.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace npt::codebook {

// Version of the codebook JSON layout this build reads and writes.
constexpr int kSchemaVersion = 1;

struct CodebookCode {
    std::string path;  // names from the root joined by '/' (a '/' inside a name written "\/")
    std::string description;
    std::string inclusion;
    std::string exclusion;
    std::vector<std::string> examples;
    std::string citation;
    std::string colour;  // "#rrggbb", or empty
    std::string guid;    // empty: the project makes one
};

struct Codebook {
    int schema_version = kSchemaVersion;
    std::string name;         // short name ("npt")
    std::string title;        // for documents ("Normalisation Process Theory ...")
    std::string description;  // how the codebook is meant to be used
    std::vector<std::string> references;
    std::vector<CodebookCode> codes;  // parents before their children
};

// Parses codebook JSON: {"format": "nptcoder-codebook", "schema_version": 1, "name", "title",
// "description", "references": [...], "codes": [{"name", "guid", "colour", "description",
// "inclusion", "exclusion", "examples": [...], "citation", "codes": [children...]}]}.
// Throws FormatError naming `source` (not JSON, a newer schema version, a code without a name,
// a bad GUID or colour, the same path twice).
Codebook parse_codebook_json(std::string_view json, const std::string& source);
// The same layout, indented, ending in a newline.
std::string codebook_to_json(const Codebook& codebook);

// Names of the codebooks built into the program ("npt", "npt-2022").
std::vector<std::string> builtin_codebook_names();
// A built-in codebook. Throws NotFoundError listing the names there are.
Codebook builtin_codebook(const std::string& name);

}  // namespace npt::codebook
