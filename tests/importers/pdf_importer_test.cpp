// pdf_importer_test.cpp — PDFs written byte by byte in the test (objects, streams, xref) read
// through poppler: text in order, page breaks as paragraph breaks, speaker turns.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "importers/formats.hpp"
#include "importers/import_fixtures.hpp"

using namespace npt;
using namespace npt::importers;

TEST(Pdf, PagesBecomeParagraphs) {
    std::string pdf = test::make_pdf({{"Interviewer: What changed?", "P03: The rota (mostly)."}, {"Interviewer: Thank you."}});
    ImportedDocument d = parse_pdf(pdf, "t.pdf", ImportOptions{});
    EXPECT_EQ(d.text, "Interviewer: What changed?\nP03: The rota (mostly).\nInterviewer: Thank you.");
    std::vector<std::string> expected = {"Interviewer|What changed?", "P03|The rota (mostly).", "Interviewer|Thank you."};
    EXPECT_EQ(test::describe_turns(d.text, d.turns), expected);
    EXPECT_EQ(d.import_note, "2 page(s)");
    EXPECT_EQ(d.format, SourceFormat::Pdf);
}

TEST(Pdf, DamagedPdfIsAnError) {
    std::string pdf = test::make_pdf({{"Hello"}});
    try {
        parse_pdf(pdf.substr(0, 40), "cut.pdf", ImportOptions{});
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("cut.pdf: ", 0), 0u) << e.what();
    }
}

TEST(Pdf, PdfWithoutTextIsAnError) {
    EXPECT_THROW(parse_pdf(test::make_pdf({{}}), "blank.pdf", ImportOptions{}), FormatError);
}
