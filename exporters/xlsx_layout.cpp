// xlsx_layout.cpp — row heights of wrapped text and plain numbers, for the XLSX writers.
#include "exporters/xlsx_layout.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace npt::xlsx {
namespace {

// Decodes one UTF-8 code point at `i` (advancing it); malformed bytes count as one character.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    return cp;
}

int display_width(char32_t cp) {
    if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF))
        return 0;  // combining marks, joiner, variation selectors, skin tones
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

// Lines one paragraph (no newline) takes at `per_line` characters a line, wrapping at spaces.
int paragraph_lines(std::string_view paragraph, int per_line) {
    int lines = 1, used = 0;
    std::size_t i = 0;
    while (i < paragraph.size()) {
        // The next word and the spaces before it.
        int spaces = 0;
        while (i < paragraph.size() && (paragraph[i] == ' ' || paragraph[i] == '\t')) {
            ++spaces;
            ++i;
        }
        int word = 0;
        while (i < paragraph.size() && paragraph[i] != ' ' && paragraph[i] != '\t') word += display_width(next_code_point(paragraph, i));
        if (word == 0) break;
        if (used > 0 && used + spaces + word <= per_line) {
            used += spaces + word;
            continue;
        }
        if (used > 0) ++lines;
        // A word longer than a line fills whole lines and goes on in the next.
        lines += (word - 1) / per_line;
        used = (word - 1) % per_line + 1;
    }
    return lines;
}

}  // namespace

int wrapped_lines(std::string_view text, double width) {
    // Body text is narrower than the digit '0' the width is measured in, but wrapping wastes the
    // end of most lines; one character per unit of width is close for prose.
    const int per_line = std::max(1, static_cast<int>(std::floor(width)));
    int lines = 0;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        lines += paragraph_lines(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start), per_line);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return std::max(1, lines);
}

double row_height_for(int lines) { return std::min(kMaxRowHeight, kLineHeight * std::max(1, lines)); }

std::optional<double> plain_number(std::string_view text) {
    std::size_t i = text.empty() || text[0] != '-' ? 0 : 1;
    std::size_t digits = i;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == i || (text[i] == '0' && digits > i + 1)) return std::nullopt;  // no digits, or a leading zero
    std::size_t end = digits;
    if (end < text.size() && text[end] == '.') {
        ++end;
        std::size_t fraction = end;
        while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
        if (end == fraction) return std::nullopt;
    }
    if (end != text.size() || end - i > 15) return std::nullopt;  // more digits than a double keeps exactly
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace npt::xlsx
