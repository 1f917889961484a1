// xlsx_layout_test.cpp — how tall wrapped text is, which texts are numbers, the paper of a locale,
// and a full disk during an XLSX export reported as one error with nothing printed by libxlsxwriter.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "exporters/export_format.hpp"
#include "exporters/xlsx_layout.hpp"
#include "exporters/xlsx_workbook.hpp"

namespace npt {
namespace {

TEST(XlsxLayout, WrappedLinesFollowWordsNewlinesAndWideCharacters) {
    EXPECT_EQ(xlsx::wrapped_lines("", 10), 1);
    EXPECT_EQ(xlsx::wrapped_lines("short", 10), 1);
    EXPECT_EQ(xlsx::wrapped_lines("one two three", 10), 2);  // "one two" / "three"
    EXPECT_EQ(xlsx::wrapped_lines("a\nb\n\nc", 10), 4);
    EXPECT_EQ(xlsx::wrapped_lines(std::string(25, 'x'), 10), 3);  // a long word breaks where it must
    EXPECT_EQ(xlsx::wrapped_lines("日本語の文章です", 8), 2);    // wide: two each
    EXPECT_EQ(xlsx::wrapped_lines("e\xCC\x81" "e\xCC\x81", 2), 1);  // combining accents take no room
    std::string prose;
    for (int i = 0; i < 60; ++i) prose += "word ";
    EXPECT_EQ(xlsx::wrapped_lines(prose, 48), 7);  // 300 characters, 9 words (45) a line
    EXPECT_EQ(xlsx::row_height_for(1), 15);
    EXPECT_EQ(xlsx::row_height_for(4), 60);
    EXPECT_EQ(xlsx::row_height_for(1000), xlsx::kMaxRowHeight);
}

TEST(XlsxLayout, OnlyPlainDecimalNumbersAreNumbers) {
    EXPECT_EQ(xlsx::plain_number("42"), 42.0);
    EXPECT_EQ(xlsx::plain_number("-3.5"), -3.5);
    EXPECT_EQ(xlsx::plain_number("0"), 0.0);
    EXPECT_EQ(xlsx::plain_number("0.25"), 0.25);
    for (const char* text : {"", "007", "1e5", "+3", "1,5", "3.", ".5", "12 years", "-", "0x1F", "1234567890123456"})
        EXPECT_FALSE(xlsx::plain_number(text)) << text;
}

TEST(XlsxLayout, PaperIsLetterOnlyForTheUsAndCanada) {
    EXPECT_EQ(paper_for_locale("en_US.UTF-8"), Paper::Letter);
    EXPECT_EQ(paper_for_locale("fr_CA.UTF-8"), Paper::Letter);
    EXPECT_EQ(paper_for_locale("en_CA"), Paper::Letter);
    EXPECT_EQ(paper_for_locale("en_GB.UTF-8"), Paper::A4);
    EXPECT_EQ(paper_for_locale("de_DE@euro"), Paper::A4);
    EXPECT_EQ(paper_for_locale("C.UTF-8"), Paper::A4);
    EXPECT_EQ(paper_for_locale("POSIX"), Paper::A4);
    EXPECT_EQ(paper_for_locale(""), Paper::A4);
}

TEST(XlsxDiskFull, IsOneWriteErrorAndLibxlsxwriterPrintsNothing) {
    // /dev/full accepts the open and refuses every write with ENOSPC: a full disk.
    testing::internal::CaptureStderr();
    std::string message;
    try {
        xlsx::Workbook book("/dev/full", "out.xlsx");
        xlsx::Sheet sheet = book.add_sheet("Data");
        for (std::uint32_t r = 0; r < 200; ++r) sheet.text(r, 0, "a row of text that takes some room " + std::to_string(r));
        book.close();
    } catch (const WriteError& e) {
        message = e.what();
    }
    std::string printed = testing::internal::GetCapturedStderr();
    EXPECT_EQ(message, "out.xlsx: cannot write the workbook (No space left on device)");
    EXPECT_EQ(printed, "");
}

}  // namespace
}  // namespace npt
