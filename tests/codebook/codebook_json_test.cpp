// codebook_json_test.cpp — codebook JSON: round trip through a project, and what is refused.
#include <gtest/gtest.h>

#include "codebook/codebook.hpp"
#include "codebook/codebook_project.hpp"
#include "core/model/codes.hpp"
#include "core/error.hpp"
#include "support/test_support.hpp"

namespace npt::codebook {
namespace {

bool same_codes(const Codebook& a, const Codebook& b) {
    if (a.codes.size() != b.codes.size()) return false;
    for (std::size_t i = 0; i < a.codes.size(); ++i) {
        const auto &x = a.codes[i], &y = b.codes[i];
        if (x.path != y.path || x.guid != y.guid || x.colour != y.colour || x.description != y.description ||
            x.inclusion != y.inclusion || x.exclusion != y.exclusion || x.examples != y.examples || x.citation != y.citation)
            return false;
    }
    return true;
}

TEST(CodebookJson, RoundTripsThroughTextAndProject) {
    Codebook cb = builtin_codebook("npt-2022");
    Codebook again = parse_codebook_json(codebook_to_json(cb), "again.json");
    EXPECT_TRUE(same_codes(cb, again));
    EXPECT_EQ(again.references, cb.references);
    test::TempDir dir;
    Project p = Project::create(dir / "j.nptq", "JSON");
    load_codebook(p, cb);
    Codebook out = codebook_from_project(p, "j");
    EXPECT_TRUE(same_codes(cb, out));
    EXPECT_EQ(out.references, cb.references);  // remembered from the load
}

TEST(CodebookJson, SlashesInNamesSurvive) {
    Codebook cb;
    cb.name = "s";
    cb.codes = {{"Access\\/waiting", "d", "", "", {}, "", "#112233", ""}, {"Access\\/waiting/Weeks", "", "", "", {}, "", "", ""}};
    Codebook again = parse_codebook_json(codebook_to_json(cb), "s.json");
    ASSERT_EQ(again.codes.size(), 2u);
    EXPECT_EQ(again.codes[1].path, "Access\\/waiting/Weeks");
    test::TempDir dir;
    Project p = Project::create(dir / "s.nptq", "Slash");
    load_codebook(p, again);
    EXPECT_TRUE(find_code(p, "Access\\/waiting/Weeks"));
}

TEST(CodebookJson, RefusesWhatItCannotRead) {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"not json", "not a codebook"},
        {R"({"schema_version": 2, "codes": []})", "schema version 2"},
        {R"({"schema_version": 1})", "no \"codes\""},
        {R"({"schema_version": 1, "codes": [{"guid": "x"}]})", "has no name"},
        {R"({"schema_version": 1, "codes": [{"name": "A", "guid": "nope"}]})", "not a GUID"},
        {R"({"schema_version": 1, "codes": [{"name": "A", "colour": "blue"}]})", "colour"},
        {R"({"schema_version": 1, "codes": [{"name": "A"}, {"name": "A"}]})", "appears twice"},
        {R"({"schema_version": 1, "codes": [{"name": "A", "examples": [1]}]})", "examples"},
        {R"({"format": "other", "schema_version": 1, "codes": []})", "format"}};
    for (const auto& [text, expect] : bad) {
        try {
            parse_codebook_json(text, "bad.json");
            ADD_FAILURE() << "accepted " << text;
        } catch (const FormatError& e) {
            std::string what = e.what();
            EXPECT_EQ(what.rfind("bad.json", 0), 0u) << what;
            EXPECT_NE(what.find(expect), std::string::npos) << what;
        }
    }
}

}  // namespace
}  // namespace npt::codebook
