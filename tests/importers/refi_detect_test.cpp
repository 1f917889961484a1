// refi_detect_test.cpp — a REFI-QDA project handed to the transcript import (a .qdpx, an unpacked
// project.qde, or either under another name) is refused with one line pointing to import-qdpx,
// and changes nothing; DOCX and text that merely look alike are still read; the code tree of a
// project reads as a codebook through the .qdc reader.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "importers/formats.hpp"
#include "importers/import_batch.hpp"
#include "importers/import_fixtures.hpp"
#include "importers/qdpx_codebook.hpp"
#include "importers/refi_detect.hpp"
#include "support/test_support.hpp"

namespace npt::importers {
namespace {

const std::filesystem::path kData = std::filesystem::path(NPT_SOURCE_DIR) / "tests/data/refi";

TEST(RefiDetect, ProjectsAreRecognisedByContent) {
    EXPECT_TRUE(is_refi_project(test::read_bytes(kData / "qualcoder-4.0-beta-10docs.qdpx")));
    EXPECT_TRUE(is_refi_project(test::read_bytes(kData / "nvivo-mac-15.qdpx")));
    EXPECT_TRUE(is_refi_project(test::read_bytes(kData / "maxqda-24.7-project/project.qde")));
    EXPECT_TRUE(is_refi_project_xml("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- by hand -->\n<!DOCTYPE Project>\n"
                                    "<qda:Project xmlns:qda=\"urn:QDA-XML:project:1.0\" name=\"x\"/>"));
    EXPECT_TRUE(is_refi_project_archive(test::make_zip({{"My study.qde", "<Project/>"}})));
    // Not projects: a DOCX, a codebook, text about <Project>, a .qde further down a zip.
    EXPECT_FALSE(is_refi_project(test::make_docx(test::docx_paragraph({"Some words"}))));
    EXPECT_FALSE(is_refi_project(test::read_bytes(kData / "qualcoder-4.0-beta-codebook.qdc")));
    EXPECT_FALSE(is_refi_project("<Project> was the word she used.\n"));
    EXPECT_FALSE(is_refi_project_archive(test::make_zip({{"backup/project.qde", "<Project/>"}})));
    EXPECT_FALSE(is_refi_project("PK\x03\x04 truncated"));
}

TEST(RefiDetect, TranscriptImportRefusesProjectsWithOneLinePointingToImportQdpx) {
    test::TempDir dir;
    const auto project_path = dir / "study.nptq";
    Project::create(project_path, "study");
    test::write_bytes(dir / "renamed.docx", test::read_bytes(kData / "qc-1.3.2-demo.qdpx"));
    const std::vector<std::filesystem::path> files = {kData / "qualcoder-4.0-beta-10docs.qdpx",
                                                      kData / "maxqda-24.7-project/project.qde", dir / "renamed.docx"};
    for (const auto& file : files) {
        const std::string hash_before = test::file_sha256(project_path);
        {
            Project p = Project::open(project_path);
            const std::string counts_before = test::table_counts(p);
            ImportSummary s = import_paths(p, {file.string()}, ImportOptions{});
            EXPECT_TRUE(s.imported.empty()) << file;
            ASSERT_EQ(s.failed.size(), 1u) << file;
            const std::string& reason = s.failed[0].reason;
            EXPECT_EQ(reason.rfind(file.string() + ": a REFI-QDA project, not a transcript", 0), 0u) << reason;
            EXPECT_NE(reason.find("nptcoder import-qdpx " + file.string() + " NEW.nptq"), std::string::npos) << reason;
            EXPECT_EQ(reason.find("DOCX"), std::string::npos) << reason;
            EXPECT_EQ(reason.find('\n'), std::string::npos) << reason;
            EXPECT_EQ(test::table_counts(p), counts_before);
        }
        EXPECT_EQ(test::file_sha256(project_path), hash_before) << file;
    }
    // Forcing a format does not hide it either.
    ImportOptions docx;
    docx.format = SourceFormat::Docx;
    const std::string bytes = test::read_bytes(files[0]);
    try {
        parse_document(bytes, "x.qdpx", docx);
        ADD_FAILURE() << "parsed a project as a transcript";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("import-qdpx"), std::string::npos) << e.what();
    }
}

TEST(RefiDetect, AProjectsCodeTreeReadsAsACodebook) {
    codebook::QdcImport qc = read_qdpx_codebook(kData / "qualcoder-4.0-beta-10docs.qdpx");
    EXPECT_EQ(qc.codebook.codes.size(), 21u);
    EXPECT_EQ(qc.codebook.name, "qualcoder-4.0-beta-10docs");
    codebook::QdcImport mx = read_qdpx_codebook(kData / "maxqda-24.7-project/project.qde");
    ASSERT_EQ(mx.codebook.codes.size(), 307u);
    bool found = false;
    for (const auto& c : mx.codebook.codes)
        if (c.guid == "c6c1be73-b4f4-4c2d-91f1-90b73bfc5c25") {
            found = true;
            EXPECT_EQ(c.description, "Apply this code when a study uses Gee's concept of affinity spaces.");
            EXPECT_EQ(c.colour, "#ef8256");
        }
    EXPECT_TRUE(found);
    // Repeated names under different parents stay apart; the same name twice under one parent is renamed.
    codebook::QdcImport nv = read_qdpx_codebook(kData / "nvivo-mac-15.qdpx");
    EXPECT_EQ(nv.codebook.codes.size(), 262u);
    // Not a project: the .qdc reader's own message is not reached, the package's is.
    EXPECT_THROW(read_qdpx_codebook(kData / "qualcoder-4.0-beta-codebook.qdc"), FormatError);
}

}  // namespace
}  // namespace npt::importers
