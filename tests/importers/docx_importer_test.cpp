// docx_importer_test.cpp — DOCX files written with libzip in the test: paragraphs, breaks, tabs,
// tables, smart quotes, tracked changes, headers/footers/comments left out, speaker turns.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "importers/formats.hpp"
#include "importers/import_fixtures.hpp"

using namespace npt;
using namespace npt::importers;
using test::docx_paragraph;
using test::make_docx;

namespace {
ImportedDocument parse(const std::string& bytes) { return parse_docx(bytes, "t.docx", ImportOptions{}); }
}  // namespace

TEST(Docx, ParagraphsRunsBreaksAndTabs) {
    std::string body = docx_paragraph({"Interviewer: ", "How did it ", "start?"}) +
                       "<w:p><w:r><w:t>P07: First line</w:t><w:br/><w:t>second line</w:t><w:tab/><w:t>after tab</w:t></w:r></w:p>" +
                       "<w:p/>" + docx_paragraph({"Closing  words with  double spaces "});
    ImportedDocument d = parse(make_docx(body));
    EXPECT_EQ(d.text, "Interviewer: How did it start?\nP07: First line\nsecond line\tafter tab\n\nClosing  words with  double spaces ");
    ASSERT_EQ(d.turns.size(), 2u);
    EXPECT_EQ(d.turns[0].speaker, "Interviewer");
    EXPECT_EQ(d.turns[1].speaker, "P07");
    EXPECT_EQ(d.format, SourceFormat::Docx);
}

TEST(Docx, SmartQuotesAndEscapedCharactersSurvive) {
    ImportedDocument d = parse(make_docx(docx_paragraph({"“Legitimation” – it’s &amp; &lt;ok&gt; … 😀"})));
    EXPECT_EQ(d.text, "“Legitimation” – it’s & <ok> … 😀");
}

TEST(Docx, TablesGiveOneLinePerCell) {
    std::string body =
        "<w:tbl><w:tr><w:tc>" + docx_paragraph({"Site"}) + "</w:tc><w:tc>" + docx_paragraph({"North"}) +
        "</w:tc></w:tr><w:tr><w:tc>" + docx_paragraph({"Role"}) + "</w:tc><w:tc>" + docx_paragraph({"Nurse"}) +
        docx_paragraph({"(band 6)"}) + "</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>" + docx_paragraph({"After the table"});
    EXPECT_EQ(parse(make_docx(body)).text, "Site\nNorth\nRole\nNurse (band 6)\nAfter the table");
}

TEST(Docx, TrackedInsertionsKeptDeletionsDropped) {
    std::string body =
        "<w:p><w:r><w:t xml:space=\"preserve\">We </w:t></w:r>"
        "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>never </w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\">always </w:t></w:r></w:ins>"
        "<w:r><w:t>met weekly.</w:t></w:r></w:p>";
    ImportedDocument d = parse(make_docx(body));
    EXPECT_EQ(d.text, "We always met weekly.");
    EXPECT_NE(d.import_note.find("1 tracked deletion(s) left out"), std::string::npos) << d.import_note;
}

TEST(Docx, HeadersFootersCommentsAndFieldCodesAreNotText) {
    std::string body =
        "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Spoken words.</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
        "<w:r><w:commentReference w:id=\"0\"/></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
    std::vector<std::pair<std::string, std::string>> extra = {
        {"word/header1.xml", "<w:hdr xmlns:w=\"x\"><w:p><w:r><w:t>CONFIDENTIAL HEADER</w:t></w:r></w:p></w:hdr>"},
        {"word/footer1.xml", "<w:ftr xmlns:w=\"x\"><w:p><w:r><w:t>Page footer</w:t></w:r></w:p></w:ftr>"},
        {"word/comments.xml", "<w:comments xmlns:w=\"x\"><w:comment><w:p><w:r><w:t>A comment</w:t></w:r></w:p></w:comment></w:comments>"},
    };
    EXPECT_EQ(parse(make_docx(body, extra)).text, "Spoken words.");
    // Issue 13: the footnote was dropped and the import note said nothing.
    EXPECT_EQ(parse(make_docx(body, extra)).import_note, "1 footnote(s) or endnote(s) left out");
}

TEST(Docx, HyperlinksContentControlsAndAlternateContentKeepTheirText) {
    std::string body =
        "<w:p><w:hyperlink><w:r><w:t>linked</w:t></w:r></w:hyperlink><w:r><w:t xml:space=\"preserve\"> and </w:t></w:r>"
        "<w:sdt><w:sdtContent><w:r><w:t>controlled</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        "<w:sdt><w:sdtContent>" + docx_paragraph({"block control"}) + "</w:sdtContent></w:sdt>";
    EXPECT_EQ(parse(make_docx(body)).text, "linked and controlled\nblock control");
}

TEST(Docx, MainPartFoundThroughRelationships) {
    std::string rels =
        R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>)";
    std::string zip = test::make_zip({{"_rels/.rels", rels}, {"word/document2.xml", test::docx_document_xml(docx_paragraph({"Found it"}))}});
    EXPECT_EQ(parse(zip).text, "Found it");
}

TEST(Docx, DoctypeIsRefused) {
    std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaa\">]>"
                      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                      "<w:p><w:r><w:t>&a;&a;</w:t></w:r></w:p></w:body></w:document>";
    std::string zip = test::make_zip({{"word/document.xml", xml}});
    try {
        parse(zip);
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("declares a DTD"), std::string::npos) << e.what();
    }
}

TEST(Docx, ZipBombIsRefusedByRatio) {
    // 4 MiB of one letter deflates about 1000:1.
    std::string big = docx_paragraph({std::string(4u << 20, 'a')});
    std::string zip = make_docx(big);
    EXPECT_LT(zip.size(), 64u * 1024);
    try {
        parse(zip);
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("zip bomb"), std::string::npos) << e.what();
    }
    ImportOptions generous;
    generous.zip.max_ratio = 100000;
    EXPECT_EQ(parse_docx(zip, "t.docx", generous).text.size(), 4u << 20);
    ImportOptions small;
    small.zip.max_ratio = 100000;
    small.zip.max_entry_uncompressed = 1u << 20;
    EXPECT_THROW(parse_docx(zip, "t.docx", small), FormatError);
}
