// test_hostile_files.cpp — files built to hurt the parsers: DOCX runs nested 50,000 deep (a few KB
// zipped; it overflowed the stack), UTF-16 and UTF-32 without a byte order mark (refused as
// binary, now detected), a WebVTT cue that ends before it starts (accepted), and cases CSVs with
// thousands of columns (quadratic: SQLite work is counted, not time).
#include <gtest/gtest.h>
#include "core/model/cases.hpp"
#include "core/error.hpp"
#include "importers/cases_csv_importer.hpp"
#include "importers/formats.hpp"
#include "importers/import_fixtures.hpp"
#include "support/hostile_input.hpp"
#include "support/test_support.hpp"

using namespace npt;
using namespace npt::importers;

namespace {

using test::error_of;
using test::repeat;

// A paragraph whose text sits inside `depth` nested runs.
std::string nested_runs(int depth) {
    return "<w:p>" + repeat("<w:r>", depth) + "<w:t>deep words</w:t>" + repeat("</w:r>", depth) + "</w:p>";
}

}  // namespace

TEST(HostileDocx, RunsNested50000DeepAreRefusedWithAClearErrorNotACrash) {
    std::string docx = test::make_docx(nested_runs(50000));
    EXPECT_LT(docx.size(), 8u * 1024) << "the attack file is small";
    std::string message = error_of([&] { parse_docx(docx, "deep.docx", {}); });
    EXPECT_NE(message.find("deep.docx: word/document.xml nests elements more than 256 levels deep"), std::string::npos)
        << message;
}

TEST(HostileDocx, TablesAndContentControlsNestedDeepAreRefusedToo) {
    std::string cells = repeat("<w:tbl><w:tr><w:tc>", 20000) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" +
                        repeat("</w:tc></w:tr></w:tbl>", 20000);
    EXPECT_NE(error_of([&] { parse_docx(test::make_docx(cells), "tables.docx", {}); }).find("levels deep"), std::string::npos);
    // 20,000 levels stay under 1 MiB inflated, below the zip-bomb ratio check.
    std::string sdt = repeat("<w:sdt><w:sdtContent>", 20000) + "<w:p/>" + repeat("</w:sdtContent></w:sdt>", 20000);
    EXPECT_NE(error_of([&] { parse_docx(test::make_docx(sdt), "sdt.docx", {}); }).find("levels deep"), std::string::npos);
}

TEST(HostileDocx, NestingWithinTheLimitIsReadAsBefore) {
    ImportedDocument doc = parse_docx(test::make_docx(nested_runs(200)), "ok.docx", {});
    EXPECT_EQ(doc.text, "deep words");
}

TEST(EncodingWithoutBom, Utf16AndUtf32WithoutAByteOrderMarkAreDetected) {
    const std::string text = "Interviewer: How was the hub?\nP01: Café au lait, ça va — très bien.\n";
    for (bool little : {true, false}) {
        std::string bytes = test::utf16(text, little, /*bom=*/false);
        ImportedDocument doc = parse_plain_text(bytes, "wide.txt", {});
        EXPECT_EQ(doc.text, text);
        EXPECT_EQ(doc.import_note, std::string("encoding ") + (little ? "UTF-16LE" : "UTF-16BE") + " detected");
    }
    // UTF-32LE: each ASCII code point is four bytes, three of them NUL.
    std::string utf32;
    for (char c : std::string("Speaker 1: hello there\n")) utf32 += std::string{c, '\0', '\0', '\0'};
    ImportedDocument doc = parse_plain_text(utf32, "wide32.txt", {});
    EXPECT_EQ(doc.text, "Speaker 1: hello there\n");
    EXPECT_EQ(doc.import_note, "encoding UTF-32LE detected");
}

TEST(EncodingWithoutBom, BinaryWithNulBytesIsStillRefusedAndTheErrorNamesTheEncodingOption) {
    std::string binary = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20);
    for (int i = 0; i < 200; ++i) binary += static_cast<char>((i * 37) % 256);
    std::string message = error_of([&] { parse_plain_text(binary, "image.txt", {}); });
    EXPECT_NE(message.find("image.txt: looks like binary data, not text (NUL byte at offset"), std::string::npos) << message;
    EXPECT_NE(message.find("--encoding UTF-16LE"), std::string::npos) << message;
}

TEST(HostileCues, AVttCueThatEndsBeforeItStartsIsRefusedNamingItsLine) {
    std::string vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Fine.\n\n00:00:09.000 --> 00:00:03.000\n<v Ann>Back in time.\n";
    std::string message = error_of([&] { parse_vtt(vtt, "t.vtt", {}); });
    EXPECT_NE(message.find("t.vtt: line 6: cue '00:00:09.000 --> 00:00:03.000' ends before it starts"), std::string::npos)
        << message;
    std::string srt = "1\n00:00:05,000 --> 00:00:04,000\nAnn: no.\n";
    EXPECT_NE(error_of([&] { parse_srt(srt, "t.srt", {}); }).find("t.srt: line 2: cue"), std::string::npos);
    // A cue that starts and ends at the same moment is still fine.
    EXPECT_NO_THROW(parse_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:01.000\nAnn: ok.\n", "same.vtt", {}));
}

namespace {

// SQLite work (sqlite_work.hpp) while importing a cases CSV of `columns` attributes and 3 cases.
std::int64_t cases_import_work(int columns) {
    test::TempDir dir;
    Project p = Project::create(dir / "p.nptq", "Wide");
    std::string csv = "case";
    for (int c = 0; c < columns; ++c) csv += ",a" + std::to_string(c);
    csv += "\n";
    for (int r = 0; r < 3; ++r) {
        csv += "P" + std::to_string(r);
        for (int c = 0; c < columns; ++c) csv += "," + std::to_string(c % 7);
        csv += "\n";
    }
    CaseTable table = parse_cases_csv(csv, "wide.csv");
    std::int64_t work = test::sqlite_work(p, [&] { import_cases(p, table, {}, "wide.csv"); });
    EXPECT_EQ(list_attributes(p).size(), static_cast<std::size_t>(columns));
    return work;
}

}  // namespace

TEST(HostileCasesCsv, ImportWorkGrowsLinearlyWithTheNumberOfColumns) {
    double growth = test::work_growth([](int n) { return cases_import_work(n); }, 1000, 4000, "columns");
    // Linear work is 4.0x; the old max(sort_order) scan per attribute made it 14x here
    // (2,365,436 vs 33,460,436).
    EXPECT_LT(growth, 5.0);
}

TEST(HostileCasesCsv, MoreThanTenThousandAttributeColumnsAreRefused) {
    std::string csv = "case";
    for (std::size_t c = 0; c <= kMaxCaseAttributes; ++c) csv += ",a" + std::to_string(c);
    csv += "\nP1" + repeat(",1", static_cast<int>(kMaxCaseAttributes) + 1) + "\n";
    EXPECT_EQ(error_of([&] { parse_cases_csv(csv, "wide.csv"); }),
              "wide.csv: line 1: the header has 10001 attribute columns; a cases CSV may have at most 10000");
}
