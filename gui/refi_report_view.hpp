// refi_report_view.hpp — what the REFI-QDA report dialog shows, as plain strings built from a
// npt::RefiReport (no ImGui here, so tests read exactly the dialog's lines): a headline, the
// schema result, a table of counts in the file against counts kept, each loss with its count,
// reason and examples, and the warnings.
#pragma once
#include <string>
#include <vector>

#include "core/model/refi_report.hpp"

namespace npt::gui {

struct RefiReportRow {
    std::string what;      // "codings"
    std::string in_file;   // "669", or "" when the file side has no count
    std::string kept;      // "660", or ""
    bool short_of = false; // kept fewer than the file holds
};

struct RefiReportView {
    std::string title;     // "REFI-QDA export" / "REFI-QDA import"
    std::string file;      // the .qdpx (or project.qde)
    std::string origin;    // "Written by QualCoder 4.0", or ""
    std::string headline;  // "Nothing lost." / "2 kinds of loss (12 items); see below."
    bool schema_valid = true;
    std::string schema;    // "Schema: valid (Project.xsd)" / "Schema: NOT valid — 3 errors"
    std::vector<std::string> schema_errors;
    std::vector<RefiReportRow> rows;
    std::vector<std::string> losses;    // "10 text sources: reason (e.g. a, b)"
    std::vector<std::string> warnings;
};

RefiReportView make_report_view(const RefiReport& report);

}  // namespace npt::gui
