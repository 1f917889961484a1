// refi_job.cpp — the REFI-QDA worker thread and its one-slot result.
#include "gui/refi_job.hpp"

#include <exception>
#include <utility>

namespace npt::gui {

RefiJob::RefiJob(std::function<RefiReport()> work) {
    worker_ = std::thread([this, work = std::move(work)] {
        RefiOutcome outcome;
        try {
            outcome.report = work();
        } catch (const std::exception& e) {
            outcome.error = e.what();
        }
        std::lock_guard lock(mutex_);
        result_ = std::move(outcome);
    });
}

RefiJob::~RefiJob() {
    if (worker_.joinable()) worker_.join();
}

std::optional<RefiOutcome> RefiJob::take_result() {
    std::lock_guard lock(mutex_);
    return std::exchange(result_, std::nullopt);
}

}  // namespace npt::gui
