// docx_streaming_test.cpp — the DOCX body read as a stream (libxml2's reader fed from the zip in
// chunks): a part of many chunks gives exactly the text of its paragraphs, a DTD is refused however
// far into the prolog it comes, Word's AlternateContent keeps only its first choice, and parts
// written without namespace declarations are still read.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "importers/formats.hpp"
#include "importers/import_fixtures.hpp"

using namespace npt;
using namespace npt::importers;
using test::docx_paragraph;
using test::make_docx;

namespace {

std::string format_error_of(const std::string& zip) {
    try {
        parse_docx(zip, "t.docx", {});
    } catch (const FormatError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(DocxStreaming, AManyChunkPartGivesExactlyItsParagraphs) {
    std::string body, expected;
    for (int i = 0; i < 20000; ++i) {
        std::string words = "turn " + std::to_string(i) + " é😀 " + std::to_string(i * 7919 % 10007);
        body += i % 3 == 0 ? "<w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>" + words +
                                 "</w:t></w:r></w:p>"
                           : docx_paragraph({"P" + std::to_string(i % 5) + ": ", words});
        expected += (i ? "\n" : "") + (i % 3 == 0 ? words : "P" + std::to_string(i % 5) + ": " + words);
    }
    ImportedDocument d = parse_docx(make_docx(body), "many.docx", {});
    EXPECT_GT(body.size(), 1u << 20);
    EXPECT_EQ(d.text, expected);
    EXPECT_EQ(d.turns.size(), 20000u - 6667u);
}

TEST(DocxStreaming, ADoctypeAfterALongPrologIsRefused) {
    std::string xml = "<?xml version=\"1.0\"?>" + std::string(20000, ' ') + "<!-- padding -->" + std::string(9000, '\n') +
                      "<!DOCTYPE w:document [<!ENTITY a \"aaaa\">]><w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>&a;</w:t>"
                      "</w:r></w:p></w:body></w:document>";
    EXPECT_NE(format_error_of(test::make_zip({{"word/document.xml", xml}})).find("declares a DTD"), std::string::npos);
    std::string lower = "<?xml version=\"1.0\"?><!doctype w:document><w:document xmlns:w=\"x\"><w:body/></w:document>";
    EXPECT_NE(format_error_of(test::make_zip({{"word/document.xml", lower}})).find("declares a DTD"), std::string::npos);
}

TEST(DocxStreaming, AlternateContentKeepsItsFirstChoiceOnly) {
    std::string body =
        "<w:p><w:r><w:t xml:space=\"preserve\">before </w:t></w:r><mc:AlternateContent xmlns:mc=\"m\">"
        "<mc:Choice Requires=\"wps\"><w:r><w:t>chosen</w:t></w:r></mc:Choice>"
        "<mc:Choice Requires=\"v\"><w:r><w:t>second</w:t></w:r></mc:Choice>"
        "<mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>"
        "<w:r><w:t xml:space=\"preserve\"> after</w:t></w:r></w:p>";
    EXPECT_EQ(parse_docx(make_docx(body), "alt.docx", {}).text, "before chosen after");
}

TEST(DocxStreaming, UndeclaredPrefixesAndCdataAreRead) {
    std::string xml = "<w:document><w:body><w:p><w:r><w:t><![CDATA[a < b]]></w:t></w:r></w:p>"
                      "<w:p><w:r><w:t>second</w:t></w:r></w:p></w:body></w:document>";
    EXPECT_EQ(parse_docx(test::make_zip({{"word/document.xml", xml}}), "t.docx", {}).text, "a < b\nsecond");
    std::string not_word = "<w:document xmlns:w=\"x\"><w:other/></w:document>";
    EXPECT_NE(format_error_of(test::make_zip({{"word/document.xml", not_word}})).find("has no w:document/w:body"), std::string::npos);
    std::string broken = "<w:document xmlns:w=\"x\"><w:body><w:p></w:r></w:body></w:document>";
    EXPECT_NE(format_error_of(test::make_zip({{"word/document.xml", broken}})).find("is not well-formed XML"), std::string::npos);
}
