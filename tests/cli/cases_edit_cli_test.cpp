// cases_edit_cli_test.cpp — `nptcoder cases add|rename|delete|set|link|unlink` and
// `nptcoder cases attribute add|rename|delete|type|list` end to end: each change read back from
// the project file with the core API, one-line errors (a value that does not fit, naming the case)
// that leave the project unchanged, and `cases list --json` / `cases attribute list --json`.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/model/case_edits.hpp"
#include "core/model/documents.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

using test::run_cli;

class CasesEditCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = (dir / "study.nptq").string();
        Project p = Project::create(path, "cases");
        add_document(p, {"p01.txt", "We sat down and agreed.", "p01.txt", "text", "", {}});
    }
    void ok(const std::vector<std::string>& args, const std::string& out = {}) {
        auto r = run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        if (!out.empty()) EXPECT_EQ(r.out, out);
    }
    test::TempDir dir;
    std::string path;
};

TEST_F(CasesEditCliTest, AddSetLinkRenameUnlinkDelete) {
    ok({"cases", "add", path, "P01"}, "Added case P01\n");
    ok({"cases", "attribute", "add", path, "interviewed", "--type", "date"}, "Added attribute interviewed (date)\n");
    ok({"cases", "set", path, "P01", "interviewed", "3/4/2024"}, "interviewed of P01: 2024-04-03\n");
    ok({"cases", "link", path, "P01", "p01.txt"}, "Linked p01.txt to case P01\n");
    ok({"cases", "rename", path, "P01", "P01a"});
    auto r = run_cli({"cases", "list", path, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto list = nlohmann::json::parse(r.out);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["name"], "P01a");
    EXPECT_EQ(list[0]["values"]["interviewed"], "2024-04-03");
    EXPECT_EQ(list[0]["documents"], nlohmann::json::array({"p01.txt"}));
    ok({"cases", "unlink", path, "P01a", "p01.txt"}, "Unlinked p01.txt from case P01a\n");
    {
        Project p = Project::open(path);
        EXPECT_TRUE(documents_of_case(p, require_case(p, "P01a").id).empty());
    }
    r = run_cli({"cases", "unlink", path, "P01a", "p01.txt"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("does not belong to case P01a"), std::string::npos) << r.err;
    ok({"cases", "set", path, "P01a", "interviewed", ""}, "Cleared interviewed of P01a\n");
    ok({"cases", "delete", path, "P01a"}, "Deleted case P01a\n");
    Project p = Project::open(path);
    EXPECT_TRUE(list_cases(p).empty());
    EXPECT_TRUE(find_document(p, "p01.txt").has_value()) << "the document stays";
}

TEST_F(CasesEditCliTest, TypeChangeRefusedNamingTheCaseThenChoiceWithValues) {
    ok({"cases", "add", path, "P01"});
    ok({"cases", "add", path, "P02"});
    ok({"cases", "attribute", "add", path, "age"});
    ok({"cases", "set", path, "P01", "age", "34"});
    ok({"cases", "set", path, "P02", "age", "n/a"});
    const std::string before = [&] { Project p = Project::open(path); return test::table_counts(p); }();
    auto r = run_cli({"cases", "attribute", "type", path, "age", "number"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("case P02: 'n/a' is not a number"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
    {
        Project p = Project::open(path);
        EXPECT_EQ(require_attribute(p, "age").type, AttributeType::Text);
        EXPECT_EQ(test::table_counts(p), before);
    }
    ok({"cases", "attribute", "add", path, "role", "--type", "choice", "--values", "GP, nurse,manager"});
    r = run_cli({"cases", "set", path, "P01", "role", "surgeon"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("not one of role's choices (GP, nurse, manager)"), std::string::npos) << r.err;
    ok({"cases", "set", path, "P01", "role", "nurse"});
    r = run_cli({"cases", "attribute", "list", path, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto attrs = nlohmann::json::parse(r.out);
    ASSERT_EQ(attrs.size(), 2u);
    EXPECT_EQ(attrs[1]["name"], "role");
    EXPECT_EQ(attrs[1]["type"], "choice");
    EXPECT_EQ(attrs[1]["choices"], nlohmann::json::array({"GP", "nurse", "manager"}));
    ok({"cases", "attribute", "type", path, "role", "choice", "--values", "nurse,GP"}, "Attribute role is now choice\n");
    ok({"cases", "attribute", "rename", path, "role", "profession"});
    ok({"cases", "attribute", "delete", path, "age"});
    Project p = Project::open(path);
    EXPECT_EQ(attribute_choices(p, require_attribute(p, "profession").id), (std::vector<std::string>{"nurse", "GP"}));
    EXPECT_EQ(case_values(p, require_case(p, "P01").id), (std::map<std::string, std::string>{{"profession", "nurse"}}));
}

}  // namespace
}  // namespace npt
