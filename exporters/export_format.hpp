// export_format.hpp — what every table export shares: choosing the format from the output file's
// extension, the CSV byte-order-mark option, and the colour scale used for counts.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace npt {

enum class ExportFormat { Xlsx, Csv, Html, Markdown };

// The format named by the file's extension (.xlsx, .csv, .html/.htm, .md/.markdown; any case).
// Throws InputError naming the file and the formats `allowed` when it is none of them.
ExportFormat export_format_of(const std::filesystem::path& file,
                              const std::vector<ExportFormat>& allowed = {ExportFormat::Xlsx, ExportFormat::Csv,
                                                                          ExportFormat::Html, ExportFormat::Markdown});
const char* extension_of(ExportFormat format);  // ".xlsx", ".csv", ".html", ".md"

struct ExportOptions {
    bool excel_bom = false;  // CSV: start with a UTF-8 byte order mark so Excel reads UTF-8
    bool raw_cells = false;  // CSV: cells as stored, without the "'" before formula-like cells (csv::Cells)
};

// A light-to-dark blue for `value` out of `max` in nine steps, "#rrggbb"; white for 0.
std::string count_colour(std::int64_t value, std::int64_t max);
// "#ffffff" on dark backgrounds, "#000000" on light ones ("#rrggbb" in; same rule as XLSX fills).
std::string text_colour_on(const std::string& background);

}  // namespace npt
