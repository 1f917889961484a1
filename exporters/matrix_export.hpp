// matrix_export.hpp — framework matrices written for papers and supplements: XLSX (matrix sheet
// plus a sheet of linked quotes with references), CSV (RFC 4180, UTF-8), one self-contained
// printable HTML page, and Markdown. Every writer produces its file atomically (a temporary file
// renamed into place), so a failed export never leaves a half-written file; errors throw
// npt::InputError naming the output file.
#pragma once
#include <filesystem>
#include <string>

#include "core/text/csv.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "exporters/export_format.hpp"

namespace npt {

// Where a linked quote comes from, "p01.txt 120-245, Amira (P01), 00:03:12": document, code point
// span, then speaker and media time when known. A deleted document shows as "(deleted document)".
std::string link_reference(const MatrixLink& link);
// One linked quote as text: “quote” (p01.txt 120-245, P01, 03:12), with "; coding deleted" or
// "; coding changed since linked" before the closing parenthesis when the link is stale.
std::string matrix_quote_line(const MatrixLink& link);
// A cell as plain text (CSV, XLSX): the summary, a blank line, then one quote line per link.
std::string matrix_cell_text(const MatrixCell& cell);
// The header of the matrix table: "Case", the attribute columns, then the column code paths.
std::vector<std::string> matrix_header(const FrameworkMatrix& matrix);

// Sheet "Matrix": header row, one row per case (attributes first), wrapped text, frozen header
// row and case/attribute columns. Sheet "Quotes": one row per link (case, code, document, start,
// end, speaker, time, coder, quote, status, reference). Written in constant-memory mode.
void write_matrix_xlsx(const FrameworkMatrix& matrix, const std::filesystem::path& out);
void write_matrix_csv(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options = {});
void write_matrix_html(const FrameworkMatrix& matrix, const std::filesystem::path& out);
void write_matrix_markdown(const FrameworkMatrix& matrix, const std::filesystem::path& out);

// The page and document as strings (for the writers above and for previews).
std::string matrix_csv(const FrameworkMatrix& matrix, bool excel_bom, csv::Cells cells = csv::Cells::Neutralised);
std::string matrix_html(const FrameworkMatrix& matrix);
std::string matrix_markdown(const FrameworkMatrix& matrix);

// Writes in the format the extension names (see export_format_of).
void export_matrix(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options = {});

}  // namespace npt
