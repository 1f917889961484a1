// agreement_run.hpp — one run of the agreement view, as its worker does it: what the researcher
// chose (coders, unit, codes, documents, bootstrap) resolved into the core's AgreementScope
// through core functions, the codings read and the report computed by the same calls
// `nptcoder agreement` makes, and the report written to HTML, CSV or JSON by the CLI's exporter.
// Each function opens its own Project on the file (it runs on a worker thread).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/construct_confusion.hpp"
#include "gui/team_job.hpp"

namespace npt::gui {

struct AgreementRequest {
    std::vector<std::string> coders;  // two or more
    agreement::AgreementOptions options;
    enum class Codes { All, One, WithDescendants } codes = Codes::All;
    std::string code;  // path, for One and WithDescendants
    enum class Documents { All, Case, CodedByAll } documents = Documents::All;
    std::string case_name;  // for Case
};

struct AgreementRun {
    AgreementRequest request;
    agreement::AgreementScope scope;  // as resolved: `nptcoder agreement --coders --codes --docs`
    agreement::AgreementReport report;
    std::size_t documents_in_scope = 0;
    std::string project_name;
    // Two coders: the construct confusion table over the same scope (`--confusion`).
    std::optional<agreement::ConfusionMatrix> confusion;
};

// Resolves the request, reads the codings and computes the report, announcing each step to
// `control` (and stopping there when cancelled). Throws npt::Error (an unknown coder or code, a
// case with no documents, no document every coder coded...).
AgreementRun run_agreement(const std::filesystem::path& project, const AgreementRequest& request, JobControl& control);

// The passages behind one cell of the run's confusion table, read from the project.
std::vector<agreement::ConfusionPassage> confusion_cell_passages(const std::filesystem::path& project,
                                                                 const AgreementRun& run, std::size_t row,
                                                                 std::size_t column);

enum class ReportFormat { Html, Csv, Json, ConfusionCsv, ConfusionJson };
const char* extension(ReportFormat format);  // ".html"...

// The report's file contents exactly as `nptcoder agreement --format html|csv|json` writes them
// (HTML quotes the 20 longest disagreements, read from the project); the confusion table as
// `--confusion --format csv|json` writes it.
std::string agreement_report_text(const std::filesystem::path& project, const AgreementRun& run, ReportFormat format);

}  // namespace npt::gui
