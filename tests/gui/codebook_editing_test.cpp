// codebook_editing_test.cpp — the codebook's Edit code dialog: every field of a code (name,
// parent, definition, inclusion and exclusion criteria, examples, citation, colour, hotkey)
// changed in one save that is one undo step, read back through a second connection; a refused
// edit (a sibling's name) leaves the project unchanged and the dialog open with the reason; the
// hotkey follows a renamed code; and parents show their own and their descendants' codings.
#include <gtest/gtest.h>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/store/undo.hpp"
#include "gui/app.hpp"
#include "gui/codebook_panel.hpp"
#include "gui/headless.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {

struct Study {
    TempDir dir;
    std::filesystem::path file = dir / "study.nptq";
    DocumentId doc;
    Study() {
        Project p = Project::create(file, "codebook");
        NewDocument d;
        d.name = "p01.txt";
        d.text = "P01: the hub helped me understand what the work was for, and then I used it every week.\n";
        doc = add_document(p, d).id;
        for (const char* path : {"Coherence/Differentiation", "Coherence/Communal specification", "Reflexive monitoring"})
            ensure_code(p, path);
        const Coder c = ensure_coder(p, "Tess");
        const Code diff = require_code(p, "Coherence/Differentiation");
        apply_coding(p, doc, diff.id, c.id, {5, 12});
        apply_coding(p, doc, diff.id, c.id, {20, 30});
        apply_coding(p, doc, require_code(p, "Coherence").id, c.id, {40, 50});
        apply_coding(p, doc, require_code(p, "Coherence/Communal specification").id, c.id, {60, 70});
    }
};

const Code& code_at(gui::App& app, const std::string& path) {
    for (const Code& c : app.snapshot().codes)
        if (c.path == path) return c;
    throw std::runtime_error("no code " + path);
}

TEST(CodebookEditing, EditCodeChangesEveryFieldInOneUndoStep) {
    Study s;
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    ui.frames(2);
    gui::CodeEditor& editor = app.codebook_panel().editor();
    editor.open(code_at(app, "Coherence/Differentiation"), 0);
    ui.frames(2);
    ASSERT_TRUE(editor.is_open());
    EXPECT_TRUE(ImGui::IsPopupOpen("Edit code", ImGuiPopupFlags_AnyPopupLevel | ImGuiPopupFlags_AnyPopupId));
    EXPECT_EQ(editor.form().parent, "Coherence") << "the form starts from the code as it is";
    EXPECT_EQ(editor.form().name, "Differentiation");

    // The name field has the keyboard when the dialog opens: type over the name.
    ui.key('A', true);
    ui.type("Telling it apart");
    gui::CodeForm& f = editor.form();
    EXPECT_EQ(f.name, "Telling it apart");
    f.parent = "Reflexive monitoring";
    f.description = "How people tell the hub apart from what they did before.";
    f.inclusion = "They contrast the hub with earlier support.";
    f.exclusion = "They only describe the hub.";
    f.examples = "  It's not like occupational health \n\nYou can just walk in\n";
    f.citation = "May & Finch 2009";
    f.colour = "#123abc";
    f.hotkey = 4;
    ui.frames(2);
    ASSERT_TRUE(editor.save(app)) << editor.error();
    ui.frames(2);
    EXPECT_FALSE(editor.is_open()) << "Save closes the dialog";
    EXPECT_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupLevel | ImGuiPopupFlags_AnyPopupId));

    {
        Project p = Project::open(s.file);
        EXPECT_FALSE(find_code(p, "Coherence/Differentiation"));
        const Code c = require_code(p, "Reflexive monitoring/Telling it apart");
        EXPECT_EQ(c.description, f.description);
        EXPECT_EQ(c.inclusion, f.inclusion);
        EXPECT_EQ(c.exclusion, f.exclusion);
        EXPECT_EQ(c.examples, (std::vector<std::string>{"It's not like occupational health", "You can just walk in"}));
        EXPECT_EQ(c.citation, "May & Finch 2009");
        EXPECT_EQ(c.colour, "#123abc");
        SegmentFilter filter;
        filter.codes = {c.path};
        EXPECT_EQ(list_segments(p, filter).size(), 2u) << "its codings stay with it";
    }
    const auto edited = code_at(app, "Reflexive monitoring/Telling it apart").id;
    EXPECT_EQ(app.hotkey_code(4), edited);
    ASSERT_TRUE(app.snapshot().undo);
    EXPECT_EQ(app.snapshot().undo->label, "Edit code Coherence/Differentiation");

    // One undo takes back every field at once.
    app.undo();
    ui.frames(2);
    {
        Project p = Project::open(s.file);
        const Code c = require_code(p, "Coherence/Differentiation");
        EXPECT_TRUE(c.description.empty());
        EXPECT_TRUE(c.examples.empty());
        EXPECT_NE(c.colour, "#123abc");
        EXPECT_FALSE(find_code(p, "Reflexive monitoring/Telling it apart"));
    }
}

TEST(CodebookEditing, RefusedEditChangesNothingAndSaysWhy) {
    Study s;
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    ui.frames(2);
    gui::CodeEditor& editor = app.codebook_panel().editor();
    editor.open(code_at(app, "Coherence/Differentiation"), 0);
    ui.frames(2);
    editor.form().name = "Communal specification";  // a sibling has it
    editor.form().description = "would be lost with the rename";
    EXPECT_FALSE(editor.save(app));
    EXPECT_FALSE(editor.error().empty());
    ui.frames(2);
    EXPECT_TRUE(editor.is_open()) << "the dialog stays open with what was typed";
    EXPECT_EQ(editor.form().description, "would be lost with the rename");
    Project p = Project::open(s.file);
    EXPECT_TRUE(require_code(p, "Coherence/Differentiation").description.empty()) << "all or nothing";
}

TEST(CodebookEditing, HotkeyFollowsARenamedCodeAndCanBeCleared) {
    Study s;
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    ui.frames(2);
    app.bind_hotkey(7, "Coherence/Differentiation");
    gui::CodeEditor& editor = app.codebook_panel().editor();
    editor.open(code_at(app, "Coherence"), 0);
    ui.frames(2);
    editor.form().name = "Sense-making";  // the parent: its child's key follows the new path
    ASSERT_TRUE(editor.save(app)) << editor.error();
    ui.frames(2);
    EXPECT_EQ(app.hotkey_code(7), code_at(app, "Sense-making/Differentiation").id);
    editor.open(code_at(app, "Sense-making/Differentiation"), 7);
    ui.frames(2);
    editor.form().hotkey = 0;
    ASSERT_TRUE(editor.save(app));
    EXPECT_FALSE(app.hotkey_code(7)) << "key 7 is free now";
}

TEST(CodebookEditing, ParentsCountTheirDescendantsCodings) {
    Study s;
    gui::App app(s.dir / "cfg");
    app.set_coder("Tess");
    app.open_project(s.file);
    Headless ui(app);
    ui.frames(2);
    const gui::ProjectSnapshot& snap = app.snapshot();
    // Coherence: 1 of its own; Differentiation 2 and Communal specification 1 below it.
    EXPECT_EQ(gui::CodebookPanel::count_text(snap, code_at(app, "Coherence").id, true), "1 (4)");
    EXPECT_EQ(gui::CodebookPanel::count_text(snap, code_at(app, "Coherence/Differentiation").id, false), "2");
    EXPECT_EQ(gui::CodebookPanel::count_text(snap, code_at(app, "Reflexive monitoring").id, false), "0");
    // A coding made in the workbench moves the parent's total at once.
    const auto child = code_at(app, "Coherence/Communal specification").id;
    ASSERT_TRUE(app.act([&] {
        Project& p = app.project();
        apply_coding(p, s.doc, child, ensure_coder(p, "Tess").id, {75, 80});
    }));
    EXPECT_EQ(gui::CodebookPanel::count_text(app.snapshot(), code_at(app, "Coherence").id, true), "1 (5)");
}

}  // namespace
}  // namespace npt::test
