// schema_choice_migration_test.cpp — schema 3 (attribute_choice): a schema-2 project with cases,
// attributes, values and links opens, is upgraded in place with every value kept, and can then
// hold a choice attribute; the upgraded file passes the open-time schema check when reopened.
#include <gtest/gtest.h>

#include "core/detail/db_access.hpp"
#include "core/model/case_edits.hpp"
#include "core/store/schema.hpp"
#include "core/store/sqlite.hpp"
#include "support/test_support.hpp"

using namespace npt;

TEST(ChoiceAttributeMigration, SchemaTwoProjectKeepsItsValuesAndTakesChoices) {
    test::TempDir dir;
    const auto path = dir / "old.nptq";
    {
        // A schema-2 file, built by schema 2's own migrations, with two cases and their values.
        sqlite::Database db(path, sqlite::Database::Mode::ReadWriteCreate);
        db.exec("PRAGMA foreign_keys = ON");
        schema::migrate_to(db, 2);
        db.exec("INSERT INTO project_meta(key, value) VALUES('name', 'old'), ('guid', 'g')");
        db.exec("INSERT INTO document(id, name, text, sha256, imported, length, guid) "
                "VALUES(1, 'p01.txt', 'hello', 'x', '2026-01-01T00:00:00Z', 5, 'd1')");
        db.exec("INSERT INTO cases(id, name, guid) VALUES(1, 'P01', 'c1'), (2, 'P02', 'c2')");
        db.exec("INSERT INTO attribute(id, name, type, sort_order) VALUES(1, 'role', 'text', 0), (2, 'age', 'number', 1)");
        db.exec("INSERT INTO case_value(case_id, attribute_id, value) VALUES(1, 1, 'GP'), (2, 1, 'nurse'), (1, 2, '34')");
        db.exec("INSERT INTO case_document(case_id, document_id) VALUES(1, 1)");
        EXPECT_EQ(db.scalar_int("PRAGMA user_version"), 2);
    }
    {
        Project p = Project::open(path);
        EXPECT_EQ(p.db().scalar_int("PRAGMA user_version"), schema::current_version());
        auto attributes = list_attributes(p);
        ASSERT_EQ(attributes.size(), 2u);
        EXPECT_EQ(attributes[0].name, "role");
        EXPECT_EQ(attributes[1].type, AttributeType::Number);
        EXPECT_EQ(case_values(p, require_case(p, "P01").id), (std::map<std::string, std::string>{{"age", "34"}, {"role", "GP"}}));
        EXPECT_EQ(case_values(p, require_case(p, "P02").id).at("role"), "nurse");
        EXPECT_EQ(documents_of_case(p, require_case(p, "P01").id).size(), 1u);
        set_attribute_type(p, attributes[0].id, AttributeType::Text, {"GP", "nurse"});
        delete_case(p, require_case(p, "P02").id);  // the rebuilt tables still cascade
    }
    Project reopened = Project::open(path);
    EXPECT_EQ(attribute_choices(reopened, require_attribute(reopened, "role").id), (std::vector<std::string>{"GP", "nurse"}));
    EXPECT_EQ(reopened.db().scalar_int("SELECT count(*) FROM case_value"), 2);
}
