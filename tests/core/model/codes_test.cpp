// codes_test.cpp — code paths (with escaped '/'), tree order and lookup.
#include <gtest/gtest.h>

#include "core/model/codes.hpp"
#include "core/error.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;

TEST(CodePaths, SplitAndJoinWithEscapes) {
    EXPECT_EQ(split_code_path("Coherence/Differentiation"), (std::vector<std::string>{"Coherence", "Differentiation"}));
    EXPECT_EQ(split_code_path("Inductive/Hub\\/OH confusion"), (std::vector<std::string>{"Inductive", "Hub/OH confusion"}));
    EXPECT_EQ(join_code_path({"Inductive", "Hub/OH confusion"}), "Inductive/Hub\\/OH confusion");
    EXPECT_EQ(split_code_path(" Coherence / Internalisation "), (std::vector<std::string>{"Coherence", "Internalisation"}));
    EXPECT_THROW(split_code_path("Coherence//X"), InputError);
    EXPECT_THROW(split_code_path(""), InputError);
}

TEST(Codes, EnsureCreatesAncestorsAndListIsInTreeOrder) {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    ensure_code(p, "Coherence/Differentiation");
    ensure_code(p, "Cognitive participation/Legitimation");
    ensure_code(p, "Coherence/Internalisation");
    ensure_code(p, "Inductive/Hub\\/OH confusion");
    std::vector<std::string> paths;
    for (const Code& c : list_codes(p)) paths.push_back(c.path);
    ASSERT_EQ(paths.size(), 7u);
    EXPECT_EQ(paths[0], "Coherence");
    EXPECT_EQ(paths[1], "Coherence/Differentiation");
    EXPECT_EQ(paths[2], "Coherence/Internalisation");
    EXPECT_EQ(require_code(p, "Inductive/Hub\\/OH confusion").name, "Hub/OH confusion");
    EXPECT_THROW(require_code(p, "Coherence/Nope"), NotFoundError);
    NewCode again;
    again.path = "Coherence/Differentiation";
    EXPECT_THROW(add_code(p, again), InputError);
    auto sub = code_and_descendants(p, require_code(p, "Coherence").id);
    EXPECT_EQ(sub.size(), 3u);
}
