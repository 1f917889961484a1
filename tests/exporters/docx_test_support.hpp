// docx_test_support.hpp — reading back the Word documents the exporters write: the package
// unzipped with libzip, word/document.xml parsed with pugixml, tables and paragraphs as text.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace npt::test {

// word/document.xml of a .docx, parsed; fails the calling test (ADD_FAILURE) when it is not XML.
pugi::xml_document docx_document(const std::filesystem::path& docx);

// The text of a paragraph, cell or any element: its w:t texts, w:br as "\n", w:tab as "\t", and
// paragraphs after the first each starting a new line.
std::string docx_text(pugi::xml_node node);

// Every table of the body, as rows of cell texts.
std::vector<std::vector<std::vector<std::string>>> docx_tables(const pugi::xml_document& doc);

// The body's paragraphs (outside tables) as (style, text), in order.
std::vector<std::pair<std::string, std::string>> docx_paragraphs(const pugi::xml_document& doc);

// Every section's w:sectPr (the ones inside paragraphs, then the body's last), in order.
std::vector<pugi::xml_node> docx_sections(const pugi::xml_document& doc);

// Converts `docx` to PDF with LibreOffice (`soffice --headless --convert-to pdf`) into `dir` and
// returns the PDF's path, or an empty path when soffice is not on PATH.
std::filesystem::path convert_with_libreoffice(const std::filesystem::path& docx, const std::filesystem::path& dir);

}  // namespace npt::test
