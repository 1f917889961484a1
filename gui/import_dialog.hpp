// import_dialog.hpp — File > Import documents: pick files or folders in the file browser, set the
// options (case to link, one case per speaker, rename on a taken name), then watch the worker's
// progress bar with a Cancel button, and read the summary of imported / skipped / failed files.
// Batches asked for while one runs (files dropped on the window) wait and start after it.
#pragma once
#include <cstdint>
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
    // Asks for a name for the clipboard's text as a new document (Ctrl+Shift+V).
    void paste(App& app);
    bool pasting() const { return paste_open_ || paste_asking_; }
    std::string& paste_name() { return paste_name_; }
    // Imports the clipboard text under paste_name() (the dialog's Import button). True when it was
    // imported (the new document is then opened); otherwise the dialog says why.
    bool import_paste(App& app);
    const std::string& paste_message() const { return paste_message_; }
    // The progress line the Importing dialog shows ("2 of 5 files, 1.2 MB of 3.4 MB").
    std::string progress_text() const;
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
    void draw_paste(App& app);
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
    std::uint64_t bytes_done_ = 0, bytes_total_ = 0;
    std::string paste_text_;       // the clipboard when Ctrl+Shift+V was pressed
    std::string paste_name_;
    std::string paste_message_;    // why the last paste was not imported
    bool paste_open_ = false, paste_asking_ = false;
    std::string current_;
    std::optional<importers::ImportSummary> summary_;
    std::string error_;
};

}  // namespace npt::gui
