// segments_report_test.cpp — the coded segments report in XLSX, CSV, HTML and Markdown, checked
// field by field against the project's segments, cases, attributes, speaker turns and memos.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/text/csv.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "exporters/export_test_support.hpp"
#include "exporters/html_page.hpp"
#include "exporters/segments_report.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;
using Grid = std::vector<std::vector<std::string>>;

class SegmentsReportTest : public ::testing::Test {
protected:
    void SetUp() override { project = std::make_unique<Project>(test::make_export_study(dir.path())); }

    // Header and rows computed from the project: codebook order, then document order.
    Grid expected(const std::vector<std::string>& only_codes_under = {}) {
        Grid g{{"Code", "Case", "group", "site", "Document", "Start", "End", "Speaker", "Time", "Coder", "Text", "Memo"}};
        for (const Code& code : list_codes(*project)) {
            for (const CodedSegment& s : list_segments(*project)) {
                if (s.code != code.path) continue;
                bool wanted = only_codes_under.empty();
                for (const std::string& c : only_codes_under) wanted |= s.code == c || s.code.rfind(c + "/", 0) == 0;
                if (!wanted) continue;
                std::vector<Case> cases = cases_of_document(*project, s.coding.document_id);
                std::string case_name = cases.empty() ? "" : cases[0].name;
                auto values = cases.empty() ? std::map<std::string, std::string>{} : case_values(*project, cases[0].id);
                std::string speaker, time;
                for (const SpeakerTurn& t : speaker_turns(*project, s.coding.document_id)) {
                    if (t.start < s.coding.end && s.coding.start < t.end && speaker.find(t.speaker) == std::string::npos)
                        speaker += (speaker.empty() ? "" : ", ") + t.speaker;
                    if (t.start <= s.coding.start && s.coding.start < t.end) {
                        char buf[16];
                        std::snprintf(buf, sizeof buf, "%02d:%02d", int(*t.start_ms / 60000), int(*t.start_ms / 1000 % 60));
                        time = buf;
                    }
                }
                g.push_back({s.code, case_name, values["group"], values["site"], s.document, std::to_string(s.coding.start),
                             std::to_string(s.coding.end), speaker, time, s.coder, s.text, s.memo});
            }
        }
        return g;
    }

    test::TempDir dir;
    std::unique_ptr<Project> project;
};

TEST_F(SegmentsReportTest, XlsxHasEveryFieldOfEverySegment) {
    fs::path out = dir / "segments.xlsx";
    export_segments(build_segment_report(*project, {}), out);
    auto want = expected();
    ASSERT_EQ(want.size(), 8u);  // header + 7 codings
    auto cells = test::read_sheet(out, 1);
    ASSERT_EQ(cells.size(), want.size());
    for (std::size_t r = 0; r < want.size(); ++r) {
        cells[r].resize(want[r].size());
        for (std::size_t c = 0; c < want[r].size(); ++c) EXPECT_EQ(cells[r][c].text, want[r][c]) << r << "," << c;
        if (r > 0) {
            EXPECT_TRUE(cells[r][5].number && cells[r][6].number);
        }
    }
    // The memo with commas, quotes and a newline, and the speaker with its media time.
    auto memo_row = std::find_if(want.begin(), want.end(), [](auto& row) { return !row[11].empty() && row[0] != "Code"; });
    ASSERT_NE(memo_row, want.end());
    EXPECT_EQ((*memo_row)[11], "Memo with, commas and \"quotes\"\nand a second line.");
    EXPECT_EQ((*memo_row)[7], "P01");
    EXPECT_EQ((*memo_row)[8], "01:01");
}

TEST_F(SegmentsReportTest, CsvIsFilteredLikeRetrieval) {
    RetrievalFilter filter;
    filter.segments.codes = {"Cognitive participation"};
    filter.segments.include_descendants = true;
    fs::path out = dir / "legitimation.csv";
    export_segments(build_segment_report(*project, filter), out, {true});
    std::string bytes = test::read_bytes(out);
    EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
    Grid got;
    for (auto& row : csv::parse(bytes, ',')) got.push_back(row.fields);
    Grid want = expected({"Cognitive participation"});
    EXPECT_EQ(want.size(), 3u);  // Amira's and Ben's codings of the emoji / right-to-left passage
    EXPECT_EQ(got, want);

    RetrievalFilter where;
    where.where = {parse_attribute_condition("site=South, East")};
    SegmentReport staff = build_segment_report(*project, where);
    ASSERT_EQ(staff.rows.size(), 3u);
    for (const auto& row : staff.rows) EXPECT_EQ(row.retrieved.cases, std::vector<std::string>{"P02"});
    EXPECT_THROW(build_segment_report(*project, RetrievalFilter{{{}, {"Nope"}, false, {}, {}}, {}, 0}), NotFoundError);
}

TEST_F(SegmentsReportTest, HtmlAndMarkdownQuoteEverySegmentUnderItsCode) {
    SegmentReport report = build_segment_report(*project, {});
    fs::path html = dir / "segments.html", md = dir / "segments.md";
    export_segments(report, html);
    export_segments(report, md);
    std::string page = test::read_bytes(html), text = test::read_bytes(md);
    Grid want = expected();
    for (std::size_t r = 1; r < want.size(); ++r) {
        EXPECT_NE(page.find("<blockquote dir=\"auto\">" + html::escape_multiline(want[r][10]) + "</blockquote>"), std::string::npos);
        EXPECT_NE(page.find("<h2>" + html::escape(want[r][0]) + "</h2>"), std::string::npos);
        // Markdown: the quote is a block quote whose lines read back to the exact text.
        std::string quoted = "> ";
        std::string escaped;
        for (char c : want[r][10]) {
            if (std::string("\\`*_[]#|~").find(c) != std::string::npos) escaped += '\\';
            if (c == '&') escaped += "&amp;";
            else if (c == '<') escaped += "&lt;";
            else if (c == '>') escaped += "&gt;";
            else escaped += c;
            if (c == '\n') escaped += "> ";
        }
        EXPECT_NE(text.find(quoted + escaped + "\n"), std::string::npos) << want[r][10];
    }
    EXPECT_NE(text.find("P01 (group: Hub client, site: North) \xC2\xB7 p01, first.txt"), std::string::npos);
    EXPECT_NE(page.find("Memo with, commas and &quot;quotes&quot;<br>and a second line."), std::string::npos);
}

}  // namespace
}  // namespace npt
