// in_vivo.cpp — naming a code from selected words and coding the selection with it.
#include "core/model/in_vivo.hpp"

#include <unicode/uchar.h>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/text_breaks.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {

std::string in_vivo_name(std::string_view selected_text, std::size_t max_code_points) {
    std::u32string in = text::to_u32(selected_text), collapsed;
    for (char32_t c : in) {
        if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
            if (!collapsed.empty() && collapsed.back() != U' ') collapsed.push_back(U' ');
        } else {
            collapsed.push_back(c);
        }
    }
    auto trimmable = [](char32_t c) {
        return c == U' ' || u_ispunct(static_cast<UChar32>(c)) != 0;
    };
    std::size_t b = 0, e = collapsed.size();
    while (b < e && trimmable(collapsed[b])) ++b;
    while (e > b && trimmable(collapsed[e - 1])) --e;
    std::u32string name = collapsed.substr(b, e - b);
    if (name.empty()) throw InputError("in-vivo code: the selection '" + std::string(selected_text) + "' has no words to name a code");
    if (name.size() > max_code_points) {
        std::size_t cut = name.rfind(U' ', max_code_points);
        name = name.substr(0, cut == std::u32string::npos || cut == 0 ? max_code_points : cut);
        while (!name.empty() && trimmable(name.back())) name.pop_back();
        name += U'\u2026';
    }
    return text::to_utf8(name);
}

InVivoResult code_in_vivo(Project& project, const std::string& document, Span span, const std::string& coder,
                          const std::string& parent_path, bool snap_words) {
    return project.action("In-vivo code " + document + " " + std::to_string(span.start) + "-" + std::to_string(span.end), [&] {
        DocumentInfo doc = require_document(project, document);
        check_span(doc, span);
        Coder who = ensure_coder(project, coder);
        std::string text = document_text(project, doc.id);
        if (snap_words) span = text::snap_to_words(text, span);
        text::CodePointIndex index(text);
        std::string name = in_vivo_name(index.slice(static_cast<std::size_t>(span.start), static_cast<std::size_t>(span.end)));
        std::string escaped = join_code_path({name});
        std::string path = parent_path.empty() ? escaped : join_code_path(split_code_path(parent_path)) + "/" + escaped;
        InVivoResult result;
        if (auto existing = find_code(project, path)) {
            result.code = *existing;
        } else {
            NewCode nc;
            nc.path = path;
            nc.description = "In-vivo code from " + document + " " + std::to_string(span.start) + "-" + std::to_string(span.end);
            result.code = add_code(project, nc);
            result.code_created = true;
        }
        result.coding = apply_coding(project, doc.id, result.code.id, who.id, span);
        return result;
    });
}

}  // namespace npt
