// qdpx_import_test.cpp — REFI-QDA project import: every sample in tests/data/refi (copied from
// real NVivo, MAXQDA, qc and QualCoder exports) imports with the counts its project.qde holds or a
// loss report naming the difference; positions are read in the unit the selection texts confirm;
// hostile archives are refused and create nothing.
#include <gtest/gtest.h>

#include <zip.h>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/qdpx_import.hpp"
#include "importers/qdpx_offsets.hpp"
#include "support/test_support.hpp"

namespace npt::importers {
namespace {

const std::filesystem::path kData = std::filesystem::path(NPT_SOURCE_DIR) / "tests/data/refi";

// A zip of the given entries, written with libzip (stored as given; `level` 9 deflates).
std::string make_zip(const test::TempDir& dir, const std::vector<std::pair<std::string, std::string>>& entries,
                     const std::string& name = "x.qdpx") {
    std::filesystem::path path = dir / name;
    int error = 0;
    zip_t* z = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(z, nullptr);
    for (const auto& [entry, bytes] : entries) {
        zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        zip_file_add(z, entry.c_str(), s, ZIP_FL_ENC_UTF_8);
    }
    EXPECT_EQ(zip_close(z), 0);
    return path.string();
}

std::int64_t lost(const RefiReport& r, const std::string& what) { return r.lost_count(what); }

TEST(QdpxImport, QualCoder4SampleKeepsEverySourceCodeAndCodingAtTheRightText) {
    test::TempDir dir;
    RefiReport r = import_qdpx(kData / "qualcoder-4.0-beta-10docs.qdpx", dir / "p.nptq");
    EXPECT_TRUE(r.schema_valid);
    EXPECT_EQ(r.in_file.at("sources"), 10);
    EXPECT_EQ(r.in_file.at("codes"), 21);
    EXPECT_EQ(r.in_file.at("codings"), 669);
    EXPECT_EQ(r.kept.at("sources"), 10);
    EXPECT_EQ(r.kept.at("codes"), 21);
    EXPECT_EQ(r.kept.at("codings") + lost(r, "codings"), 669);
    // Every selection's text (its name) is what the imported coding covers.
    bool all_match = false;
    for (const auto& w : r.warnings) all_match |= w == "positions checked against 669 selection texts: 669 match";
    EXPECT_TRUE(all_match) << r.to_text();
    // The ten unreferenced files in sources/ are named.
    EXPECT_EQ(lost(r, "files in the sources folder that no source refers to"), 10);
    Project p = Project::open(dir / "p.nptq");
    auto doc = require_document(p, "interview_0001.txt");
    EXPECT_EQ(doc.guid, "2f3ebaff-0ad7-49c7-8955-77d6d372f860");
    auto segments = list_segments(p, SegmentFilter{{"interview_0001.txt"}, {}, false, {}, {}});
    ASSERT_FALSE(segments.empty());
    EXPECT_EQ(segments.front().text.substr(0, 27), "a bit more about community?");
}

TEST(QdpxImport, Qc132SampleReadsBarePlainTextPaths) {
    test::TempDir dir;
    RefiReport r = import_qdpx(kData / "qc-1.3.2-demo.qdpx", dir / "p.nptq");
    EXPECT_EQ(r.in_file.at("sources"), 2);
    EXPECT_EQ(r.in_file.at("codes"), 262);
    EXPECT_EQ(r.in_file.at("codings"), 205);
    EXPECT_EQ(r.kept.at("sources"), 2);
    EXPECT_EQ(r.kept.at("codes"), 262);  // names repeat under different parents: matched by GUID
    EXPECT_EQ(r.kept.at("codings") + lost(r, "codings"), 205) << r.to_text();
    bool bare = false;
    for (const auto& w : r.warnings) bare |= w.find("without internal://") != std::string::npos;
    EXPECT_TRUE(bare);
    // qc names each selection "line:N" (0-based) and selects that whole line.
    Project p = Project::open(dir / "p.nptq");
    std::string text = document_text(p, require_document(p, "board_2017.txt").id);
    auto segments = list_segments(p, SegmentFilter{{"board_2017.txt"}, {}, false, {}, {}});
    ASSERT_FALSE(segments.empty());
    EXPECT_EQ(segments.front().coding.start, 320);
    EXPECT_EQ(text::CodePointIndex(text).slice(319, 320), "\n");
}

TEST(QdpxImport, NvivoSampleHasTwoEmptySourcesAndNamesRepeatingUnderParents) {
    test::TempDir dir;
    RefiReport r = import_qdpx(kData / "nvivo-mac-15.qdpx", dir / "p.nptq");
    EXPECT_EQ(r.in_file.at("codes"), 262);
    EXPECT_EQ(r.kept.at("codes"), 262);
    // Both sources are empty: a one-newline .txt and a DOCX with one empty paragraph.
    EXPECT_EQ(r.in_file.at("sources"), 2);
    EXPECT_EQ(r.kept.at("sources"), 0) << r.to_text();
    EXPECT_EQ(lost(r, "text sources"), 2);
    EXPECT_EQ(r.in_file.at("codings"), 0);
    EXPECT_EQ(r.kept.at("users"), 2);
}

TEST(QdpxImport, MaxqdaUnpackedProjectReportsItsMissingSourcesAndSets) {
    test::TempDir dir;
    RefiReport r = import_qdpx(kData / "maxqda-24.7-project/project.qde", dir / "p.nptq");
    EXPECT_EQ(r.in_file.at("sources"), 10);
    EXPECT_EQ(r.in_file.at("codes"), 307);
    EXPECT_EQ(r.kept.at("codes"), 307);
    EXPECT_EQ(r.kept.at("sources"), 0);
    EXPECT_EQ(lost(r, "text sources"), 10);
    EXPECT_EQ(lost(r, "sets"), 2);
    EXPECT_EQ(lost(r, "files in the sources folder that no source refers to"), 1);
    Project p = Project::open(dir / "p.nptq");
    auto code = find_code_by_guid(p, "c6c1be73-b4f4-4c2d-91f1-90b73bfc5c25");
    ASSERT_TRUE(code);
    EXPECT_EQ(code->description, "Apply this code when a study uses Gee's concept of affinity spaces.");
    EXPECT_EQ(code->colour, "#ef8256");
}

TEST(QdpxImport, CheckCreatesNothingAndCodebooksAreChecked) {
    RefiReport r = check_qdpx(kData / "maxqda-24.7-project/project.qde");
    EXPECT_EQ(r.operation, "check");
    EXPECT_EQ(lost(r, "text sources"), 10);
    RefiReport taguette = check_qdc(kData / "taguette-1.4.1-codebook.qdc");
    EXPECT_FALSE(taguette.schema_valid);  // empty <Sets/>
    EXPECT_EQ(taguette.kept.at("codes"), 3);
    RefiReport atlas = check_qdc(kData / "atlasti-win-23.4-codebook.qdc");
    EXPECT_TRUE(atlas.schema_valid);
    EXPECT_EQ(atlas.lost_count("code sets"), 1);
    EXPECT_TRUE(check_qdc(kData / "qualcoder-4.0-beta-codebook.qdc").schema_valid);
}

std::string qde(const std::string& sources, const std::string& extra_root = "") {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\" " + extra_root +
           "><Users><User guid=\"11111111-1111-4111-8111-111111111111\" name=\"Ana\"/></Users><CodeBook><Codes>"
           "<Code guid=\"22222222-2222-4222-8222-222222222222\" name=\"c\" isCodable=\"true\"/></Codes></CodeBook><Sources>" +
           sources + "</Sources></Project>";
}

std::string selection(int start, int end, const std::string& name, const std::string& guid_tail) {
    return "<PlainTextSelection guid=\"33333333-3333-4333-8333-" + guid_tail + "\" name=\"" + name + "\" startPosition=\"" +
           std::to_string(start) + "\" endPosition=\"" + std::to_string(end) +
           "\" creatingUser=\"11111111-1111-4111-8111-111111111111\" creationDateTime=\"20261123_0TZ\"><Coding guid=\"44444444-4444-4444-8444-" +
           guid_tail + "\"><CodeRef targetGUID=\"22222222-2222-4222-8222-222222222222\"/></Coding></PlainTextSelection>";
}

TEST(QdpxImport, Utf16PositionsCrlfAndLenientDatesAreReadAndSaid) {
    test::TempDir dir;
    // "😀 ok\r\nnext" — a Qt tool counts the emoji as 2 units and CRLF as 2.
    std::string text = "\xF0\x9F\x98\x80 ok\r\nnext line";
    std::string sources = "<TextSource guid=\"55555555-5555-4555-8555-555555555555\" name=\"doc\" plainTextPath=\"internal://a.txt\">" +
                          selection(3, 5, "ok", "000000000001") + selection(7, 11, "next", "000000000002") +
                          selection(50, 60, "beyond", "000000000003") + "</TextSource>";
    std::string file = make_zip(dir, {{"project.qde", qde(sources)}, {"sources/a.txt", text}});
    RefiReport r = import_qdpx(file, dir / "p.nptq");
    EXPECT_EQ(r.kept.at("codings"), 2) << r.to_text();
    EXPECT_EQ(lost(r, "codings whose positions fall outside their source"), 1);
    bool unit = false, dates = false;
    for (const auto& w : r.warnings) {
        unit |= w.find("UTF-16") != std::string::npos;
        dates |= w.find("20261123_0TZ") != std::string::npos;
    }
    EXPECT_TRUE(unit) << r.to_text();
    EXPECT_TRUE(dates) << r.to_text();
    Project p = Project::open(dir / "p.nptq");
    auto segments = list_segments(p);
    ASSERT_EQ(segments.size(), 2u);
    EXPECT_EQ(segments[0].text, "ok");
    EXPECT_EQ(segments[1].text, "next");
    EXPECT_EQ(segments[0].coding.created, "2026-11-23T00:00:00Z");
    EXPECT_EQ(segments[0].coding.guid, "44444444-4444-4444-8444-000000000001");
}

TEST(QdpxImport, OffsetsMapThroughCrlfAndNfc) {
    // "e" + combining acute composes to one code point in the stored (NFC) text.
    SourceOffsets o("cafe\xCC\x81 x\r\ny");
    EXPECT_EQ(o.stored(), "caf\xC3\xA9 x\ny");
    auto span = o.map(6, 7, PositionUnit::CodePoints);  // "x"
    ASSERT_TRUE(span);
    EXPECT_EQ(span->start, 5);
    EXPECT_EQ(span->end, 6);
    auto y = o.map(9, 10, PositionUnit::CodePoints);  // "y" after CRLF counted as two
    ASSERT_TRUE(y);
    EXPECT_EQ(*y, (Span{7, 8}));
    auto y1 = o.map(8, 9, PositionUnit::CodePointsCrlfAsOne);
    ASSERT_TRUE(y1);
    EXPECT_EQ(*y1, (Span{7, 8}));
}

void expect_refused(const std::string& file, const std::filesystem::path& target, const std::string& words) {
    try {
        import_qdpx(file, target);
        ADD_FAILURE() << "not refused: " << file;
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(target));
    std::filesystem::path temp = target;
    temp += ".importing";
    EXPECT_FALSE(std::filesystem::exists(temp));
}

TEST(QdpxImport, HostileArchivesAreRefusedAndCreateNothing) {
    test::TempDir dir;
    std::string ok = qde("<TextSource guid=\"55555555-5555-4555-8555-555555555555\" name=\"d\" plainTextPath=\"internal://a.txt\"/>");
    expect_refused(make_zip(dir, {{"project.qde", ok}, {"../evil.txt", "x"}}, "climb.qdpx"), dir / "a.nptq", "climbs out");
    expect_refused(make_zip(dir, {{"project.qde", ok}, {"sources/a.txt", std::string(64u << 20, 'a')}}, "bomb.qdpx"), dir / "b.nptq",
                   "");
    std::string entities = "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>" + ok.substr(ok.find("<Project"));
    expect_refused(make_zip(dir, {{"project.qde", entities}}, "lol.qdpx"), dir / "c.nptq", "entities");
    expect_refused(make_zip(dir, {{"notes.txt", "x"}}, "none.qdpx"), dir / "d.nptq", "no project.qde");
    std::string traversal = qde("<TextSource guid=\"55555555-5555-4555-8555-555555555555\" name=\"d\" plainTextPath=\"internal://../../etc/passwd\"/>");
    expect_refused(make_zip(dir, {{"project.qde", traversal}}, "path.qdpx"), dir / "e.nptq", "climbs out");
    // Huge XML: over the limit given.
    QdpxImportOptions small;
    small.limits.max_xml = 1000;
    std::string big = qde(std::string(2000, ' '));
    try {
        import_qdpx(make_zip(dir, {{"project.qde", big}}, "big.qdpx"), dir / "f.nptq", small);
        ADD_FAILURE() << "huge XML not refused";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("over the limit"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "f.nptq"));
}

}  // namespace
}  // namespace npt::importers
