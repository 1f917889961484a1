// docx_document.hpp — a small writer of Word documents (WordprocessingML, .docx) for the exports a
// paper needs: a title, headings, paragraphs of plain, bold or italic runs, quotes, and tables
// whose header row repeats on every page, in sections of portrait or landscape pages (A4 or US
// Letter). Built with pugixml and zipped with libzip (exporters/zip_writer); the styles it uses
// (Title, Heading1-3, Normal, Quote, Reference, and the table style "NptTable") are written with it
// (docx_package.hpp).
//
// Text is any UTF-8: characters XML 1.0 forbids (control characters other than tab and newline,
// U+FFFE, U+FFFF) and malformed bytes become U+FFFD, so the file is always well formed; a newline
// is a line break, a tab a tab. Not thread-safe; one document per thread.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/export_format.hpp"

namespace pugi {
class xml_document;
class xml_node;
}  // namespace pugi

namespace npt::docx {

enum class Orientation { Portrait, Landscape };

struct Run {
    std::string text;
    bool bold = false;
    bool italic = false;
};

// One paragraph: runs in a paragraph style ("" = Normal).
struct Paragraph {
    std::vector<Run> runs;
    std::string style;
};

// A table cell: its paragraphs (an empty cell holds one empty paragraph), optionally shaded
// ("RRGGBB") and spanning several grid columns.
struct Cell {
    std::vector<Paragraph> paragraphs;
    std::string shading;
    int span = 1;
};

struct Table {
    std::vector<std::string> header;  // the first row, repeated at the top of every page
    std::vector<double> widths;       // share of the text width per column (normalised); empty: equal
    std::vector<std::vector<Cell>> rows;
};

// A cell of plain text (newlines as line breaks) in one paragraph.
Cell text_cell(std::string_view text);

// Text as XML 1.0 allows it: forbidden characters and malformed UTF-8 become U+FFFD.
std::string xml_safe(std::string_view text);

class Document {
public:
    // `title` is the document's title property (docProps/core.xml); pages start in `orientation`.
    Document(std::string title, Paper paper, Orientation orientation = Orientation::Portrait);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    Document& title(std::string_view text);                  // style Title
    Document& heading(int level, std::string_view text);     // Heading1..Heading3 (levels beyond 3 as 3)
    Document& paragraph(std::string_view text, std::string_view style = {});
    Document& paragraph(const Paragraph& paragraph);
    Document& quote(std::string_view text);                  // style Quote, between typographic quotes
    Document& table(const Table& table);
    // Ends the current section (its pages keep their orientation) and starts one in `next`.
    Document& section(Orientation next);

    // The parts, for tests and previews.
    std::string document_xml() const;
    // Writes the .docx atomically (a failed export leaves no file). Throws InputError (no such
    // folder, the target is a folder) or WriteError (the disk refused it), naming `out`.
    void write(const std::filesystem::path& out) const;

private:
    pugi::xml_node body() const;
    void add_section_properties(pugi::xml_node parent, Orientation orientation) const;
    double text_width_twips() const;
    std::string title_;
    Paper paper_;
    Orientation orientation_;
    std::unique_ptr<pugi::xml_document> xml_;
};

}  // namespace npt::docx
