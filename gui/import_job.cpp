// import_job.cpp — the import worker thread and its event queue.
#include "gui/import_job.hpp"

#include <functional>
#include <utility>

#include "core/error.hpp"
#include "core/store/project.hpp"

namespace npt::gui {
namespace {

// Forwards the batch's progress to the job's queue and polls its cancel flag.
class QueueSink : public importers::ProgressSink {
public:
    QueueSink(const std::atomic<bool>& cancel, std::function<void(ImportEvent)> push)
        : cancel_(cancel), push_(std::move(push)) {}
    void batch_started(std::size_t total, std::uint64_t bytes_total) override {
        ImportEvent e;
        e.kind = ImportEvent::Kind::BatchStarted;
        e.total = total;
        e.bytes_total = bytes_total;
        push_(std::move(e));
    }
    void file_started(std::size_t index, std::size_t total, const std::string& path, std::uint64_t bytes_done) override {
        push_({ImportEvent::Kind::FileStarted, index, total, bytes_done, 0, path, {}, std::nullopt, {}});
    }
    void file_finished(std::size_t index, std::size_t total, const std::string& path, const std::string& outcome,
                       std::uint64_t bytes_done) override {
        push_({ImportEvent::Kind::FileFinished, index, total, bytes_done, 0, path, outcome, std::nullopt, {}});
    }
    bool cancelled() const override { return cancel_; }

private:
    const std::atomic<bool>& cancel_;
    std::function<void(ImportEvent)> push_;
};

}  // namespace

ImportJob::ImportJob(std::filesystem::path project_file, std::vector<std::string> paths, importers::ImportOptions options,
                     std::string actor) {
    worker_ = std::thread([this, project_file = std::move(project_file), paths = std::move(paths),
                           options = std::move(options), actor = std::move(actor)] {
        ImportEvent done;
        done.kind = ImportEvent::Kind::Done;
        try {
            Project project = Project::open(project_file);
            if (!actor.empty()) project.set_actor(actor);
            QueueSink sink(cancel_, [this](ImportEvent e) { push(std::move(e)); });
            done.summary = importers::import_paths(project, paths, options, &sink);
        } catch (const std::exception& e) {
            done.error = e.what();
        }
        push(std::move(done));
    });
}

ImportJob::~ImportJob() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
}

void ImportJob::push(ImportEvent event) {
    std::lock_guard lock(mutex_);
    events_.push_back(std::move(event));
}

std::vector<ImportEvent> ImportJob::take_events() {
    std::lock_guard lock(mutex_);
    return std::exchange(events_, {});
}

}  // namespace npt::gui
