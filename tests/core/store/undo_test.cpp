// undo_test.cpp — undo and redo through the command log stored in the project file.
#include <gtest/gtest.h>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/memos.hpp"
#include "core/store/schema.hpp"
#include "core/store/undo.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;

namespace {

// Everything a user can see, for exact before/after comparisons.
std::string snapshot(Project& p) {
    std::string out;
    for (const std::string& t : schema::undoable_tables())
        out += t + "=" + std::to_string(p.db().scalar_int("SELECT count(*) FROM " + t)) + " ";
    for (const char* sql : {"SELECT group_concat(name || ':' || sha256, ',') FROM (SELECT * FROM document ORDER BY name)",
                            "SELECT group_concat(guid || ':' || start || '-' || end, ',') FROM (SELECT * FROM coding ORDER BY guid)",
                            "SELECT group_concat(guid || ':' || name, ',') FROM (SELECT * FROM code ORDER BY guid)",
                            "SELECT group_concat(text, ',') FROM (SELECT * FROM memo ORDER BY guid)"})
        out += "|" + p.db().scalar_text(sql);
    return out;
}

}  // namespace

TEST(Undo, ReversesAndRedoesEachActionExactly) {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    std::vector<std::string> states{snapshot(p)};
    DocumentInfo d = add_document(p, {"a.txt", std::string(60, 'a'), "a.txt", "text", "", {}});
    states.push_back(snapshot(p));
    apply_codings(p, {{"a.txt", 0, 10, "Coherence/Differentiation", "Amira", "memo one", ""}});
    states.push_back(snapshot(p));
    apply_codings(p, {{"a.txt", 5, 20, "Coherence/Differentiation", "Amira", "", ""}});  // joins
    states.push_back(snapshot(p));
    remove_codings(p, {{"a.txt", 8, 12, "Coherence/Differentiation", "Amira", "", ""}});  // splits
    states.push_back(snapshot(p));
    delete_document(p, require_document(p, "a.txt").id);  // cascades codings and memos
    states.push_back(snapshot(p));

    for (std::size_t i = states.size() - 1; i > 0; --i) {
        ASSERT_TRUE(undo(p).has_value());
        ASSERT_EQ(snapshot(p), states[i - 1]) << "after undoing to state " << i - 1;
    }
    EXPECT_FALSE(undo(p).has_value());
    for (std::size_t i = 1; i < states.size(); ++i) {
        ASSERT_TRUE(redo(p).has_value());
        ASSERT_EQ(snapshot(p), states[i]) << "after redoing to state " << i;
    }
    EXPECT_FALSE(redo(p).has_value());
    EXPECT_EQ(p.integrity_check(), "ok");
    EXPECT_EQ(p.db().scalar_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    (void)d;
}

TEST(Undo, SurvivesReopeningAndANewActionClearsRedo) {
    TempDir dir;
    {
        Project p = Project::create(dir / "p.nptq", "P");
        add_document(p, {"a.txt", "some text here", "a.txt", "text", "", {}});
        add_coder(p, "Amira");
    }
    {
        Project p = Project::open(dir / "p.nptq");
        auto label = next_undo(p);
        ASSERT_TRUE(label);
        EXPECT_EQ(label->label, "Add coder Amira");
        undo(p);
        EXPECT_TRUE(list_coders(p).empty());
        EXPECT_EQ(next_redo(p)->label, "Add coder Amira");
    }
    Project p = Project::open(dir / "p.nptq");
    add_coder(p, "Ben");  // a new action forgets the redo
    EXPECT_FALSE(next_redo(p).has_value());
    EXPECT_EQ(list_coders(p).size(), 1u);
}

TEST(Undo, AFailedActionLeavesNoStep) {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    auto before = undo_history(p).size();
    EXPECT_ANY_THROW(add_coder(p, ""));
    EXPECT_ANY_THROW(apply_codings(p, {{"missing.txt", 0, 1, "X", "Y", "", ""}}));
    EXPECT_EQ(undo_history(p).size(), before);
}

TEST(Undo, UndoesMemosCasesAndCodeCreation) {
    TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    std::string empty = snapshot(p);
    Case c = ensure_case(p, "P01");
    add_memo(p, MemoTarget::Case, c.id, "quiet about legitimation");
    ensure_code(p, "A/B/C");
    EXPECT_EQ(list_codes(p).size(), 3u);
    undo(p);
    EXPECT_TRUE(list_codes(p).empty());
    undo(p);
    undo(p);
    EXPECT_EQ(snapshot(p), empty);
}

// The undo of an import deletes the document, and its FTS5 trigger needs document_fts connected:
// in a fresh connection (the next `nptcoder undo`), that must not be refused by the undo guard.
TEST(Undo, UndoesAnImportFromAFreshConnection) {
    TempDir dir;
    {
        Project p = Project::create(dir / "u.nptq", "undo");
        add_document(p, {"d1.txt", "P01: hello there", "d1.txt"});
    }
    {
        Project p = Project::open(dir / "u.nptq");
        ASSERT_EQ(p.db().scalar_int("SELECT count(*) FROM document"), 1);
        ASSERT_TRUE(undo(p));
        EXPECT_EQ(p.db().scalar_int("SELECT count(*) FROM document"), 0);
        EXPECT_EQ(p.db().scalar_int("SELECT count(*) FROM document_fts WHERE document_fts MATCH 'hello'"), 0);
    }
    Project again = Project::open(dir / "u.nptq");
    ASSERT_TRUE(redo(again));
    EXPECT_EQ(again.db().scalar_int("SELECT count(*) FROM document_fts WHERE document_fts MATCH 'hello'"), 1);
}
