// cases_xlsx.hpp — participants' details from an Excel workbook (.xlsx): one sheet read as the
// cases CSV is (first column the case, a header row, every other column an attribute), with the
// same rules and types. Cells formatted as dates become YYYY-MM-DD; text like 03/04/2024 is read
// day first, as in the CSV.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/csv.hpp"
#include "importers/cases_csv_importer.hpp"

namespace npt::importers {

// The cells of one sheet (the first, or the one named `sheet`), one Row per sheet row from row 1
// to the last row with a value, each `line` the sheet's row number, each row as wide as the
// widest. Shared and inline strings, numbers as Excel wrote them, booleans as TRUE/FALSE,
// date-formatted numbers as YYYY-MM-DD (1900 and 1904 date systems). Throws FormatError naming
// `source`: not an XLSX workbook, no such sheet (listing the sheets), broken XML.
std::vector<csv::Row> read_xlsx_sheet(std::string_view bytes, std::string_view source, const std::string& sheet = "");

// Reads a workbook (max_size bytes at most) and imports one sheet as cases (case_table_from_rows,
// errors naming "row N"); the project is unchanged when anything fails.
CasesImportSummary import_cases_xlsx(Project& project, const std::filesystem::path& file, const CasesImportOptions& options,
                                     const std::string& sheet = "", std::uint64_t max_size = 100ull * 1024 * 1024);

// True when the file looks like a zip (an XLSX workbook) rather than CSV text.
bool looks_like_xlsx(std::string_view bytes);

}  // namespace npt::importers
