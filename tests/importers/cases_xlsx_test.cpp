// cases_xlsx_test.cpp — cases from an Excel workbook (issue 13): a workbook written here with
// libzip, as Excel lays one out (shared strings, inline strings, a date-formatted cell, a blank
// row, two sheets), read into cases with the CSV's rules; and the CSV's new date and blank rules.
#include <gtest/gtest.h>
#include <zip.h>

#include "core/error.hpp"
#include "core/model/cases.hpp"
#include "importers/cases_csv_importer.hpp"
#include "importers/cases_xlsx.hpp"
#include "support/test_support.hpp"

using namespace npt;
using namespace npt::importers;

namespace {

// Writes a zip of (name, content) entries.
void write_zip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& entries) {
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_NE(z, nullptr);
    for (const auto& [name, content] : entries) {
        zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
        ASSERT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE), 0);
    }
    ASSERT_EQ(zip_close(z), 0);
}

const char* kNs = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

void write_workbook(const std::filesystem::path& path) {
    std::string ns = kNs;
    write_zip(path, {
        {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
        {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + ns + "><sheets>"
                            "<sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId1\"/>"
                            "<sheet name=\"Participants\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"ws\" Target=\"worksheets/sheet1.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"ws\" Target=\"worksheets/sheet2.xml\"/></Relationships>"},
        {"xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst " + ns + ">"
                                 "<si><t>participant</t></si><si><t>group</t></si><si><t>interviewed</t></si>"
                                 "<si><t>P01</t></si><si><r><t>Hub </t></r><r><t>client</t></r></si><si><t>P02</t></si>"
                                 "<si><t>consented</t></si></sst>"},
        {"xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + ns + "><numFmts count=\"1\">"
                          "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
                          "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"},
        {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet " + ns + "><sheetData>"
                                     "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>not cases</t></is></c></row>"
                                     "</sheetData></worksheet>"},
        {"xl/worksheets/sheet2.xml",
         "<?xml version=\"1.0\"?><worksheet " + ns + "><sheetData>"
         "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
         "<c r=\"D1\" t=\"s\"><v>6</v></c><c r=\"E1\" t=\"inlineStr\"><is><t>age</t></is></c></row>"
         "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\" s=\"1\"><v>45292</v></c>"
         "<c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\"><v>34</v></c></row>"
         "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>5</v></c><c r=\"C4\" s=\"2\"><v>45351.5</v></c><c r=\"D4\" t=\"b\"><v>0</v></c></row>"
         "</sheetData></worksheet>"},
    });
}

}  // namespace

TEST(CasesXlsx, ReadsTheNamedSheetWithStringsDatesAndBooleans) {
    test::TempDir dir;
    write_workbook(dir / "p.xlsx");
    const std::string bytes = test::read_bytes(dir / "p.xlsx");
    EXPECT_TRUE(looks_like_xlsx(bytes));
    std::vector<csv::Row> rows = read_xlsx_sheet(bytes, "p.xlsx", "Participants");
    ASSERT_EQ(rows.size(), 4u);  // rows 1 to 4; row 3 is blank
    EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"participant", "group", "interviewed", "consented", "age"}));
    EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"P01", "Hub client", "2024-01-01", "TRUE", "34"}));
    EXPECT_EQ(rows[3].line, 4u);
    EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"P02", "", "2024-02-29", "FALSE", ""}));  // 45351 is a leap day
    try {
        read_xlsx_sheet(bytes, "p.xlsx", "Sheet9");
        FAIL() << "no error";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("no sheet named 'Sheet9' (the workbook has 'Notes', 'Participants')"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(read_xlsx_sheet("PK\x03\x04 not really", "bad.xlsx"), FormatError);
}

TEST(CasesXlsx, ImportsCasesWithTypedAttributes) {
    test::TempDir dir;
    write_workbook(dir / "p.xlsx");
    Project p = Project::create(dir / "p.nptq", "p");
    CasesImportSummary s = import_cases_xlsx(p, dir / "p.xlsx", {}, "Participants");
    EXPECT_EQ(s.cases_added, 2u);
    EXPECT_EQ(find_attribute(p, "interviewed")->type, AttributeType::Date);
    EXPECT_EQ(find_attribute(p, "consented")->type, AttributeType::Boolean);
    EXPECT_EQ(find_attribute(p, "age")->type, AttributeType::Number);
    auto details = list_case_details(p);
    ASSERT_EQ(details.size(), 2u);
    EXPECT_EQ(details[0].values.at("group"), "Hub client");
    EXPECT_EQ(details[1].values.at("interviewed"), "2024-02-29");
}

TEST(CasesXlsx, CliImportsAWorkbook) {
    test::TempDir dir;
    write_workbook(dir / "p.xlsx");
    std::string project = (dir / "p.nptq").string();
    ASSERT_EQ(test::run_cli({"init", project}).exit_code, 0);
    auto r = test::run_cli({"cases", "import", project, (dir / "p.xlsx").string(), "--sheet", "Participants", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"cases_added\": 2"), std::string::npos) << r.out;
    r = test::run_cli({"cases", "import", project, (dir / "p.xlsx").string(), "--sheet", "Nope"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("no sheet named 'Nope'"), std::string::npos) << r.err;
}

// Issue 13: day-first dates are dates; blank rows and an empty trailing column are no error.
TEST(CasesCsv, DayFirstDatesBlankRowsAndEmptyTrailingColumns) {
    EXPECT_EQ(as_iso_date("03/04/2024"), std::optional<std::string>("2024-04-03"));
    EXPECT_EQ(as_iso_date("3.4.2024"), std::optional<std::string>("2024-04-03"));
    EXPECT_EQ(as_iso_date("2024-04-03"), std::optional<std::string>("2024-04-03"));
    EXPECT_FALSE(as_iso_date("31/02/2024"));
    EXPECT_FALSE(as_iso_date("03/04/24"));
    EXPECT_EQ(infer_attribute_type({"03/04/2024", "2024-05-01", ""}), AttributeType::Date);
    CaseTable t = parse_cases_csv("case;joined;\nP01;03/04/2024;\nP02;29/02/2024;\n;;\n\n", "c.csv");
    EXPECT_EQ(t.attributes, std::vector<std::string>{"joined"});
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.types[0], AttributeType::Date);
    EXPECT_EQ(t.rows[0].values[0], "2024-04-03");
    EXPECT_EQ(t.rows[1].values[0], "2024-02-29");
}
