// counts_export_test.cpp — matrix coding query counts written to XLSX, CSV and HTML, checked
// against counts computed here by brute force over the project's segments, with the colour scale.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/model/cases.hpp"
#include "core/model/codings.hpp"
#include "core/text/csv.hpp"
#include "core/error.hpp"
#include "exporters/counts_export.hpp"
#include "exporters/export_test_support.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kConstructs = {"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"};

class CountsExportTest : public ::testing::Test {
protected:
    void SetUp() override {
        project = std::make_unique<Project>(test::make_export_study(dir.path()));
        MatrixQueryOptions q;
        q.codes = kConstructs;
        q.include_descendants = true;
        result = matrix_query(*project, q);
    }

    // Segments per case and construct (its own code or below), counted one by one.
    std::vector<std::vector<std::string>> expected() {
        std::vector<std::vector<std::string>> g{{result.row_label}};
        g[0].insert(g[0].end(), kConstructs.begin(), kConstructs.end());
        for (const Case& c : list_cases(*project)) {
            auto docs = documents_of_case(*project, c.id);
            std::vector<std::string> row{c.name};
            for (const std::string& k : kConstructs) {
                int n = 0;
                for (const CodedSegment& s : list_segments(*project))
                    n += (s.code == k || s.code.rfind(k + "/", 0) == 0) &&
                         std::find(docs.begin(), docs.end(), s.coding.document_id) != docs.end();
                row.push_back(std::to_string(n));
            }
            g.push_back(row);
        }
        return g;
    }

    test::TempDir dir;
    std::unique_ptr<Project> project;
    MatrixQueryResult result;
};

TEST_F(CountsExportTest, XlsxHoldsTheCountsAsNumbersOnAColourScale) {
    fs::path out = dir / "counts.xlsx";
    export_counts(result, out, "Coded segments per case");
    auto cells = test::read_sheet(out, 1);
    auto want = expected();
    ASSERT_GE(cells.size(), want.size());
    std::int64_t max = 0;
    for (std::size_t r = 1; r < want.size(); ++r)
        for (std::size_t c = 1; c < want[r].size(); ++c) max = std::max<std::int64_t>(max, std::stoll(want[r][c]));
    ASSERT_EQ(max, 2);  // P01's Cognitive participation: Amira's and Ben's codings of one span
    for (std::size_t r = 0; r < want.size(); ++r)
        for (std::size_t c = 0; c < want[r].size(); ++c) {
            EXPECT_EQ(cells[r][c].text, want[r][c]) << r << "," << c;
            if (r == 0 || c == 0) continue;
            EXPECT_TRUE(cells[r][c].number);
            std::int64_t v = std::stoll(want[r][c]);
            std::string fill = test::style_fill(out, cells[r][c].style);
            std::string want_fill = v == 0 ? "FFFFFF" : v == max ? "08306B" : "F7FBFF";
            EXPECT_EQ(fill, want_fill) << r << "," << c;
        }
    EXPECT_NE(cells.back()[0].text.find("colour scale 0 to 2"), std::string::npos);
}

TEST_F(CountsExportTest, CsvAndHtmlCarryTheSameCounts) {
    fs::path csvf = dir / "counts.csv", html = dir / "counts.html";
    export_counts(result, csvf, "Coded segments per case", {true});
    export_counts(result, html, "Coded segments per case");
    std::string bytes = test::read_bytes(csvf);
    EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
    std::vector<std::vector<std::string>> got;
    for (auto& row : csv::parse(bytes, ',')) got.push_back(row.fields);
    EXPECT_EQ(got, expected());
    std::string page = test::read_bytes(html);
    EXPECT_NE(page.find("background:#08306b;color:#ffffff\">2</td>"), std::string::npos);
    EXPECT_NE(page.find("background:#ffffff;color:#000000\">0</td>"), std::string::npos);
    EXPECT_THROW(export_counts(result, dir / "counts.md", "x"), InputError);
    EXPECT_FALSE(fs::exists(dir / "counts.md"));
}

TEST(CountColour, ScaleRunsFromWhiteThroughNineBlues) {
    EXPECT_EQ(count_colour(0, 10), "#ffffff");
    EXPECT_EQ(count_colour(1, 10), "#f7fbff");
    EXPECT_EQ(count_colour(10, 10), "#08306b");
    EXPECT_EQ(count_colour(1, 1), "#08306b");
    EXPECT_EQ(text_colour_on("#08306b"), "#ffffff");
    EXPECT_EQ(text_colour_on("#f7fbff"), "#000000");
}

}  // namespace
}  // namespace npt
