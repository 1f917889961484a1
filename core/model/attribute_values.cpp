// attribute_values.cpp — checking and normalising attribute values (numbers, dates, yes/no,
// choices) for the cases importers and for edits of values and types.
#include "core/model/attribute_values.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "core/error.hpp"

namespace npt {
namespace {

bool is_decimal_number_impl(const std::string& v) {
    if (v.empty() || v.size() > 40) return false;
    std::size_t i = (v[0] == '-' || v[0] == '+') ? 1 : 0;
    bool digits = false, dot = false;
    for (; i < v.size(); ++i) {
        if (v[i] >= '0' && v[i] <= '9') digits = true;
        else if (v[i] == '.' && !dot) dot = true;
        else return false;
    }
    return digits;
}

bool valid_date(int year, int month, int day) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

bool is_iso_date(const std::string& v) {
    if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (v[i] < '0' || v[i] > '9') return false;
    int month = std::atoi(v.substr(5, 2).c_str()), day = std::atoi(v.substr(8, 2).c_str());
    int year = std::atoi(v.substr(0, 4).c_str());
    return valid_date(year, month, day);
}

// D/M/YYYY or DD/MM/YYYY (also with '.' or '-'), the day first as in the UK and most of Europe.
std::optional<std::string> day_month_year(const std::string& v) {
    int parts[3] = {0, 0, 0}, digits[3] = {0, 0, 0};
    std::size_t part = 0;
    char separator = 0;
    for (char c : v) {
        if (c >= '0' && c <= '9') {
            if (++digits[part] > 4) return std::nullopt;
            parts[part] = parts[part] * 10 + (c - '0');
        } else if ((c == '/' || c == '.' || c == '-') && part < 2 && (!separator || c == separator)) {
            separator = c;
            ++part;
        } else {
            return std::nullopt;
        }
    }
    if (part != 2 || digits[0] < 1 || digits[0] > 2 || digits[1] < 1 || digits[1] > 2 || digits[2] != 4) return std::nullopt;
    if (!valid_date(parts[2], parts[1], parts[0])) return std::nullopt;
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", parts[2], parts[1], parts[0]);
    return std::string(iso);
}

}  // namespace

bool is_decimal_number(const std::string& value) { return is_decimal_number_impl(value); }

bool is_yes_no(const std::string& value) {
    std::string l = value;
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return l == "yes" || l == "no" || l == "true" || l == "false";
}

std::optional<std::string> iso_date_of(const std::string& value) {
    if (is_iso_date(value)) return value;
    return day_month_year(value);
}

std::string fitted_attribute_value(const std::string& attribute_name, AttributeType type,
                                   const std::vector<std::string>& choices, const std::string& value) {
    if (value.empty()) return value;
    const std::string quoted = "'" + value + "'";
    if (!choices.empty()) {
        if (std::find(choices.begin(), choices.end(), value) != choices.end()) return value;
        std::string list;
        for (const std::string& c : choices) list += (list.empty() ? "" : ", ") + c;
        throw InputError(quoted + " is not one of " + attribute_name + "'s choices (" + list + ")");
    }
    switch (type) {
        case AttributeType::Text: return value;
        case AttributeType::Number:
            if (is_decimal_number(value)) return value;
            throw InputError(quoted + " is not a number (attribute " + attribute_name + " is a number, e.g. 42 or 3.5)");
        case AttributeType::Date:
            if (auto iso = iso_date_of(value)) return *iso;
            throw InputError(quoted + " is not a date (attribute " + attribute_name +
                             " is a date: YYYY-MM-DD or DD/MM/YYYY)");
        case AttributeType::Boolean:
            if (is_yes_no(value)) return value;
            throw InputError(quoted + " is not yes or no (attribute " + attribute_name + " is yes/no)");
    }
    return value;
}

std::vector<std::string> parse_choice_list(const std::string& text) {
    std::vector<std::string> out;
    if (text.find_first_not_of(' ') == std::string::npos) return out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const std::size_t b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
        out.push_back(b == std::string::npos ? std::string() : item.substr(b, e - b + 1));
        if (comma == std::string::npos) return out;
        start = comma + 1;
    }
}

}  // namespace npt
