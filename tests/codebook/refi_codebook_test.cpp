// refi_codebook_test.cpp — REFI-QDA .qdc: what we write validates against Codebook.xsd (xmllint),
// round-trips our fields, and the samples of other tools import.
#include <gtest/gtest.h>

#include <cstdlib>

#include "codebook/codebook_project.hpp"
#include "codebook/refi_codebook.hpp"
#include "core/model/codes.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "support/test_support.hpp"

namespace npt::codebook {
namespace {

const std::filesystem::path kRefi = std::filesystem::path(NPT_TEST_DATA_DIR) / "refi";

int xmllint_valid(const std::filesystem::path& file) {
    std::string cmd = "xmllint --noout --schema '" + (kRefi / "Codebook.xsd").string() + "' '" + file.string() + "' 2>/dev/null";
    return std::system(cmd.c_str());
}

TEST(RefiCodebook, WrittenFileIsValidAndRoundTrips) {
    test::TempDir dir;
    for (const std::string name : {"npt", "npt-2022"}) {
        Codebook cb = builtin_codebook(name);
        cb.codes[0].examples.push_back("Two lines\nof example, with <angle> & \"quotes\"");
        std::string xml = write_qdc(cb, "nptcoder test");
        auto file = dir / (name + ".qdc");
        test::write_bytes(file, xml);
        EXPECT_EQ(xmllint_valid(file), 0) << name;
        QdcImport back = read_qdc(xml, name + ".qdc");
        EXPECT_TRUE(back.warnings.empty());
        ASSERT_EQ(back.codebook.codes.size(), cb.codes.size());
        for (std::size_t i = 0; i < cb.codes.size(); ++i) {
            const auto &a = cb.codes[i], &b = back.codebook.codes[i];
            EXPECT_EQ(a.path, b.path);
            EXPECT_EQ(a.guid, b.guid);
            EXPECT_EQ(a.colour, b.colour);
            EXPECT_EQ(a.description, b.description) << a.path;
            EXPECT_EQ(a.inclusion, b.inclusion) << a.path;
            EXPECT_EQ(a.exclusion, b.exclusion) << a.path;
            EXPECT_EQ(a.examples, b.examples) << a.path;
            EXPECT_EQ(a.citation, b.citation) << a.path;
        }
    }
}

TEST(RefiCodebook, InvalidOutputIsCaughtByTheSchemaCheck) {
    // The check itself can fail: a file without the required isCodable attribute is rejected.
    test::TempDir dir;
    test::write_bytes(dir / "bad.qdc", "<?xml version=\"1.0\"?><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                                      "<Code guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" name=\"x\"/></Codes></CodeBook>");
    EXPECT_NE(xmllint_valid(dir / "bad.qdc"), 0);
}

TEST(RefiCodebook, ImportsTheSamplesOfOtherTools) {
    auto qualcoder = read_qdc(read_file(kRefi / "qualcoder-4.0-beta-codebook.qdc"), "qualcoder.qdc");
    EXPECT_EQ(qualcoder.codebook.codes.size(), 21u);
    EXPECT_TRUE(qualcoder.warnings.empty());
    EXPECT_EQ(qualcoder.codebook.codes[1].path, "theme00.code00");
    EXPECT_EQ(qualcoder.codebook.codes[1].colour, "#be81f7");

    auto atlas = read_qdc(read_file(kRefi / "atlasti-win-23.4-codebook.qdc"), "atlas.qdc");
    ASSERT_EQ(atlas.codebook.codes.size(), 1u);
    EXPECT_EQ(atlas.codebook.codes[0].description, "description");
    EXPECT_EQ(atlas.codebook.codes[0].guid, "1ff58b12-6f6f-4b0c-8be5-bbdc91f55294");
    ASSERT_EQ(atlas.warnings.size(), 1u);  // its code set is not kept
    EXPECT_NE(atlas.warnings[0].find("set"), std::string::npos);

    auto taguette = read_qdc(read_file(kRefi / "taguette-1.4.1-codebook.qdc"), "taguette.qdc");
    EXPECT_EQ(taguette.codebook.codes.size(), 3u);
    ASSERT_EQ(taguette.warnings.size(), 1u);
    EXPECT_NE(taguette.warnings[0].find("empty <Sets/>"), std::string::npos);
    EXPECT_NE(xmllint_valid(kRefi / "taguette-1.4.1-codebook.qdc"), 0);  // it really is invalid

    test::TempDir dir;
    Project p = Project::create(dir / "i.nptq", "Import");
    LoadReport r = load_codebook(p, taguette.codebook);
    EXPECT_EQ(r.added, 3);
    EXPECT_EQ(require_code(p, "xsd:element name").guid, "098ac082-a9c7-50f4-9728-48730081a95e");
}

TEST(RefiCodebook, AcceptsTheOldNamespaceNestingAndBraces) {
    std::string xml = R"(<?xml version="1.0"?>
<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="old tool"><Codes>
  <Code guid="{ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0}" name="Parent" isCodable="false">
    <Description>Top</Description>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Child" isCodable="true"/>
    <Code guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Child" isCodable="true" color="#F0A"/>
  </Code></Codes></CodeBook>)";
    auto r = read_qdc(xml, "old.qdc");
    ASSERT_EQ(r.codebook.codes.size(), 3u);
    EXPECT_EQ(r.codebook.codes[0].guid, "eca18d76-2b8b-4f26-bc1d-19eca19fb3f0");
    EXPECT_EQ(r.codebook.codes[1].path, "Parent/Child");
    EXPECT_EQ(r.codebook.codes[2].path, "Parent/Child (2)");
    EXPECT_EQ(r.codebook.codes[2].colour, "#ff00aa");
    EXPECT_EQ(r.warnings.size(), 2u);  // the repeated name, the non-codable parent
}

TEST(RefiCodebook, RefusesWhatIsNotACodebook) {
    EXPECT_THROW(read_qdc("<nope", "x.qdc"), FormatError);
    EXPECT_THROW(read_qdc("<Project/>", "x.qdc"), FormatError);
    EXPECT_THROW(read_qdc(R"(<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="a" guid="g" isCodable="true"/></Codes></CodeBook>)", "x.qdc"),
                 FormatError);
    try {
        read_qdc(R"(<CodeBook><Codes><Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" isCodable="true"/></Codes></CodeBook>)", "x.qdc");
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("x.qdc: a code"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace npt::codebook
