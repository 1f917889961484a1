// segments_markdown.cpp — the coded segments report as Markdown: a section per code, each segment
// a block quote followed by its reference and memo.
#include "exporters/markdown_text.hpp"
#include "exporters/segments_report.hpp"

namespace npt {

std::string segments_markdown(const SegmentReport& report) {
    std::string out = "# " + md::escape(report.title) + "\n\n" + std::to_string(report.rows.size()) +
                      " segments. References give the case and its attributes, the document and the segment's span in "
                      "characters (code points), the speaker and time where known, and the coder.\n";
    std::string last_code;
    for (std::size_t i = 0; i < report.rows.size(); ++i) {
        const SegmentReportRow& row = report.rows[i];
        const CodedSegment& s = row.retrieved.segment;
        if (i == 0 || s.code != last_code) out += "\n## " + md::escape(s.code) + "\n";
        last_code = s.code;
        out += "\n" + md::blockquote(s.text) + "\n\xE2\x80\x94 " + md::escape(segment_reference(report, row)) + "\n";
        if (!s.memo.empty()) out += "\n*Memo:* " + md::escape(s.memo) + "\n";
    }
    return out;
}

}  // namespace npt
