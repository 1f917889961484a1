// attribute_values.hpp — what a case's value for an attribute may be: a decimal number, a date
// (stored YYYY-MM-DD, typed ISO or day first), yes/no, one of a choice attribute's values. The
// cases importers infer types with these, and every edit of a value or a type checks with them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

// "12", "-3.25", "+4.": digits with an optional sign and one '.', at most 40 characters.
bool is_decimal_number(const std::string& value);
// yes, no, true or false in any letter case.
bool is_yes_no(const std::string& value);
// A date written YYYY-MM-DD, or day first as DD/MM/YYYY or D/M/YYYY (also with '.' or '-'), as
// YYYY-MM-DD; nullopt when `value` is no valid date in those forms.
std::optional<std::string> iso_date_of(const std::string& value);

// The value as stored for an attribute of `type` with `choices` (a choice attribute's values;
// empty for others): "" stays "" (no value), a date becomes YYYY-MM-DD, anything else is kept as
// typed. Throws InputError with one line saying what the attribute expects when `value` does not
// fit.
std::string fitted_attribute_value(const std::string& attribute_name, AttributeType type,
                                   const std::vector<std::string>& choices, const std::string& value);

// A choice attribute's values as a researcher types them, "GP, nurse,manager": split at commas,
// each trimmed of spaces ("" gives none; set_attribute_type refuses an empty one).
std::vector<std::string> parse_choice_list(const std::string& comma_separated);

}  // namespace npt
