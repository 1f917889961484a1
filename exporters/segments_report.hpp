// segments_report.hpp — the coded segments report: every segment matching a retrieval filter,
// with its code, case(s) and their attributes, document, location, speaker, media time, coder,
// exact text and memo — for XLSX, CSV (RFC 4180, UTF-8), printable HTML, Markdown and Word. Each
// writer produces its file atomically; errors throw npt::InputError naming the output file.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/text/csv.hpp"
#include "core/query/retrieval.hpp"
#include "exporters/export_format.hpp"

namespace npt {

struct SegmentReportRow {
    RetrievedSegment retrieved;
    std::vector<std::string> attributes;  // per SegmentReport::attributes; values of several cases joined by "; "
    std::optional<std::int64_t> time_ms;  // media time of the turn holding the segment's start
};

struct SegmentReport {
    std::string title = "Coded segments";
    std::vector<std::string> attributes;  // every case attribute, in sort order
    std::vector<SegmentReportRow> rows;   // by code (codebook order), then document, start, end, coder
};

// Collects the report (filter as `nptcoder code list` / retrieval). NotFoundError for unknown names.
SegmentReport build_segment_report(Project& project, const RetrievalFilter& filter);

// Code, Case, <attributes...>, Document, Start, End, Speaker, Time, Coder, Text, Memo.
std::vector<std::string> segment_report_header(const SegmentReport& report);
// One row's fields as text, matching the header (cases joined by "; ").
std::vector<std::string> segment_report_fields(const SegmentReportRow& row);
// "P01 (group: Hub client, site: North) · p01.txt 120-245 · P01 · 03:12 · Amira": case(s) with
// attributes, document and span, speaker, time and coder, leaving out what is unknown.
std::string segment_reference(const SegmentReport& report, const SegmentReportRow& row);

std::string segments_csv(const SegmentReport& report, bool excel_bom, csv::Cells cells = csv::Cells::Neutralised);
std::string segments_html(const SegmentReport& report);
std::string segments_markdown(const SegmentReport& report);
// Attribute values that are plain decimal numbers are numbers (xlsx::plain_number); Start and End too.
void write_segments_xlsx(const SegmentReport& report, const std::filesystem::path& out, Paper paper = paper_from_environment());
// A heading per code and a table of its segments (header row repeated on every page); landscape
// pages when the report has memos (a sixth column).
void write_segments_docx(const SegmentReport& report, const std::filesystem::path& out, Paper paper);

// Writes in the format the extension names (.xlsx, .csv, .html, .md, .docx).
void export_segments(const SegmentReport& report, const std::filesystem::path& out, const ExportOptions& options = {});

}  // namespace npt
