// docx_package.hpp — the fixed parts of a .docx package around word/document.xml: content types,
// relationships, core properties (title, creator, time) and the style sheet the docx_document
// writer's paragraphs and tables use.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace npt::docx {

// word/styles.xml: document defaults (10 pt sans), Normal, Title, Heading1-3, Quote, Reference (small
// grey), TableHeader (bold), and the table style NptTable (grid borders, cell margins, shaded bold
// first row).
std::string styles_xml();

// Every entry of the package, in order, with `document_xml` as word/document.xml.
std::vector<std::pair<std::string, std::string>> package_entries(const std::string& document_xml, const std::string& title);

}  // namespace npt::docx
