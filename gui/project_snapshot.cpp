// project_snapshot.cpp — reading the panels' lists through the core; undo step labels.
#include "gui/project_snapshot.hpp"

#include "core/model/codes.hpp"
#include "core/model/coders.hpp"
#include "core/model/documents.hpp"
#include "core/query/coding_counts.hpp"

namespace npt::gui {

const Code* ProjectSnapshot::code(Id id) const {
    for (const Code& c : codes)
        if (c.id == id) return &c;
    return nullptr;
}

const DocumentInfo* ProjectSnapshot::document(Id id) const {
    for (const DocumentInfo& d : documents)
        if (d.id == id) return &d;
    return nullptr;
}

ProjectSnapshot load_snapshot(Project& project) {
    ProjectSnapshot s;
    s.documents = list_documents(project);
    s.cases = list_case_details(project);
    s.attributes = list_attributes(project);
    s.codes = list_codes(project);
    s.coders = list_coders(project);
    CodingCounts counts = coding_counts(project);
    s.codings_per_document = std::move(counts.per_document);
    s.codings_below_code = codings_with_descendants(s.codes, counts.per_code);
    s.codings_per_code = std::move(counts.per_code);
    s.undo = next_undo(project, UndoScope::Own);
    s.redo = next_redo(project, UndoScope::Own);
    s.undo_any = next_undo(project, UndoScope::Any);
    s.summary = summarize(project);
    return s;
}

std::string step_description(const UndoStep& step) {
    return step.actor.empty() ? step.label : step.actor + ": " + step.label;
}

std::string step_label(const std::string& verb, const std::optional<UndoStep>& step) {
    return step ? verb + " " + step_description(*step) : verb;
}

}  // namespace npt::gui
