// segments_xlsx.cpp — the coded segments report as one worksheet (numbers for offsets, wrapped
// text with each row as tall as it needs, frozen header, filters), streamed row by row in constant
// memory.
#include <algorithm>

#include "core/store/file_io.hpp"
#include "exporters/segments_report.hpp"
#include "exporters/xlsx_layout.hpp"
#include "exporters/xlsx_workbook.hpp"

namespace npt {

void write_segments_xlsx(const SegmentReport& report, const std::filesystem::path& out, Paper paper) {
    produce_file_atomic(out, [&](const std::filesystem::path& temp) {
        xlsx::Workbook book(temp, out.string());
        xlsx::Sheet sheet = book.add_sheet("Segments");
        sheet.paper(paper);
        std::vector<std::string> header = segment_report_header(report);
        const std::size_t first = 2 + report.attributes.size();  // Document column
        std::vector<double> widths;
        for (std::size_t c = 0; c < header.size(); ++c) {
            double width = c == 0 ? 28 : c < first ? 14 : c == first ? 18 : c + 2 == header.size() ? 70
                         : c + 1 == header.size() ? 40 : 10;
            widths.push_back(width);
            sheet.column_width(static_cast<std::uint16_t>(c), static_cast<std::uint16_t>(c), width);
            sheet.text(0, static_cast<std::uint16_t>(c), header[c], xlsx::Style::Header);
        }
        sheet.freeze(1, 1);
        std::uint32_t r = 1;
        for (const SegmentReportRow& row : report.rows) {
            std::vector<std::string> fields = segment_report_fields(row);
            int lines = 1;
            for (std::size_t c = 0; c < fields.size(); ++c) lines = std::max(lines, xlsx::wrapped_lines(fields[c], widths[c]));
            sheet.row_height(r, xlsx::row_height_for(lines));
            for (std::size_t c = 0; c < fields.size(); ++c) {
                auto col = static_cast<std::uint16_t>(c);
                if (c == first + 1 || c == first + 2) sheet.number(r, col, std::stod(fields[c]));
                else if (auto number = c >= 2 && c < first ? xlsx::plain_number(fields[c]) : std::nullopt)
                    sheet.number(r, col, *number, xlsx::Style::Decimal);
                else sheet.text(r, col, fields[c]);
            }
            ++r;
        }
        sheet.autofilter(0, 0, r > 1 ? r - 1 : 1, static_cast<std::uint16_t>(header.size() - 1));
        book.close();
    });
}

}  // namespace npt
