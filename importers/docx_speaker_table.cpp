// docx_speaker_table.cpp — the rules that tell a transcript table from any other table, and the
// tab-separated line each of its rows becomes (read back by the "table" speaker layout).
#include "importers/docx_speaker_table.hpp"

#include <map>

#include "importers/speaker_layouts.hpp"

namespace npt::importers {
namespace {

std::string one_line(std::string cell) {
    for (char& c : cell)
        if (c == '\t' || c == '\n') c = ' ';
    std::size_t b = cell.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    return cell.substr(b, cell.find_last_not_of(' ') - b + 1);
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

bool is_speaker_table(const TableRows& rows) {
    if (rows.size() < 2) return false;
    const std::size_t columns = rows.front().size();
    if (columns != 2 && columns != 3) return false;
    for (const auto& row : rows)
        if (row.size() != columns) return false;
    const std::size_t speaker_column = columns - 2;
    const bool header = columns == 3 ? is_table_header(rows[0][1], rows[0][2], rows[0][0])
                                     : is_table_header(rows[0][0], rows[0][1]);
    std::map<std::string, std::size_t> speakers;
    std::size_t data_rows = 0, clocks = 0, repeats = 0;
    for (std::size_t r = header ? 1 : 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        ++data_rows;
        if (columns == 3) {
            std::string time = one_line(row[0]);
            if (!time.empty()) {
                if (!parse_cell_clock(time)) return false;
                ++clocks;
            }
        }
        const std::string& cell = row[speaker_column];
        if (cell.find('\n') != std::string::npos || code_points(cell) > kMaxSpeakerLength) return false;
        std::string speaker = one_line(cell);
        if (!speaker.empty() && ++speakers[speaker] == 2) ++repeats;
    }
    if (speakers.empty() || data_rows == 0) return false;
    if (header || clocks > 0) return true;
    return data_rows >= 2 && repeats > 0 && speakers.size() * 2 <= data_rows + 1;
}

std::string speaker_table_line(const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i + 1 < row.size(); ++i) {
        line += one_line(row[i]);
        line += '\t';
    }
    line += row.back();
    return line;
}

}  // namespace npt::importers
