// event_log.cpp — reading the audit trail (entries are written by Project actions and undo).
#include "core/store/event_log.hpp"
#include "core/detail/db_access.hpp"

namespace npt {

std::vector<Event> list_events(Project& project, int limit) {
    sqlite::Statement st(project.db(), "SELECT id, time, actor, action, detail FROM event_log ORDER BY id DESC LIMIT ?");
    st.bind(1, limit);
    std::vector<Event> out;
    while (st.step()) out.push_back({st.id<EventId>(0), st.text(1), st.text(2), st.text(3), st.text(4)});
    return out;
}

}  // namespace npt
