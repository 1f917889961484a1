// print_rows.hpp — one table of results printed as --format asks: JSON (an array of objects keyed
// by column), CSV (a header line, then one line per row) or the command's own text lines.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "core/text/csv.hpp"

namespace npt::cli {

using Row = std::vector<nlohmann::json>;  // one cell per column: a string, a number or null ("" in CSV and text)

// Text calls text_row for each row (or, without one, prints the cells tab-separated). CSV cells
// that a spreadsheet would run as a formula get a leading "'" unless `cells` is Raw (--raw).
void print_rows(const std::vector<std::string>& columns, const std::vector<Row>& rows, Format format,
                const std::function<void(const Row&)>& text_row = {}, csv::Cells cells = csv::Cells::Neutralised);

}  // namespace npt::cli
