// html_page.hpp — the shared writer for self-contained, printable HTML reports (framework
// matrices, codebook documents, agreement reports, segment reports): escaping, one page shell
// with inline CSS (no external resources, so a file can be attached to a paper's supplement).
#pragma once
#include <string>
#include <string_view>

namespace npt::html {

// Escapes &, <, >, " and ' for text and attribute values.
std::string escape(std::string_view text);
// Escapes and turns newlines into <br>.
std::string escape_multiline(std::string_view text);

// Builds a page: begin(title) ... body HTML ... end(). The page carries its own CSS for tables,
// colour swatches, quotes and print layout, and a generator line naming nptcoder.
class Page {
public:
    explicit Page(std::string_view title, std::string_view extra_css = {});
    Page& raw(std::string_view html);             // appends HTML as is (caller escapes)
    Page& heading(int level, std::string_view text);
    Page& paragraph(std::string_view text);        // escaped
    std::string finish();                          // closes the document and returns it

private:
    std::string html_;
};

// A colour swatch span for "#rrggbb" (invalid colours render grey).
std::string swatch(std::string_view colour);

}  // namespace npt::html
