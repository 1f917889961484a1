// matrix_export_test.cpp — framework matrix exports read back and checked cell by cell against the
// project: XLSX (unzipped, sheet XML parsed), CSV (parsed with core/csv), Markdown (table parsed)
// and HTML; quotes with commas, newlines, double quotes, emoji and right-to-left text; stale
// links; failed exports leaving no file.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "codebook/npt_constructs.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/text/csv.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "exporters/export_test_support.hpp"
#include "exporters/html_page.hpp"
#include "exporters/matrix_export.hpp"
#include "exporters/xlsx_workbook.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;
using Grid = std::vector<std::vector<std::string>>;

const std::string kSummary = "Summary: \"safe\", North | site\nline two 👍🏽 مرحبا & <b>";

class MatrixExportTest : public ::testing::Test {
protected:
    void SetUp() override {
        project = std::make_unique<Project>(test::make_export_study(dir.path()));
        create_matrix(*project, {"NPT", "Participants × constructs", codebook::npt_default_columns(*project, false), {"group"}});
        const MatrixId npt = require_matrix(*project, "NPT").id;
        draft_matrix(*project, npt);
        set_cell_summary(*project, npt, require_case(*project, "P01").id, require_code(*project, "Coherence").id, kSummary);
    }

    // The quote line for one segment, built here from the project's own data.
    std::string quote_line(const CodedSegment& s, const std::string& status = "") {
        std::string ref = s.document + " " + std::to_string(s.coding.start) + "-" + std::to_string(s.coding.end);
        for (const SpeakerTurn& t : speaker_turns(*project, s.coding.document_id))
            if (t.start <= s.coding.start && s.coding.start < t.end) {
                ref += ", " + t.speaker;
                char buf[16];
                std::snprintf(buf, sizeof buf, "%02d:%02d", int(*t.start_ms / 60000), int(*t.start_ms / 1000 % 60));
                ref += std::string(", ") + buf;
            }
        return "\xE2\x80\x9C" + s.text + "\xE2\x80\x9D (" + ref + status + ")";
    }

    // Segments a cell gathers: the case's documents, the column's code or below, one per span.
    std::vector<CodedSegment> cell_segments(const std::string& case_name, const std::string& column) {
        auto docs = documents_of_case(*project, require_case(*project, case_name).id);
        std::vector<CodedSegment> out;
        std::set<std::tuple<DocumentId, std::int64_t, std::int64_t>> seen;
        for (const CodedSegment& s : list_segments(*project)) {
            bool under = s.code == column || s.code.rfind(column + "/", 0) == 0;
            if (!under || std::find(docs.begin(), docs.end(), s.coding.document_id) == docs.end()) continue;
            if (seen.insert({s.coding.document_id, s.coding.start, s.coding.end}).second) out.push_back(s);
        }
        std::sort(out.begin(), out.end(), [](auto& a, auto& b) {
            return std::tie(a.document, a.coding.start, a.coding.end) < std::tie(b.document, b.coding.start, b.coding.end);
        });
        return out;
    }

    // The whole matrix table as the exports must show it.
    Grid expected_table() {
        Grid g{{"Case", "group", "site", "Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"}};
        for (auto [name, group, site] : {std::tuple{"P01", "Hub client", "North"}, std::tuple{"P02", "Hub staff", "South, East"},
                                         std::tuple{"P03", "", ""}}) {
            std::vector<std::string> row{name, group, site};
            for (std::size_t c = 3; c < g[0].size(); ++c) {
                std::string cell = std::string(name) == "P01" && g[0][c] == "Coherence" ? kSummary : "";
                auto segs = cell_segments(name, g[0][c]);
                for (std::size_t i = 0; i < segs.size(); ++i) {
                    if (!cell.empty()) cell += i == 0 ? "\n\n" : "\n";
                    cell += quote_line(segs[i]);
                }
                row.push_back(cell);
            }
            g.push_back(row);
        }
        return g;
    }

    test::TempDir dir;
    std::unique_ptr<Project> project;
};

TEST_F(MatrixExportTest, ExpectedTableIsNotTrivial) {
    Grid want = expected_table();
    ASSERT_EQ(want.size(), 4u);
    // The tricky quotes are really in it.
    std::string all;
    for (auto& r : want)
        for (auto& c : r) all += c;
    for (const char* needle : {"\"safe\", honestly", "\nAnd then", "👍🏽👩🏽‍⚕️", "مرحبا بالجميع", "שלום עליכם", "| pipes |", "the rota"})
        EXPECT_NE(all.find(needle), std::string::npos) << needle;
}

TEST_F(MatrixExportTest, XlsxMatrixSheetMatchesTheProjectCellByCell) {
    fs::path out = dir / "matrix.xlsx";
    write_matrix_xlsx(load_matrix(*project, "NPT"), out);
    auto entries = test::zip_entries(out);
    EXPECT_NE(std::find(entries.begin(), entries.end(), "xl/worksheets/sheet2.xml"), entries.end());
    EXPECT_EQ(test::sheet_text(out, 1), expected_table());

    // Wrapped text, frozen header row and case/attribute columns, set widths.
    auto cells = test::read_sheet(out, 1);
    EXPECT_TRUE(test::style_wraps(out, cells[1][3].style));
    std::string sheet = test::unzip_entry(out, "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("xSplit=\"3\" ySplit=\"1\""), std::string::npos);
    EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
    EXPECT_NE(sheet.find("<col min=\"4\" max=\"7\""), std::string::npos);
    // Constant-memory mode: strings inline, no shared strings table.
    EXPECT_EQ(std::find(entries.begin(), entries.end(), "xl/sharedStrings.xml"), entries.end());
}

TEST_F(MatrixExportTest, XlsxQuotesSheetListsEveryLinkWithItsReference) {
    fs::path out = dir / "matrix.xlsx";
    write_matrix_xlsx(load_matrix(*project, "NPT"), out);
    auto cells = test::read_sheet(out, 2);
    ASSERT_FALSE(cells.empty());
    EXPECT_EQ(cells[0][0].text, "Case");
    EXPECT_EQ(cells[0][8].text, "Quote");
    std::size_t r = 1;
    for (const char* name : {"P01", "P02", "P03"})
        for (const char* column : {"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"})
            for (const CodedSegment& s : cell_segments(name, column)) {
                ASSERT_LT(r, cells.size());
                const auto& row = cells[r++];
                EXPECT_EQ(row[0].text, name);
                EXPECT_EQ(row[1].text, column);
                EXPECT_EQ(row[2].text, s.document);
                EXPECT_TRUE(row[3].number);
                EXPECT_EQ(row[3].text, std::to_string(s.coding.start));
                EXPECT_EQ(row[4].text, std::to_string(s.coding.end));
                EXPECT_EQ(row[8].text, s.text);
                EXPECT_EQ(row[9].text, "current");
                std::string line = quote_line(s);
                std::string ref = line.substr(line.find("\xE2\x80\x9D (") + 5);
                EXPECT_EQ(row[10].text, ref.substr(0, ref.size() - 1));
            }
    EXPECT_EQ(r, cells.size());
    EXPECT_GT(r, 4u);
}

TEST_F(MatrixExportTest, CsvParsesBackToTheSameTableWithOrWithoutBom) {
    fs::path out = dir / "matrix.csv";
    FrameworkMatrix m = load_matrix(*project, "NPT");
    write_matrix_csv(m, out);
    std::string bytes = test::read_bytes(out);
    EXPECT_NE(bytes.substr(0, 3), "\xEF\xBB\xBF");
    Grid got;
    for (const csv::Row& row : csv::parse(bytes, ',')) got.push_back(row.fields);
    EXPECT_EQ(got, expected_table());

    write_matrix_csv(m, out, {true});
    bytes = test::read_bytes(out);
    EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
    got.clear();
    for (const csv::Row& row : csv::parse(bytes, ',')) got.push_back(row.fields);
    EXPECT_EQ(got, expected_table());
}

TEST_F(MatrixExportTest, MarkdownTablesHoldEveryCellGroupedByAttribute) {
    fs::path out = dir / "matrix.md";
    export_matrix(load_matrix(*project, "NPT"), out);
    std::string md = test::read_bytes(out);
    Grid want = expected_table();
    EXPECT_NE(md.find("## group: Hub client\n"), std::string::npos);
    EXPECT_NE(md.find("## group: Hub staff\n"), std::string::npos);
    EXPECT_NE(md.find("## group: (not set)\n"), std::string::npos);
    Grid rows;
    std::size_t start = 0;
    while (start < md.size()) {
        std::size_t end = md.find('\n', start);
        std::string line = md.substr(start, end - start);
        start = end + 1;
        if (line.rfind("| ", 0) == 0 && line.rfind("| --- ", 0) != 0) {
            auto cells = test::markdown_row(line);
            if (cells[0] == "Case") EXPECT_EQ(cells, want[0]);
            else rows.push_back(cells);
        }
    }
    EXPECT_EQ(rows, Grid(want.begin() + 1, want.end()));
}

TEST_F(MatrixExportTest, HtmlIsOneSelfContainedPageWithEveryQuoteEscaped) {
    fs::path out = dir / "matrix.html";
    export_matrix(load_matrix(*project, "NPT"), out);
    std::string page = test::read_bytes(out);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    for (const char* external : {"<script", "<link", "src=", "http://", "https://"})
        EXPECT_EQ(page.find(external), std::string::npos) << external;
    EXPECT_NE(page.find("@page"), std::string::npos);
    EXPECT_NE(page.find(html::escape_multiline(kSummary)), std::string::npos);
    for (const char* name : {"P01", "P02"})
        for (const char* column : {"Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"})
            for (const CodedSegment& s : cell_segments(name, column))
                EXPECT_NE(page.find("<blockquote dir=\"auto\">" + html::escape_multiline(s.text) + "</blockquote>"),
                          std::string::npos) << s.text;
    EXPECT_NE(page.find("group: Hub client"), std::string::npos);
    EXPECT_LT(page.find("group: Hub client"), page.find("group: Hub staff"));
    EXPECT_EQ(page.find("<tags>"), std::string::npos);  // escaped, never live markup
}

TEST_F(MatrixExportTest, DeletedCodingsStillShowTheirQuoteFlaggedInEveryFormat) {
    CodedSegment hazard = cell_segments("P01", "Reflexive monitoring").at(0);
    delete_coding(*project, hazard.coding.id);
    FrameworkMatrix m = load_matrix(*project, "NPT");
    fs::path xlsx = dir / "m.xlsx", csvf = dir / "m.csv", md = dir / "m.md", html = dir / "m.html";
    for (const fs::path& p : {xlsx, csvf, md, html}) export_matrix(m, p);
    std::string line = quote_line(hazard, "; coding deleted");
    EXPECT_EQ(test::sheet_text(xlsx, 1)[1][6], line);
    int deleted_rows = 0;
    for (const auto& row : test::sheet_text(xlsx, 2))
        if (row.size() > 9 && row[8] == hazard.text) {
            EXPECT_EQ(row[9], "deleted");
            ++deleted_rows;
        }
    EXPECT_EQ(deleted_rows, 1);
    EXPECT_EQ(csv::parse(test::read_bytes(csvf), ',')[1].fields[6], line);
    EXPECT_NE(test::read_bytes(md).find("coding deleted"), std::string::npos);
    EXPECT_NE(test::read_bytes(html).find("coding deleted"), std::string::npos);
}

TEST_F(MatrixExportTest, FailedExportsLeaveNoFileBehind) {
    FrameworkMatrix m = load_matrix(*project, "NPT");
    for (const char* name : {"m.xlsx", "m.csv", "m.html", "m.md"}) {
        fs::path missing = dir / "no such folder" / name;
        EXPECT_THROW(export_matrix(m, missing), InputError);
        EXPECT_FALSE(fs::exists(missing));
        // The target is a folder: nothing is written and no temporary file is left beside it.
        fs::path folder = dir / ("taken-" + std::string(name));
        fs::create_directories(folder / "inside");
        EXPECT_THROW(export_matrix(m, folder), InputError);
        EXPECT_TRUE(fs::is_directory(folder / "inside"));
    }
    for (const auto& entry : fs::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
    try {
        export_matrix(m, dir / "matrix.pdf");
        FAIL() << "no error for .pdf";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("matrix.pdf"), std::string::npos);
    }
    EXPECT_FALSE(fs::exists(dir / "matrix.pdf"));
}

TEST(MatrixLinkReference, DocumentSpanThenSpeakerAndMediaTimeWhenKnown) {
    MatrixLink link;
    link.document = "p01.txt";
    link.start = 44;
    link.end = 80;
    EXPECT_EQ(link_reference(link), "p01.txt 44-80");
    link.speaker = "P01";
    link.time_ms = 65000;
    EXPECT_EQ(link_reference(link), "p01.txt 44-80, P01, 01:05");
    link.speaker.clear();
    link.time_ms = 3723000;
    EXPECT_EQ(link_reference(link), "p01.txt 44-80, 1:02:03");
    link.document.clear();
    link.time_ms.reset();
    EXPECT_EQ(link_reference(link), "(deleted document) 44-80");
}

TEST(XlsxCells, LongTextIsCutToExcelsLimitAtACodePointWithANote) {
    std::string emoji;
    for (int i = 0; i < 20000; ++i) emoji += "😀";  // 40,000 UTF-16 units
    bool cut = false;
    std::string fitted = xlsx::fit_cell(emoji, &cut);
    EXPECT_TRUE(cut);
    std::size_t units = 0;
    for (std::size_t i = 0; i < fitted.size();) {
        unsigned char b = static_cast<unsigned char>(fitted[i]);
        std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        units += n == 4 ? 2 : 1;
        i += n;
    }
    EXPECT_LE(units, xlsx::kMaxCellChars);
    EXPECT_EQ(fitted.rfind("😀", 0), 0u);
    EXPECT_NE(fitted.find("more were left out"), std::string::npos);

    std::string fits(xlsx::kMaxCellChars, 'a');
    EXPECT_EQ(xlsx::fit_cell(fits, &cut), fits);
    EXPECT_FALSE(cut);
    EXPECT_EQ(xlsx::fit_cell("a\x01" "b\tc\nd"), "a\xEF\xBF\xBD" "b\tc\nd");
}

TEST(XlsxCells, AWriteErrorMidWorkbookThrowsAndLeavesNoFile) {
    test::TempDir dir;
    fs::path out = dir / "broken.xlsx";
    try {
        produce_file_atomic(out, [&](const fs::path& temp) {
            xlsx::Workbook book(temp, out.string());
            xlsx::Sheet sheet = book.add_sheet("Data");
            sheet.text(0, 0, "fine");
            sheet.text(2000000, 0, "beyond Excel's last row");
            book.close();
        });
        FAIL() << "no error for a row beyond Excel's limit";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("broken.xlsx: cannot write cell at row 2000001"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

}  // namespace
}  // namespace npt
