// team_job.hpp — team-lead work (an agreement run, the disagreement list, a report export, a
// merge, a check) on a worker thread, so no frame waits for it. The work opens its own Project
// (a Project is not shared between threads), reports which step it is on through a JobControl,
// and stops at the next step once cancel() is asked for. The GUI thread polls take_result() each
// frame and gets the result, or the one-line message of the error that stopped it, exactly once.
// A cancelled job is handed to a JobRetirement, which keeps it until its worker has returned, so
// Cancel gives the window back at once and a stale result is never shown.
#pragma once
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace npt::gui {

// Thrown inside the work by JobControl::step() once the job was cancelled.
struct JobCancelled {};

// What the work sees: where it is, and whether to stop.
class JobControl {
public:
    // Announces step `index` of `count` ("Reading codings"); throws JobCancelled when cancelled.
    void step(int index, int count, std::string label) {
        if (cancelled_) throw JobCancelled{};
        std::lock_guard lock(mutex_);
        index_ = index;
        count_ = count;
        label_ = std::move(label);
    }
    bool cancelled() const { return cancelled_; }
    void cancel() { cancelled_ = true; }
    // The step as a fraction in [0, 1] and its label (GUI thread).
    float fraction() const {
        std::lock_guard lock(mutex_);
        return count_ > 0 ? static_cast<float>(index_) / static_cast<float>(count_) : 0.0f;
    }
    std::string label() const {
        std::lock_guard lock(mutex_);
        return label_;
    }

private:
    mutable std::mutex mutex_;
    int index_ = 0;
    int count_ = 0;
    std::string label_;
    std::atomic<bool> cancelled_{false};
};

template <class Result>
struct JobOutcome {
    std::optional<Result> result;  // when the work finished
    std::string error;             // when it threw (the message the error modal shows)
    bool cancelled = false;
};

// Jobs of any result type, as a retirement list holds them.
class JobBase {
public:
    virtual ~JobBase() = default;
    virtual bool finished() const = 0;
    virtual void cancel() = 0;
};

template <class Result>
class TeamJob : public JobBase {
public:
    using Work = std::function<Result(JobControl&)>;
    explicit TeamJob(Work work) {
        worker_ = std::thread([this, work = std::move(work)] {
            JobOutcome<Result> outcome;
            try {
                outcome.result = work(control_);
            } catch (const JobCancelled&) {
                outcome.cancelled = true;
            } catch (const std::exception& e) {
                outcome.error = e.what();
            }
            std::lock_guard lock(mutex_);
            outcome_ = std::move(outcome);
            finished_ = true;
        });
    }
    ~TeamJob() override {
        control_.cancel();
        if (worker_.joinable()) worker_.join();
    }
    TeamJob(const TeamJob&) = delete;
    TeamJob& operator=(const TeamJob&) = delete;

    std::optional<JobOutcome<Result>> take_result() {
        std::lock_guard lock(mutex_);
        return std::exchange(outcome_, std::nullopt);
    }
    bool finished() const override { return finished_; }
    void cancel() override { control_.cancel(); }
    const JobControl& control() const { return control_; }

private:
    JobControl control_;
    std::mutex mutex_;
    std::optional<JobOutcome<Result>> outcome_;
    std::atomic<bool> finished_{false};
    std::thread worker_;
};

// Cancelled jobs whose workers have not returned yet; dropped once they have (poll each frame).
class JobRetirement {
public:
    void retire(std::unique_ptr<JobBase> job) {
        if (!job) return;
        job->cancel();
        jobs_.push_back(std::move(job));
    }
    void poll() {
        std::erase_if(jobs_, [](const std::unique_ptr<JobBase>& j) { return j->finished(); });
    }
    bool empty() const { return jobs_.empty(); }

private:
    std::vector<std::unique_ptr<JobBase>> jobs_;
};

}  // namespace npt::gui
