// export_cli_test.cpp — the export commands end to end: `matrix export --attributes` in every
// format, .docx for matrices, segments, the codebook and the agreement report, one-line errors for
// an unknown attribute, and a full disk during an XLSX export (a tiny tmpfs in a user namespace)
// giving one line, exit 1 and no file.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "codebook/npt_constructs.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/text/csv.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;
using test::run_cli;

class ExportCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        project_path = (dir / "study.nptq").string();
        Project p = Project::create(project_path, "CLI study");
        p.action("Set up", [&] {
            auto d1 = add_document(p, {"p01.txt", "We sat down as a team and agreed what the hub was for.", "p01.txt", "text", "", {}}).id;
            for (const char* c : {"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"}) ensure_code(p, c);
            auto amira = add_coder(p, "Amira").id;
            auto ben = add_coder(p, "Ben").id;
            Attribute group = ensure_attribute(p, "group", AttributeType::Text);
            Attribute site = ensure_attribute(p, "site", AttributeType::Text);
            Attribute pseudonym = ensure_attribute(p, "pseudonym", AttributeType::Text);
            Case p01 = ensure_case(p, "P01");
            set_case_value(p, p01.id, group.id, "Hub staff");
            set_case_value(p, p01.id, site.id, "North");
            set_case_value(p, p01.id, pseudonym.id, "Real Name Here");
            link_document_to_case(p, d1, p01.id);
            apply_coding(p, d1, require_code(p, "Coherence").id, amira, {0, 30});
            apply_coding(p, d1, require_code(p, "Coherence").id, ben, {10, 40});
        });
        auto r = run_cli({"matrix", "create", project_path, "NPT", "--codes", "Coherence", "--codes", "Cognitive participation",
                          "--codes", "Collective action", "--codes", "Reflexive monitoring", "--group-by", "group"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_EQ(run_cli({"matrix", "draft", project_path, "NPT"}).exit_code, 0);
    }

    test::TempDir dir;
    std::string project_path;
};

TEST_F(ExportCliTest, AttributesChooseTheColumnsOfEveryFormat) {
    for (const char* ext : {".xlsx", ".csv", ".html", ".md", ".docx"}) {
        fs::path out = dir / ("m" + std::string(ext));
        auto r = run_cli({"matrix", "export", project_path, "NPT", out.string(), "--attributes", "group,site"});
        EXPECT_EQ(r.exit_code, 0) << ext << r.err;
        EXPECT_EQ(r.out, "Wrote " + out.string() + " (1 cases x 4 codes)\n");
        EXPECT_TRUE(fs::exists(out)) << ext;
    }
    EXPECT_EQ(test::read_bytes(dir / "m.docx").rfind("PK", 0), 0u);
    auto rows = csv::parse(test::read_bytes(dir / "m.csv"), ',');
    EXPECT_EQ(rows.at(0).fields, (std::vector<std::string>{"Case", "group", "site", "Coherence", "Cognitive participation",
                                                           "Collective action", "Reflexive monitoring"}));
    for (const char* ext : {".csv", ".html", ".md"})
        EXPECT_EQ(test::read_bytes(dir / ("m" + std::string(ext))).find("Real Name Here"), std::string::npos) << ext;

    auto r = run_cli({"matrix", "export", project_path, "NPT", (dir / "none.csv").string(), "--attributes", "none"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(csv::parse(test::read_bytes(dir / "none.csv"), ',').at(0).fields.at(1), "Coherence");
    r = run_cli({"matrix", "export", project_path, "NPT", (dir / "all.csv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(test::read_bytes(dir / "all.csv").find("Real Name Here"), std::string::npos);  // the default: every attribute
}

TEST_F(ExportCliTest, MatrixShowTakesTheSameChoice) {
    auto r = run_cli({"matrix", "show", project_path, "NPT", "--attributes", "site"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("P01  site=North\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Real Name Here"), std::string::npos);
    r = run_cli({"matrix", "show", project_path, "NPT", "--attributes", "none", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("Hub staff"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"attributes\": []"), std::string::npos) << r.out;
    r = run_cli({"matrix", "show", project_path, "NPT", "--format", "csv", "--attributes", "group"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "Case,group,Coherence,Cognitive participation,Collective action,Reflexive monitoring\r");
}

TEST_F(ExportCliTest, AnUnknownAttributeIsOneLineNamingIt) {
    for (const char* ext : {".xlsx", ".docx"}) {
        fs::path out = dir / ("m" + std::string(ext));
        auto r = run_cli({"matrix", "export", project_path, "NPT", out.string(), "--attributes", "group,pseudonymm"});
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_EQ(r.err, "nptcoder: matrix 'NPT' has no case attribute 'pseudonymm' (did you mean 'pseudonym'?); its "
                         "attributes are group, site, pseudonym\n");
        EXPECT_FALSE(fs::exists(out));
    }
    auto r = run_cli({"matrix", "export", project_path, "NPT", (dir / "m.csv").string(), "--attributes", "group,,site"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(ExportCliTest, WordFilesForSegmentsCodebookAndAgreement) {
    auto r = run_cli({"export", "segments", project_path, (dir / "s.docx").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Wrote " + (dir / "s.docx").string() + " (2 segments)\n");
    r = run_cli({"codebook", "export", project_path, (dir / "cb.docx").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"agreement", project_path, "--coders", "Amira,Ben", "--out", (dir / "a.docx").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    for (const char* f : {"s.docx", "cb.docx", "a.docx"}) EXPECT_EQ(test::read_bytes(dir / f).rfind("PK", 0), 0u) << f;

    r = run_cli({"agreement", project_path, "--coders", "Amira,Ben", "--format", "docx"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "nptcoder: --format docx writes a Word file: name it with --out FILE.docx\n");
    r = run_cli({"agreement", project_path, "--coders", "Amira,Ben", "--format", "html", "--out", (dir / "b.docx").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("b.docx: a .docx file holds a Word report, not html"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "b.docx"));
}

// Runs `matrix export` to `name` in a 4 KB tmpfs, filled up, mounted in a new user and mount
// namespace (a real full disk without root). Returns false when this machine cannot mount one.
struct FullDiskRun {
    int exit_code = -1;
    std::string err, listing;
};
bool export_to_full_disk(const fs::path& dir, const std::string& project, const std::string& name, FullDiskRun& run) {
    fs::path full = dir / "full";
    fs::create_directories(full);
    fs::path err = dir / "stderr.txt", listing = dir / "listing.txt";
    fs::remove(listing);
    std::string out = (full / name).string();
    std::string command = "unshare -rm sh -c 'mount -t tmpfs -o size=4k none \"" + full.string() + "\" || exit 77; dd if=/dev/zero of=\"" + full.string() + "/.filler\" bs=1k count=64 2>/dev/null; \"" +
                          NPT_CLI_PATH + "\" matrix export \"" + project + "\" NPT \"" + out + "\" 2>\"" + err.string() +
                          "\"; rc=$?; ls -A \"" + full.string() + "\" | grep -vx .filler >\"" + listing.string() + "\"; exit $rc' >/dev/null 2>&1";
    int status = std::system(command.c_str());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (run.exit_code == 77 || !fs::exists(listing)) return false;
    run.err = test::read_bytes(err);
    run.listing = test::read_bytes(listing);
    return true;
}

TEST_F(ExportCliTest, AFullDiskDuringAnXlsxOrWordExportIsOneLineAndLeavesNoFile) {
    FullDiskRun run;
    if (!export_to_full_disk(dir.path(), project_path, "matrix.xlsx", run)) GTEST_SKIP() << "cannot mount a tmpfs in a user namespace here";
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err, "nptcoder: " + (dir / "full" / "matrix.xlsx").string() + ": cannot write the workbook (No space left on device)\n");
    EXPECT_EQ(run.err.find("[ERROR]"), std::string::npos);
    EXPECT_EQ(run.listing, "");  // neither the workbook nor its temporary file

    ASSERT_TRUE(export_to_full_disk(dir.path(), project_path, "matrix.docx", run));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err.rfind("nptcoder: " + (dir / "full" / "matrix.docx").string() + ": cannot write the archive (", 0), 0u) << run.err;
    EXPECT_NE(run.err.find("No space left on device"), std::string::npos) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(run.listing, "");
}

}  // namespace
}  // namespace npt
