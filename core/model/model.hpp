// model.hpp — the project's nouns as plain values, in the researcher's words: Coder, Document,
// SpeakerTurn, Case, Attribute, Code, Coding, Memo. Offsets are code points, end-exclusive.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store/project.hpp"
#include "core/text/span.hpp"

namespace npt {

struct Coder {
    Id id = 0;
    std::string name;
    std::string colour;  // "#rrggbb"
    std::string guid;
    std::string created;
};

// A stretch of a transcript spoken by one person.
struct SpeakerTurn {
    std::int64_t start = 0;  // code points
    std::int64_t end = 0;
    std::string speaker;
    std::optional<std::int64_t> start_ms;  // media time, when the source had it
    std::optional<std::int64_t> end_ms;
};

// A document without its text (cheap to list).
struct DocumentInfo {
    Id id = 0;
    std::string name;
    std::string sha256;       // of the stored (NFC, LF) text
    std::string source_file;  // file name it was imported from
    std::string format;       // "text", "docx", "vtt", ...
    std::string imported;     // ISO 8601 UTC
    std::int64_t length = 0;  // code points
    std::string guid;
    std::string import_note;
};

struct Case {
    Id id = 0;
    std::string name;
    std::string description;
    std::string guid;
};

enum class AttributeType { Text, Number, Date, Boolean };
const char* to_string(AttributeType type);
AttributeType attribute_type_from_string(const std::string& name);  // throws InputError

struct Attribute {
    Id id = 0;
    std::string name;
    AttributeType type = AttributeType::Text;
};

struct Code {
    Id id = 0;
    std::optional<Id> parent_id;
    std::string name;
    std::string path;  // names from the root joined by '/', '/' inside a name escaped as "\/"
    std::string description;
    std::string inclusion;
    std::string exclusion;
    std::vector<std::string> examples;
    std::string citation;
    std::string colour;
    int sort_order = 0;
    std::string guid;
};

struct Coding {
    Id id = 0;
    Id document_id = 0;
    Id code_id = 0;
    Id coder_id = 0;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string created;
    std::string modified;
    std::string guid;
};

// What a memo is attached to. `Project` memos have no target id.
enum class MemoTarget { Project, Document, Code, Case, Coding };
const char* to_string(MemoTarget target);
MemoTarget memo_target_from_string(const std::string& name);  // throws InputError

struct Memo {
    Id id = 0;
    MemoTarget target = MemoTarget::Project;
    std::optional<Id> target_id;
    std::string author;
    std::string title;
    std::string text;
    std::string created;
    std::string modified;
    std::string guid;
};

}  // namespace npt
