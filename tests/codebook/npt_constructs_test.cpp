// npt_constructs_test.cpp — NPT's constructs come from the built-in codebook's data, and a
// project's default matrix columns are the constructs (or the codes under them) it holds.
#include <gtest/gtest.h>

#include "codebook/codebook.hpp"
#include "codebook/codebook_project.hpp"
#include "codebook/npt_constructs.hpp"
#include "core/error.hpp"
#include "core/model/codes.hpp"
#include "support/test_support.hpp"

namespace npt::codebook {
namespace {

const std::vector<std::string> kConstructs = {"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"};

TEST(NptConstructs, AreTheBuiltInCodebooksFourInTheTheorysOrder) {
    EXPECT_EQ(npt_construct_paths(), kConstructs);
    EXPECT_EQ(builtin_codebook("npt").constructs, kConstructs);
    EXPECT_TRUE(builtin_codebook("npt-2022").constructs.empty());
}

TEST(NptConstructs, DefaultColumnsAreTheConstructsPresentOrTheCodesUnderThem) {
    test::TempDir dir;
    Project p = Project::create(dir / "c.nptq", "Constructs");
    for (const char* c : {"Coherence/Differentiation", "Coherence/Internalisation", "Cognitive participation/Legitimation",
                          "Collective action", "Reflexive monitoring", "Inductive/Waiting times"})
        ensure_code(p, c);
    EXPECT_EQ(npt_default_columns(p, false), kConstructs);
    EXPECT_EQ(npt_default_columns(p, true), (std::vector<std::string>{"Coherence/Differentiation", "Coherence/Internalisation",
                                                                      "Cognitive participation/Legitimation"}));

    Project q = Project::create(dir / "q.nptq", "Partial");
    ensure_code(q, "Reflexive monitoring/Reconfiguration");
    ensure_code(q, "Collective action");
    EXPECT_EQ(npt_default_columns(q, false), (std::vector<std::string>{"Collective action", "Reflexive monitoring"}));
    EXPECT_EQ(npt_default_columns(q, true), (std::vector<std::string>{"Reflexive monitoring/Reconfiguration"}));

    Project empty = Project::create(dir / "e.nptq", "Empty");
    ensure_code(empty, "Inductive/Other");
    EXPECT_TRUE(npt_default_columns(empty, false).empty());
    EXPECT_TRUE(npt_default_columns(empty, true).empty());
}

TEST(NptConstructs, LoadingTheNptCodebookGivesItsSixteenSubConstructs) {
    test::TempDir dir;
    Project p = Project::create(dir / "n.nptq", "NPT");
    load_codebook(p, builtin_codebook("npt"));
    EXPECT_EQ(npt_default_columns(p, false), kConstructs);
    std::vector<std::string> subs = npt_default_columns(p, true);
    ASSERT_EQ(subs.size(), 16u);
    EXPECT_EQ(subs.front(), "Coherence/Differentiation");
    EXPECT_EQ(subs.back(), "Reflexive monitoring/Reconfiguration");
}

TEST(NptConstructs, JsonKeepsConstructsAndRefusesOnesThatAreNotCodes) {
    Codebook cb = builtin_codebook("npt");
    EXPECT_EQ(parse_codebook_json(codebook_to_json(cb), "again.json").constructs, kConstructs);
    const std::string head = R"({"format": "nptcoder-codebook", "schema_version": 1, "codes": [{"name": "A"}], )";
    EXPECT_EQ(parse_codebook_json(head + R"("constructs": ["A"]})", "ok.json").constructs, std::vector<std::string>{"A"});
    try {
        parse_codebook_json(head + R"("constructs": ["B"]})", "bad.json");
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_EQ(std::string(e.what()), "bad.json: construct 'B' is not one of the codes");
    }
    EXPECT_THROW(parse_codebook_json(head + R"("constructs": "A"})", "bad.json"), FormatError);
    EXPECT_THROW(parse_codebook_json(head + R"("constructs": [1]})", "bad.json"), FormatError);
}

}  // namespace
}  // namespace npt::codebook
