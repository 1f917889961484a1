// refi_dialog.hpp — REFI-QDA project exchange in the workbench: File > Export > REFI-QDA project
// (pick the .qdpx in the file browser; the export runs on a worker with its own connection),
// File > Open REFI-QDA project (pick the .qdpx or project.qde, then name the new project; the
// import runs on a worker, then the new project opens here), a progress modal while either runs,
// and the loss report afterwards: counts in the file against counts kept, every loss with its
// reason and examples, warnings and the schema check (see refi_report_view.hpp). Failures are
// the core's exceptions, shown in the App's error modal; nothing is created when an import fails.
#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/model/refi_report.hpp"
#include "gui/file_browser.hpp"
#include "gui/refi_job.hpp"
#include "gui/refi_report_view.hpp"

namespace npt::gui {

class App;

class RefiDialog {
public:
    RefiDialog();
    ~RefiDialog();
    void open_export(App& app);  // the file browser for the .qdpx to write
    void open_import(App& app);  // the file browser for the file to read, then for the new project
    // What the browsers' choices start (tests call these directly). Ignored while a job runs.
    void export_to(App& app, const std::filesystem::path& qdpx);
    void import_into(App& app, const std::filesystem::path& file, const std::filesystem::path& new_project);

    bool running() const { return job_ != nullptr; }
    // While a job runs, and for a few frames after a modal of ours was asked for (a modal appears
    // a frame or two after it is opened): the main loop must keep drawing rather than sleep.
    bool busy() const { return job_ != nullptr || settle_frames_ > 0; }
    // Takes the worker's outcome: opens an imported project, shows the report or the error.
    void poll(App& app);
    void draw(App& app);

    const std::optional<RefiReport>& last_report() const { return report_; }
    const RefiReportView& report_view() const { return view_; }  // what the report dialog draws
    bool report_visible() const { return report_visible_; }      // drawn in the last frame

private:
    enum class Stage { None, ExportTarget, ImportFile, ImportTarget };
    enum class Operation { Export, Import };
    void start(Operation op, std::filesystem::path target, std::function<RefiReport()> work);
    void draw_progress();
    void draw_report();

    FileBrowser browser_;
    Stage stage_ = Stage::None;
    std::filesystem::path import_file_;  // chosen, waiting for the new project's name
    std::unique_ptr<RefiJob> job_;
    Operation operation_ = Operation::Export;
    std::filesystem::path target_;  // export: the .qdpx; import: the new project
    std::string working_;           // "Exporting to study.qdpx"
    bool progress_wanted_ = false;
    bool report_wanted_ = false;    // until the researcher closes it
    bool report_visible_ = false;
    int settle_frames_ = 0;
    std::optional<RefiReport> report_;
    RefiReportView view_;
};

}  // namespace npt::gui
