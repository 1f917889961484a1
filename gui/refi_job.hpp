// refi_job.hpp — a REFI-QDA export or import running on a worker thread. The work (a function
// that opens its own Project, since a Project is not shared between threads, and returns the
// loss report) runs at once; the GUI thread polls take_result() each frame and gets the report,
// or the one-line message of the npt::Error that stopped it, exactly once.
#pragma once
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/model/refi_report.hpp"

namespace npt::gui {

struct RefiOutcome {
    std::optional<RefiReport> report;  // when the work finished
    std::string error;                 // when it threw (the message the error modal shows)
};

class RefiJob {
public:
    // Starts `work` on the worker thread.
    explicit RefiJob(std::function<RefiReport()> work);
    ~RefiJob();  // waits for the worker (exports and imports are not cancellable midway)
    RefiJob(const RefiJob&) = delete;
    RefiJob& operator=(const RefiJob&) = delete;

    // The outcome once the worker has finished (GUI thread); nullopt while it runs or after taken.
    std::optional<RefiOutcome> take_result();

private:
    std::mutex mutex_;
    std::optional<RefiOutcome> result_;
    std::thread worker_;
};

}  // namespace npt::gui
