// import_dialog.hpp — File > Import documents: pick files or folders in the file browser, set the
// options (case to link, one case per speaker, rename on a taken name), then watch the worker's
// progress bar with a Cancel button, and read the summary of imported / skipped / failed files.
// Batches asked for while one runs (files dropped on the window) wait and start after it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "gui/file_browser.hpp"
#include "gui/import_job.hpp"

namespace npt::gui {

class App;

class ImportDialog {
public:
    ImportDialog();
    ~ImportDialog();
    void open(App& app);  // shows the file browser
    // Starts importing `paths` into the app's project on a worker, or queues them behind the
    // batch that is running (tests call this directly).
    void start(App& app, std::vector<std::string> paths);
    void cancel();
    bool running() const { return job_ != nullptr || !queued_.empty(); }
    // Drains the worker's events; on completion refreshes the app and shows the summary.
    void poll(App& app);
    void draw(App& app);
    // The last finished batch (empty before the first).
    const std::optional<importers::ImportSummary>& last_summary() const { return summary_; }

private:
    FileBrowser browser_;
    std::unique_ptr<ImportJob> job_;
    std::vector<std::string> pending_;  // chosen, waiting for the options
    std::vector<std::string> queued_;   // asked for while a batch ran
    char case_name_[256] = {};
    bool speaker_cases_ = false;
    bool rename_ = true;
    bool show_options_ = false;
    bool show_progress_ = false;
    bool show_summary_ = false;
    std::size_t done_ = 0, total_ = 0;
    std::string current_;
    std::optional<importers::ImportSummary> summary_;
    std::string error_;
};

}  // namespace npt::gui
