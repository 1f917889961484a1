// refi_report_view.cpp — a RefiReport turned into the report dialog's lines.
#include "gui/refi_report_view.hpp"

namespace npt::gui {

RefiReportView make_report_view(const RefiReport& r) {
    RefiReportView v;
    v.title = "REFI-QDA " + r.operation;
    v.file = r.file;
    if (!r.origin.empty()) v.origin = "Written by " + r.origin;
    v.schema_valid = r.schema_valid;
    v.schema = r.schema_valid ? "Schema: valid" : "Schema: NOT valid (" + std::to_string(r.schema_errors.size()) + " error(s) shown)";
    v.schema_errors = r.schema_errors;
    for (const auto& [what, n] : r.in_file) {
        RefiReportRow row{what, std::to_string(n), "", false};
        if (auto k = r.kept.find(what); k != r.kept.end()) {
            row.kept = std::to_string(k->second);
            row.short_of = k->second < n;
        }
        v.rows.push_back(std::move(row));
    }
    for (const auto& [what, n] : r.kept)
        if (!r.in_file.count(what)) v.rows.push_back({what, "", std::to_string(n), false});
    std::int64_t items = 0;
    for (const RefiLoss& l : r.losses) {
        items += l.count;
        std::string line = std::to_string(l.count) + " " + l.what + ": " + l.reason;
        if (!l.examples.empty()) {
            line += " (e.g. ";
            for (std::size_t i = 0; i < l.examples.size(); ++i) line += (i ? ", " : "") + l.examples[i];
            line += ")";
        }
        v.losses.push_back(std::move(line));
    }
    v.warnings = r.warnings;
    v.headline = r.losses.empty() ? "Nothing lost."
                                  : std::to_string(r.losses.size()) + " kind(s) of loss (" + std::to_string(items) +
                                        " item(s)); each is listed below with its reason.";
    return v;
}

}  // namespace npt::gui
