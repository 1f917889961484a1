// agreement_run.cpp — resolving the agreement view's choices through the core and computing or
// writing the report with the CLI's functions.
#include "gui/agreement_run.hpp"

#include "codebook/npt_constructs.hpp"
#include "core/agreement/agreement_scope.hpp"
#include "core/agreement/disagreements.hpp"
#include "core/error.hpp"
#include "core/model/cases.hpp"
#include "core/store/project.hpp"
#include "exporters/agreement_report.hpp"
#include "exporters/confusion_report.hpp"

namespace npt::gui {

AgreementRun run_agreement(const std::filesystem::path& path, const AgreementRequest& request, JobControl& control) {
    const bool two = request.coders.size() == 2;
    const int kSteps = two ? 5 : 4;
    control.step(0, kSteps, "Opening the project");
    Project project = Project::open(path);
    AgreementRun run;
    run.request = request;
    run.project_name = project.name();
    run.scope.coders = request.coders;
    control.step(1, kSteps, "Choosing codes and documents");
    if (request.codes == AgreementRequest::Codes::One)
        run.scope.codes = {request.code};
    else if (request.codes == AgreementRequest::Codes::WithDescendants)
        run.scope.codes = agreement::code_paths_with_descendants(project, request.code);
    // As `nptcoder agreement --codes`: a built-in NPT construct's row counts its sub-constructs.
    run.scope.include_descendants = codebook::names_builtin_construct(run.scope.codes);
    if (request.documents == AgreementRequest::Documents::Case) {
        bool found = false;
        for (const CaseDetail& c : list_case_details(project))
            if (c.info.name == request.case_name) run.scope.documents = c.documents, found = true;
        if (!found) throw NotFoundError("no case named " + request.case_name);
        if (run.scope.documents.empty()) throw InputError("case " + request.case_name + " has no documents");
    } else if (request.documents == AgreementRequest::Documents::CodedByAll) {
        run.scope.documents = agreement::documents_coded_by_all(agreement::load_agreement_input(project, run.scope));
        if (run.scope.documents.empty())
            throw InputError("no document has codings in scope by every one of the chosen coders");
    }
    control.step(2, kSteps, "Reading the codings");
    const agreement::AgreementInput input = agreement::load_agreement_input(project, run.scope);
    run.documents_in_scope = input.documents.size();
    control.step(3, kSteps, request.options.bootstrap > 0 ? "Computing the statistics and the bootstrap"
                                                          : "Computing the statistics");
    run.report = agreement::compute_agreement(input, request.options);
    if (two) {
        control.step(4, kSteps, "Construct confusion");
        run.confusion = agreement::construct_confusion(project, run.scope);
    }
    control.step(kSteps, kSteps, "Done");
    return run;
}

std::vector<agreement::ConfusionPassage> confusion_cell_passages(const std::filesystem::path& path,
                                                                 const AgreementRun& run, std::size_t row,
                                                                 std::size_t column) {
    Project project = Project::open(path);
    return agreement::confusion_passages(project, run.scope, row, column);
}

const char* extension(ReportFormat format) {
    switch (format) {
    case ReportFormat::Html: return ".html";
    case ReportFormat::Csv: return ".csv";
    case ReportFormat::Json: return ".json";
    case ReportFormat::ConfusionCsv: return ".csv";
    case ReportFormat::ConfusionJson: return ".json";
    }
    return "";
}

std::string agreement_report_text(const std::filesystem::path& path, const AgreementRun& run, ReportFormat format) {
    switch (format) {
    case ReportFormat::Json:
        return exporters::agreement_json(run.report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    case ReportFormat::Csv:
        return exporters::agreement_csv(run.report);
    case ReportFormat::ConfusionCsv:
        if (!run.confusion) throw InputError("the construct confusion table needs exactly two coders");
        return exporters::confusion_csv(*run.confusion);
    case ReportFormat::ConfusionJson:
        if (!run.confusion) throw InputError("the construct confusion table needs exactly two coders");
        return exporters::confusion_json(*run.confusion).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    case ReportFormat::Html: {
        Project project = Project::open(path);
        auto top = agreement::longest_disagreements(agreement::find_disagreements(project, run.scope), 20);
        exporters::AgreementHtmlOptions h{project.name(), run.scope.codes, run.scope.documents,
                                          run.request.options.bootstrap, run.request.options.seed, run.documents_in_scope};
        return exporters::agreement_html(run.report, top, h);
    }
    }
    return {};
}

}  // namespace npt::gui
