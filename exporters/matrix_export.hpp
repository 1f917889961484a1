// matrix_export.hpp — framework matrices written for papers and supplements: XLSX (matrix sheet
// plus a sheet of linked quotes with references), CSV (RFC 4180, UTF-8), one self-contained
// printable HTML page, Markdown, and Word (.docx). Each writer shows only the case attributes
// ExportOptions::attributes chooses (matrix_attributes.hpp). Every writer produces its file atomically (a temporary file
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
// The share of the page width each column of the matrix table gets (case, attributes, codes),
// summing to 1: attribute columns narrow, the code columns splitting what is left equally. The
// HTML and Word layouts use it so that every column fits a landscape page.
std::vector<double> matrix_column_shares(const FrameworkMatrix& matrix);

// Sheet "Matrix": header row, one row per case (attributes first), wrapped text, each row as tall
// as its longest cell needs, frozen header row and case/attribute columns; attribute values that
// are plain decimal numbers ("42", "3.5") stored as numbers. Sheet "Quotes": one row per link
// (case, code, document, start, end, speaker, time, coder, quote, status, reference). Landscape on
// the options' paper. Written in constant-memory mode.
void write_matrix_xlsx(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options = {});
void write_matrix_csv(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options = {});
void write_matrix_html(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options = {});
void write_matrix_markdown(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options = {});
// A Word document: title, description, then the matrix as one table (header row repeated on every
// page, group headings as full-width rows, each cell the summary then its quotes with references),
// on landscape pages when the table has more than three columns.
void write_matrix_docx(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options = {});

// The page and document as strings (for the writers above and for previews). These take the
// matrix as it is shown: apply with_attribute_columns first to choose attributes (matrix_html
// takes the options itself, for the paper).
std::string matrix_csv(const FrameworkMatrix& matrix, bool excel_bom, csv::Cells cells = csv::Cells::Neutralised);
std::string matrix_html(const FrameworkMatrix& matrix, const ExportOptions& options = {});
std::string matrix_markdown(const FrameworkMatrix& matrix);

// Writes in the format the extension names (see export_format_of), with the options' attribute
// columns. This is the one call for every front end.
void export_matrix(const FrameworkMatrix& matrix, const std::filesystem::path& out, const ExportOptions& options = {});

}  // namespace npt
