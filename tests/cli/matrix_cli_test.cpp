// matrix_cli_test.cpp — `nptcoder matrix ...` and `nptcoder export ...` end to end: create, draft,
// edit, link, show --json, export files, and one-line errors that leave the project unchanged.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/text/csv.hpp"
#include "core/model/documents.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;
using test::run_cli;

class MatrixCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        project_path = (dir / "study.nptq").string();
        Project p = Project::create(project_path, "CLI study");
        p.action("Set up", [&] {
            DocumentId d1 = add_document(p, {"p01.txt", "We sat down, \"as a team\", and agreed.\nThen 👍🏽 مرحبا.", "p01.txt", "text", "", {}}).id;
            DocumentId d2 = add_document(p, {"p02.txt", "Nobody said it was for us too.", "p02.txt", "text", "", {}}).id;
            for (const char* c : {"Coherence/Communal specification", "Cognitive participation/Legitimation", "Collective action",
                                  "Reflexive monitoring"})
                ensure_code(p, c);
            CoderId amira = add_coder(p, "Amira").id, ben = add_coder(p, "Ben").id;
            Attribute group = ensure_attribute(p, "group", AttributeType::Text);
            Case p01 = ensure_case(p, "P01"), p02 = ensure_case(p, "P02");
            set_case_value(p, p01.id, group.id, "Hub staff");
            set_case_value(p, p02.id, group.id, "Non-user");
            link_document_to_case(p, d1, p01.id);
            link_document_to_case(p, d2, p02.id);
            coherence = apply_coding(p, d1, require_code(p, "Coherence/Communal specification").id, amira, {0, 37}).id.value;
            apply_coding(p, d1, require_code(p, "Collective action").id, ben, {38, 52});
            legitimation = apply_coding(p, d2, require_code(p, "Cognitive participation/Legitimation").id, amira, {0, 30}).id.value;
        });
    }

    nlohmann::json show() {
        auto r = run_cli({"matrix", "show", project_path, "NPT", "--json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }

    test::TempDir dir;
    std::string project_path;
    std::int64_t coherence = 0, legitimation = 0;  // coding ids, as the CLI prints and takes them
};

TEST_F(MatrixCliTest, CreateDraftEditLinkShowAndExport) {
    auto r = run_cli({"matrix", "create", project_path, "NPT", "--group-by", "group"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Created matrix 'NPT' with 4 columns\n");
    r = run_cli({"matrix", "draft", project_path, "NPT", "--coder", "Amira"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("Drafted 2 cells with 2 quotes;", 0), 0u) << r.out;

    nlohmann::json m = show();
    EXPECT_EQ(m["columns"], nlohmann::json({"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"}));
    ASSERT_EQ(m["rows"].size(), 2u);
    EXPECT_EQ(m["rows"][0]["case"], "P01");  // "Hub staff" sorts before "Non-user"
    const auto& cell = m["rows"][0]["cells"]["Coherence"];
    ASSERT_EQ(cell["links"].size(), 1u);
    EXPECT_EQ(cell["links"][0]["quote"], "We sat down, \"as a team\", and agreed.");
    EXPECT_EQ(cell["links"][0]["coding"], coherence);
    EXPECT_TRUE(m["rows"][0]["cells"]["Collective action"]["links"].empty());  // Ben's, not drafted

    r = run_cli({"matrix", "set-cell", project_path, "NPT", "--case", "P02", "--code", "Cognitive participation", "--text",
                 "Thought it was \"not for us\", a recurring theme"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"matrix", "link", project_path, "NPT", "--case", "P01", "--code", "Collective action", "--coding",
                 std::to_string(coherence)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Issue 13: a Coherence coding in the Collective action column is linked, with a warning.
    EXPECT_NE(r.err.find("warning: coding " + std::to_string(coherence) + " is coded 'Coherence"), std::string::npos) << r.err;
    m = show();
    EXPECT_EQ(m["rows"][1]["cells"]["Cognitive participation"]["summary"], "Thought it was \"not for us\", a recurring theme");
    EXPECT_TRUE(m["rows"][1]["cells"]["Cognitive participation"]["edited"]);
    std::int64_t link = m["rows"][0]["cells"]["Collective action"]["links"][0]["link"];
    r = run_cli({"matrix", "unlink", project_path, "NPT", "--case", "P01", "--code", "Collective action", "--link",
                 std::to_string(link)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(show()["rows"][0]["cells"]["Collective action"]["links"].empty());

    for (const char* name : {"m.xlsx", "m.csv", "m.html", "m.md"}) {
        r = run_cli({"matrix", "export", project_path, "NPT", (dir / name).string(), "--excel"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_TRUE(fs::exists(dir / name));
    }
    auto rows = csv::parse(test::read_bytes(dir / "m.csv"), ',');
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"Case", "group", "Coherence", "Cognitive participation",
                                                         "Collective action", "Reflexive monitoring"}));
    EXPECT_EQ(rows[2].fields[3],
              "Thought it was \"not for us\", a recurring theme\n\n\xE2\x80\x9CNobody said it was for us too.\xE2\x80\x9D (p02.txt 0-30)");
    EXPECT_EQ(test::read_bytes(dir / "m.csv").substr(0, 3), "\xEF\xBB\xBF");

    r = run_cli({"matrix", "list", project_path, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)[0]["name"], "NPT");
}

TEST_F(MatrixCliTest, ErrorsAreOneLineAndChangeNothing) {
    ASSERT_EQ(run_cli({"matrix", "create", project_path, "NPT"}).exit_code, 0);
    std::string before;
    {
        Project p = Project::open(project_path);
        before = test::table_counts(p);
    }
    struct Case { std::vector<std::string> args; std::string message; };
    const std::vector<Case> cases = {
        {{"matrix", "draft", project_path, "Nope"}, "nptcoder: no matrix named 'Nope'"},
        {{"matrix", "create", project_path, "NPT"}, "nptcoder: matrix 'NPT' already exists"},
        {{"matrix", "create", project_path, "X", "--codes", "Nope"}, "nptcoder: no code 'Nope'"},
        {{"matrix", "draft", project_path, "NPT", "--coder", "Zed"}, "nptcoder: no coder named 'Zed'"},
        {{"matrix", "set-cell", project_path, "NPT", "--case", "P09", "--code", "Coherence", "--text", "x"}, "nptcoder: no case named 'P09'"},
        {{"matrix", "link", project_path, "NPT", "--case", "P01", "--code", "Coherence", "--coding", std::to_string(legitimation)},
         "nptcoder: matrix 'NPT', case 'P01', code 'Coherence': coding"},
        {{"matrix", "export", project_path, "NPT", (dir / "missing" / "m.xlsx").string()}, "nptcoder: " + (dir / "missing" / "m.xlsx").string()},
        {{"matrix", "export", project_path, "NPT", (dir / "m.odt").string()}, "nptcoder: " + (dir / "m.odt").string()},
        {{"export", "segments", project_path, (dir / "s.csv").string(), "--code", "Nope"}, "nptcoder: no code 'Nope'"},
        {{"export", "counts", project_path, (dir / "c.md").string()}, "nptcoder: " + (dir / "c.md").string()},
    };
    for (const Case& c : cases) {
        auto r = run_cli(c.args);
        EXPECT_EQ(r.exit_code, 1) << c.args[1] << " " << r.out;
        EXPECT_EQ(r.err.rfind(c.message, 0), 0u) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    EXPECT_FALSE(fs::exists(dir / "missing"));
    EXPECT_FALSE(fs::exists(dir / "m.odt"));
    EXPECT_FALSE(fs::exists(dir / "s.csv"));
    EXPECT_FALSE(fs::exists(dir / "c.md"));
    Project p = Project::open(project_path);
    EXPECT_EQ(test::table_counts(p), before);
}

TEST_F(MatrixCliTest, RenameKeepsTheCellsAndRefusesATakenName) {
    ASSERT_EQ(run_cli({"matrix", "create", project_path, "NPT", "--group-by", "group"}).exit_code, 0);
    ASSERT_EQ(run_cli({"matrix", "create", project_path, "Other"}).exit_code, 0);
    ASSERT_EQ(run_cli({"matrix", "set-cell", project_path, "NPT", "--case", "P01", "--code", "Coherence", "--text", "Sees it as shared"})
                  .exit_code, 0);
    auto r = run_cli({"matrix", "rename", project_path, "NPT", "NPT by group"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Renamed matrix 'NPT' to 'NPT by group'\n");
    r = run_cli({"matrix", "show", project_path, "NPT by group", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto shown = nlohmann::json::parse(r.out);
    EXPECT_EQ(shown["group_by"], nlohmann::json::array({"group"}));
    EXPECT_EQ(shown["rows"][0]["case"], "P01");
    EXPECT_EQ(shown["rows"][0]["cells"]["Coherence"]["summary"], "Sees it as shared");

    r = run_cli({"matrix", "rename", project_path, "NPT by group", "Other"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "nptcoder: matrix 'Other' already exists; choose another name\n");
    r = run_cli({"matrix", "rename", project_path, "NPT", "X"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err.rfind("nptcoder: no matrix named 'NPT'", 0), 0u) << r.err;

    r = run_cli({"undo", project_path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli({"matrix", "list", project_path, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto names = nlohmann::json::parse(r.out);
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names[0]["name"], "NPT") << "undo gives the old name back";
}

TEST_F(MatrixCliTest, ExportSegmentsAndCountsWriteTheirTables) {
    auto r = run_cli({"export", "segments", project_path, (dir / "s.csv").string(), "--code", "Coherence", "--descendants"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto rows = csv::parse(test::read_bytes(dir / "s.csv"), ',');
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].fields[0], "Coherence/Communal specification");
    EXPECT_EQ(rows[1].fields[1], "P01");
    EXPECT_EQ(rows[1].fields[2], "Hub staff");
    EXPECT_EQ(rows[1].fields[9], "We sat down, \"as a team\", and agreed.");

    r = run_cli({"export", "segments", project_path, (dir / "s.csv").string(), "--where", "group=Non-user"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rows = csv::parse(test::read_bytes(dir / "s.csv"), ',');
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].fields[1], "P02");

    r = run_cli({"export", "counts", project_path, (dir / "c.csv").string(), "--rows", "group"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rows = csv::parse(test::read_bytes(dir / "c.csv"), ',');
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"group", "Coherence", "Cognitive participation", "Collective action",
                                                         "Reflexive monitoring"}));
    EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"Hub staff", "1", "0", "1", "0"}));
    EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"Non-user", "0", "1", "0", "0"}));
    r = run_cli({"export", "counts", project_path, (dir / "c.xlsx").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_GT(fs::file_size(dir / "c.xlsx"), 1000u);

    for (const char* help : {"matrix create", "matrix draft", "matrix export", "export segments", "export counts"}) {
        std::string group = help;
        auto space = group.find(' ');
        r = run_cli({group.substr(0, space), group.substr(space + 1), "--help"});
        EXPECT_EQ(r.exit_code, 0);
        EXPECT_NE(r.out.find("e.g. nptcoder " + group), std::string::npos) << help;
    }
}

}  // namespace
}  // namespace npt
