// xlsx_layout.hpp — what libxlsxwriter leaves to the caller about how a sheet looks: how tall a
// row of wrapped text must be (it does not autofit rows), and which texts are numbers to be
// stored as numbers. Pure functions, no libxlsxwriter types.
#pragma once
#include <optional>
#include <string_view>

namespace npt::xlsx {

// Excel's default row height and its largest, in points (Calibri 11: 15 points a line).
constexpr double kLineHeight = 15.0;
constexpr double kMaxRowHeight = 409.0;

// How many lines `text` takes wrapped in a column `width` characters wide (libxlsxwriter's
// width unit, the digit '0' of the default font): each newline starts a line and words wrap
// greedily, a word longer than the line breaking where it must. East Asian wide characters and
// emoji count two, combining marks and joiners none. Never less than 1.
int wrapped_lines(std::string_view text, double width);

// The row height (points) that shows `lines` lines, capped at kMaxRowHeight.
double row_height_for(int lines);

// The value of a text that is a plain decimal number — an optional minus, digits without a
// leading zero (other than "0" itself), an optional fraction: "42", "-3.5", "0.25" — so a
// spreadsheet can sum it. Identifiers that only look numeric stay text: "007", "1e5", "+3", "1,5".
std::optional<double> plain_number(std::string_view text);

}  // namespace npt::xlsx
