// matrix_attributes_test.cpp — choosing which case attributes a framework matrix export shows,
// read back from every format (XLSX, CSV, Markdown, HTML, Word): the chosen columns and nothing of
// the others, "none", grouping kept only while its attributes are shown, and unknown names refused.
#include <gtest/gtest.h>

#include <algorithm>

#include "codebook/npt_constructs.hpp"
#include "core/error.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "core/text/csv.hpp"
#include "exporters/docx_test_support.hpp"
#include "exporters/export_test_support.hpp"
#include "exporters/matrix_attributes.hpp"
#include "exporters/matrix_export.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;
using Names = std::vector<std::string>;

const std::string kConsent = "Agreed to quotes, not to name";

class MatrixAttributes : public ::testing::Test {
protected:
    void SetUp() override {
        project = std::make_unique<Project>(test::make_export_study(dir.path()));
        Attribute age = ensure_attribute(*project, "age", AttributeType::Number);
        Attribute consent = ensure_attribute(*project, "consent notes", AttributeType::Text);
        set_case_value(*project, require_case(*project, "P01").id, age.id, "42");
        set_case_value(*project, require_case(*project, "P01").id, consent.id, kConsent);
        create_matrix(*project, {"NPT", "", codebook::npt_default_columns(*project, false), {"group"}});
        draft_matrix(*project, require_matrix(*project, "NPT").id);
        matrix = load_matrix(*project, "NPT");
    }

    // The header row of each format's table, keyed by extension.
    std::map<std::string, Names> headers(const ExportOptions& options) {
        std::map<std::string, Names> out;
        for (const char* ext : {".xlsx", ".csv", ".md", ".html", ".docx"}) {
            fs::path file = dir / ("m" + std::string(ext));
            export_matrix(matrix, file, options);
            std::string ext_s = ext;
            if (ext_s == ".xlsx") {
                out[ext] = test::sheet_text(file, 1).at(0);
            } else if (ext_s == ".csv") {
                out[ext] = csv::parse(test::read_bytes(file), ',').at(0).fields;
            } else if (ext_s == ".md") {
                std::string md = test::read_bytes(file);
                std::size_t at = md.find("| Case |");
                out[ext] = test::markdown_row(md.substr(at, md.find('\n', at) - at));
            } else if (ext_s == ".html") {
                std::string page = test::read_bytes(file);
                std::string head = page.substr(page.find("<thead>"), page.find("</thead>") - page.find("<thead>"));
                Names names;
                for (std::size_t at = head.find("<th", 7); at != std::string::npos; at = head.find("<th", at + 1)) {
                    std::size_t start = head.find('>', at) + 1;
                    std::string cell = head.substr(start, head.find("</th>", start) - start);
                    if (cell.rfind("<span", 0) == 0) cell = cell.substr(cell.find("</span>") + 7);
                    names.push_back(cell);
                }
                out[ext] = names;
            } else {
                out[ext] = test::docx_tables(test::docx_document(file)).at(0).at(0);
            }
        }
        return out;
    }

    // Every byte every format wrote (XLSX and Word unzipped), to search for what must not appear.
    std::string everything_written() {
        std::string all = test::read_bytes(dir / "m.csv") + test::read_bytes(dir / "m.md") + test::read_bytes(dir / "m.html");
        for (auto& row : test::sheet_text(dir / "m.xlsx", 1))
            for (auto& cell : row) all += cell + "\n";
        for (auto& row : test::sheet_text(dir / "m.xlsx", 2))
            for (auto& cell : row) all += cell + "\n";
        all += test::unzip_entry(dir / "m.docx", "word/document.xml");
        return all;
    }

    const Names constructs{"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"};
    Names with_constructs(Names first) {
        first.insert(first.end(), constructs.begin(), constructs.end());
        return first;
    }

    test::TempDir dir;
    std::unique_ptr<Project> project;
    FrameworkMatrix matrix;
};

TEST_F(MatrixAttributes, UnsetShowsEveryAttributeAsBefore) {
    for (auto& [ext, header] : headers({})) EXPECT_EQ(header, with_constructs({"Case", "group", "site", "age", "consent notes"})) << ext;
    EXPECT_NE(everything_written().find(kConsent), std::string::npos);
}

TEST_F(MatrixAttributes, ChosenAttributesOnlyInEveryFormat) {
    ExportOptions options;
    options.attributes = Names{"site", "group"};  // shown in the matrix's order: group-by first
    for (auto& [ext, header] : headers(options)) EXPECT_EQ(header, with_constructs({"Case", "group", "site"})) << ext;
    std::string all = everything_written();
    EXPECT_EQ(all.find(kConsent), std::string::npos);
    EXPECT_EQ(all.find("consent notes"), std::string::npos);
    EXPECT_NE(all.find("South, East"), std::string::npos);
    // Grouped by group, which is shown.
    EXPECT_NE(test::read_bytes(dir / "m.html").find("group: Hub client"), std::string::npos);
    EXPECT_NE(test::read_bytes(dir / "m.md").find("## group: Hub client"), std::string::npos);
}

TEST_F(MatrixAttributes, NoneShowsNoAttributeAnywhere) {
    ExportOptions options;
    options.attributes = Names{};
    for (auto& [ext, header] : headers(options)) EXPECT_EQ(header, with_constructs({"Case"})) << ext;
    std::string all = everything_written();
    for (const std::string& hidden : {kConsent, std::string("Hub client"), std::string("South, East"), std::string("group:")})
        EXPECT_EQ(all.find(hidden), std::string::npos) << hidden;
    // The rows keep the matrix's order (grouped by group: Hub client, Hub staff, then not set).
    auto rows = test::sheet_text(dir / "m.xlsx", 1);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ((Names{rows[1][0], rows[2][0], rows[3][0]}), (Names{"P01", "P02", "P03"}));
}

TEST_F(MatrixAttributes, HidingTheGroupByAttributeDropsItsHeadings) {
    FrameworkMatrix m = with_attribute_columns(matrix, Names{"site"});
    EXPECT_EQ(m.attributes, Names{"site"});
    EXPECT_TRUE(m.info.group_by.empty());
    ASSERT_EQ(m.rows.size(), 3u);
    EXPECT_EQ(m.rows[1].attributes, Names{"South, East"});
    EXPECT_EQ(m.rows[1].cells.size(), 4u);
    EXPECT_EQ(matrix_html(m).find("group:"), std::string::npos);
}

TEST_F(MatrixAttributes, UnknownNamesAreRefusedWithTheNearestOne) {
    ExportOptions options;
    options.attributes = Names{"group", "consent note"};
    try {
        export_matrix(matrix, dir / "m.xlsx", options);
        FAIL() << "no error for an unknown attribute";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "matrix 'NPT' has no case attribute 'consent note' (did you mean 'consent notes'?); its attributes are "
                  "group, site, age, consent notes");
        EXPECT_EQ(e.about(), "attributes");
    }
    EXPECT_FALSE(fs::exists(dir / "m.xlsx"));
}

TEST(MatrixAttributeList, ParsesNamesNoneAndAll) {
    EXPECT_EQ(parse_attribute_list("group,site"), (Names{"group", "site"}));
    EXPECT_EQ(parse_attribute_list(" group , site ,group"), (Names{"group", "site"}));
    EXPECT_EQ(parse_attribute_list("none"), Names{});
    EXPECT_EQ(parse_attribute_list("all"), std::nullopt);
    EXPECT_THROW(parse_attribute_list("group,,site"), InputError);
    EXPECT_THROW(parse_attribute_list(""), InputError);
}

}  // namespace
}  // namespace npt
