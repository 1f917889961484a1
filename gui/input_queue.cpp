// input_queue.cpp — splitting queued input into frames.
#include "gui/input_queue.hpp"

#include <set>
#include <utility>

namespace npt::gui {

std::size_t InputQueue::take_frame(const std::function<void(const InputEvent&)>& apply) {
    std::set<std::pair<int, int>> touched;  // (kind, code) with an event this frame
    std::size_t n = 0;
    while (!events_.empty()) {
        const InputEvent e = events_.front();
        if (e.kind == InputEvent::Kind::Key || e.kind == InputEvent::Kind::MouseButton) {
            if (!touched.insert({static_cast<int>(e.kind), e.code}).second) break;
        }
        events_.pop_front();
        apply(e);
        ++n;
    }
    return n;
}

}  // namespace npt::gui
