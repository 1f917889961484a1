// refi_roundtrip_test.cpp — REFI-QDA project exchange end to end on a seeded random project with
// non-ASCII text (combining marks, emoji, CJK, right-to-left): export is valid against
// Project.xsd (xmllint), export -> import -> export gives the same project.qde modulo timestamps
// with the same GUIDs and the same codings (`code list` output), and what QualCoder's importer
// needs of a file holds (internal:// sources present, positions in range, notes dated). Also the
// CLI commands: export qdpx, import-qdpx --report, refi check.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>
#include <regex>

#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/memos.hpp"
#include "core/text/csv.hpp"
#include "core/text/utf8_text.hpp"
#include "exporters/qdpx_writer.hpp"
#include "importers/qdpx_import.hpp"
#include "importers/qdpx_package.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

const std::filesystem::path kData = std::filesystem::path(NPT_SOURCE_DIR) / "tests/data/refi";

void make_study(Project& p, std::uint64_t seed) {
    p.set_actor("Tester");
    static const std::vector<std::string> words = {
        "hub", "staff", "café", "q\xCC\x81", "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7",  // q + combining acute; Devanagari conjunct
        "\xF0\x9F\x98\x80", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x9A\x95\xEF\xB8\x8F",   // emoji, ZWJ sequence
        "\xE5\x8C\xBB\xE9\x99\xA2", "\xE6\x94\xAF\xE6\x8F\xB4",                        // CJK
        "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",  // Arabic, Hebrew
        "support", "the", "and"};
    std::mt19937_64 rng(seed);
    auto pick = [&](std::int64_t lo, std::int64_t hi) { return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng); };
    for (const char* c : {"A", "A/a1", "A/a2", "B", "B/b\\/slash", "C"}) ensure_code(p, c);
    add_memo(p, MemoTarget::Code, require_code(p, "A").id, "About A", "Code memo");
    for (const char* k : {"K1", "K2"}) ensure_coder(p, k);
    Attribute group = ensure_attribute(p, "group", AttributeType::Text);
    Attribute age = ensure_attribute(p, "age", AttributeType::Number);
    Attribute since = ensure_attribute(p, "since", AttributeType::Date);
    std::vector<CodingRequest> requests;
    for (int d = 0; d < 4; ++d) {
        std::string text;
        std::vector<SpeakerTurn> turns;
        std::int64_t pos = 0;
        for (int t = 0; t < 6; ++t) {
            std::string label = t % 2 ? "P" + std::to_string(d) : "Interviewer";
            std::string line = label + ":";
            for (int w = 0, n = static_cast<int>(pick(3, 20)); w < n; ++w) line += " " + words[static_cast<std::size_t>(pick(0, words.size() - 1))];
            line = text::to_nfc(line);
            std::int64_t len = static_cast<std::int64_t>(text::count_code_points(line));
            turns.push_back({pos, pos + len, label, t * 1000, t * 1000 + 900});
            text += line + "\n";
            pos += len + 1;
        }
        std::string name = "doc " + std::to_string(d) + " \xE5\x8C\xBB.txt";
        DocumentInfo doc = add_document(p, {name, text, name, "text", "", turns});
        add_memo(p, MemoTarget::Document, doc.id, "Memo on " + name, "");
        Case c = ensure_case(p, "P" + std::to_string(d));
        link_document_to_case(p, doc.id, c.id);
        set_case_value(p, c.id, group.id, d % 2 ? "Hub client" : "Staff \xD7\xA9");
        set_case_value(p, c.id, age.id, std::to_string(30 + d));
        set_case_value(p, c.id, since.id, "2024-0" + std::to_string(d + 1) + "-15");
        if (d == 0) add_memo(p, MemoTarget::Case, c.id, "Case memo", "On P0");
        for (int i = 0; i < 25; ++i) {
            std::int64_t start = pick(0, doc.length - 2);
            requests.push_back({name, start, std::min(doc.length, start + pick(1, 40)),
                                std::vector<std::string>{"A", "A/a1", "A/a2", "B", "B/b\\/slash", "C"}[static_cast<std::size_t>(pick(0, 5))],
                                pick(0, 1) ? "K1" : "K2", i == 3 ? "a coding memo" : "", ""});
        }
    }
    apply_codings(p, requests, CodingOptions{true, false});
    add_memo(p, MemoTarget::Project, std::nullopt, "Project memo \xF0\x9F\x98\x80", "Project");
}

std::string without_timestamps(const std::string& xml) {
    static const std::regex stamp(R"re( (creationDateTime|modifiedDateTime)="[^"]*")re");
    return std::regex_replace(xml, stamp, "");
}

bool have_xmllint() { return std::system("xmllint --version >/dev/null 2>&1") == 0; }

void expect_schema_valid(const std::string& qde, const test::TempDir& dir) {
    if (!have_xmllint()) return;
    test::write_bytes(dir / "check.qde", qde);
    std::string cmd = "xmllint --noout --schema '" + (kData / "Project.xsd").string() + "' '" + (dir / "check.qde").string() + "' 2>'" +
                      (dir / "xmllint.txt").string() + "'";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << test::read_bytes(dir / "xmllint.txt");
}

TEST(RefiRoundTrip, ExportIsSchemaValidAndExportImportExportIsStable) {
    if (!have_xmllint()) GTEST_SKIP() << "xmllint (libxml2-utils) is not installed";
    test::TempDir dir;
    {
        Project p = Project::create(dir / "a.nptq", "Round trip \xE5\x8C\xBB");
        make_study(p, 20261123);
        RefiReport r = exporters::export_qdpx(p, dir / "a.qdpx");
        EXPECT_GT(r.kept.at("codings"), 50);
        EXPECT_EQ(r.lost_count("documents' speaker turns"), 4);
    }
    importers::QdpxPackage first = importers::QdpxPackage::open(dir / "a.qdpx");
    expect_schema_valid(first.qde(), dir);
    RefiReport imported = importers::import_qdpx(dir / "a.qdpx", dir / "b.nptq");
    EXPECT_TRUE(imported.schema_valid);
    EXPECT_TRUE(imported.losses.empty()) << imported.to_text();
    {
        Project b = Project::open(dir / "b.nptq");
        exporters::export_qdpx(b, dir / "b.qdpx");
        EXPECT_EQ(speaker_turns(b, require_document(b, "doc 0 \xE5\x8C\xBB.txt").id).size(), 6u);
    }
    importers::QdpxPackage second = importers::QdpxPackage::open(dir / "b.qdpx");
    EXPECT_EQ(without_timestamps(first.qde()), without_timestamps(second.qde()));
    for (const std::string& f : first.source_files()) EXPECT_EQ(first.read_source(f), second.read_source(f)) << f;
    auto a = test::run_cli({"code", "list", (dir / "a.nptq").string(), "--format", "csv"});
    auto b = test::run_cli({"code", "list", (dir / "b.nptq").string(), "--format", "csv"});
    EXPECT_EQ(a.exit_code, 0) << a.err;
    EXPECT_GT(a.out.size(), 200u);
    // Every column but the coding id (each project numbers its own codings).
    auto without_ids = [](const std::string& listing) {
        std::vector<std::vector<std::string>> rows;
        for (const csv::Row& r : csv::parse(listing, ','))
            rows.emplace_back(r.fields.begin() + 1, r.fields.end());
        return rows;
    };
    EXPECT_EQ(without_ids(a.out), without_ids(b.out));
}

// What QualCoder's importer (src/qualcoder/refi.py, read for this) needs: plainTextPath starting
// "internal://" naming a file in sources/, read as UTF-8 with universal newlines and sliced
// [startPosition:endPosition] in code points; the creating user of a selection among the Users;
// CodeRef as the first child of each Coding; a creationDateTime on every Note; named cases.
TEST(RefiRoundTrip, ExportMeetsWhatQualCodersImporterReads) {
    test::TempDir dir;
    {
        Project p = Project::create(dir / "a.nptq", "QualCoder check");
        make_study(p, 7);
        exporters::export_qdpx(p, dir / "a.qdpx");
    }
    importers::QdpxPackage pkg = importers::QdpxPackage::open(dir / "a.qdpx");
    const std::string& xml = pkg.qde();
    EXPECT_EQ(xml.rfind("<?xml", 0), 0u);  // no BOM before the declaration
    std::set<std::string> users;
    static const std::regex user(R"re(<User guid="([^"]+)")re");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), user); it != std::sregex_iterator(); ++it) users.insert((*it)[1]);
    static const std::regex source(R"re(<TextSource guid="[^"]+" name="[^"]+" plainTextPath="internal://([^"]+)")re");
    static const std::regex sel(R"re(<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)" creatingUser="([^"]+)")re");
    int sources = 0, selections = 0;
    auto src = std::sregex_iterator(xml.begin(), xml.end(), source);
    for (; src != std::sregex_iterator(); ++src) {
        ++sources;
        auto text = pkg.read_source((*src)[1]);
        ASSERT_TRUE(text) << (*src)[1];
        EXPECT_EQ(text->find('\r'), std::string::npos);
        auto length = static_cast<long long>(text::count_code_points(*text));
        std::size_t from = static_cast<std::size_t>((*src).position()), to = xml.find("</TextSource>", from);
        std::string body = xml.substr(from, to - from);
        for (auto s = std::sregex_iterator(body.begin(), body.end(), sel); s != std::sregex_iterator(); ++s) {
            ++selections;
            long long a = std::stoll((*s)[1]), b = std::stoll((*s)[2]);
            EXPECT_LT(a, b);
            EXPECT_LE(b, length);
            EXPECT_TRUE(users.count((*s)[3]));
        }
    }
    EXPECT_EQ(sources, 4);
    EXPECT_GT(selections, 50);
    static const std::regex coding(R"re(<Coding [^>]*>\s*<CodeRef )re");
    EXPECT_EQ(std::distance(std::sregex_iterator(xml.begin(), xml.end(), coding), std::sregex_iterator()), selections);
    static const std::regex note(R"re(<Note [^>]*>)re");
    for (auto n = std::sregex_iterator(xml.begin(), xml.end(), note); n != std::sregex_iterator(); ++n)
        EXPECT_NE(n->str().find("creationDateTime="), std::string::npos) << n->str();
}

TEST(RefiCli, ImportQdpxWritesTheReportAndRefiCheckListsLosses) {
    test::TempDir dir;
    auto r = test::run_cli({"import-qdpx", (kData / "qualcoder-4.0-beta-10docs.qdpx").string(), (dir / "q.nptq").string(), "--report",
                            (dir / "loss.json").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("codings: 669 in the file, 669 kept"), std::string::npos) << r.out;
    auto report = nlohmann::json::parse(test::read_bytes(dir / "loss.json"));
    EXPECT_EQ(report["kept"]["sources"], 10);
    auto again = test::run_cli({"import-qdpx", (kData / "qualcoder-4.0-beta-10docs.qdpx").string(), (dir / "q.nptq").string()});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("already exists"), std::string::npos);
    auto check = test::run_cli({"refi", "check", (kData / "maxqda-24.7-project/project.qde").string()});
    EXPECT_EQ(check.exit_code, 0) << check.err;
    EXPECT_NE(check.out.find("lost: 10 text sources"), std::string::npos) << check.out;
    auto qdc = test::run_cli({"refi", "check", (kData / "taguette-1.4.1-codebook.qdc").string(), "--json"});
    EXPECT_EQ(qdc.exit_code, 0) << qdc.err;
    EXPECT_FALSE(nlohmann::json::parse(qdc.out)["schema_valid"].get<bool>());
    auto out = test::run_cli({"export", "qdpx", (dir / "q.nptq").string(), (dir / "q.qdpx").string()});
    EXPECT_EQ(out.exit_code, 0) << out.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "q.qdpx"));
    auto bad = test::run_cli({"import-qdpx", (dir / "loss.json").string(), (dir / "x.nptq").string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.nptq"));
}

}  // namespace
}  // namespace npt
