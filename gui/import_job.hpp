// import_job.hpp — a transcript import running on a worker thread. The worker opens its own
// Project on the same file (a Project is not thread-safe) and runs importers::import_paths; its
// progress (files and bytes) and final summary come back to the GUI thread through a locked event queue, and a
// cancel flag stops it between files or inside a long parse.
#pragma once
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "importers/import_batch.hpp"

namespace npt::gui {

struct ImportEvent {
    enum class Kind { BatchStarted, FileStarted, FileFinished, Done };
    Kind kind = Kind::FileStarted;
    std::size_t index = 0;   // 0-based file number
    std::size_t total = 0;   // files in the batch
    std::uint64_t bytes_done = 0;   // bytes read so far (FileStarted, FileFinished)
    std::uint64_t bytes_total = 0;  // bytes in the batch's files (BatchStarted)
    std::string path;
    std::string outcome;     // FileFinished: "imported", "skipped" or "failed"
    std::optional<importers::ImportSummary> summary;  // Done, when the batch ran
    std::string error;       // Done, when the batch could not run at all (e.g. project locked)
};

class ImportJob {
public:
    // Starts the worker at once.
    ImportJob(std::filesystem::path project_file, std::vector<std::string> paths, importers::ImportOptions options,
              std::string actor);
    ~ImportJob();  // cancels and waits for the worker
    ImportJob(const ImportJob&) = delete;
    ImportJob& operator=(const ImportJob&) = delete;

    void cancel() { cancel_ = true; }
    bool cancel_requested() const { return cancel_; }
    // Events since the last call, oldest first (GUI thread).
    std::vector<ImportEvent> take_events();

private:
    void push(ImportEvent event);
    std::atomic<bool> cancel_{false};
    std::mutex mutex_;
    std::vector<ImportEvent> events_;
    std::thread worker_;
};

}  // namespace npt::gui
