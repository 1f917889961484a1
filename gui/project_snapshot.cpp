// project_snapshot.cpp — reading the panels' lists through the core; undo step labels.
#include "gui/project_snapshot.hpp"

#include "core/model/codes.hpp"
#include "core/model/coders.hpp"
#include "core/model/documents.hpp"
#include "core/query/coding_counts.hpp"

namespace npt::gui {
namespace {

void read_steps(Project& project, ProjectSnapshot& s) {
    s.undo = next_undo(project, UndoScope::Own);
    s.redo = next_redo(project, UndoScope::Own);
    s.undo_any = next_undo(project, UndoScope::Any);
}

}  // namespace

const Code* ProjectSnapshot::code(CodeId id) const {
    for (const Code& c : codes)
        if (c.id == id) return &c;
    return nullptr;
}

const DocumentInfo* ProjectSnapshot::document(DocumentId id) const {
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
    s.counts = coding_counts(project);
    s.codings_below_code = codings_with_descendants(s.codes, s.counts.per_code);
    read_steps(project, s);
    s.summary = summarize(project);
    return s;
}

ProjectSnapshot refresh_codings(Project& project, const ProjectSnapshot& previous, DocumentId document_id) {
    ProjectSnapshot s = previous;
    recount_document(project, s.counts, document_id);
    s.codings_below_code = codings_with_descendants(s.codes, s.counts.per_code);  // codes x depth, no SQL
    s.coders = list_coders(project);
    read_steps(project, s);
    s.summary.codings = s.counts.total;
    s.summary.coders = static_cast<std::int64_t>(s.coders.size());
    return s;
}

std::string step_description(const UndoStep& step) {
    return step.actor.empty() ? step.label : step.actor + ": " + step.label;
}

std::string step_label(const std::string& verb, const std::optional<UndoStep>& step) {
    return step ? verb + " " + step_description(*step) : verb;
}

}  // namespace npt::gui
