// markdown_text.cpp — Markdown escaping.
#include "exporters/markdown_text.hpp"

namespace npt::md {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|': case '~':
                out.push_back('\\');
                out.push_back(c);
                break;
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string escape_cell(std::string_view text) {
    std::string e = escape(text), out;
    out.reserve(e.size());
    for (char c : e) {
        if (c == '\n') out += "<br>";
        else out.push_back(c);
    }
    return out;
}

std::string blockquote(std::string_view text) {
    std::string e = escape(text), out = "> ";
    for (char c : e) {
        out.push_back(c);
        if (c == '\n') out += "> ";
    }
    return out + "\n";
}

}  // namespace npt::md
