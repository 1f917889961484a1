// docx_document_test.cpp — the Word writer read back: package parts and relationships, styles,
// headings and runs, tables with a repeated header row and column widths filling the page, sections
// with their orientation, and text XML 1.0 forbids never making the file unreadable.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "core/error.hpp"
#include "exporters/docx_document.hpp"
#include "exporters/docx_package.hpp"
#include "exporters/docx_test_support.hpp"
#include "exporters/export_test_support.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;

TEST(DocxDocument, PackageHasItsPartsRelationshipsAndStyles) {
    test::TempDir dir;
    fs::path out = dir / "doc.docx";
    docx::Document doc("A title & more", Paper::A4);
    doc.title("A title & more").heading(1, "Heading one").heading(2, "Heading two").paragraph("Plain text.");
    doc.write(out);

    auto entries = test::zip_entries(out);
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                             "word/styles.xml", "docProps/core.xml"})
        EXPECT_NE(std::find(entries.begin(), entries.end(), part), entries.end()) << part;

    pugi::xml_document types;
    ASSERT_TRUE(types.load_string(test::unzip_entry(out, "[Content_Types].xml").c_str()));
    EXPECT_TRUE(types.child("Types").find_child_by_attribute("Override", "PartName", "/word/document.xml"));
    EXPECT_TRUE(types.child("Types").find_child_by_attribute("Override", "PartName", "/word/styles.xml"));
    pugi::xml_document rels;
    ASSERT_TRUE(rels.load_string(test::unzip_entry(out, "_rels/.rels").c_str()));
    EXPECT_STREQ(rels.child("Relationships").find_child_by_attribute("Relationship", "Id", "rId1").attribute("Target").value(),
                 "word/document.xml");
    pugi::xml_document doc_rels;
    ASSERT_TRUE(doc_rels.load_string(test::unzip_entry(out, "word/_rels/document.xml.rels").c_str()));
    EXPECT_STREQ(doc_rels.child("Relationships").child("Relationship").attribute("Target").value(), "styles.xml");
    pugi::xml_document core;
    ASSERT_TRUE(core.load_string(test::unzip_entry(out, "docProps/core.xml").c_str()));
    EXPECT_STREQ(core.child("cp:coreProperties").child("dc:title").text().get(), "A title & more");

    pugi::xml_document styles;
    ASSERT_TRUE(styles.load_string(test::unzip_entry(out, "word/styles.xml").c_str()));
    for (const char* id : {"Normal", "Title", "Heading1", "Heading2", "Heading3", "Quote", "Reference", "TableHeader", "NptTable"})
        EXPECT_TRUE(styles.child("w:styles").find_child_by_attribute("w:style", "w:styleId", id)) << id;
    EXPECT_STREQ(styles.child("w:styles").find_child_by_attribute("w:style", "w:styleId", "NptTable").attribute("w:type").value(),
                 "table");

    auto paragraphs = test::docx_paragraphs(test::docx_document(out));
    ASSERT_GE(paragraphs.size(), 4u);
    EXPECT_EQ(paragraphs[0], std::make_pair(std::string("Title"), std::string("A title & more")));
    EXPECT_EQ(paragraphs[1], std::make_pair(std::string("Heading1"), std::string("Heading one")));
    EXPECT_EQ(paragraphs[2], std::make_pair(std::string("Heading2"), std::string("Heading two")));
    EXPECT_EQ(paragraphs[3], std::make_pair(std::string(""), std::string("Plain text.")));
}

TEST(DocxDocument, RunsKeepBoldItalicLineBreaksTabsAndSpaces) {
    docx::Document doc("Runs", Paper::A4);
    doc.paragraph(docx::Paragraph{{{"Bold ", true}, {"italic", false, true}, {"  two\nlines\tand a tab "}}, ""});
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_string(doc.document_xml().c_str()));
    pugi::xml_node p = xml.child("w:document").child("w:body").child("w:p");
    auto runs = p.children("w:r");
    std::vector<pugi::xml_node> r(runs.begin(), runs.end());
    ASSERT_EQ(r.size(), 3u);
    EXPECT_TRUE(r[0].child("w:rPr").child("w:b"));
    EXPECT_FALSE(r[0].child("w:rPr").child("w:i"));
    EXPECT_TRUE(r[1].child("w:rPr").child("w:i"));
    EXPECT_FALSE(r[2].child("w:rPr"));
    EXPECT_EQ(test::docx_text(p), "Bold italic  two\nlines\tand a tab ");
    EXPECT_STREQ(r[2].child("w:t").attribute("xml:space").value(), "preserve");
}

TEST(DocxDocument, ForbiddenCharactersNeverMakeTheFileUnreadable) {
    // NUL, other C0 controls, U+FFFE/U+FFFF, a lone continuation byte, a UTF-8 surrogate, an overlong form.
    const std::string hostile = std::string("a\0b", 3) + "\x01\x08\x0B\x0C\x1F" + "\xEF\xBF\xBE\xEF\xBF\xBF" + "\x80" +
                                "\xED\xA0\x80" + "\xC0\xAF" + "é👍🏽 <&> \"q\"";
    EXPECT_EQ(docx::xml_safe("tab\tnewline\nok é👍🏽"), "tab\tnewline\nok é👍🏽");
    std::string safe = docx::xml_safe(hostile);
    EXPECT_EQ(safe.find('\0'), std::string::npos);
    EXPECT_EQ(safe.find('\x01'), std::string::npos);
    EXPECT_EQ(safe.find("\xEF\xBF\xBE"), std::string::npos);
    EXPECT_NE(safe.find("é👍🏽 <&> \"q\""), std::string::npos);

    test::TempDir dir;
    docx::Document doc(hostile, Paper::A4);
    doc.heading(1, hostile).paragraph(hostile).quote(hostile);
    doc.table({{hostile, "b"}, {}, {{docx::text_cell(hostile), docx::text_cell("x")}}});
    doc.write(dir / "hostile.docx");
    pugi::xml_document parsed;
    std::string xml = test::unzip_entry(dir / "hostile.docx", "word/document.xml");
    ASSERT_TRUE(parsed.load_buffer(xml.data(), xml.size())) << "document.xml is not XML";
    // The strict parser of libxml2 would reject a control character: there is none in the bytes.
    for (unsigned char c : xml) EXPECT_TRUE(c >= 0x20 || c == '\t' || c == '\n' || c == '\r') << int(c);
    EXPECT_NE(test::docx_text(parsed.child("w:document").child("w:body")).find("é👍🏽 <&> \"q\""), std::string::npos);
    pugi::xml_document core;
    ASSERT_TRUE(core.load_string(test::unzip_entry(dir / "hostile.docx", "docProps/core.xml").c_str()));
}

TEST(DocxDocument, TablesRepeatTheirHeaderRowAndFillTheTextWidth) {
    docx::Document doc("Table", Paper::A4);
    docx::Table t{{"Case", "Wide", "Narrow"}, {0.25, 0.5, 0.25}, {}};
    t.rows.push_back({docx::text_cell("P01"), docx::text_cell("line one\nline two"), docx::text_cell("")});
    t.rows.push_back({docx::Cell{{{{{"Group heading", true}}, ""}}, "DDE5EE", 3}});
    t.rows.push_back({docx::text_cell("P02")});  // short row: padded
    doc.table(t);
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_string(doc.document_xml().c_str()));
    pugi::xml_node tbl = xml.child("w:document").child("w:body").child("w:tbl");
    ASSERT_TRUE(tbl);
    EXPECT_STREQ(tbl.child("w:tblPr").child("w:tblStyle").attribute("w:val").value(), "NptTable");
    EXPECT_STREQ(tbl.child("w:tblPr").child("w:tblLayout").attribute("w:type").value(), "fixed");
    std::vector<int> grid;
    for (pugi::xml_node col : tbl.child("w:tblGrid").children("w:gridCol")) grid.push_back(col.attribute("w:w").as_int());
    ASSERT_EQ(grid.size(), 3u);
    // A4 portrait is 11906 twips wide with 2 cm (1134) margins.
    EXPECT_EQ(std::accumulate(grid.begin(), grid.end(), 0), 11906 - 2 * 1134);
    EXPECT_NEAR(grid[1], 2 * grid[0], 2);

    std::vector<pugi::xml_node> rows(tbl.children("w:tr").begin(), tbl.children("w:tr").end());
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_TRUE(rows[0].child("w:trPr").child("w:tblHeader"));
    for (std::size_t r = 1; r < rows.size(); ++r) EXPECT_FALSE(rows[r].child("w:trPr").child("w:tblHeader"));
    EXPECT_STREQ(rows[2].child("w:tc").child("w:tcPr").child("w:gridSpan").attribute("w:val").value(), "3");
    EXPECT_STREQ(rows[2].child("w:tc").child("w:tcPr").child("w:shd").attribute("w:fill").value(), "DDE5EE");
    auto tables = test::docx_tables(xml);
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0][0], (std::vector<std::string>{"Case", "Wide", "Narrow"}));
    EXPECT_EQ(tables[0][1], (std::vector<std::string>{"P01", "line one\nline two", ""}));
    EXPECT_EQ(tables[0][2], (std::vector<std::string>{"Group heading"}));
    EXPECT_EQ(tables[0][3], (std::vector<std::string>{"P02", "", ""}));
    // Every cell holds a paragraph, as Word requires.
    for (pugi::xml_node tr : rows)
        for (pugi::xml_node tc : tr.children("w:tc")) EXPECT_TRUE(tc.child("w:p"));
}

TEST(DocxDocument, SectionsKeepTheirOrientationOnA4AndLetter) {
    docx::Document doc("Sections", Paper::A4);
    doc.paragraph("portrait").section(docx::Orientation::Landscape).paragraph("landscape").section(docx::Orientation::Portrait);
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_string(doc.document_xml().c_str()));
    auto sections = test::docx_sections(xml);
    ASSERT_EQ(sections.size(), 3u);
    auto size = [](pugi::xml_node s) {
        pugi::xml_node pg = s.child("w:pgSz");
        return std::tuple(pg.attribute("w:w").as_int(), pg.attribute("w:h").as_int(), std::string(pg.attribute("w:orient").value()));
    };
    EXPECT_EQ(size(sections[0]), std::tuple(11906, 16838, std::string("portrait")));
    EXPECT_EQ(size(sections[1]), std::tuple(16838, 11906, std::string("landscape")));
    EXPECT_EQ(size(sections[2]), std::tuple(11906, 16838, std::string("portrait")));
    // The body's own sectPr is its last child, as WordprocessingML requires.
    EXPECT_STREQ(xml.child("w:document").child("w:body").last_child().name(), "w:sectPr");

    docx::Document letter("Letter", Paper::Letter, docx::Orientation::Landscape);
    ASSERT_TRUE(xml.load_string(letter.document_xml().c_str()));
    EXPECT_EQ(size(test::docx_sections(xml).at(0)), std::tuple(15840, 12240, std::string("landscape")));
}

TEST(DocxDocument, AFailedWriteLeavesNoFile) {
    test::TempDir dir;
    docx::Document doc("x", Paper::A4);
    EXPECT_THROW(doc.write(dir / "missing folder" / "x.docx"), InputError);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

}  // namespace
}  // namespace npt
