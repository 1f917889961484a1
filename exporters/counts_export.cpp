// counts_export.cpp — matrix coding query counts to CSV, HTML and XLSX with a colour scale.
#include "exporters/counts_export.hpp"

#include "core/text/csv.hpp"
#include "core/store/file_io.hpp"
#include "exporters/html_page.hpp"
#include "exporters/xlsx_workbook.hpp"

namespace npt {

std::vector<std::string> counts_header(const MatrixQueryResult& result) {
    std::vector<std::string> header{result.row_label};
    header.insert(header.end(), result.columns.begin(), result.columns.end());
    return header;
}

std::int64_t counts_max(const MatrixQueryResult& result) {
    std::int64_t max = 0;
    for (const auto& row : result.counts)
        for (std::int64_t v : row) max = std::max(max, v);
    return max;
}

std::string counts_csv(const MatrixQueryResult& result, bool excel_bom, csv::Cells cells) {
    std::string out = excel_bom ? "\xEF\xBB\xBF" : "";
    out += csv::format_row(counts_header(result), ',', cells);
    for (std::size_t r = 0; r < result.rows.size(); ++r) {
        std::vector<std::string> fields{result.rows[r]};
        for (std::int64_t v : result.counts[r]) fields.push_back(std::to_string(v));
        out += csv::format_row(fields, ',', cells);
    }
    return out;
}

std::string counts_html(const MatrixQueryResult& result, const std::string& title) {
    const std::int64_t max = counts_max(result);
    html::Page page(title, "td.num { min-width: 3em; } .legend span { display: inline-block; padding: .1em .5em; }\n");
    page.heading(1, title);
    std::string legend = "<p class=\"legend muted\">Colour scale (0 to " + std::to_string(max) + "): ";
    std::int64_t previous = 0;
    for (std::int64_t step = 0; step <= 8 && max > 0; ++step) {
        std::int64_t v = max == 1 ? 1 : 1 + step * (max - 1) / 8;
        if (v == previous) continue;
        previous = v;
        legend += "<span style=\"background:" + count_colour(v, max) + ";color:" + text_colour_on(count_colour(v, max)) + "\">" +
                  std::to_string(v) + "</span>";
    }
    page.raw(legend + "</p>\n");
    std::string table = "<table>\n<thead><tr>";
    for (std::size_t i = 0; i < result.columns.size() + 1; ++i)
        table += std::string(i ? "<th class=\"num\">" : "<th>") + html::escape(counts_header(result)[i]) + "</th>";
    table += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < result.rows.size(); ++r) {
        table += "<tr><th dir=\"auto\">" + html::escape(result.rows[r]) + "</th>";
        for (std::int64_t v : result.counts[r]) {
            std::string colour = count_colour(v, max);
            table += "<td class=\"num\" style=\"background:" + colour + ";color:" + text_colour_on(colour) + "\">" +
                     std::to_string(v) + "</td>";
        }
        table += "</tr>\n";
    }
    page.raw(table + "</tbody>\n</table>\n");
    return page.finish();
}

void write_counts_xlsx(const MatrixQueryResult& result, const std::filesystem::path& out, const std::string& title, Paper paper) {
    produce_file_atomic(out, [&](const std::filesystem::path& temp) {
        xlsx::Workbook book(temp, out.string());
        xlsx::Sheet sheet = book.add_sheet("Counts");
        sheet.paper(paper);
        const std::int64_t max = counts_max(result);
        std::vector<std::string> header = counts_header(result);
        sheet.column_width(0, 0, 22);
        if (!result.columns.empty()) sheet.column_width(1, static_cast<std::uint16_t>(result.columns.size()), 16);
        sheet.freeze(1, 1);
        for (std::size_t c = 0; c < header.size(); ++c) sheet.text(0, static_cast<std::uint16_t>(c), header[c], xlsx::Style::Header);
        std::uint32_t r = 1;
        for (std::size_t i = 0; i < result.rows.size(); ++i, ++r) {
            sheet.text(r, 0, result.rows[i], xlsx::Style::Header);
            for (std::size_t c = 0; c < result.counts[i].size(); ++c)
                sheet.shaded_number(r, static_cast<std::uint16_t>(c + 1), static_cast<double>(result.counts[i][c]),
                                    count_colour(result.counts[i][c], max));
        }
        sheet.text(r + 1, 0, title + " (colour scale 0 to " + std::to_string(max) + ")", xlsx::Style::Note);
        book.close();
    });
}

void export_counts(const MatrixQueryResult& result, const std::filesystem::path& out, const std::string& title,
                   const ExportOptions& options) {
    switch (export_format_of(out, {ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Html})) {
        case ExportFormat::Xlsx: return write_counts_xlsx(result, out, title, options.paper_or_locale());
        case ExportFormat::Csv: return write_file_atomic(out, counts_csv(result, options.excel_bom, options.raw_cells ? csv::Cells::Raw : csv::Cells::Neutralised));
        case ExportFormat::Html: return write_file_atomic(out, counts_html(result, title));
        case ExportFormat::Markdown:
        case ExportFormat::Docx: break;
    }
}

}  // namespace npt
