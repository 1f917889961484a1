// builtin_codebook_test.cpp — the built-in NPT codebooks: structure, completeness, and loading
// them into a project (idempotent, one undo step, filling in codes that already exist).
#include <gtest/gtest.h>

#include <set>

#include "codebook/codebook.hpp"
#include "codebook/codebook_project.hpp"
#include "core/model/codes.hpp"
#include "core/error.hpp"
#include "core/store/ids.hpp"
#include "core/store/undo.hpp"
#include "support/test_support.hpp"

namespace npt::codebook {
namespace {

const std::vector<std::string> kConstructs = {"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"};
const std::vector<std::vector<std::string>> kComponents = {
    {"Differentiation", "Communal specification", "Individual specification", "Internalisation"},
    {"Initiation", "Enrolment", "Legitimation", "Activation"},
    {"Interactional workability", "Relational integration", "Skill set workability", "Contextual integration"},
    {"Systematisation", "Communal appraisal", "Individual appraisal", "Reconfiguration"}};

void expect_complete(const CodebookCode& c) {
    EXPECT_FALSE(c.description.empty()) << c.path;
    EXPECT_FALSE(c.inclusion.empty()) << c.path;
    EXPECT_FALSE(c.exclusion.empty()) << c.path;
    EXPECT_GE(c.examples.size(), 1u) << c.path;
    EXPECT_LE(c.examples.size(), 2u) << c.path;
    EXPECT_FALSE(c.citation.empty()) << c.path;
    EXPECT_EQ(c.colour.size(), 7u) << c.path;
    EXPECT_TRUE(is_guid(c.guid)) << c.path;
}

TEST(BuiltinCodebook, NamesAndUnknownName) {
    EXPECT_EQ(builtin_codebook_names(), (std::vector<std::string>{"npt", "npt-2022"}));
    try {
        builtin_codebook("nomad");
        FAIL();
    } catch (const NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("npt-2022"), std::string::npos);
    }
}

TEST(BuiltinCodebook, NptHasFourConstructsEachWithFourCompleteComponents) {
    Codebook cb = builtin_codebook("npt");
    EXPECT_EQ(cb.schema_version, kSchemaVersion);
    EXPECT_EQ(cb.name, "npt");
    EXPECT_GE(cb.references.size(), 3u);
    std::set<std::string> paths, guids;
    for (const auto& c : cb.codes) {
        expect_complete(c);
        paths.insert(c.path);
        guids.insert(c.guid);
    }
    EXPECT_EQ(guids.size(), cb.codes.size());
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_TRUE(paths.count(kConstructs[i])) << kConstructs[i];
        for (const auto& sub : kComponents[i]) EXPECT_TRUE(paths.count(kConstructs[i] + "/" + sub)) << sub;
    }
    EXPECT_EQ(cb.codes.size(), 4u + 16u + 1u);  // plus "Outside NPT" for data no construct fits
    EXPECT_TRUE(paths.count("Outside NPT"));
}

TEST(BuiltinCodebook, Npt2022FollowsContextsMechanismsOutcomes) {
    Codebook cb = builtin_codebook("npt-2022");
    std::set<std::string> paths;
    for (const auto& c : cb.codes) {
        expect_complete(c);
        paths.insert(c.path);
    }
    for (const char* p : {"Contexts/Strategic intentions", "Contexts/Adaptive execution", "Contexts/Negotiating capability",
                          "Contexts/Reframing organisational logics", "Mechanisms/Coherence-building",
                          "Mechanisms/Cognitive participation", "Mechanisms/Collective action", "Mechanisms/Reflexive monitoring",
                          "Outcomes/Intervention mobilisation", "Outcomes/Normative restructuring",
                          "Outcomes/Relational restructuring", "Outcomes/Sustainment"})
        EXPECT_TRUE(paths.count(p)) << p;
    int part_b = 0;
    for (const auto& c : cb.codes)
        if (std::count(c.path.begin(), c.path.end(), '/') == 2) {
            ++part_b;
            EXPECT_EQ(c.description.rfind("How ", 0), 0u) << c.path;  // phrased as a question
        }
    EXPECT_EQ(part_b, 16);
}

TEST(BuiltinCodebook, LoadIsOneUndoStepIdempotentAndFillsExistingCodes) {
    test::TempDir dir;
    Project p = Project::create(dir / "l.nptq", "Load");
    ensure_code(p, "Coherence/Differentiation");  // made by `code add` before the codebook was loaded
    Code before = require_code(p, "Coherence/Differentiation");
    LoadReport r = load_codebook(p, builtin_codebook("npt"));
    EXPECT_EQ(r.added, 19);
    EXPECT_EQ(r.updated, 2);
    Code after = require_code(p, "Coherence/Differentiation");
    EXPECT_EQ(after.guid, before.guid);
    EXPECT_FALSE(after.description.empty());
    EXPECT_EQ(list_codes(p).size(), 21u);
    LoadReport again = load_codebook(p, builtin_codebook("npt"));
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.updated, 0);
    EXPECT_EQ(again.unchanged, 21);
    undo(p);  // the idempotent second load
    undo(p);  // the first load
    EXPECT_EQ(list_codes(p).size(), 2u);
    EXPECT_TRUE(require_code(p, "Coherence/Differentiation").description.empty());
    // Codes keep the codebook's GUIDs, so two projects that load it agree.
    Project q = Project::create(dir / "m.nptq", "Other");
    load_codebook(q, builtin_codebook("npt"));
    EXPECT_EQ(require_code(q, "Reflexive monitoring/Reconfiguration").guid,
              [&] {
                  for (const auto& c : builtin_codebook("npt").codes)
                      if (c.path == "Reflexive monitoring/Reconfiguration") return c.guid;
                  return std::string();
              }());
}

}  // namespace
}  // namespace npt::codebook
