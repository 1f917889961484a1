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

// Limits on a codebook file (JSON or .qdc), each refused with a FormatError naming the file: codes
// nest at most kMaxCodeDepth (core/codes.hpp, 256) levels, a file holds at most kMaxCodebookCodes
// codes, and a code's path (its names from the root joined by '/') is at most
// kMaxCodePathBytes bytes of UTF-8. Real codebooks stay far below all three.
constexpr std::size_t kMaxCodebookCodes = 100000;
constexpr std::size_t kMaxCodePathBytes = 4096;

// Throws FormatError naming `source` when a code at `depth` (1 = top level) with `path` would
// break a limit above, or when `codes_so_far` codes have already been read.
void check_codebook_limits(const std::string& source, std::size_t depth, const std::string& path, std::size_t codes_so_far);

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
    // Paths of the codes that are the theory's core constructs, in the theory's order (NPT's four);
    // each is one of `codes`. A framework or counts matrix made without named columns uses them.
    std::vector<std::string> constructs;
};

// Parses codebook JSON: {"format": "nptcoder-codebook", "schema_version": 1, "name", "title",
// "description", "references": [...], "codes": [{"name", "guid", "colour", "description",
// "inclusion", "exclusion", "examples": [...], "citation", "codes": [children...]}],
// "constructs": [code paths]} ("constructs" optional). Throws FormatError naming `source` (not
// JSON, a newer schema version, a code without a name, a bad GUID or colour, the same path
// twice, a construct that is not one of the codes, a limit above broken).
Codebook parse_codebook_json(std::string_view json, const std::string& source);
// The same layout, indented, ending in a newline.
std::string codebook_to_json(const Codebook& codebook);

// Names of the codebooks built into the program ("npt", "npt-2022").
std::vector<std::string> builtin_codebook_names();
// A built-in codebook. Throws NotFoundError listing the names there are.
Codebook builtin_codebook(const std::string& name);

}  // namespace npt::codebook
