// counts_export.hpp — a matrix coding query's counts (core/query/matrix_query.hpp: rows are cases or
// attribute values, columns are codes) written as a table with a colour scale: XLSX (shaded
// cells), CSV (numbers only) and printable HTML (shaded cells with a legend). Files are produced
// atomically; errors throw npt::InputError naming the output file.
#pragma once
#include <filesystem>
#include <string>

#include "core/text/csv.hpp"
#include "core/query/matrix_query.hpp"
#include "core/query/matrix_query.hpp"
#include "exporters/export_format.hpp"

namespace npt {

// The header: the row label ("case" or the attribute), then the column code paths.
std::vector<std::string> counts_header(const MatrixQueryResult& result);
// The largest count in the table (0 when empty): the top of the colour scale.
std::int64_t counts_max(const MatrixQueryResult& result);

std::string counts_csv(const MatrixQueryResult& result, bool excel_bom, csv::Cells cells = csv::Cells::Neutralised);
// `title` names what was counted, e.g. "Coded segments per case".
std::string counts_html(const MatrixQueryResult& result, const std::string& title);
void write_counts_xlsx(const MatrixQueryResult& result, const std::filesystem::path& out, const std::string& title,
                       Paper paper = paper_from_environment());

// Writes in the format the extension names: .xlsx, .csv or .html.
void export_counts(const MatrixQueryResult& result, const std::filesystem::path& out, const std::string& title,
                   const ExportOptions& options = {});

}  // namespace npt
