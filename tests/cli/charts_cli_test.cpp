// charts_cli_test.cpp — `nptcoder code-frequency` and `nptcoder saturation` end to end on a small
// project whose answers are known: text, CSV and JSON, ordering by a date attribute, one-line errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

using test::run_cli;

// p01 (interviewed last): Amira codes A twice and A/a1 once; p02 (first): Ben codes B, Amira A.
class ChartsCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = (dir / "study.nptq").string();
        Project p = Project::create(path, "Charts");
        p.action("Set up", [&] {
            const DocumentId d1 = add_document(p, {"p01.txt", "one two three four five six", "p01.txt", "text", "", {}}).id;
            const DocumentId d2 = add_document(p, {"p02.txt", "seven eight nine ten", "p02.txt", "text", "", {}}).id;
            const CodeId a = ensure_code(p, "A").id, a1 = ensure_code(p, "A/a1").id, b = ensure_code(p, "B").id;
            ensure_code(p, "C");
            const CoderId amira = add_coder(p, "Amira").id, ben = add_coder(p, "Ben").id;
            apply_coding(p, d1, a, amira, {0, 3});
            apply_coding(p, d1, a, amira, {8, 13});
            apply_coding(p, d1, a1, amira, {14, 18});
            apply_coding(p, d2, b, ben, {0, 5});
            apply_coding(p, d2, a, amira, {6, 11});
            const Attribute date = ensure_attribute(p, "interview_date", AttributeType::Date);
            const Case p01 = ensure_case(p, "P01"), p02 = ensure_case(p, "P02");
            set_case_value(p, p01.id, date.id, "2021-12-01");
            set_case_value(p, p02.id, date.id, "2021-11-08");
            link_document_to_case(p, d1, p01.id);
            link_document_to_case(p, d2, p02.id);
        });
    }
    test::TempDir dir;
    std::string path;
};

TEST_F(ChartsCliTest, CodeFrequencyAsTextCsvAndJson) {
    auto r = run_cli({"code-frequency", path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "code\tAmira\tBen\nA\t3\t0\nA/a1\t1\t0\nB\t0\t1\nC\t0\t0\n");
    r = run_cli({"code-frequency", path, "--code", "A", "--code", "B", "--descendants", "--format", "csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "code,Amira,Ben\r\nA,4,0\r\nB,0,1\r\n");
    r = run_cli({"code-frequency", path, "--coder", "Ben", "--used-only", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["coders"], nlohmann::json({"Ben"}));
    ASSERT_EQ(j["rows"].size(), 1u);
    EXPECT_EQ(j["rows"][0]["code"], "B");
    EXPECT_EQ(j["rows"][0]["counts"], nlohmann::json({1}));
}

TEST_F(ChartsCliTest, SaturationInImportAndInterviewOrder) {
    auto r = run_cli({"saturation", path, "--format", "csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "document,new_codes,codes_so_far,new_code_paths\r\np01.txt,2,2,A; A/a1\r\np02.txt,1,3,B\r\n");
    r = run_cli({"saturation", path, "--order", "interview_date", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["points"].size(), 2u);
    EXPECT_EQ(j["points"][0]["document"], "p02.txt");
    EXPECT_EQ(j["points"][0]["order_value"], "2021-11-08");
    EXPECT_EQ(j["points"][0]["new_codes"], nlohmann::json({"A", "B"}));
    EXPECT_EQ(j["points"][1]["new_codes"], nlohmann::json({"A/a1"}));
    EXPECT_EQ(j["points"][1]["codes_so_far"], 3);
    r = run_cli({"saturation", path, "--order", "interview_date", "--coder", "Ben"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "document\tinterview_date\tnew\tso far\np02.txt\t2021-11-08\t1\t1\np01.txt\t2021-12-01\t0\t1\n");
}

TEST_F(ChartsCliTest, UnknownNamesAreOneLineErrors) {
    auto r = run_cli({"saturation", path, "--order", "shoe_size"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("shoe_size"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
    r = run_cli({"code-frequency", path, "--code", "Nope"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("Nope"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace npt
