// csv.cpp — a small state machine for RFC 4180.
#include "core/text/csv.hpp"

#include "core/error.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::csv {

char detect_delimiter(std::string_view text) {
    text = text::strip_utf8_bom(text);
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

std::vector<Row> parse(std::string_view text, char delimiter) {
    text = text::strip_utf8_bom(text);
    if (delimiter == 0) delimiter = detect_delimiter(text);
    std::vector<Row> rows;
    Row row;
    std::string field;
    std::size_t line = 1;
    row.line = 1;
    bool in_quotes = false, after_quote = false, field_started = false;

    auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        after_quote = false;
        field_started = false;
    };
    auto end_row = [&] {
        end_field();
        bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) rows.push_back(std::move(row));
        row = Row{};
        row.line = line;
    };

    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    in_quotes = false;
                    after_quote = true;
                }
            } else {
                if (c == '\n' || (c == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'))) ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == delimiter) {
            end_field();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line;
            end_row();
        } else if (c == '"' && !field_started) {
            in_quotes = true;
            field_started = true;
        } else {
            if (after_quote)
                throw FormatError("line " + std::to_string(line) + ": unexpected character after a closing quote");
            field.push_back(c);
            field_started = true;
        }
    }
    if (in_quotes) throw FormatError("line " + std::to_string(row.line) + ": a quoted field is never closed");
    if (field_started || !field.empty() || !row.fields.empty()) end_row();
    return rows;
}

std::string escape_field(std::string_view field, char delimiter) {
    bool needs = field.find_first_of(std::string{'"', '\r', '\n', delimiter}) != std::string_view::npos;
    if (!needs) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

namespace {

// A decimal number, optionally signed, with an optional fraction and exponent ("-0.25", "+3", "1e-5").
bool is_plain_number(std::string_view s) {
    std::size_t i = 0, n = s.size();
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exponent = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') ++i, ++exponent;
        if (exponent == 0) return false;
    }
    return i == n;
}

}  // namespace

std::string neutralise_formula(std::string_view field) {
    if (field.empty() || std::string_view("=+-@\t\r").find(field.front()) == std::string_view::npos) return std::string(field);
    if ((field.front() == '+' || field.front() == '-') && is_plain_number(field)) return std::string(field);
    return "'" + std::string(field);
}

std::string format_row(const std::vector<std::string>& fields, char delimiter, Cells cells) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out.push_back(delimiter);
        out += escape_field(cells == Cells::Raw ? fields[i] : neutralise_formula(fields[i]), delimiter);
    }
    out += "\r\n";
    return out;
}

}  // namespace npt::csv
