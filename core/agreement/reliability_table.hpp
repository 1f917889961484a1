// reliability_table.hpp — reads a units x coders reliability table (CSV text: a header row, then
// one row per unit: unit id, one value per coder, empty = missing) into ReliabilityData, as
// `nptcoder agreement-table` takes it. Values may be numbers or labels.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/agreement/reliability.hpp"

namespace npt::agreement {

struct ReliabilityTable {
    std::vector<std::string> coders;  // header names after the unit column
    std::vector<std::string> units;   // unit ids in file order
    ReliabilityData data;             // one pattern per unit, in file order
};

// Parses the table. `categories` (optional) names the scheme's categories in order: every value
// must be one of them (as written, or numerically equal), ordinal ranks follow their order, and
// Brennan–Prediger's q is their number. Without categories, numbers are ranked by value and labels
// are allowed only at the nominal level. Throws FormatError (bad CSV) or InputError (no header, a
// row with the wrong number of cells, fewer than two coders, a label where a number is needed, a
// value outside the categories), each naming `source` and the line.
ReliabilityTable parse_reliability_table(std::string_view csv_text, const std::string& source, Level level,
                                         const std::vector<std::string>& categories = {});

}  // namespace npt::agreement
