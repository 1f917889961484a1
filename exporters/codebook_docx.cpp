// codebook_docx.cpp — the codebook as a Word document for a paper's appendix: the code tree as a
// table, then each code's definition, criteria, examples and source under its own heading.
#include <algorithm>

#include "core/model/codes.hpp"
#include "exporters/codebook_document.hpp"
#include "exporters/docx_document.hpp"

namespace npt::exporters {
namespace {

using codebook::CodebookCode;

std::size_t depth_of(const CodebookCode& c) { return split_code_path(c.path).size() - 1; }

// A paragraph "Label. text" with the label in bold.
docx::Paragraph labelled(const std::string& label, const std::string& text) {
    return {{{label + ". ", true}, {text}}, ""};
}

}  // namespace

void write_codebook_docx(const codebook::Codebook& cb, const std::map<std::string, codebook::CodeUse>& use,
                         const std::filesystem::path& out, Paper paper) {
    const std::string title = cb.title.empty() ? "Codebook " + cb.name : cb.title;
    docx::Document doc(title, paper);
    doc.title(title);
    if (!cb.description.empty()) doc.paragraph(cb.description);

    doc.heading(1, "Code tree");
    docx::Table tree;
    tree.header = {"Code", "Definition", "Used"};
    tree.widths = {0.32, 0.50, 0.18};
    for (const CodebookCode& c : cb.codes) {
        // Two no-break spaces per level keep the indent where Word would trim plain spaces.
        std::string indent;
        for (std::size_t d = 0; d < depth_of(c); ++d) indent += "\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0";
        docx::Cell name{{{{{indent + split_code_path(c.path).back(), depth_of(c) == 0}}, ""}}, "", 1};
        tree.rows.push_back({name, docx::text_cell(c.description), docx::text_cell(codebook_use_text(use, c.path))});
    }
    if (!cb.codes.empty()) doc.table(tree);
    else doc.paragraph("The codebook has no codes.");

    doc.heading(1, "Definitions");
    for (const CodebookCode& c : cb.codes) {
        doc.heading(static_cast<int>(std::min<std::size_t>(2 + depth_of(c), 3)), c.path);
        std::string facts;
        if (!c.colour.empty()) facts = "Colour: " + c.colour;
        std::string used = codebook_use_text(use, c.path);
        if (!used.empty()) facts += (facts.empty() ? "" : " · ") + std::string("Used: ") + used;
        if (!facts.empty()) doc.paragraph(facts, "Reference");
        if (!c.description.empty()) doc.paragraph(labelled("Definition", c.description));
        if (!c.inclusion.empty()) doc.paragraph(labelled("Include when", c.inclusion));
        if (!c.exclusion.empty()) doc.paragraph(labelled("Exclude when", c.exclusion));
        if (!c.examples.empty()) {
            doc.paragraph(docx::Paragraph{{{"Examples.", true}}, ""});
            for (const std::string& e : c.examples) doc.quote(e);
        }
        if (!c.citation.empty()) doc.paragraph(docx::Paragraph{{{"Source: ", false, true}, {c.citation}}, "Reference"});
    }
    if (!cb.references.empty()) {
        doc.heading(1, "References");
        for (std::size_t i = 0; i < cb.references.size(); ++i)
            doc.paragraph(std::to_string(i + 1) + ". " + cb.references[i]);
    }
    doc.write(out);
}

}  // namespace npt::exporters
