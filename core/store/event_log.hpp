// event_log.hpp — the project's audit trail: who did what when. Append-only; undo does not
// remove entries (an undo is itself an entry).
#pragma once
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt {

struct Event {
    EventId id;
    std::string time;
    std::string actor;
    std::string action;
    std::string detail;
};

std::vector<Event> list_events(Project& project, int limit = 100);  // newest first

}  // namespace npt
