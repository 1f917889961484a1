// export_format.hpp — what every table export shares: choosing the format from the output file's
// extension, the options (CSV byte order mark, which case attributes appear, paper size), and the
// colour scale used for counts.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace npt {

enum class ExportFormat { Xlsx, Csv, Html, Markdown, Docx };

// The format named by the file's extension (.xlsx, .csv, .html/.htm, .md/.markdown, .docx; any
// case). Throws InputError naming the file and the formats `allowed` when it is none of them.
ExportFormat export_format_of(const std::filesystem::path& file,
                              const std::vector<ExportFormat>& allowed = {ExportFormat::Xlsx, ExportFormat::Csv,
                                                                          ExportFormat::Html, ExportFormat::Markdown,
                                                                          ExportFormat::Docx});
const char* extension_of(ExportFormat format);  // ".xlsx", ".csv", ".html", ".md", ".docx"

// The paper printed exports are laid out for (XLSX page setup, Word pages, the HTML @page rule).
enum class Paper { A4, Letter };
// US Letter when the locale's territory is the US or Canada ("en_US.UTF-8", "fr_CA"), else A4.
// "C", "POSIX" and an empty locale are A4.
Paper paper_for_locale(std::string_view locale);
// The paper of this process's locale: LC_ALL, else LC_PAPER, else LANG (the POSIX order).
Paper paper_from_environment();

struct ExportOptions {
    bool excel_bom = false;  // CSV: start with a UTF-8 byte order mark so Excel reads UTF-8
    bool raw_cells = false;  // CSV: cells as stored, without the "'" before formula-like cells (csv::Cells)
    // Framework matrices: the case attributes that appear as columns, by name. Unset: every
    // attribute (the default, as before). Empty: none. See matrix_attributes.hpp.
    std::optional<std::vector<std::string>> attributes;
    // Printed layout; unset: paper_from_environment().
    std::optional<Paper> paper;
    Paper paper_or_locale() const { return paper ? *paper : paper_from_environment(); }
};

// A light-to-dark blue for `value` out of `max` in nine steps, "#rrggbb"; white for 0.
std::string count_colour(std::int64_t value, std::int64_t max);
// "#ffffff" on dark backgrounds, "#000000" on light ones ("#rrggbb" in; same rule as XLSX fills).
std::string text_colour_on(const std::string& background);

}  // namespace npt
