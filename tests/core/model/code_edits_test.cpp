// code_edits_test.cpp — rename, move, merge, delete, colour and details of codes: results, the
// refusals (leaving the project unchanged), and exact undo/redo.
#include <gtest/gtest.h>

#include "core/detail/db_access.hpp"
#include "core/model/code_edits.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/error.hpp"
#include "core/model/in_vivo.hpp"
#include "core/model/memos.hpp"
#include "core/store/schema.hpp"
#include "core/store/undo.hpp"
#include "core/random_study.hpp"

namespace npt {
namespace {

class CodeEditsTest : public ::testing::Test {
protected:
    // Everything a user could see (the undo log itself aside): row counts of the user tables, the code tree with details, every coding.
    std::string snapshot() {
        std::string out;
        for (const std::string& t : schema::undoable_tables())
            out += t + "=" + std::to_string(project.db().scalar_int("SELECT count(*) FROM " + t)) + " ";
        out += "\n";
        for (const Code& c : list_codes(project))
            out += c.path + "|" + c.guid + "|" + c.colour + "|" + c.description + "|" + c.inclusion + "|" + c.citation + "\n";
        sqlite::Statement st(project.db(), "SELECT id, document_id, code_id, coder_id, start, end, guid FROM coding ORDER BY id");
        while (st.step())
            for (int i = 0; i < 7; ++i) out += st.text(i) + (i == 6 ? "\n" : ",");
        sqlite::Statement m(project.db(), "SELECT id, ifnull(code_id, ''), ifnull(coding_id, ''), text FROM memo ORDER BY id");
        while (m.step()) out += m.text(0) + "," + m.text(1) + "," + m.text(2) + "," + m.text(3) + "\n";
        return out;
    }
    // Applies an edit, then checks undo restores the snapshot and redo the edited one exactly.
    template <class F>
    void expect_undoable(F&& edit) {
        std::string before = snapshot();
        edit();
        std::string after = snapshot();
        ASSERT_NE(before, after);
        ASSERT_TRUE(undo(project));
        EXPECT_EQ(snapshot(), before);
        ASSERT_TRUE(redo(project));
        EXPECT_EQ(snapshot(), after);
    }
    template <class F>
    void expect_refused_unchanged(F&& edit) {
        std::string before = snapshot();
        auto history = undo_history(project).size();
        EXPECT_THROW(edit(), InputError);
        EXPECT_EQ(snapshot(), before);
        EXPECT_EQ(undo_history(project).size(), history);
    }

    test::TempDir dir;
    Project project = Project::create(dir / "e.nptq", "Edits");
};

TEST_F(CodeEditsTest, RenameKeepsGuidAndCodingsAndRefusesClashes) {
    auto study = test::make_random_study(project, 5, 2, 60, 30);
    Code before = require_code(project, "A/a1");
    expect_undoable([&] { EXPECT_EQ(rename_code(project, require_code(project, "A/a1").id, "first").path, "A/first"); });
    Code after = require_code(project, "A/first");
    EXPECT_EQ(after.guid, before.guid);
    EXPECT_EQ(after.id, before.id);
    expect_refused_unchanged([&] { rename_code(project, require_code(project, "A/first").id, "a2"); });
    expect_refused_unchanged([&] { rename_code(project, require_code(project, "A/first").id, "  "); });
    EXPECT_THROW(rename_code(project, require_code(project, "Z").id, "y"), NotFoundError);
    EXPECT_EQ(rename_code(project, require_code(project, "C").id, "Slash/in name").path, "Slash\\/in name");
}

TEST_F(CodeEditsTest, MoveReparentsTheSubtreeAndRefusesCycles) {
    test::make_random_study(project, 6, 2, 60, 30);
    expect_undoable([&] { EXPECT_EQ(move_code(project, require_code(project, "A").id, require_code(project, "B/b1").id).path, "B/b1/A"); });
    EXPECT_TRUE(find_code(project, "B/b1/A/a2"));
    expect_refused_unchanged([&] { move_code(project, require_code(project, "B").id, require_code(project, "B/b1/A").id); });
    expect_refused_unchanged([&] { move_code(project, require_code(project, "B").id, require_code(project, "B").id); });
    ensure_code(project, "A");
    expect_refused_unchanged([&] { move_code(project, require_code(project, "B/b1/A").id, std::nullopt); });  // a top-level "A" exists now
    expect_undoable([&] { EXPECT_EQ(move_code(project, require_code(project, "B/b1").id, std::nullopt).path, "b1"); });
}

TEST_F(CodeEditsTest, MergeMovesCodingsUnderTheCodingRule) {
    auto study = test::make_random_study(project, 77, 3, 120, 120);
    Code target = require_code(project, "B/b1");
    Code source = require_code(project, "C");
    // Expected: per document and coder, the union of both codes' codings as maximal runs.
    std::map<std::pair<std::size_t, std::string>, std::vector<Span>> want;
    for (std::size_t d = 0; d < study.documents.size(); ++d)
        for (const auto& k : study.coders)
            want[{d, k}] = test::runs_of(study.covered(d, {"B/b1", "C"}, {k}));
    auto memo = add_memo(project, MemoTarget::Code, source.id, "why C exists");
    MergeResult r;
    expect_undoable([&] { r = merge_codes(project, require_code(project, "C").id, require_code(project, "B/b1").id); });
    EXPECT_FALSE(find_code(project, "C"));
    EXPECT_EQ(memo_by_id(project, memo.id).target_id, target.id);
    std::int64_t c_codings = 0;
    for (const auto& c : study.codings) c_codings += c.code == "C";
    EXPECT_EQ(r.codings_moved, c_codings);
    std::map<std::pair<std::size_t, std::string>, std::vector<Span>> got;
    SegmentFilter f;
    f.codes = {"B/b1"};
    for (const auto& s : list_segments(project, f)) got[{study.doc_index(s.document), s.coder}].push_back({s.coding.start, s.coding.end});
    for (auto& [key, spans] : want)
        if (spans.empty()) want.erase(key);
    for (auto& [key, spans] : want) EXPECT_EQ(got[key], spans) << "doc " << key.first << " coder " << key.second;
    EXPECT_EQ(got.size(), want.size());
}

TEST_F(CodeEditsTest, MergeCarriesChildrenAndMergesNamesakes) {
    ensure_code(project, "X/shared");
    ensure_code(project, "X/only in x");
    ensure_code(project, "Y/shared");
    expect_undoable([&] { merge_codes(project, require_code(project, "X").id, require_code(project, "Y").id); });
    EXPECT_TRUE(find_code(project, "Y/only in x"));
    EXPECT_TRUE(find_code(project, "Y/shared"));
    EXPECT_FALSE(find_code(project, "X"));
    expect_refused_unchanged([&] { merge_codes(project, require_code(project, "Y").id, require_code(project, "Y/shared").id); });
    expect_refused_unchanged([&] { merge_codes(project, require_code(project, "Y").id, require_code(project, "Y").id); });
}

TEST_F(CodeEditsTest, DeleteIsRefusedWhileCodingsExistUnlessForced) {
    auto study = test::make_random_study(project, 8, 2, 80, 40);
    expect_refused_unchanged([&] { delete_code(project, require_code(project, "A").id); });
    std::int64_t under_a = 0;
    for (const auto& c : study.codings) under_a += c.code.rfind("A", 0) == 0;
    ASSERT_GT(under_a, 0);
    expect_undoable([&] { EXPECT_EQ(delete_code(project, require_code(project, "A").id, true), under_a); });
    EXPECT_FALSE(find_code(project, "A/a1"));
    ensure_code(project, "Empty/child");
    expect_undoable([&] { EXPECT_EQ(delete_code(project, require_code(project, "Empty").id), 0); });
}

TEST_F(CodeEditsTest, ColourAndDetails) {
    ensure_code(project, "A");
    expect_undoable([&] { EXPECT_EQ(set_code_colour(project, require_code(project, "A").id, "#ABC").colour, "#aabbcc"); });
    expect_refused_unchanged([&] { set_code_colour(project, require_code(project, "A").id, "red"); });
    expect_refused_unchanged([&] { set_code_colour(project, require_code(project, "A").id, "#12345g"); });
    CodeDetails d;
    d.description = "Sense-making";
    d.examples = std::vector<std::string>{"one", "two"};
    expect_undoable([&] { update_code_details(project, require_code(project, "A").id, d); });
    Code a = require_code(project, "A");
    EXPECT_EQ(a.description, "Sense-making");
    EXPECT_EQ(a.examples, (std::vector<std::string>{"one", "two"}));
    EXPECT_EQ(a.inclusion, "");
}

TEST_F(CodeEditsTest, InVivoNamesACodeFromTheWordsAndCodesTheSpan) {
    add_document(project, {"p1.txt", "P01: we called it  \"the quiet room\", honestly.", "p1.txt", "text", "", {}});
    // Selection "e quiet roo" snaps to "the quiet room".
    InVivoResult r;
    expect_undoable([&] { r = code_in_vivo(project, "p1.txt", {22, 33}, "Amira", "In vivo", true); });
    EXPECT_TRUE(r.code_created);
    EXPECT_EQ(r.code.path, "In vivo/the quiet room");
    EXPECT_EQ(r.coding.start, 20);
    EXPECT_EQ(r.coding.end, 34);
    auto again = code_in_vivo(project, "p1.txt", {20, 34}, "Amira", "In vivo", false);
    EXPECT_FALSE(again.code_created);
    EXPECT_EQ(again.coding.id, r.coding.id);
    EXPECT_EQ(in_vivo_name("  \"it's   a\nlot\"  "), "it's a lot");
    EXPECT_EQ(in_vivo_name("one two three four", 9), "one two\u2026");
    EXPECT_THROW(in_vivo_name(" ... "), InputError);
    expect_refused_unchanged([&] { code_in_vivo(project, "p1.txt", {35, 36}, "Amira", "", false); });  // a comma
}

}  // namespace
}  // namespace npt
