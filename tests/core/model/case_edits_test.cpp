// case_edits_test.cpp — editing cases and attributes: add, rename and delete a case (its codings
// stay, its values and links go, undo brings it back), unlink a document, rename and delete an
// attribute, change an attribute's type (refused, naming the case, when a value does not fit;
// dates made ISO; a choice attribute's values stored in order), and values checked as typed.
#include <gtest/gtest.h>

#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/model/attribute_values.hpp"
#include "core/model/case_edits.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/store/undo.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::TempDir;

namespace {

struct Study {
    TempDir dir;
    std::filesystem::path file = dir / "cases.nptq";
    Project p = Project::create(file, "cases");
    DocumentId doc;
    Study() {
        NewDocument d;
        d.name = "p01.txt";
        d.text = "P01: the hub helped me understand the work.\n";
        doc = add_document(p, d).id;
    }
};

std::string value_of(Project& p, const std::string& case_name, const std::string& attribute) {
    auto values = case_values(p, require_case(p, case_name).id);
    auto it = values.find(attribute);
    return it == values.end() ? "(none)" : it->second;
}

}  // namespace

TEST(CaseEdits, AddRefusesATakenNameAndRenameKeepsValuesAndLinks) {
    Study s;
    const Case c = add_case(s.p, "P01");
    EXPECT_THROW(add_case(s.p, "P01"), InputError);
    EXPECT_THROW(add_case(s.p, ""), InputError);
    const Attribute site = add_attribute(s.p, "site", AttributeType::Text);
    edit_case_value(s.p, c.id, site.id, "North");
    link_document_to_case(s.p, s.doc, c.id);
    add_case(s.p, "P02");
    EXPECT_THROW(rename_case(s.p, c.id, "P02"), InputError);
    rename_case(s.p, c.id, "P01a");
    Project reread = Project::open(s.file);
    EXPECT_FALSE(find_case(reread, "P01"));
    EXPECT_EQ(value_of(reread, "P01a", "site"), "North");
    EXPECT_EQ(documents_of_case(reread, require_case(reread, "P01a").id), std::vector<DocumentId>{s.doc});
}

TEST(CaseEdits, DeleteKeepsCodingsDropsValuesAndLinksAndUndoBringsItBack) {
    Study s;
    const Case c = add_case(s.p, "P01");
    const Attribute site = add_attribute(s.p, "site", AttributeType::Text);
    edit_case_value(s.p, c.id, site.id, "North");
    link_document_to_case(s.p, s.doc, c.id);
    const Coder coder = ensure_coder(s.p, "Tess");
    apply_coding(s.p, s.doc, ensure_code(s.p, "Coherence").id, coder.id, {5, 12});
    delete_case(s.p, c.id);
    {
        Project reread = Project::open(s.file);
        EXPECT_TRUE(list_cases(reread).empty());
        EXPECT_EQ(reread.db().scalar_int("SELECT count(*) FROM case_value"), 0);
        EXPECT_EQ(reread.db().scalar_int("SELECT count(*) FROM case_document"), 0);
        EXPECT_EQ(reread.db().scalar_int("SELECT count(*) FROM coding"), 1) << "the codings stay";
    }
    ASSERT_TRUE(undo(s.p, UndoScope::Any));
    EXPECT_EQ(value_of(s.p, "P01", "site"), "North");
    EXPECT_EQ(documents_of_case(s.p, require_case(s.p, "P01").id).size(), 1u);
}

TEST(CaseEdits, UnlinkRemovesOneLinkAndRefusesAMissingOne) {
    Study s;
    const Case c = add_case(s.p, "P01");
    link_document_to_case(s.p, s.doc, c.id);
    unlink_document_from_case(s.p, s.doc, c.id);
    EXPECT_TRUE(documents_of_case(s.p, c.id).empty());
    EXPECT_THROW(unlink_document_from_case(s.p, s.doc, c.id), NotFoundError);
    ASSERT_TRUE(undo(s.p, UndoScope::Any));
    EXPECT_EQ(documents_of_case(s.p, c.id).size(), 1u);
}

TEST(CaseEdits, RenameAndDeleteAnAttribute) {
    Study s;
    const Case c = add_case(s.p, "P01");
    const Attribute site = add_attribute(s.p, "site", AttributeType::Text);
    add_attribute(s.p, "role", AttributeType::Text);
    edit_case_value(s.p, c.id, site.id, "North");
    EXPECT_THROW(rename_attribute(s.p, site.id, "role"), InputError);
    EXPECT_THROW(rename_attribute(s.p, site.id, ""), InputError);
    rename_attribute(s.p, site.id, "practice");
    EXPECT_EQ(value_of(s.p, "P01", "practice"), "North");
    delete_attribute(s.p, site.id);
    EXPECT_FALSE(find_attribute(s.p, "practice"));
    EXPECT_EQ(s.p.db().scalar_int("SELECT count(*) FROM case_value"), 0);
    ASSERT_TRUE(undo(s.p, UndoScope::Any));
    EXPECT_EQ(value_of(s.p, "P01", "practice"), "North");
}

TEST(CaseEdits, TypeChangeRefusesAValueThatDoesNotFitNamingTheCase) {
    Study s;
    const Case p01 = add_case(s.p, "P01");
    const Case p02 = add_case(s.p, "P02");
    const Attribute age = add_attribute(s.p, "age", AttributeType::Text);
    edit_case_value(s.p, p01.id, age.id, "34");
    edit_case_value(s.p, p02.id, age.id, "n/a");
    try {
        set_attribute_type(s.p, age.id, AttributeType::Number);
        FAIL() << "n/a is no number";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("case P02"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("'n/a'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(require_attribute(s.p, "age").type, AttributeType::Text) << "nothing changed";
    edit_case_value(s.p, p02.id, age.id, "");
    EXPECT_EQ(value_of(s.p, "P02", "age"), "(none)");
    set_attribute_type(s.p, age.id, AttributeType::Number);
    EXPECT_EQ(Project::open(s.file).db().scalar_text("SELECT type FROM attribute WHERE name = 'age'"), "number");
    EXPECT_THROW(edit_case_value(s.p, p02.id, age.id, "forty"), InputError);
    edit_case_value(s.p, p02.id, age.id, "41.5");
    EXPECT_EQ(value_of(s.p, "P02", "age"), "41.5");
}

TEST(CaseEdits, DatesAreStoredIsoFromEitherForm) {
    Study s;
    const Case c = add_case(s.p, "P01");
    const Attribute when = add_attribute(s.p, "interviewed", AttributeType::Text);
    edit_case_value(s.p, c.id, when.id, "3/4/2024");
    set_attribute_type(s.p, when.id, AttributeType::Date);
    EXPECT_EQ(value_of(s.p, "P01", "interviewed"), "2024-04-03") << "rewritten ISO with the type change";
    edit_case_value(s.p, c.id, when.id, "29/02/2024");
    EXPECT_EQ(value_of(s.p, "P01", "interviewed"), "2024-02-29");
    EXPECT_THROW(edit_case_value(s.p, c.id, when.id, "31/02/2024"), InputError);
    EXPECT_THROW(edit_case_value(s.p, c.id, when.id, "soon"), InputError);
}

TEST(CaseEdits, ChoiceAttributeStoresItsValuesAndAcceptsOnlyThem) {
    Study s;
    const Case c = add_case(s.p, "P01");
    const Attribute role = add_attribute(s.p, "role", AttributeType::Text);
    edit_case_value(s.p, c.id, role.id, "nurse");
    EXPECT_THROW(set_attribute_type(s.p, role.id, AttributeType::Text, {"GP", "GP"}), InputError);
    EXPECT_THROW(set_attribute_type(s.p, role.id, AttributeType::Text, {"GP", ""}), InputError);
    EXPECT_THROW(set_attribute_type(s.p, role.id, AttributeType::Number, {"GP"}), InputError);
    EXPECT_THROW(set_attribute_type(s.p, role.id, AttributeType::Text, {"GP", "manager"}), InputError)
        << "nurse is not among the choices";
    set_attribute_type(s.p, role.id, AttributeType::Text, {"GP", "nurse", "manager"});
    Project reread = Project::open(s.file);
    EXPECT_EQ(attribute_choices(reread, role.id), (std::vector<std::string>{"GP", "nurse", "manager"}));
    EXPECT_EQ(attribute_kind_name(require_attribute(reread, "role").type, attribute_choices(reread, role.id)), "choice");
    EXPECT_EQ(all_attribute_choices(reread).size(), 1u);
    EXPECT_THROW(edit_case_value(reread, c.id, role.id, "surgeon"), InputError);
    edit_case_value(reread, c.id, role.id, "manager");
    EXPECT_EQ(value_of(reread, "P01", "role"), "manager");
    set_attribute_type(reread, role.id, AttributeType::Text);
    EXPECT_TRUE(attribute_choices(reread, role.id).empty()) << "plain text again";
    ASSERT_TRUE(undo(reread, UndoScope::Any));
    EXPECT_EQ(attribute_choices(reread, role.id).size(), 3u);
    delete_attribute(reread, role.id);
    EXPECT_EQ(reread.db().scalar_int("SELECT count(*) FROM attribute_choice"), 0);
}

TEST(CaseEdits, AttributeKindsByName) {
    EXPECT_TRUE(attribute_kind_from_string("choice").choice);
    EXPECT_EQ(attribute_kind_from_string("number").type, AttributeType::Number);
    EXPECT_FALSE(attribute_kind_from_string("date").choice);
    EXPECT_THROW(attribute_kind_from_string("colour"), InputError);
    EXPECT_THROW(choices_for_kind("role", attribute_kind_from_string("choice"), {}), InputError);
    EXPECT_THROW(choices_for_kind("age", attribute_kind_from_string("number"), {"1"}), InputError);
    EXPECT_EQ(choices_for_kind("role", attribute_kind_from_string("choice"), {"GP"}), std::vector<std::string>{"GP"});
}

TEST(AttributeValues, FitsEachType) {
    EXPECT_EQ(fitted_attribute_value("age", AttributeType::Number, {}, "-3.25"), "-3.25");
    EXPECT_THROW(fitted_attribute_value("age", AttributeType::Number, {}, "n/a"), InputError);
    EXPECT_EQ(fitted_attribute_value("age", AttributeType::Number, {}, ""), "") << "no value always fits";
    EXPECT_EQ(fitted_attribute_value("consented", AttributeType::Boolean, {}, "Yes"), "Yes");
    EXPECT_THROW(fitted_attribute_value("consented", AttributeType::Boolean, {}, "maybe"), InputError);
    EXPECT_EQ(fitted_attribute_value("d", AttributeType::Date, {}, "2024-05-01"), "2024-05-01");
    EXPECT_EQ(fitted_attribute_value("role", AttributeType::Text, {"GP", "nurse"}, "nurse"), "nurse");
    EXPECT_THROW(fitted_attribute_value("role", AttributeType::Text, {"GP", "nurse"}, "Nurse"), InputError);
    EXPECT_EQ(parse_choice_list("GP, nurse ,manager"), (std::vector<std::string>{"GP", "nurse", "manager"}));
    EXPECT_EQ(parse_choice_list("a,,b"), (std::vector<std::string>{"a", "", "b"}));
    EXPECT_TRUE(parse_choice_list("  ").empty());
}
