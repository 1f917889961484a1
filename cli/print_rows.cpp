// print_rows.cpp — the three renderings of a table of results.
#include "cli/print_rows.hpp"

#include "core/text/csv.hpp"

namespace npt::cli {
namespace {

std::vector<std::string> cells_as_text(const Row& row) {
    std::vector<std::string> out;
    out.reserve(row.size());
    for (const auto& cell : row) out.push_back(cell.is_string() ? cell.get<std::string>() : cell.is_null() ? "" : cell.dump());
    return out;
}

}  // namespace

void print_rows(const std::vector<std::string>& columns, const std::vector<Row>& rows, Format format,
                const std::function<void(const Row&)>& text_row, csv::Cells cells) {
    switch (format) {
        case Format::Json: {
            nlohmann::json out = nlohmann::json::array();
            for (const Row& row : rows) {
                nlohmann::json object = nlohmann::json::object();
                for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) object[columns[i]] = row[i];
                out.push_back(std::move(object));
            }
            print_json(out);
            return;
        }
        case Format::Csv:
            std::cout << csv::format_row(columns, ',', cells);
            for (const Row& row : rows) std::cout << csv::format_row(cells_as_text(row), ',', cells);
            return;
        case Format::Text:
            for (const Row& row : rows) {
                if (text_row) {
                    text_row(row);
                    continue;
                }
                const std::vector<std::string> text_cells = cells_as_text(row);
                for (std::size_t i = 0; i < text_cells.size(); ++i) std::cout << (i ? "\t" : "") << text_cells[i];
                std::cout << '\n';
            }
            return;
    }
}

}  // namespace npt::cli
