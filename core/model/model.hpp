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
    CoderId id;
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
    DocumentId id;
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
    CaseId id;
    std::string name;
    std::string description;
    std::string guid;
};

enum class AttributeType { Text, Number, Date, Boolean };
const char* to_string(AttributeType type);
AttributeType attribute_type_from_string(const std::string& name);  // throws InputError

struct Attribute {
    AttributeId id;
    std::string name;
    AttributeType type = AttributeType::Text;
};

struct Code {
    CodeId id;
    std::optional<CodeId> parent_id;
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
    CodingId id;
    DocumentId document_id;
    CodeId code_id;
    CoderId coder_id;
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

// The id of what a memo is on, of whichever kind its MemoTarget says: made from a DocumentId,
// CodeId, CaseId or CodingId (implicitly), or from a raw value only explicitly.
struct MemoTargetId {
    std::int64_t value = 0;

    constexpr MemoTargetId() = default;
    constexpr explicit MemoTargetId(std::int64_t raw) : value(raw) {}
    constexpr MemoTargetId(DocumentId id) : value(id.value) {}
    constexpr MemoTargetId(CodeId id) : value(id.value) {}
    constexpr MemoTargetId(CaseId id) : value(id.value) {}
    constexpr MemoTargetId(CodingId id) : value(id.value) {}

    friend constexpr bool operator==(MemoTargetId, MemoTargetId) = default;
    friend std::ostream& operator<<(std::ostream& out, MemoTargetId id) { return out << id.value; }
};

struct Memo {
    MemoId id;
    MemoTarget target = MemoTarget::Project;
    std::optional<MemoTargetId> target_id;  // empty for a Project memo
    std::string author;
    std::string title;
    std::string text;
    std::string created;
    std::string modified;
    std::string guid;
};

}  // namespace npt
