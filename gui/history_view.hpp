// history_view.hpp — Team > History: the project's event log (core list_events) — when, who, what
// and the detail — newest first, filterable by who and by words, clipped so any length scrolls;
// re-read on a worker whenever the project changes. And File > Check project: the core's
// integrity check (and the open-time schema check) on a worker, its answer in a modal.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/store/event_log.hpp"
#include "gui/team_job.hpp"

namespace npt::gui {

class App;

class HistoryView {
public:
    HistoryView();
    ~HistoryView();

    void open() { visible_ = true; }
    bool visible() const { return visible_; }
    void poll(App& app);
    void draw(App& app);
    bool busy() const { return job_ != nullptr || !retired_.empty(); }

    // Filters: the actor ("" = everyone) and words found in the action or detail (any case).
    void set_filter(const std::string& actor, const std::string& words);
    const std::vector<Event>& events() const { return events_; }
    const std::vector<std::size_t>& shown() const { return shown_; }  // indices into events()

    static constexpr int kLimit = 100000;  // most events read

private:
    void load(App& app);
    void refilter();

    bool visible_ = false;
    std::unique_ptr<TeamJob<std::vector<Event>>> job_;
    JobRetirement retired_;
    std::vector<Event> events_;
    std::vector<std::string> actors_;
    std::vector<std::size_t> shown_;
    std::uint64_t loaded_revision_ = ~0ull;
    std::string actor_;
    char words_[256] = {};
};

// File > Check project.
class CheckDialog {
public:
    CheckDialog();
    ~CheckDialog();
    void start(App& app);
    void poll(App& app);
    void draw(App& app);
    bool busy() const { return job_ != nullptr || wanted_; }
    bool running() const { return job_ != nullptr; }
    const std::optional<std::string>& answer() const { return answer_; }  // "ok" or the problems

private:
    std::unique_ptr<TeamJob<std::string>> job_;
    std::optional<std::string> answer_;
    std::string file_;
    bool wanted_ = false;  // the modal is to open
};

}  // namespace npt::gui
