// segments_xlsx_layout_test.cpp — the coded segments and counts workbooks read back: attribute
// numbers stored as numbers, rows as tall as the segment's text, and the sheet's paper.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "core/model/cases.hpp"
#include "core/query/matrix_query.hpp"
#include "exporters/counts_export.hpp"
#include "exporters/export_test_support.hpp"
#include "exporters/segments_report.hpp"
#include "exporters/xlsx_layout.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;

TEST(SegmentsXlsxLayout, AttributeNumbersAreNumbersAndRowsFitTheText) {
    test::TempDir dir;
    Project p = test::make_export_study(dir.path());
    Attribute age = ensure_attribute(p, "age", AttributeType::Number);
    set_case_value(p, require_case(p, "P01").id, age.id, "42");
    SegmentReport report = build_segment_report(p, {});
    fs::path out = dir / "s.xlsx";
    ExportOptions options;
    options.paper = Paper::Letter;
    export_segments(report, out, options);
    auto grid = test::read_sheet(out, 1);
    ASSERT_EQ(grid[0][4].text, "age");
    std::size_t numbers = 0;
    for (std::size_t r = 1; r < grid.size(); ++r) {
        if (grid[r].size() > 4 && grid[r][4].text == "42") {
            EXPECT_TRUE(grid[r][4].number);
            ++numbers;
        }
        if (grid[r].size() > 5) EXPECT_FALSE(grid[r][3].number) << grid[r][3].text;  // site stays text
    }
    EXPECT_GT(numbers, 0u);
    pugi::xml_document sheet;
    ASSERT_TRUE(sheet.load_string(test::unzip_entry(out, "xl/worksheets/sheet1.xml").c_str()));
    EXPECT_STREQ(sheet.child("worksheet").child("pageSetup").attribute("paperSize").value(), "1");
    // Each row is at least as tall as its text needs in the 70-wide Text column.
    std::size_t text_col = grid[0].size() - 2;
    for (std::size_t r = 1; r < grid.size(); ++r) {
        int lines = xlsx::wrapped_lines(grid[r][text_col].text, 70);
        pugi::xml_node row = sheet.child("worksheet").child("sheetData").find_child_by_attribute("row", "r", std::to_string(r + 1).c_str());
        if (lines > 1) EXPECT_GE(row.attribute("ht").as_double(), 15.0 * lines) << r;
    }

    MatrixQueryOptions query;
    query.codes = {"Coherence"};
    fs::path counts = dir / "c.xlsx";
    ExportOptions a4;
    a4.paper = Paper::A4;
    export_counts(matrix_query(p, query), counts, "Counts", a4);
    ASSERT_TRUE(sheet.load_string(test::unzip_entry(counts, "xl/worksheets/sheet1.xml").c_str()));
    EXPECT_STREQ(sheet.child("worksheet").child("pageSetup").attribute("paperSize").value(), "9");
    EXPECT_TRUE(test::read_sheet(counts, 1).at(1).at(1).number);  // counts are numbers
}

}  // namespace
}  // namespace npt
