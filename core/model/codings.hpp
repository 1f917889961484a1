// codings.hpp — applying codes to spans of text, removing them, and retrieving coded segments.
//
// The coding rule (docs/coding.md): applying code C as coder K to [s, e) in document D joins
// every existing coding of C by K in D that overlaps or touches [s, e) into one coding spanning
// the union; removing C by K from [s, e) shrinks, splits or deletes the codings it overlaps.
// Different codes and different coders never merge: their codings may overlap freely.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

// Throws InputError unless 0 <= start < end <= length (naming the document).
void check_span(const DocumentInfo& doc, Span span);

// Applies a code (joins the caller's action, or is its own). Returns the resulting coding.
Coding apply_coding(Project& project, DocumentId document_id, CodeId code_id, CoderId coder_id, Span span);
// Removes a code from [s, e). Returns how many codings were changed or deleted.
int remove_coding(Project& project, DocumentId document_id, CodeId code_id, CoderId coder_id, Span span);
// Deletes one coding by id (with its memos).
void delete_coding(Project& project, CodingId coding_id);
Coding coding_by_id(Project& project, CodingId coding_id);  // NotFoundError
// Every coding in one document by start, then end: no text and no memos (what a view draws).
std::vector<Coding> codings_in_document(Project& project, DocumentId document_id);

// One coding request by names, as the CLI and the CSV bulk path give them.
struct CodingRequest {
    std::string document;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string code;   // path
    std::string coder;
    std::string memo;   // optional; attached to the resulting coding
    std::string origin; // where it came from, for messages ("codings.csv line 17")
};

struct CodingOptions {
    bool strict = false;      // unknown codes or coders are errors instead of being created
    bool snap_words = false;  // grow each span to whole words first
};

// Applies every request in ONE action: all land, or (on the first bad request) none do.
// Returns the resulting codings in request order.
std::vector<Coding> apply_codings(Project& project, const std::vector<CodingRequest>& requests,
                                  const CodingOptions& options = {});
// Removes every request's span in one action; returns the number of codings changed.
int remove_codings(Project& project, const std::vector<CodingRequest>& requests, const CodingOptions& options = {});

// A coded segment as retrieval shows it.
struct CodedSegment {
    Coding coding;
    std::string document;  // name
    std::string code;      // path
    std::string coder;     // name
    std::string text;      // exactly the coded code points
    std::string memo;      // memos on the coding, joined by a blank line
};

struct SegmentFilter {
    std::vector<std::string> documents;  // names; empty = all
    std::vector<std::string> codes;      // paths; empty = all
    bool include_descendants = false;    // a code path also selects codes below it
    std::vector<std::string> coders;     // names; empty = all
    std::vector<std::string> cases;      // names; documents linked to any of them
};

// Segments matching the filter in document order (document name, start, end, code, coder).
// Unknown names in the filter throw NotFoundError.
std::vector<CodedSegment> list_segments(Project& project, const SegmentFilter& filter = {});

}  // namespace npt
