// segments_report.cpp — collecting the coded segments report and its plain-text rows, the CSV
// writer, and the dispatcher choosing a writer by file extension (the other writers are
// segments_{xlsx,html,markdown,docx}.cpp).
#include "exporters/segments_report.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "core/text/csv.hpp"
#include "core/model/documents.hpp"
#include "core/store/file_io.hpp"
#include "core/text/media_time.hpp"

namespace npt {

SegmentReport build_segment_report(Project& project, const RetrievalFilter& filter) {
    SegmentReport report;
    std::vector<Attribute> attributes = list_attributes(project);
    for (const Attribute& a : attributes) report.attributes.push_back(a.name);
    std::unordered_map<CodeId, std::size_t> code_order;
    {
        std::vector<Code> codes = list_codes(project);
        for (std::size_t i = 0; i < codes.size(); ++i) code_order[codes[i].id] = i;
    }
    std::map<std::string, std::map<std::string, std::string>> case_values_by_name;
    for (const CaseDetail& c : list_case_details(project)) case_values_by_name[c.info.name] = c.values;
    std::unordered_map<DocumentId, std::vector<SpeakerTurn>> turns;

    for (RetrievedSegment& r : retrieve_segments(project, filter)) {
        SegmentReportRow row{std::move(r), {}, std::nullopt};
        for (const Attribute& a : attributes) {
            std::vector<std::string> values;
            for (const std::string& c : row.retrieved.cases) {
                auto it = case_values_by_name[c].find(a.name);
                if (it != case_values_by_name[c].end() && std::find(values.begin(), values.end(), it->second) == values.end())
                    values.push_back(it->second);
            }
            std::string joined;
            for (const std::string& v : values) joined += (joined.empty() ? "" : "; ") + v;
            row.attributes.push_back(joined);
        }
        const Coding& c = row.retrieved.segment.coding;
        auto t = turns.find(c.document_id);
        if (t == turns.end()) t = turns.emplace(c.document_id, speaker_turns(project, c.document_id)).first;
        for (const SpeakerTurn& turn : t->second)
            if (turn.start <= c.start && c.start < turn.end) row.time_ms = turn.start_ms;
        report.rows.push_back(std::move(row));
    }
    std::stable_sort(report.rows.begin(), report.rows.end(), [&](const SegmentReportRow& a, const SegmentReportRow& b) {
        std::size_t ca = code_order[a.retrieved.segment.coding.code_id], cb = code_order[b.retrieved.segment.coding.code_id];
        return ca < cb;  // list_segments already orders by document, start, end, code, coder
    });
    return report;
}

std::vector<std::string> segment_report_header(const SegmentReport& report) {
    std::vector<std::string> header{"Code", "Case"};
    header.insert(header.end(), report.attributes.begin(), report.attributes.end());
    for (const char* h : {"Document", "Start", "End", "Speaker", "Time", "Coder", "Text", "Memo"}) header.push_back(h);
    return header;
}

std::vector<std::string> segment_report_fields(const SegmentReportRow& row) {
    const CodedSegment& s = row.retrieved.segment;
    std::string cases;
    for (const std::string& c : row.retrieved.cases) cases += (cases.empty() ? "" : "; ") + c;
    std::vector<std::string> fields{s.code, cases};
    fields.insert(fields.end(), row.attributes.begin(), row.attributes.end());
    for (std::string f : {s.document, std::to_string(s.coding.start), std::to_string(s.coding.end), row.retrieved.speaker,
                          row.time_ms ? format_media_time(*row.time_ms) : std::string(), s.coder, s.text, s.memo})
        fields.push_back(std::move(f));
    return fields;
}

std::string segment_reference(const SegmentReport& report, const SegmentReportRow& row) {
    const CodedSegment& s = row.retrieved.segment;
    std::vector<std::string> parts;
    if (!row.retrieved.cases.empty()) {
        std::string cases;
        for (const std::string& c : row.retrieved.cases) cases += (cases.empty() ? "" : "; ") + c;
        std::string attrs;
        for (std::size_t i = 0; i < report.attributes.size() && i < row.attributes.size(); ++i)
            if (!row.attributes[i].empty()) attrs += (attrs.empty() ? "" : ", ") + report.attributes[i] + ": " + row.attributes[i];
        parts.push_back(attrs.empty() ? cases : cases + " (" + attrs + ")");
    }
    parts.push_back(s.document + " " + std::to_string(s.coding.start) + "-" + std::to_string(s.coding.end));
    if (!row.retrieved.speaker.empty()) parts.push_back(row.retrieved.speaker);
    if (row.time_ms) parts.push_back(format_media_time(*row.time_ms));
    parts.push_back(s.coder);
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : " \xC2\xB7 ") + p;
    return out;
}

std::string segments_csv(const SegmentReport& report, bool excel_bom, csv::Cells cells) {
    std::string out = excel_bom ? "\xEF\xBB\xBF" : "";
    out += csv::format_row(segment_report_header(report), ',', cells);
    for (const SegmentReportRow& row : report.rows) out += csv::format_row(segment_report_fields(row), ',', cells);
    return out;
}

void export_segments(const SegmentReport& report, const std::filesystem::path& out, const ExportOptions& options) {
    switch (export_format_of(out)) {
        case ExportFormat::Xlsx: return write_segments_xlsx(report, out, options.paper_or_locale());
        case ExportFormat::Csv: return write_file_atomic(out, segments_csv(report, options.excel_bom, options.raw_cells ? csv::Cells::Raw : csv::Cells::Neutralised));
        case ExportFormat::Html: return write_file_atomic(out, segments_html(report));
        case ExportFormat::Markdown: return write_file_atomic(out, segments_markdown(report));
        case ExportFormat::Docx: return write_segments_docx(report, out, options.paper_or_locale());
    }
}

}  // namespace npt
