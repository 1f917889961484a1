// docx_test_support.cpp — .docx read back for the exporters' tests.
#include "exporters/docx_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#include "exporters/export_test_support.hpp"

namespace npt::test {
namespace fs = std::filesystem;

pugi::xml_document docx_document(const fs::path& docx) {
    pugi::xml_document doc;
    std::string xml = unzip_entry(docx, "word/document.xml");
    pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
    if (!parsed) ADD_FAILURE() << docx << ": word/document.xml is not XML: " << parsed.description();
    return doc;
}

namespace {
void collect_text(pugi::xml_node node, std::string& out, bool& first_paragraph) {
    for (pugi::xml_node child : node.children()) {
        std::string name = child.name();
        if (name == "w:p") {
            if (!first_paragraph) out += "\n";
            first_paragraph = false;
            bool inner_first = true;
            collect_text(child, out, inner_first);
        } else if (name == "w:t") {
            out += child.text().get();
        } else if (name == "w:br") {
            out += "\n";
        } else if (name == "w:tab") {
            out += "\t";
        } else {
            collect_text(child, out, first_paragraph);
        }
    }
}
}  // namespace

std::string docx_text(pugi::xml_node node) {
    std::string out;
    bool first = true;
    if (std::strcmp(node.name(), "w:p") == 0) {
        collect_text(node, out, first);  // a paragraph's own runs
        return out;
    }
    collect_text(node, out, first);
    return out;
}

std::vector<std::vector<std::vector<std::string>>> docx_tables(const pugi::xml_document& doc) {
    std::vector<std::vector<std::vector<std::string>>> tables;
    for (pugi::xml_node tbl : doc.child("w:document").child("w:body").children("w:tbl")) {
        std::vector<std::vector<std::string>> rows;
        for (pugi::xml_node tr : tbl.children("w:tr")) {
            std::vector<std::string> cells;
            for (pugi::xml_node tc : tr.children("w:tc")) cells.push_back(docx_text(tc));
            rows.push_back(cells);
        }
        tables.push_back(rows);
    }
    return tables;
}

std::vector<std::pair<std::string, std::string>> docx_paragraphs(const pugi::xml_document& doc) {
    std::vector<std::pair<std::string, std::string>> out;
    for (pugi::xml_node p : doc.child("w:document").child("w:body").children("w:p"))
        out.emplace_back(p.child("w:pPr").child("w:pStyle").attribute("w:val").value(), docx_text(p));
    return out;
}

std::vector<pugi::xml_node> docx_sections(const pugi::xml_document& doc) {
    std::vector<pugi::xml_node> out;
    pugi::xml_node body = doc.child("w:document").child("w:body");
    for (pugi::xml_node p : body.children("w:p"))
        if (pugi::xml_node s = p.child("w:pPr").child("w:sectPr")) out.push_back(s);
    if (pugi::xml_node last = body.child("w:sectPr")) out.push_back(last);
    return out;
}

fs::path convert_with_libreoffice(const fs::path& docx, const fs::path& dir) {
    if (std::system("command -v soffice >/dev/null 2>&1") != 0) return {};
    std::string command = "soffice --headless --norestore -env:UserInstallation=file://" + (dir / "lo-profile").string() +
                          " --convert-to pdf --outdir '" + dir.string() + "' '" + docx.string() + "' >/dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return dir / (docx.stem().string() + ".pdf");
}

}  // namespace npt::test
