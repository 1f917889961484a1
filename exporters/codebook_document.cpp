// codebook_document.cpp — Markdown and HTML renderings of a codebook with coding counts (Word:
// codebook_docx.cpp).
#include "exporters/codebook_document.hpp"

#include <algorithm>

#include "core/model/codes.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "exporters/html_page.hpp"

namespace npt::exporters {
namespace {

using codebook::CodebookCode;
using codebook::CodeUse;

std::size_t depth_of(const CodebookCode& c) { return split_code_path(c.path).size() - 1; }
std::string name_of(const CodebookCode& c) { return split_code_path(c.path).back(); }

// A stable anchor for a code path: letters and digits kept, everything else '-'.
std::string anchor(const std::string& path) {
    std::string out = "code-";
    for (unsigned char ch : path) out += std::isalnum(ch) ? static_cast<char>(std::tolower(ch)) : (ch >= 0x80 ? static_cast<char>(ch) : '-');
    return out;
}

std::string counts_text(const std::map<std::string, CodeUse>& use, const std::string& path) {
    return codebook_use_text(use, path);
}

// Markdown special characters at risk in running text.
std::string md(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '|' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string md_block(std::string_view text) {
    std::string out;
    for (char c : md(text)) out += c == '\n' ? std::string("  \n") : std::string(1, c);
    return out;
}

}  // namespace

std::string codebook_use_text(const std::map<std::string, CodeUse>& use, const std::string& path) {
    auto it = use.find(path);
    if (it == use.end()) return {};
    return std::to_string(it->second.codings) + " coding" + (it->second.codings == 1 ? "" : "s") + " in " +
           std::to_string(it->second.documents) + " document" + (it->second.documents == 1 ? "" : "s");
}

std::string codebook_markdown(const codebook::Codebook& cb, const std::map<std::string, CodeUse>& use) {
    std::string out = "# " + md(cb.title.empty() ? "Codebook " + cb.name : cb.title) + "\n\n";
    if (!cb.description.empty()) out += md_block(cb.description) + "\n\n";
    out += "## Code tree\n\n";
    for (const CodebookCode& c : cb.codes) {
        out += std::string(2 * depth_of(c), ' ') + "- " + md(name_of(c));
        std::string n = counts_text(use, c.path);
        if (!n.empty()) out += " (" + n + ")";
        out += "\n";
    }
    out += "\n## Definitions\n";
    for (const CodebookCode& c : cb.codes) {
        out += "\n" + std::string(std::min<std::size_t>(3 + depth_of(c), 6), '#') + " " + md(c.path) + "\n\n";
        if (!c.colour.empty()) out += "Colour: `" + c.colour + "`";
        std::string n = counts_text(use, c.path);
        if (!n.empty()) out += (c.colour.empty() ? "" : " · ") + std::string("Used: ") + n;
        if (!c.colour.empty() || !n.empty()) out += "\n\n";
        if (!c.description.empty()) out += "**Definition.** " + md_block(c.description) + "\n\n";
        if (!c.inclusion.empty()) out += "**Include when.** " + md_block(c.inclusion) + "\n\n";
        if (!c.exclusion.empty()) out += "**Exclude when.** " + md_block(c.exclusion) + "\n\n";
        for (const std::string& e : c.examples) out += "> " + md_block(e) + "\n\n";
        if (!c.citation.empty()) out += "*Source:* " + md_block(c.citation) + "\n\n";
    }
    if (!cb.references.empty()) {
        out += "## References\n\n";
        for (std::size_t i = 0; i < cb.references.size(); ++i) out += std::to_string(i + 1) + ". " + md(cb.references[i]) + "\n";
    }
    return out;
}

std::string codebook_html(const codebook::Codebook& cb, const std::map<std::string, CodeUse>& use) {
    std::string title = cb.title.empty() ? "Codebook " + cb.name : cb.title;
    html::Page page(title, "ul.tree { list-style: none; padding-left: 1.2em; } dl dt { font-weight: bold; margin-top: .4em; }");
    page.heading(1, title);
    if (!cb.description.empty()) page.raw("<p>" + html::escape_multiline(cb.description) + "</p>\n");
    page.heading(2, "Code tree");
    std::string tree;
    std::size_t depth = 0;
    tree += "<ul class=\"tree\">";
    for (std::size_t i = 0; i < cb.codes.size(); ++i) {
        const CodebookCode& c = cb.codes[i];
        std::size_t d = depth_of(c);
        while (depth < d) { tree += "<ul class=\"tree\">"; ++depth; }
        while (depth > d) { tree += "</ul>"; --depth; }
        tree += "<li>" + html::swatch(c.colour) + "<a href=\"#" + html::escape(anchor(c.path)) + "\">" + html::escape(name_of(c)) + "</a>";
        std::string n = counts_text(use, c.path);
        if (!n.empty()) tree += " <span class=\"muted\">(" + html::escape(n) + ")</span>";
        tree += "</li>";
    }
    while (depth > 0) { tree += "</ul>"; --depth; }
    tree += "</ul>\n";
    page.raw(tree);
    page.heading(2, "Definitions");
    for (const CodebookCode& c : cb.codes) {
        int level = static_cast<int>(std::min<std::size_t>(3 + depth_of(c), 6));
        std::string h = "h" + std::to_string(level);
        page.raw("<" + h + " id=\"" + html::escape(anchor(c.path)) + "\">" + html::swatch(c.colour) + html::escape(c.path) + "</" + h + ">\n");
        std::string n = counts_text(use, c.path);
        if (!n.empty()) page.raw("<p class=\"muted\">Used: " + html::escape(n) + "</p>\n");
        std::string dl;
        if (!c.description.empty()) dl += "<dt>Definition</dt><dd>" + html::escape_multiline(c.description) + "</dd>";
        if (!c.inclusion.empty()) dl += "<dt>Include when</dt><dd>" + html::escape_multiline(c.inclusion) + "</dd>";
        if (!c.exclusion.empty()) dl += "<dt>Exclude when</dt><dd>" + html::escape_multiline(c.exclusion) + "</dd>";
        if (!c.examples.empty()) {
            dl += "<dt>Examples</dt><dd>";
            for (const std::string& e : c.examples) dl += "<blockquote dir=\"auto\">" + html::escape_multiline(e) + "</blockquote>";
            dl += "</dd>";
        }
        if (!c.citation.empty()) dl += "<dt>Source</dt><dd class=\"ref\">" + html::escape_multiline(c.citation) + "</dd>";
        if (!dl.empty()) page.raw("<dl>" + dl + "</dl>\n");
    }
    if (!cb.references.empty()) {
        page.heading(2, "References");
        std::string ol = "<ol>";
        for (const std::string& r : cb.references) ol += "<li>" + html::escape(r) + "</li>";
        page.raw(ol + "</ol>\n");
    }
    return page.finish();
}

void write_codebook_document(Project& project, const std::filesystem::path& out, Paper paper) {
    std::string ext = out.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto cb = codebook::codebook_from_project(project, project.name());
    auto use = codebook::code_use(project);
    if (ext == ".md") write_file_atomic(out, codebook_markdown(cb, use));
    else if (ext == ".html" || ext == ".htm") write_file_atomic(out, codebook_html(cb, use));
    else if (ext == ".docx") write_codebook_docx(cb, use, out, paper);
    else throw InputError(out.filename().string() + ": a codebook document is .md, .html or .docx");
}

}  // namespace npt::exporters
