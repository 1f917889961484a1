// refi_dates.cpp — xs:dateTime checks and lenient timestamp reading for REFI-QDA exchange.
#include "core/text/refi_dates.hpp"

#include <cctype>
#include <regex>

namespace npt {

bool is_xs_datetime(const std::string& text) {
    static const std::regex re(R"(-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)");
    return std::regex_match(text, re);
}

bool is_xs_date(const std::string& text) {
    static const std::regex re(R"(-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
    return std::regex_match(text, re);
}

std::optional<std::string> read_lenient_datetime(const std::string& text) {
    if (is_xs_datetime(text)) return text;
    static const std::regex spaced(R"((\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?.*)");
    static const std::regex compact(R"((\d{4})(\d{2})(\d{2})(?:[_T ]?(\d{2})?(\d{2})?(\d{2})?)?.*)");
    static const std::regex date_only(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    std::string y, mo, d, h = "00", mi = "00", s = "00";
    if (std::regex_match(text, m, spaced)) {
        y = m[1], mo = m[2], d = m[3], h = m[4], mi = m[5];
        if (m[6].matched) s = m[6];
    } else if (std::regex_match(text, m, date_only)) {
        y = m[1], mo = m[2], d = m[3];
    } else if (std::regex_match(text, m, compact)) {
        y = m[1], mo = m[2], d = m[3];
        if (m[4].matched && m[4].length() == 2) h = m[4];
        if (m[5].matched && m[5].length() == 2) mi = m[5];
        if (m[6].matched && m[6].length() == 2) s = m[6];
    } else {
        return std::nullopt;
    }
    std::string out = y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + "Z";
    if (!is_xs_datetime(out)) return std::nullopt;
    return out;
}

}  // namespace npt
