// matrix_print_test.cpp — the printable HTML matrix laid out for a landscape page: a 4-construct
// matrix of 8 cases with the group and site columns has a fixed table layout whose column widths
// sum to 100%, wrapping words, no minimum cell width, and an @page rule for A4 (or Letter)
// landscape, so no column falls off the printed page.
#include <gtest/gtest.h>

#include <regex>

#include "codebook/npt_constructs.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "exporters/export_test_support.hpp"
#include "exporters/matrix_export.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

class MatrixPrint : public ::testing::Test {
protected:
    void SetUp() override {
        project = std::make_unique<Project>(test::make_export_study(dir.path()));
        Attribute group = ensure_attribute(*project, "group", AttributeType::Text);
        Attribute site = ensure_attribute(*project, "site", AttributeType::Text);
        Attribute notes = ensure_attribute(*project, "consent notes", AttributeType::Text);
        for (int i = 4; i <= 8; ++i) {
            Case c = ensure_case(*project, "P0" + std::to_string(i));
            set_case_value(*project, c.id, group.id, i % 2 ? "Hub client" : "Hub staff");
            set_case_value(*project, c.id, site.id, "Site " + std::to_string(i));
            set_case_value(*project, c.id, notes.id, "A long note about consent that must never widen a column " + std::to_string(i));
        }
        create_matrix(*project, {"NPT", "", codebook::npt_default_columns(*project, false), {"group"}});
        draft_matrix(*project, require_matrix(*project, "NPT").id);
    }

    std::string page(Paper paper) {
        ExportOptions options;
        options.attributes = std::vector<std::string>{"group", "site"};
        options.paper = paper;
        return matrix_html(load_matrix(*project, "NPT"), options);
    }

    test::TempDir dir;
    std::unique_ptr<Project> project;
};

TEST_F(MatrixPrint, EveryColumnFitsALandscapePage) {
    FrameworkMatrix m = load_matrix(*project, "NPT");
    ASSERT_EQ(m.rows.size(), 8u);
    ASSERT_EQ(m.columns.size(), 4u);
    std::string html = page(Paper::A4);

    EXPECT_NE(html.find("@page { size: A4 landscape;"), std::string::npos);
    EXPECT_NE(html.find("table.matrix { table-layout: fixed; width: 100%; }"), std::string::npos);
    EXPECT_NE(html.find("overflow-wrap: anywhere"), std::string::npos);
    EXPECT_EQ(html.find("min-width"), std::string::npos);
    EXPECT_EQ(html.find("nowrap"), std::string::npos);

    // One <col> per column (case, group, site, four constructs), widths summing to 100%.
    std::size_t start = html.find("<colgroup>"), end = html.find("</colgroup>");
    ASSERT_NE(start, std::string::npos);
    std::string colgroup = html.substr(start, end - start);
    std::regex width("width:([0-9]+\\.[0-9])%");
    std::vector<double> widths;
    for (auto it = std::sregex_iterator(colgroup.begin(), colgroup.end(), width); it != std::sregex_iterator(); ++it)
        widths.push_back(std::stod((*it)[1]));
    ASSERT_EQ(widths.size(), 7u);
    double sum = 0;
    for (double w : widths) sum += w;
    EXPECT_NEAR(sum, 100.0, 1e-9);
    // On A4 landscape (297 mm less 24 mm of margins) each construct column keeps over 4 cm.
    for (std::size_t c = 3; c < 7; ++c) EXPECT_GT(widths[c] / 100 * 273, 40) << c;
    for (std::size_t c = 0; c < 3; ++c) EXPECT_LT(widths[c], widths[3]) << c;

    // The table's header row has exactly those seven columns; hidden attributes are nowhere.
    std::string head = html.substr(html.find("<thead>"), html.find("</thead>") - html.find("<thead>"));
    std::size_t ths = 0;
    for (std::size_t at = head.find("<th", 7); at != std::string::npos; at = head.find("<th", at + 1)) ++ths;
    EXPECT_EQ(ths, 7u);
    EXPECT_EQ(html.find("consent"), std::string::npos);
    // Every case is a row.
    for (int i = 1; i <= 8; ++i) EXPECT_NE(html.find("<th class=\"case\">P0" + std::to_string(i) + "</th>"), std::string::npos) << i;
}

TEST_F(MatrixPrint, LetterPaperWhenTheLocaleIsUsOrCanadian) {
    EXPECT_NE(page(Paper::Letter).find("@page { size: letter landscape;"), std::string::npos);
}

TEST(MatrixColumnShares, SumToOneAndLeaveTheCodesTwoThirdsOrMore) {
    FrameworkMatrix m;
    m.columns.resize(4);
    for (std::size_t attributes : {0u, 2u, 12u}) {
        m.attributes.assign(attributes, "a");
        std::vector<double> shares = matrix_column_shares(m);
        ASSERT_EQ(shares.size(), 1 + attributes + 4);
        double sum = 0, codes = 0;
        for (std::size_t i = 0; i < shares.size(); ++i) {
            sum += shares[i];
            if (i > attributes) codes += shares[i];
        }
        EXPECT_NEAR(sum, 1.0, 1e-12);
        EXPECT_GE(codes, 2.0 / 3 - 1e-12) << attributes;
    }
}

}  // namespace
}  // namespace npt
