// typed_id_test.cpp — the id types are distinct: no id converts to another kind, nor a bare integer
// to any id; ids compare, order, hash and print as their values, and a project hands out ids of
// the right kind.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <type_traits>
#include <unordered_map>

#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/store/typed_id.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

static_assert(!std::is_convertible_v<CodeId, DocumentId>);
static_assert(!std::is_convertible_v<DocumentId, CodeId>);
static_assert(!std::is_convertible_v<CoderId, CodeId>);
static_assert(!std::is_convertible_v<CodingId, MemoId>);
static_assert(!std::is_convertible_v<CaseId, AttributeId>);
static_assert(!std::is_convertible_v<MatrixId, MatrixLinkId>);
static_assert(!std::is_convertible_v<std::int64_t, CodeId>);  // construction from a raw value is explicit
static_assert(!std::is_convertible_v<int, DocumentId>);
static_assert(!std::is_convertible_v<CodeId, std::int64_t>);  // and reading it back is `.value`
static_assert(!std::is_constructible_v<CodeId, DocumentId>);
static_assert(std::is_constructible_v<CodeId, std::int64_t>);
static_assert(!std::is_same_v<CodeId, CoderId>);
static_assert(sizeof(CodeId) == sizeof(std::int64_t));
static_assert(std::is_trivially_copyable_v<CodeId>);

TEST(TypedId, ComparesAndOrdersByValue) {
    EXPECT_EQ(CodeId{7}, CodeId{7});
    EXPECT_NE(CodeId{7}, CodeId{8});
    EXPECT_LT(CodeId{-1}, CodeId{0});
    EXPECT_GT(CodeId{100}, CodeId{99});
    EXPECT_EQ(CodeId{}.value, 0);  // default: no row (SQLite rowids start at 1)

    std::set<DocumentId> ordered = {DocumentId{30}, DocumentId{10}, DocumentId{20}, DocumentId{10}};
    ASSERT_EQ(ordered.size(), 3u);
    EXPECT_EQ(ordered.begin()->value, 10);
    EXPECT_EQ(ordered.rbegin()->value, 30);
    std::map<CoderId, int> by_coder = {{CoderId{2}, 2}, {CoderId{1}, 1}};
    EXPECT_EQ(by_coder.begin()->first, CoderId{1});
}

TEST(TypedId, HashesLikeItsValue) {
    for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-5}, std::int64_t{1} << 40})
        EXPECT_EQ(std::hash<CodingId>{}(CodingId{v}), std::hash<std::int64_t>{}(v));
    std::unordered_map<CodeId, std::string> names;
    names[CodeId{3}] = "three";
    names[CodeId{4}] = "four";
    names[CodeId{3}] = "drei";
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names.at(CodeId{3}), "drei");
    EXPECT_EQ(names.count(CodeId{5}), 0u);
}

TEST(TypedId, PrintsAsItsNumber) {
    std::ostringstream out;
    out << MemoId{42} << ' ' << CaseId{-3};
    EXPECT_EQ(out.str(), "42 -3");
    EXPECT_EQ(to_string(DocumentId{1234567890123}), "1234567890123");
}

TEST(TypedId, AProjectHandsOutIdsOfTheirKind) {
    test::TempDir dir;
    Project p = Project::create(dir / "ids.nptq", "ids");
    DocumentInfo doc = add_document(p, {"d.txt", "some words", "d.txt", "text", "", {}});
    Code code = ensure_code(p, "Coherence/Differentiation");
    // Both tables start at rowid 1: the same number, two ids that cannot be mixed up.
    EXPECT_EQ(doc.id.value, 1);
    EXPECT_TRUE((std::is_same_v<decltype(doc.id), DocumentId>));
    EXPECT_TRUE((std::is_same_v<decltype(code.parent_id), std::optional<CodeId>>));
    ASSERT_TRUE(code.parent_id);
    EXPECT_EQ(code_by_id(p, *code.parent_id).path, "Coherence");
    EXPECT_EQ(document_info(p, doc.id).name, "d.txt");
    EXPECT_THROW(document_info(p, DocumentId{doc.id.value + 1}), NotFoundError);
}

}  // namespace
}  // namespace npt
