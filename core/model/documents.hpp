// documents.hpp — transcripts in the project: add (validated, NFC, LF line endings, SHA-256,
// length in code points), list, find, read text and speaker turns, rename, delete.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

struct NewDocument {
    std::string name;         // unique in the project
    std::string text;         // UTF-8; prepared (BOM, line endings, NFC) on the way in
    std::string source_file;  // file name it came from
    std::string format = "text";
    std::string import_note;  // e.g. "encoding windows-1252 detected"
    std::vector<SpeakerTurn> turns;  // offsets into the prepared text
};

// Adds a document (joins the caller's action, or is its own). Throws FormatError for invalid
// UTF-8 (naming the byte), InputError for a taken name or turns outside the text.
DocumentInfo add_document(Project& project, NewDocument doc);

std::vector<DocumentInfo> list_documents(Project& project);
std::optional<DocumentInfo> find_document(Project& project, const std::string& name);
std::optional<DocumentInfo> find_document_by_sha256(Project& project, const std::string& sha256);
DocumentInfo require_document(Project& project, const std::string& name);  // NotFoundError
DocumentInfo document_info(Project& project, DocumentId id);                // NotFoundError
std::string document_text(Project& project, DocumentId id);
std::vector<SpeakerTurn> speaker_turns(Project& project, DocumentId document_id);
// Replaces a document's speaker turns (one action; the REFI-QDA import restores them from notes).
void set_speaker_turns(Project& project, DocumentId document_id, const std::vector<SpeakerTurn>& turns);

void rename_document(Project& project, DocumentId document, const std::string& new_name);
// Deletes a document with its codings, turns and memos (one undoable action).
void delete_document(Project& project, DocumentId document);

}  // namespace npt
