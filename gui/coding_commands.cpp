// coding_commands.cpp — coding gestures as single undoable actions over the core.
#include "gui/coding_commands.hpp"

#include "core/model/codes.hpp"
#include "core/model/coders.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/model/in_vivo.hpp"
#include "core/text/text_breaks.hpp"

namespace npt::gui {

Coding code_selection(Project& project, DocumentId document_id, CodeId code_id, const std::string& coder, Span span,
                      bool snap_to_words) {
    const Code code = code_by_id(project, code_id);
    return project.action("Code " + code.path, [&] {
        const DocumentInfo doc = document_info(project, document_id);
        Span s = span;
        if (snap_to_words) s = text::snap_to_words(document_text(project, document_id), span);
        check_span(doc, s);
        return apply_coding(project, document_id, code_id, ensure_coder(project, coder).id, s);
    });
}

int uncode_selection(Project& project, DocumentId document_id, CodeId code_id, const std::string& coder, Span span) {
    const Code code = code_by_id(project, code_id);
    return project.action("Uncode " + code.path, [&] {
        const DocumentInfo doc = document_info(project, document_id);
        check_span(doc, span);
        auto who = find_coder(project, coder);
        return who ? remove_coding(project, document_id, code_id, who->id, span) : 0;
    });
}

std::string code_in_vivo_as(Project& project, DocumentId document_id, const std::string& coder, Span span) {
    const DocumentInfo doc = document_info(project, document_id);
    return project.action("In-vivo code", [&] {
        ensure_coder(project, coder);
        return code_in_vivo(project, doc.name, span, coder, "In vivo", false).code.path;
    });
}

}  // namespace npt::gui
