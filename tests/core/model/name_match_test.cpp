// name_match_test.cpp — telling a typo from a new code or coder name (issue 13: a typo used to
// create a second code or coder silently).
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/name_match.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;

TEST(NameMatch, CaseWhitespaceAndSmallEditsAreNearMisses) {
    EXPECT_TRUE(is_near_miss("Ngozi  A.", "Ngozi A."));
    EXPECT_TRUE(is_near_miss(" ngozi\ta. ", "Ngozi A."));
    EXPECT_TRUE(is_near_miss("coherence", "Coherence"));
    EXPECT_TRUE(is_near_miss("Coherance", "Coherence"));          // 1 edit, 9 code points
    EXPECT_TRUE(is_near_miss("Internalisaton", "Internalisation"));
    EXPECT_TRUE(is_near_miss("Diferentiaton", "Differentiation"));   // 2 edits from 10 on
    EXPECT_TRUE(is_near_miss("STRASSE", "Straße"));               // full case folding
    EXPECT_FALSE(is_near_miss("Coherence", "Coherence"));         // the same name is no miss
    EXPECT_FALSE(is_near_miss("Ben", "Bea"));                     // short names: folding only
    EXPECT_TRUE(is_near_miss("ben", "Ben"));
    EXPECT_FALSE(is_near_miss("Theme 1", "Theme 2"));             // digits only
    EXPECT_FALSE(is_near_miss("Enrolment", "Activation"));
    EXPECT_FALSE(is_near_miss("Coherance", "Cohesion"));
}

TEST(NameMatch, MatchNamePrefersExactThenNearest) {
    std::vector<std::string> names{"Amira", "Ngozi A.", "Ngozi B."};
    EXPECT_EQ(match_name("Amira", names).kind, NameMatch::Kind::Exact);
    NameMatch m = match_name("Ngozi  A.", names);
    EXPECT_EQ(m.kind, NameMatch::Kind::NearMiss);
    EXPECT_EQ(m.existing, "Ngozi A.");  // distance 0 after folding beats "Ngozi B." at 1
    EXPECT_EQ(match_name("Chen", names).kind, NameMatch::Kind::New);
}

TEST(NameMatch, CodePathsAreCorrectedOneNameAtATime) {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    ensure_code(p, "Coherence/Differentiation");
    ensure_code(p, "Coherence/Internalisation");
    EXPECT_EQ(match_code_path(p, "Coherence/Differentiation").kind, NameMatch::Kind::Exact);
    NameMatch typo = match_code_path(p, "Coherance/Differentiation");
    EXPECT_EQ(typo.kind, NameMatch::Kind::NearMiss);
    EXPECT_EQ(typo.existing, "Coherence/Differentiation");
    NameMatch lower = match_code_path(p, "coherence/differentiation");
    EXPECT_EQ(lower.kind, NameMatch::Kind::NearMiss);
    EXPECT_EQ(lower.existing, "Coherence/Differentiation");
    NameMatch below = match_code_path(p, "coherence/Brand new idea");  // parent mistyped, child new
    EXPECT_EQ(below.kind, NameMatch::Kind::NearMiss);
    EXPECT_EQ(below.existing, "Coherence/Brand new idea");
    EXPECT_EQ(match_code_path(p, "Coherence/Brand new idea").kind, NameMatch::Kind::New);
    EXPECT_EQ(match_code_path(p, "Reflexive monitoring").kind, NameMatch::Kind::New);
}

TEST(NameMatch, NotFoundErrorsSuggestTheNearMiss) {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    ensure_code(p, "Coherence/Differentiation");
    add_coder(p, "Ngozi A.");
    try {
        require_code(p, "Coherance/Differentiation");
        FAIL() << "no error";
    } catch (const NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean 'Coherence/Differentiation'?"), std::string::npos) << e.what();
    }
    try {
        require_coder(p, "ngozi a.");
        FAIL() << "no error";
    } catch (const NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean 'Ngozi A.'?"), std::string::npos) << e.what();
    }
    try {
        require_coder(p, "Chen");
        FAIL() << "no error";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(std::string(e.what()), "no coder named 'Chen'");
    }
}

// Issue 13: the NPT sources spell Internalization, Systematization and Skill-set workability.
TEST(NameMatch, SourcesSpellingsAreAliasesOfTheCodebooksNames) {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    Code internalisation = ensure_code(p, "Coherence/Internalisation");
    Code skill = ensure_code(p, "Collective action/Skill set workability");
    ensure_code(p, "Reflexive monitoring/Systematisation");
    auto found = find_code(p, "Coherence/Internalization");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, internalisation.id);
    EXPECT_EQ(found->path, "Coherence/Internalisation");  // the stored spelling
    EXPECT_EQ(require_code(p, "Collective action/Skill-set workability").id, skill.id);
    EXPECT_EQ(ensure_code(p, "Reflexive monitoring/Systematization").path, "Reflexive monitoring/Systematisation");
    EXPECT_EQ(list_codes(p).size(), 6u);  // no code was created for an alias
    NameMatch m = match_code_path(p, "Coherence/Internalization");
    EXPECT_EQ(m.kind, NameMatch::Kind::Exact);
    EXPECT_EQ(m.existing, "Coherence/Internalisation");
}
