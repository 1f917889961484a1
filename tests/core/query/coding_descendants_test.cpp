// coding_descendants_test.cpp — coding_counts per code and codings_with_descendants over a small code
// tree: a parent counts its own codings plus every descendant's, a leaf only its own, a code with
// nothing anywhere below it 0; the counts follow a move in the tree.
#include <gtest/gtest.h>

#include "core/model/code_edits.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/query/coding_counts.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

CodeId id_of(const std::vector<Code>& codes, const std::string& path) {
    for (const Code& c : codes)
        if (c.path == path) return c.id;
    ADD_FAILURE() << "no code " << path;
    return CodeId{};
}

TEST(CodingCounts, ParentsCountTheirDescendants) {
    test::TempDir dir;
    Project p = Project::create(dir / "c.nptq", "counts");
    NewDocument d;
    d.name = "d.txt";
    d.text = "one two three four five six seven eight nine ten";
    const DocumentInfo doc = add_document(p, d);
    for (const char* path : {"A/B/C", "A/D", "E"}) ensure_code(p, path);
    const Coder tess = add_coder(p, "Tess");
    std::vector<Code> codes = list_codes(p);
    // Disjoint spans, so the coding rule joins nothing: C 3, B 1, D 2, A 1, E 0.
    std::int64_t at = 0;
    auto code = [&](const std::string& path, int n) {
        for (int i = 0; i < n; ++i, at += 4) apply_coding(p, doc.id, id_of(codes, path), tess.id, {at, at + 2});
    };
    code("A/B/C", 3);
    code("A/B", 1);
    code("A/D", 2);
    code("A", 1);

    const CodingCounts counts = coding_counts(p);
    EXPECT_EQ(counts.total, 7);
    EXPECT_EQ(counts.of_code(id_of(codes, "A")), 1);
    const auto all = codings_with_descendants(codes, counts.per_code);
    EXPECT_EQ(all.at(id_of(codes, "A")), 1 + 1 + 3 + 2);
    EXPECT_EQ(all.at(id_of(codes, "A/B")), 1 + 3);
    EXPECT_EQ(all.at(id_of(codes, "A/B/C")), 3);
    EXPECT_EQ(all.at(id_of(codes, "A/D")), 2);
    EXPECT_EQ(all.at(id_of(codes, "E")), 0);
    EXPECT_EQ(all.size(), codes.size());

    // Moving B (with C) under E moves its four codings' weight from A to E.
    move_code(p, require_code(p, "A/B").id, require_code(p, "E").id);
    codes = list_codes(p);
    const auto moved = codings_with_descendants(codes, coding_counts(p).per_code);
    EXPECT_EQ(moved.at(id_of(codes, "A")), 1 + 2);
    EXPECT_EQ(moved.at(id_of(codes, "E")), 1 + 3);
    EXPECT_EQ(moved.at(id_of(codes, "E/B/C")), 3);
}

}  // namespace
}  // namespace npt
