// html_page.cpp — escaping and the page shell for HTML reports.
#include "exporters/html_page.hpp"

#include <cctype>

#include "core/store/ids.hpp"

namespace npt::html {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string escape_multiline(std::string_view text) {
    std::string e = escape(text), out;
    for (char c : e) {
        if (c == '\n') out += "<br>";
        else out.push_back(c);
    }
    return out;
}

static constexpr const char* kCss = R"CSS(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;
       margin: 2em auto; max-width: 1200px; color: #1d1d1d; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin-bottom: .3em; }
table { border-collapse: collapse; width: 100%; margin: .8em 0; }
th, td { border: 1px solid #bbb; padding: .35em .5em; vertical-align: top; text-align: left; }
th { background: #eef1f5; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: .3em 0 .3em .5em; padding: .2em .6em; border-left: 3px solid #9aa5b1; background: #f7f8fa; }
.ref { color: #555; font-size: .85em; }
.muted { color: #666; } .warn { color: #9b2c2c; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em;
          margin-right: .35em; border: 1px solid rgba(0,0,0,.25); }
.generator { margin-top: 3em; color: #777; font-size: .8em; }
[dir=auto] { unicode-bidi: plaintext; }
@media print { body { margin: 0; max-width: none; font-size: 9pt; } th { position: static; }
               h2 { page-break-after: avoid; } tr, blockquote { page-break-inside: avoid; } }
)CSS";

Page::Page(std::string_view title, std::string_view extra_css) {
    html_ = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) +
            "</title>\n<style>" + kCss + std::string(extra_css) + "</style>\n</head>\n<body>\n";
}

Page& Page::raw(std::string_view html) {
    html_ += html;
    return *this;
}

Page& Page::heading(int level, std::string_view text) {
    std::string l = std::to_string(level < 1 ? 1 : level > 6 ? 6 : level);
    html_ += "<h" + l + ">" + escape(text) + "</h" + l + ">\n";
    return *this;
}

Page& Page::paragraph(std::string_view text) {
    html_ += "<p>" + escape_multiline(text) + "</p>\n";
    return *this;
}

std::string Page::finish() {
    html_ += "<p class=\"generator\">Made with nptcoder " NPT_VERSION_STRING " on " + utc_now_iso() + ".</p>\n</body>\n</html>\n";
    return std::move(html_);
}

std::string swatch(std::string_view colour) {
    bool valid = colour.size() == 7 && colour[0] == '#';
    for (std::size_t i = 1; valid && i < colour.size(); ++i) valid = std::isxdigit(static_cast<unsigned char>(colour[i])) != 0;
    return "<span class=\"swatch\" style=\"background:" + std::string(valid ? colour : "#9c9c9c") + "\"></span>";
}

}  // namespace npt::html
