// cases_view_test.cpp — Write-up > Cases and attributes in the headless workbench, each change read
// back from the project file through a second connection with the core API: a value typed into
// the table's in-place editor (a number; a date typed DD/MM/YYYY stored ISO), a case added and
// undone, a type change refused for a value that does not fit (the modal names the case) and a
// choice attribute's values stored, a document linked and unlinked from the popup's checkboxes,
// a case deleted after the confirmation (its codings stay; undo brings it back), a CSV import.
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <fstream>

#include "core/detail/db_access.hpp"
#include "core/model/case_edits.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "gui/app.hpp"
#include "gui/cases_view.hpp"
#include "gui/headless.hpp"
#include "gui/writeup_views.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {
namespace fs = std::filesystem;

struct CasesStudy {
    TempDir dir;
    fs::path file = dir / "cases.nptq";
    DocumentId doc;
    CaseId p01, p02;
    AttributeId age, interviewed, role;
    std::unique_ptr<gui::App> app;
    std::unique_ptr<Headless> ui;
    CasesStudy() {
        {
            Project p = Project::create(file, "cases");
            NewDocument d;
            d.name = "p01.txt";
            d.text = "P01: the hub helped me understand what the work was for.\n";
            doc = add_document(p, d).id;
            p01 = add_case(p, "P01").id;
            p02 = add_case(p, "P02").id;
            age = add_attribute(p, "age", AttributeType::Number).id;
            interviewed = add_attribute(p, "interviewed", AttributeType::Date).id;
            role = add_attribute(p, "role", AttributeType::Text).id;
            edit_case_value(p, p01, role, "GP");
            edit_case_value(p, p02, role, "n/a");
            apply_coding(p, doc, ensure_code(p, "Coherence").id, ensure_coder(p, "Tess").id, {5, 12});
        }
        app = std::make_unique<gui::App>(dir / "cfg");
        app->set_coder("Tess");
        app->open_project(file);
        ui = std::make_unique<Headless>(*app);
        view().open();
        ui->frames(2);
    }
    gui::CasesView& view() { return app->writeup().cases(); }
    // The value as stored in the file, read through a connection of its own.
    std::string stored(const std::string& case_name, const std::string& attribute) {
        Project p = Project::open(file);
        const auto values = case_values(p, require_case(p, case_name).id);
        const auto it = values.find(attribute);
        return it == values.end() ? "(none)" : it->second;
    }
};

TEST(CasesView, ValuesTypedInPlaceAreStoredCheckedAndDatesIso) {
    CasesStudy s;
    ASSERT_NE(ImGui::FindWindowByName("Cases and attributes"), nullptr);
    s.view().start_editing(s.p01, s.age, "");
    s.ui->frames(2);
    s.ui->type("34");
    s.ui->named_key(ImGuiKey_Enter);
    EXPECT_FALSE(s.view().editing());
    EXPECT_TRUE(s.app->error_message().empty()) << s.app->error_message();
    EXPECT_EQ(s.stored("P01", "age"), "34");

    s.view().start_editing(s.p01, s.interviewed, "");
    s.ui->frames(2);
    s.ui->type("3/4/2024");
    s.ui->named_key(ImGuiKey_Enter);
    EXPECT_EQ(s.stored("P01", "interviewed"), "2024-04-03") << "typed day first, stored ISO as the importer does";

    EXPECT_FALSE(s.view().edit_value(*s.app, s.p02, s.age, "forty"));
    EXPECT_NE(s.app->error_message().find("case P02"), std::string::npos) << s.app->error_message();
    EXPECT_EQ(s.stored("P02", "age"), "(none)");

    s.app->undo();  // the date
    EXPECT_EQ(s.stored("P01", "interviewed"), "(none)");
    EXPECT_EQ(s.stored("P01", "age"), "34");
}

TEST(CasesView, EscapeLeavesTheValueAsItWas) {
    CasesStudy s;
    s.view().start_editing(s.p01, s.role, "GP");
    s.ui->frames(2);
    s.ui->type("X");
    s.ui->named_key(ImGuiKey_Escape);
    EXPECT_FALSE(s.view().editing());
    EXPECT_EQ(s.stored("P01", "role"), "GP");
}

TEST(CasesView, AddCaseAndUndoIt) {
    CasesStudy s;
    EXPECT_TRUE(s.view().add_case(*s.app, "P09"));
    s.ui->frames(2);
    EXPECT_EQ(s.app->snapshot().cases.size(), 3u);
    {
        Project p = Project::open(s.file);
        EXPECT_TRUE(find_case(p, "P09").has_value());
    }
    EXPECT_FALSE(s.view().add_case(*s.app, "P01")) << "a taken name is refused";
    s.app->undo();
    Project p = Project::open(s.file);
    EXPECT_FALSE(find_case(p, "P09").has_value());
}

TEST(CasesView, TypeChangeRefusesAValueThatDoesNotFitAndChoicesAreStored) {
    CasesStudy s;
    ASSERT_TRUE(s.view().add_attribute(*s.app, "years", "text"));
    const AttributeId years = s.app->snapshot().attributes.back().id;
    EXPECT_TRUE(s.view().edit_value(*s.app, s.p01, years, "12"));
    EXPECT_TRUE(s.view().edit_value(*s.app, s.p02, years, "n/a"));
    EXPECT_FALSE(s.view().set_attribute_type(*s.app, years, "number"));
    const std::string& error = s.app->error_message();
    EXPECT_NE(error.find("case P02: 'n/a' is not a number"), std::string::npos) << error;
    EXPECT_EQ(error.find('\n'), std::string::npos) << "one line";
    s.ui->frames(2);
    {
        Project p = Project::open(s.file);
        EXPECT_EQ(require_attribute(p, "years").type, AttributeType::Text) << "the type was not changed";
    }
    EXPECT_TRUE(s.view().edit_value(*s.app, s.p02, years, ""));
    EXPECT_TRUE(s.view().set_attribute_type(*s.app, years, "number"));
    {
        Project p = Project::open(s.file);
        EXPECT_EQ(require_attribute(p, "years").type, AttributeType::Number);
    }
    EXPECT_TRUE(s.view().set_attribute_type(*s.app, s.role, "choice", "GP, nurse, n/a"));
    s.ui->frames(2);
    {
        Project p = Project::open(s.file);
        EXPECT_EQ(attribute_choices(p, s.role), (std::vector<std::string>{"GP", "nurse", "n/a"}));
    }
    EXPECT_TRUE(s.view().edit_value(*s.app, s.p02, s.role, "nurse"));
    EXPECT_EQ(s.stored("P02", "role"), "nurse");
    EXPECT_FALSE(s.view().edit_value(*s.app, s.p02, s.role, "manager"));
    EXPECT_FALSE(s.view().set_attribute_type(*s.app, s.role, "choice", "")) << "a choice needs its values";
    EXPECT_TRUE(s.view().rename_attribute(*s.app, s.role, "profession"));
    EXPECT_EQ(s.stored("P02", "profession"), "nurse");
}

TEST(CasesView, LinkAndUnlinkADocument) {
    CasesStudy s;
    EXPECT_TRUE(s.view().set_linked(*s.app, s.p01, s.doc, true));
    s.ui->frames(2);
    EXPECT_EQ(s.app->snapshot().cases[0].documents, std::vector<std::string>{"p01.txt"});
    {
        Project p = Project::open(s.file);
        EXPECT_EQ(documents_of_case(p, s.p01), std::vector<DocumentId>{s.doc});
    }
    EXPECT_TRUE(s.view().set_linked(*s.app, s.p01, s.doc, false));
    {
        Project p = Project::open(s.file);
        EXPECT_TRUE(documents_of_case(p, s.p01).empty());
    }
    s.app->undo();
    Project p = Project::open(s.file);
    EXPECT_EQ(documents_of_case(p, s.p01).size(), 1u);
}

TEST(CasesView, DeleteAsksFirstKeepsCodingsAndUndoes) {
    CasesStudy s;
    s.view().set_linked(*s.app, s.p01, s.doc, true);
    s.view().ask_delete_case(s.p01, "P01");
    s.ui->frames(2);
    EXPECT_TRUE(s.view().delete_pending());
    EXPECT_TRUE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) << "the confirmation";
    EXPECT_EQ(s.stored("P01", "role"), "GP") << "nothing is deleted before the confirmation";
    s.view().confirm_delete(*s.app);
    s.ui->frames(2);
    {
        Project p = Project::open(s.file);
        EXPECT_FALSE(find_case(p, "P01").has_value());
        EXPECT_EQ(p.db().scalar_int("SELECT count(*) FROM coding"), 1) << "the codings stay";
        EXPECT_EQ(p.db().scalar_int("SELECT count(*) FROM case_document"), 0);
    }
    s.app->undo();
    EXPECT_EQ(s.stored("P01", "role"), "GP");
    Project p = Project::open(s.file);
    EXPECT_EQ(documents_of_case(p, require_case(p, "P01").id).size(), 1u);
}

TEST(CasesView, ImportsACsvAndReportsWhatItAdded) {
    CasesStudy s;
    const fs::path csv = s.dir / "participants.csv";
    std::ofstream(csv) << "case,site\nP01,North\nP03,South\n";
    EXPECT_TRUE(s.view().import_file(*s.app, csv));
    EXPECT_NE(s.view().import_report().find("1 case(s) added, 1 updated"), std::string::npos) << s.view().import_report();
    EXPECT_NE(s.view().import_report().find("site (text)"), std::string::npos) << s.view().import_report();
    s.ui->frames(2);
    EXPECT_EQ(s.stored("P03", "site"), "South");
    EXPECT_EQ(s.stored("P01", "site"), "North");
}

}  // namespace
}  // namespace npt::test
