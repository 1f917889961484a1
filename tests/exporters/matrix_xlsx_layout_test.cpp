// matrix_xlsx_layout_test.cpp — the framework matrix workbook read back: rows as tall as their
// wrapped summaries and quotes, attribute numbers stored as numbers (identifiers kept as text),
// landscape pages on A4 or Letter.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "codebook/npt_constructs.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "exporters/export_test_support.hpp"
#include "exporters/matrix_export.hpp"
#include "exporters/xlsx_layout.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;

// The <row> element of row `r` (1-based) in a sheet's XML.
pugi::xml_node sheet_row(const pugi::xml_document& sheet, int r) {
    return sheet.child("worksheet").child("sheetData").find_child_by_attribute("row", "r", std::to_string(r).c_str());
}

class XlsxMatrixLayout : public ::testing::Test {
protected:
    void SetUp() override {
        project = std::make_unique<Project>(test::make_export_study(dir.path()));
        Attribute age = ensure_attribute(*project, "age", AttributeType::Number);
        Attribute id = ensure_attribute(*project, "staff number", AttributeType::Text);
        set_case_value(*project, require_case(*project, "P01").id, age.id, "42");
        set_case_value(*project, require_case(*project, "P01").id, id.id, "007");
        create_matrix(*project, {"NPT", "", codebook::npt_default_columns(*project, false), {"group"}});
        draft_matrix(*project, require_matrix(*project, "NPT").id);
        std::string summary;
        for (int i = 0; i < 40; ++i) summary += "The hub made sense to staff once the manager explained it. ";
        set_cell_summary(*project, require_matrix(*project, "NPT").id, require_case(*project, "P02").id, require_code(*project, "Coherence").id, summary);
    }
    test::TempDir dir;
    std::unique_ptr<Project> project;
};

TEST_F(XlsxMatrixLayout, RowsAreTallerForLongSummariesAndNumbersAreNumbers) {
    fs::path out = dir / "m.xlsx";
    ExportOptions options;
    options.paper = Paper::A4;
    export_matrix(load_matrix(*project, "NPT"), out, options);
    auto grid = test::read_sheet(out, 1);
    ASSERT_GE(grid.size(), 4u);
    ASSERT_EQ(grid[0][3].text, "age");
    ASSERT_EQ(grid[0][4].text, "staff number");
    EXPECT_EQ(grid[1][0].text, "P01");
    EXPECT_TRUE(grid[1][3].number);
    EXPECT_EQ(grid[1][3].text, "42");
    EXPECT_FALSE(grid[1][4].number);  // "007" is an identifier, not 7
    EXPECT_EQ(grid[1][4].text, "007");

    pugi::xml_document sheet;
    ASSERT_TRUE(sheet.load_string(test::unzip_entry(out, "xl/worksheets/sheet1.xml").c_str()));
    // Rows: 1 header, 2 P01, 3 P02 (the long summary), 4 P03 (empty).
    pugi::xml_node p02 = sheet_row(sheet, 3);
    ASSERT_TRUE(p02);
    EXPECT_EQ(test::read_sheet(out, 1)[2][0].text, "P02");
    EXPECT_GT(p02.attribute("ht").as_double(), 15.0 * 10);  // ~2,400 characters in a 48-wide column
    EXPECT_STREQ(p02.attribute("customHeight").value(), "1");
    pugi::xml_node p03 = sheet_row(sheet, 4);
    EXPECT_TRUE(!p03.attribute("ht") || p03.attribute("ht").as_double() == 15.0);
    pugi::xml_node setup = sheet.child("worksheet").child("pageSetup");
    EXPECT_STREQ(setup.attribute("paperSize").value(), "9");
    EXPECT_STREQ(setup.attribute("orientation").value(), "landscape");

    // The quotes sheet's rows fit their quotes too.
    pugi::xml_document quotes;
    ASSERT_TRUE(quotes.load_string(test::unzip_entry(out, "xl/worksheets/sheet2.xml").c_str()));
    auto qgrid = test::read_sheet(out, 2);
    for (std::size_t r = 1; r < qgrid.size(); ++r) {
        int lines = xlsx::wrapped_lines(qgrid[r][8].text, 70);
        if (lines > 1) EXPECT_GE(sheet_row(quotes, static_cast<int>(r + 1)).attribute("ht").as_double(), 15.0 * lines) << r;
    }
}

TEST_F(XlsxMatrixLayout, LetterPaperWhenAsked) {
    fs::path out = dir / "m.xlsx";
    ExportOptions options;
    options.paper = Paper::Letter;
    export_matrix(load_matrix(*project, "NPT"), out, options);
    pugi::xml_document sheet;
    ASSERT_TRUE(sheet.load_string(test::unzip_entry(out, "xl/worksheets/sheet1.xml").c_str()));
    EXPECT_STREQ(sheet.child("worksheet").child("pageSetup").attribute("paperSize").value(), "1");
}

}  // namespace
}  // namespace npt
