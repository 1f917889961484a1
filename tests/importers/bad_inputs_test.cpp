// bad_inputs_test.cpp — the corpus of hostile and broken inputs: each gets one clear one-line
// error naming the file, and the project file and every table's row count stay exactly as they
// were (compared before and after).
#include <gtest/gtest.h>

#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "importers/cases_csv_importer.hpp"
#include "importers/formats.hpp"
#include "importers/import_batch.hpp"
#include "importers/import_fixtures.hpp"
#include "importers/zip_archive.hpp"
#include "support/test_support.hpp"

using namespace npt;
using namespace npt::importers;

namespace {

struct BadInput {
    std::string file;
    std::string bytes;
    std::string expected;  // part of the one-line reason
};

std::vector<BadInput> corpus() {
    std::string docx = test::make_docx(test::docx_paragraph({"Some words"}));
    std::string junk;
    for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919 + 13) % 256);
    return {
        {"truncated.docx", docx.substr(0, docx.size() / 2), "not a readable zip archive"},
        {"no-document.docx", test::make_zip({{"word/styles.xml", "<w:styles/>"}}), "no word/document.xml"},
        {"junk.bin", junk, "looks like binary data"},
        {"junk.docx", junk, "not a DOCX document"},
        {"invalid.txt", "valid café then \xE9\xE9 bad \xC3\xA9", "invalid UTF-8 at byte"},
        {"empty.txt", "", "the file is empty"},
        {"empty.docx", "", "the file is empty"},
        {"blank.txt", "\xEF\xBB\xBF  \r\n\r\n", "contains no text"},
        {"escape.docx", test::make_zip({{"../../evil.txt", "x"}, {"/etc/passwd", "x"}, {"../word/document.xml",
                                         test::docx_document_xml(test::docx_paragraph({"hidden"}))}}),
         "no word/document.xml"},
        {"broken.vtt", "WEBVTT\n\n00:00:01.000 --> soon\nHi\n", "malformed cue timing"},
        {"nothing.pdf", "%PDF-1.4\n%garbage", "not a readable PDF"},
    };
}

}  // namespace

TEST(BadInputs, EachFailsWithOneLineAndLeavesTheProjectUnchanged) {
    test::TempDir dir;
    auto project_path = dir / "study.nptq";
    {
        Project p = Project::create(project_path, "study");
        add_document(p, {"existing.txt", "P01: already here", "existing.txt", "text", "", {}});
    }
    for (const BadInput& bad : corpus()) {
        auto file = dir / bad.file;
        test::write_bytes(file, bad.bytes);
        std::string hash_before = test::file_sha256(project_path);
        Project p = Project::open(project_path);
        std::string counts_before = test::table_counts(p);
        ImportSummary r = import_paths(p, {file.string()}, ImportOptions{});
        EXPECT_TRUE(r.imported.empty()) << bad.file;
        ASSERT_EQ(r.failed.size(), 1u) << bad.file;
        const std::string& reason = r.failed[0].reason;
        EXPECT_EQ(reason.rfind(file.string() + ": ", 0), 0u) << reason;
        EXPECT_NE(reason.find(bad.expected), std::string::npos) << bad.file << ": " << reason;
        EXPECT_EQ(reason.find('\n'), std::string::npos) << reason;
        EXPECT_EQ(test::table_counts(p), counts_before) << bad.file;
        p = Project::open(project_path);  // close the connection before hashing the file
        EXPECT_EQ(test::file_sha256(project_path), hash_before) << bad.file;
    }
}

TEST(BadInputs, CsvCorpusLeavesTheProjectUnchanged) {
    test::TempDir dir;
    auto project_path = dir / "study.nptq";
    Project::create(project_path, "study");
    std::vector<BadInput> csvs = {
        {"zero.csv", "", "the file is empty"},
        {"ragged.csv", "case,group,site\nP01,a,North\nP02,b\n", "line 3 has 2 field(s) but the header has 3"},
        {"quote.csv", "case,group\nP01,\"never closed\n", "never closed"},
        {"header-only.csv", "case,group\n", "header row but no cases"},
        {"binary.csv", std::string("case\0,x\n", 8), "binary data"},
    };
    for (const BadInput& bad : csvs) {
        auto file = dir / bad.file;
        test::write_bytes(file, bad.bytes);
        std::string hash_before = test::file_sha256(project_path);
        {
            Project p = Project::open(project_path);
            std::string counts_before = test::table_counts(p);
            try {
                import_cases_csv(p, file, {});
                ADD_FAILURE() << bad.file << " was accepted";
            } catch (const FormatError& e) {
                std::string what = e.what();
                EXPECT_EQ(what.rfind(file.string() + ": ", 0), 0u) << what;
                EXPECT_NE(what.find(bad.expected), std::string::npos) << what;
                EXPECT_EQ(what.find('\n'), std::string::npos) << what;
            }
            EXPECT_EQ(test::table_counts(p), counts_before);
        }
        EXPECT_EQ(test::file_sha256(project_path), hash_before) << bad.file;
    }
}

TEST(BadInputs, ZipWithEscapingEntriesIgnoresThemButReadsTheRest) {
    std::string zip = test::make_zip({{"../evil.xml", "<x/>"},
                                      {"word/../../evil2.xml", "<x/>"},
                                      {"word/document.xml", test::docx_document_xml(test::docx_paragraph({"Safe text"}))}});
    ImportedDocument d = parse_docx(zip, "mixed.docx", ImportOptions{});
    EXPECT_EQ(d.text, "Safe text");
    EXPECT_NE(d.import_note.find("2 zip entr(ies) with unsafe paths ignored"), std::string::npos) << d.import_note;
    EXPECT_TRUE(ZipArchive::is_unsafe_path("/abs"));
    EXPECT_TRUE(ZipArchive::is_unsafe_path("C:\\x"));
    EXPECT_TRUE(ZipArchive::is_unsafe_path("a\\..\\b"));
    EXPECT_FALSE(ZipArchive::is_unsafe_path("word/..docx/a..b"));
}

TEST(BadInputs, OversizedFileIsRefusedBeforeReading) {
    test::TempDir dir;
    Project p = Project::create(dir / "s.nptq", "s");
    test::write_bytes(dir / "big.txt", std::string(2048, 'a'));
    ImportOptions o;
    o.max_size = 1024;
    ImportSummary r = import_paths(p, {(dir / "big.txt").string()}, o);
    ASSERT_EQ(r.failed.size(), 1u);
    EXPECT_NE(r.failed[0].reason.find("over the limit of 1024"), std::string::npos) << r.failed[0].reason;
}
