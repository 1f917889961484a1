// project_snapshot.hpp — the lists the panels show (documents, cases, attributes, codes, coders,
// coding counts, what undo/redo would do), read through the core once per change of the project
// instead of once per frame, or after a coding gesture only the parts a gesture can change; and
// the words the Edit menu uses for an undo step.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/cases.hpp"
#include "core/model/model.hpp"
#include "core/query/coding_counts.hpp"
#include "core/query/project_summary.hpp"
#include "core/store/undo.hpp"

namespace npt::gui {

struct ProjectSnapshot {
    std::vector<DocumentInfo> documents;   // by name
    std::vector<CaseDetail> cases;         // with attribute values and document names
    std::vector<Attribute> attributes;     // in sort order
    std::vector<Code> codes;               // tree order
    std::vector<Coder> coders;
    CodingCounts counts;  // per document, code (its own codings, not descendants) and coder
    std::map<CodeId, std::int64_t> codings_below_code;  // its own and its descendants' codings
    std::optional<UndoStep> undo;      // the active coder's own last step (UndoScope::Own)
    std::optional<UndoStep> redo;
    std::optional<UndoStep> undo_any;  // the newest step of anyone (UndoScope::Any)
    ProjectSummary summary;

    const Code* code(CodeId id) const;           // nullptr when unknown
    const DocumentInfo* document(DocumentId id) const;
};

// Reads everything above. Throws npt::Error from the core.
ProjectSnapshot load_snapshot(Project& project);
// `previous` brought up to date after a change to the codings of one document only (a coding
// gesture: code or uncode a selection): that document's coding counts, the coders (the gesture
// may have added its coder), the undo and redo steps and the summary's coding count are re-read;
// the documents, cases, attributes and codes are kept. Costs grow with that document's codings,
// not with the project. Throws npt::Error from the core.
ProjectSnapshot refresh_codings(Project& project, const ProjectSnapshot& previous, DocumentId document_id);

// "Ben: Code Coherence" — whose step it is and what it did.
std::string step_description(const UndoStep& step);
// "Undo Ben: Code Coherence"; the bare verb when there is no step.
std::string step_label(const std::string& verb, const std::optional<UndoStep>& step);

}  // namespace npt::gui
