// segments_html.cpp — the coded segments report as one self-contained, printable HTML page: a
// section per code, each segment quoted with its reference and memo.
#include "exporters/html_page.hpp"
#include "exporters/segments_report.hpp"

namespace npt {

std::string segments_html(const SegmentReport& report) {
    html::Page page(report.title);
    page.heading(1, report.title);
    page.raw("<p class=\"muted\">" + std::to_string(report.rows.size()) +
             " segments. References give the case and its attributes, the document and the segment's span in "
             "characters (code points), the speaker and time where known, and the coder.</p>\n");
    std::string last_code;
    for (std::size_t i = 0; i < report.rows.size(); ++i) {
        const SegmentReportRow& row = report.rows[i];
        const CodedSegment& s = row.retrieved.segment;
        if (i == 0 || s.code != last_code) page.heading(2, s.code);
        last_code = s.code;
        std::string block = "<blockquote dir=\"auto\">" + html::escape_multiline(s.text) + "</blockquote>\n";
        block += "<div class=\"ref\">" + html::escape(segment_reference(report, row)) + "</div>\n";
        if (!s.memo.empty()) block += "<p class=\"muted\" dir=\"auto\"><em>Memo:</em> " + html::escape_multiline(s.memo) + "</p>\n";
        page.raw(block);
    }
    return page.finish();
}

}  // namespace npt
