// import_fixtures.hpp — builders of importer test inputs, written from scratch in each test: zip
// archives and DOCX files (libzip), small PDFs (objects and xref written byte by byte), UTF-16 and
// Windows-1252 encodings, and code point slicing to check turn offsets independently.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/model/model.hpp"

namespace npt::test {

// A zip archive's bytes holding `entries` (name, content), deflated unless `store`.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries, bool store = false);

// word/document.xml around `body_xml` (the children of <w:body>), with the w: namespace declared.
std::string docx_document_xml(const std::string& body_xml);
// A <w:p> holding one run per string.
std::string docx_paragraph(const std::vector<std::string>& runs);
// A complete .docx (content types, relationships, document, plus `extra` parts).
std::string make_docx(const std::string& body_xml, const std::vector<std::pair<std::string, std::string>>& extra = {});

// A PDF with one page per element; each page's lines drawn top to bottom in Helvetica (ASCII).
std::string make_pdf(const std::vector<std::vector<std::string>>& pages);

// UTF-8 text re-encoded; the BOM is written when `bom`.
std::string utf16(const std::string& utf8, bool little_endian, bool bom = true);

// The text between two code point offsets of UTF-8 text (computed by brute force over code points).
std::string slice_code_points(const std::string& utf8, std::int64_t start, std::int64_t end);

// "speaker|spoken text" for each turn, for compact assertions.
std::vector<std::string> describe_turns(const std::string& text, const std::vector<SpeakerTurn>& turns);

}  // namespace npt::test
