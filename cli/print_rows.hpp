// print_rows.hpp — one table of results printed as --format asks: JSON (an array of objects keyed
// by column), CSV (a header line, then one line per row) or the command's own text lines.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"

namespace npt::cli {

using Row = std::vector<nlohmann::json>;  // one cell per column: a string or a number

// Text calls text_row for each row (or, without one, prints the cells tab-separated).
void print_rows(const std::vector<std::string>& columns, const std::vector<Row>& rows, Format format,
                const std::function<void(const Row&)>& text_row = {});

}  // namespace npt::cli
