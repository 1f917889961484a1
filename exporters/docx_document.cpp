// docx_document.cpp — building word/document.xml with pugixml: paragraphs, runs, tables, sections.
#include "exporters/docx_document.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "exporters/docx_package.hpp"
#include "exporters/zip_writer.hpp"

namespace npt::docx {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

struct PageSize {
    int width, height;  // twips, portrait
};
PageSize page_size(Paper paper) { return paper == Paper::Letter ? PageSize{12240, 15840} : PageSize{11906, 16838}; }
int margin(Orientation o) { return o == Orientation::Landscape ? 851 : 1134; }  // 1.5 cm, 2 cm

bool allowed_in_xml(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Appends the runs of `text` to paragraph `p`: newlines as <w:br/>, tabs as <w:tab/>.
void append_run(pugi::xml_node p, const Run& run) {
    pugi::xml_node r = p.append_child("w:r");
    if (run.bold || run.italic) {
        pugi::xml_node pr = r.append_child("w:rPr");
        if (run.bold) pr.append_child("w:b");
        if (run.italic) pr.append_child("w:i");
    }
    std::string safe = xml_safe(run.text);
    std::string piece;
    auto flush = [&] {
        if (piece.empty()) return;
        pugi::xml_node t = r.append_child("w:t");
        t.append_attribute("xml:space") = "preserve";
        t.text().set(piece.c_str());
        piece.clear();
    };
    for (char c : safe) {
        if (c == '\n') {
            flush();
            r.append_child("w:br");
        } else if (c == '\t') {
            flush();
            r.append_child("w:tab");
        } else if (c != '\r') {
            piece += c;
        }
    }
    flush();
}

void append_paragraph(pugi::xml_node parent, const Paragraph& paragraph) {
    pugi::xml_node p = parent.append_child("w:p");
    if (!paragraph.style.empty()) p.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = paragraph.style.c_str();
    for (const Run& run : paragraph.runs)
        if (!run.text.empty()) append_run(p, run);
}

void set_width(pugi::xml_node node, int twips) {
    node.append_attribute("w:w") = twips;
    node.append_attribute("w:type") = "dxa";
}

}  // namespace

std::string xml_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (allowed_in_xml(b)) out.push_back(static_cast<char>(b));
            else out += kReplacement;
            ++i;
            continue;
        }
        std::size_t n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        char32_t cp = n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        bool ok = n != 0 && i + n <= s.size();
        for (std::size_t k = 1; ok && k < n; ++k) {
            unsigned char c = static_cast<unsigned char>(s[i + k]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        // Overlong forms, surrogates and values beyond U+10FFFF are malformed.
        ok = ok && !(n == 2 && cp < 0x80) && !(n == 3 && cp < 0x800) && !(n == 4 && cp < 0x10000) &&
             !(cp >= 0xD800 && cp <= 0xDFFF) && allowed_in_xml(cp);
        if (ok) out.append(s.substr(i, n));
        else out += kReplacement;
        i += ok ? n : 1;
    }
    return out;
}

Cell text_cell(std::string_view text) { return Cell{{Paragraph{{Run{std::string(text)}}, ""}}, "", 1}; }

Document::Document(std::string title, Paper paper, Orientation orientation)
    : title_(std::move(title)), paper_(paper), orientation_(orientation), xml_(std::make_unique<pugi::xml_document>()) {
    pugi::xml_node decl = xml_->append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    pugi::xml_node doc = xml_->append_child("w:document");
    doc.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    doc.append_attribute("xmlns:r") = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    doc.append_child("w:body");
}

Document::~Document() = default;

pugi::xml_node Document::body() const { return xml_->child("w:document").child("w:body"); }

double Document::text_width_twips() const {
    PageSize size = page_size(paper_);
    int width = orientation_ == Orientation::Landscape ? size.height : size.width;
    return width - 2.0 * margin(orientation_);
}

void Document::add_section_properties(pugi::xml_node parent, Orientation orientation) const {
    PageSize size = page_size(paper_);
    pugi::xml_node sect = parent.append_child("w:sectPr");
    pugi::xml_node pg = sect.append_child("w:pgSz");
    bool landscape = orientation == Orientation::Landscape;
    pg.append_attribute("w:w") = landscape ? size.height : size.width;
    pg.append_attribute("w:h") = landscape ? size.width : size.height;
    pg.append_attribute("w:orient") = landscape ? "landscape" : "portrait";
    pugi::xml_node mar = sect.append_child("w:pgMar");
    const int m = margin(orientation);
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) mar.append_attribute(side) = m;
    mar.append_attribute("w:header") = 567;
    mar.append_attribute("w:footer") = 567;
    mar.append_attribute("w:gutter") = 0;
}

Document& Document::title(std::string_view text) { return paragraph(text, "Title"); }

Document& Document::heading(int level, std::string_view text) {
    return paragraph(text, "Heading" + std::to_string(std::clamp(level, 1, 3)));
}

Document& Document::paragraph(std::string_view text, std::string_view style) {
    return paragraph(Paragraph{{Run{std::string(text)}}, std::string(style)});
}

Document& Document::paragraph(const Paragraph& p) {
    append_paragraph(body(), p);
    return *this;
}

Document& Document::quote(std::string_view text) {
    return paragraph(Paragraph{{Run{"\xE2\x80\x9C" + std::string(text) + "\xE2\x80\x9D"}}, "Quote"});
}

Document& Document::table(const Table& t) {
    const std::size_t columns = t.header.size();
    if (columns == 0) return *this;
    std::vector<double> shares = t.widths.size() == columns ? t.widths : std::vector<double>(columns, 1.0);
    const double sum = std::accumulate(shares.begin(), shares.end(), 0.0);
    const int total = static_cast<int>(text_width_twips());
    std::vector<int> twips;
    int used = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        int w = c + 1 == columns ? total - used : static_cast<int>(std::lround(total * shares[c] / (sum > 0 ? sum : 1)));
        twips.push_back(std::max(w, 1));
        used += w;
    }

    pugi::xml_node tbl = body().append_child("w:tbl");
    pugi::xml_node pr = tbl.append_child("w:tblPr");
    pr.append_child("w:tblStyle").append_attribute("w:val") = "NptTable";
    set_width(pr.append_child("w:tblW"), total);
    pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
    pugi::xml_node look = pr.append_child("w:tblLook");
    look.append_attribute("w:val") = "04A0";
    look.append_attribute("w:firstRow") = 1;
    look.append_attribute("w:lastRow") = 0;
    look.append_attribute("w:firstColumn") = 0;
    look.append_attribute("w:lastColumn") = 0;
    look.append_attribute("w:noHBand") = 1;
    look.append_attribute("w:noVBand") = 1;
    pugi::xml_node grid = tbl.append_child("w:tblGrid");
    for (int w : twips) grid.append_child("w:gridCol").append_attribute("w:w") = w;

    auto add_row = [&](const std::vector<Cell>& cells, bool header) {
        pugi::xml_node tr = tbl.append_child("w:tr");
        if (header) tr.append_child("w:trPr").append_child("w:tblHeader");
        std::size_t column = 0;
        for (const Cell& cell : cells) {
            if (column >= columns) break;
            const std::size_t span = std::min<std::size_t>(static_cast<std::size_t>(std::max(cell.span, 1)), columns - column);
            int width = 0;
            for (std::size_t k = 0; k < span; ++k) width += twips[column + k];
            pugi::xml_node tc = tr.append_child("w:tc");
            pugi::xml_node tcpr = tc.append_child("w:tcPr");
            set_width(tcpr.append_child("w:tcW"), width);
            if (span > 1) tcpr.append_child("w:gridSpan").append_attribute("w:val") = static_cast<unsigned>(span);
            if (!cell.shading.empty()) {
                pugi::xml_node shd = tcpr.append_child("w:shd");
                shd.append_attribute("w:val") = "clear";
                shd.append_attribute("w:color") = "auto";
                shd.append_attribute("w:fill") = cell.shading.c_str();
            }
            if (cell.paragraphs.empty()) tc.append_child("w:p");
            for (const Paragraph& p : cell.paragraphs) append_paragraph(tc, p);
            column += span;
        }
        // Every grid column needs a cell: pad a short row with empty ones.
        for (; column < columns; ++column) {
            pugi::xml_node tc = tr.append_child("w:tc");
            set_width(tc.append_child("w:tcPr").append_child("w:tcW"), twips[column]);
            tc.append_child("w:p");
        }
    };
    std::vector<Cell> head;
    for (const std::string& h : t.header) head.push_back(Cell{{Paragraph{{Run{h, true}}, "TableHeader"}}, "EEF1F5", 1});
    add_row(head, true);
    for (const std::vector<Cell>& row : t.rows) add_row(row, false);
    body().append_child("w:p");  // Word wants a paragraph between a table and what follows
    return *this;
}

Document& Document::section(Orientation next) {
    pugi::xml_node p = body().append_child("w:p");
    add_section_properties(p.append_child("w:pPr"), orientation_);
    orientation_ = next;
    return *this;
}

std::string Document::document_xml() const {
    // The last section's properties close the body: added for the saving only (not to a copy, which
    // would double the memory of a large matrix), so the document can still grow.
    pugi::xml_node body = this->body();
    add_section_properties(body, orientation_);
    std::ostringstream out;
    xml_->save(out, "", pugi::format_raw, pugi::encoding_utf8);
    body.remove_child(body.last_child());
    return out.str();
}

void Document::write(const std::filesystem::path& out) const {
    exporters::write_zip(out, package_entries(document_xml(), xml_safe(title_)));
}

}  // namespace npt::docx
