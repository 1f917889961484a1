// cases_csv_test.cpp — attributes CSV: RFC 4180 quoting, embedded newlines, ';' files, BOM,
// type inference, linking documents by name and by --match, re-import updates, undo.
#include <gtest/gtest.h>

#include "core/model/cases.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/store/undo.hpp"
#include "importers/cases_csv_importer.hpp"
#include "support/test_support.hpp"

using namespace npt;
using namespace npt::importers;

TEST(CasesCsv, ParsesQuotingNewlinesAndInfersTypes) {
    std::string csv =
        "\xEF\xBB\xBF" "participant,group,age,interviewed,used_hub,notes\r\n"
        "P01,hub client,34,2021-03-04,yes,\"said \"\"it helped\"\"\"\r\n"
        "P02,non-user,51.5,2021-03-11,no,\"two\r\nlines\"\r\n"
        "P03,\"staff, senior\",,2021-02-29x,No,\r\n";
    CaseTable t = parse_cases_csv(csv, "a.csv");
    ASSERT_EQ(t.attributes, (std::vector<std::string>{"group", "age", "interviewed", "used_hub", "notes"}));
    EXPECT_EQ(t.types, (std::vector<AttributeType>{AttributeType::Text, AttributeType::Number, AttributeType::Text,
                                                   AttributeType::Boolean, AttributeType::Text}));
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[0].values[4], "said \"it helped\"");
    EXPECT_EQ(t.rows[1].values[4], "two\nlines");
    EXPECT_EQ(t.rows[2].values[0], "staff, senior");
    EXPECT_EQ(t.rows[2].values[1], "");
    EXPECT_EQ(t.rows[2].line, 5u);
}

TEST(CasesCsv, SemicolonFilesFromEuropeanExcel) {
    CaseTable t = parse_cases_csv("case;site;joined\nP01;Nord;2020-01-31\nP02;Süd;2020-12-01\n", "s.csv");
    EXPECT_EQ(t.attributes, (std::vector<std::string>{"site", "joined"}));
    EXPECT_EQ(t.types[1], AttributeType::Date);
    EXPECT_EQ(t.rows[1].values[0], "Süd");
}

TEST(CasesCsv, TypeInference) {
    EXPECT_EQ(infer_attribute_type({"1", "-2", "3.25", ""}), AttributeType::Number);
    EXPECT_EQ(infer_attribute_type({"1", "2a"}), AttributeType::Text);
    EXPECT_EQ(infer_attribute_type({"2024-02-29", "2023-12-31"}), AttributeType::Date);
    EXPECT_EQ(infer_attribute_type({"2023-02-29"}), AttributeType::Text);
    EXPECT_EQ(infer_attribute_type({"Yes", "no", "TRUE"}), AttributeType::Boolean);
    EXPECT_EQ(infer_attribute_type({"", ""}), AttributeType::Text);
    EXPECT_EQ(infer_attribute_type({"1.2.3"}), AttributeType::Text);
}

TEST(CasesCsv, StrictErrorsNameTheLine) {
    auto error_of = [](const std::string& csv) {
        try {
            parse_cases_csv(csv, "bad.csv");
        } catch (const FormatError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error_of("case,group\nP01,a\nP02,b,extra\n"), "bad.csv: line 3 has 3 field(s) but the header has 2");
    EXPECT_EQ(error_of("case,group\nP01\n"), "bad.csv: line 2 has 1 field(s) but the header has 2");
    EXPECT_EQ(error_of("case,group,group\nP01,a,b\n"), "bad.csv: line 1: attribute 'group' appears twice in the header row");
    EXPECT_EQ(error_of("case,,x\nP01,a,b\n"), "bad.csv: line 1: column 2 has no name in the header row");
    EXPECT_EQ(error_of("case,group\nP01,a\nP01,b\n"), "bad.csv: line 3: case 'P01' appears twice (first on line 2)");
    EXPECT_EQ(error_of("case,group\n ,a\n"), "bad.csv: line 2: the case name (first column) is empty");
    EXPECT_EQ(error_of("case,group\n"), "bad.csv: the file has a header row but no cases");
    EXPECT_EQ(error_of("case,group\nP01,\"open\n"), "bad.csv: line 2: a quoted field is never closed");
    EXPECT_EQ(error_of(""), "bad.csv: the file is empty (expected a header row: case, attribute, ...)");
}

TEST(CasesCsv, DocumentMatching) {
    EXPECT_TRUE(document_matches_case("p07.docx", "P07", ""));
    EXPECT_TRUE(document_matches_case("P07_interview.txt", "P07", ""));
    EXPECT_TRUE(document_matches_case("P07-teams.vtt", "P07", ""));
    EXPECT_FALSE(document_matches_case("P070.txt", "P07", ""));
    EXPECT_FALSE(document_matches_case("xP07.txt", "P07", ""));
    EXPECT_TRUE(document_matches_case("site_North_2.docx", "North", "site_{case}_*.docx"));
    EXPECT_FALSE(document_matches_case("site_North_2.txt", "North", "site_{case}_*.docx"));
}

TEST(CasesCsv, ImportStoresCasesValuesAndLinksInOneUndoableAction) {
    test::TempDir dir;
    Project p = Project::create(dir / "p.nptq", "p");
    add_document(p, {"p01.txt", "Interviewer: hi", "p01.txt", "text", "", {}});
    add_document(p, {"P02_followup.txt", "Interviewer: again", "P02_followup.txt", "text", "", {}});
    add_document(p, {"p10.txt", "other", "p10.txt", "text", "", {}});
    test::write_bytes(dir / "a.csv", "id,group,age\nP01,client,30\nP02,staff,\n");
    CasesImportSummary s = import_cases_csv(p, dir / "a.csv", {});
    EXPECT_EQ(s.cases_added, 2u);
    EXPECT_EQ(s.values_set, 3u);
    EXPECT_EQ(s.links_added, 2u);
    auto details = list_case_details(p);
    ASSERT_EQ(details.size(), 2u);
    EXPECT_EQ(details[0].values, (std::map<std::string, std::string>{{"age", "30"}, {"group", "client"}}));
    EXPECT_EQ(details[0].documents, std::vector<std::string>{"p01.txt"});
    EXPECT_EQ(details[1].documents, std::vector<std::string>{"P02_followup.txt"});
    EXPECT_EQ(find_attribute(p, "age")->type, AttributeType::Number);

    // Re-import: values updated, nothing duplicated, links not repeated.
    test::write_bytes(dir / "b.csv", "id,group\nP01,non-user\n");
    CasesImportSummary again = import_cases_csv(p, dir / "b.csv", {});
    EXPECT_EQ(again.cases_updated, 1u);
    EXPECT_EQ(again.links_added, 0u);
    EXPECT_EQ(case_values(p, require_case(p, "P01").id).at("group"), "non-user");

    // One undo step takes the whole second import back.
    undo(p);
    EXPECT_EQ(case_values(p, require_case(p, "P01").id).at("group"), "client");
    undo(p);
    EXPECT_TRUE(list_cases(p).empty());
    EXPECT_TRUE(list_attributes(p).empty());
}
