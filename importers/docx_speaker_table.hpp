// docx_speaker_table.hpp — recognising a Word table that is a transcript: every row two cells
// (Speaker | Text) or three (Time | Speaker | Text), short one-line speaker cells, an optional header
// row ("Speaker", "Text", "Time"), and either a header, times in the first column, or speakers that
// come back (a table of facts, "Site | North", "Role | Nurse", is not a transcript).
#pragma once
#include <string>
#include <vector>

namespace npt::importers {

using TableRows = std::vector<std::vector<std::string>>;  // rows of cells, each cell's text

bool is_speaker_table(const TableRows& rows);

// One row as one line: "[time\t]speaker\ttext", tabs and line breaks in the time and speaker
// cells turned into spaces; the text cell as it is.
std::string speaker_table_line(const std::vector<std::string>& row);

}  // namespace npt::importers
