// segments_docx.cpp — the coded segments report as a Word document: a heading per code, then a
// table of its segments (case with its attributes, document and span, speaker and time, coder,
// the exact text, and the memo when any segment has one) whose header row repeats on every page.
#include "core/text/media_time.hpp"
#include "exporters/docx_document.hpp"
#include "exporters/segments_report.hpp"

namespace npt {
namespace {

std::vector<docx::Cell> segment_cells(const SegmentReport& report, const SegmentReportRow& row, bool memos) {
    const CodedSegment& s = row.retrieved.segment;
    docx::Cell case_cell;
    std::string cases;
    for (const std::string& c : row.retrieved.cases) cases += (cases.empty() ? "" : "; ") + c;
    case_cell.paragraphs.push_back({{{cases.empty() ? "(no case)" : cases, true}}, ""});
    std::string attrs;
    for (std::size_t i = 0; i < report.attributes.size() && i < row.attributes.size(); ++i)
        if (!row.attributes[i].empty()) attrs += (attrs.empty() ? "" : "\n") + report.attributes[i] + ": " + row.attributes[i];
    if (!attrs.empty()) case_cell.paragraphs.push_back({{{attrs}}, "Reference"});
    std::string where = row.retrieved.speaker;
    if (row.time_ms) where += (where.empty() ? "" : ", ") + format_media_time(*row.time_ms);
    std::vector<docx::Cell> cells{
        case_cell, docx::text_cell(s.document + " " + std::to_string(s.coding.start) + "-" + std::to_string(s.coding.end)),
        docx::text_cell(where), docx::text_cell(s.coder), docx::text_cell(s.text)};
    if (memos) cells.push_back(docx::text_cell(s.memo));
    return cells;
}

}  // namespace

void write_segments_docx(const SegmentReport& report, const std::filesystem::path& out, Paper paper) {
    bool memos = false;
    for (const SegmentReportRow& row : report.rows) memos = memos || !row.retrieved.segment.memo.empty();
    docx::Document doc(report.title, paper, memos ? docx::Orientation::Landscape : docx::Orientation::Portrait);
    doc.title(report.title);
    doc.paragraph(std::to_string(report.rows.size()) +
                      " segments. Each gives the case and its attributes, the document and the segment's span in "
                      "characters (code points), the speaker and time where known, and the coder.",
                  "Reference");
    docx::Table table;
    auto flush = [&] {
        if (!table.rows.empty()) doc.table(table);
        table.rows.clear();
    };
    table.header = {"Case", "Document", "Speaker, time", "Coder", "Text"};
    table.widths = {0.15, 0.14, 0.12, 0.09, 0.50};
    if (memos) {
        table.header.push_back("Memo");
        table.widths = {0.12, 0.11, 0.10, 0.08, 0.39, 0.20};
    }
    std::string last_code;
    for (std::size_t i = 0; i < report.rows.size(); ++i) {
        const SegmentReportRow& row = report.rows[i];
        const std::string& code = row.retrieved.segment.code;
        if (i == 0 || code != last_code) {
            flush();
            doc.heading(2, code);
        }
        last_code = code;
        table.rows.push_back(segment_cells(report, row, memos));
    }
    flush();
    if (report.rows.empty()) doc.paragraph("No coded segments match.");
    doc.write(out);
}

}  // namespace npt
