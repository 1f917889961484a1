// input_queue.hpp — input events kept in arrival order and handed to ImGui a frame at a time,
// so that nothing is lost when several arrive in one wake-up. Dear ImGui 1.86 keeps only the
// current state of each key and button: a key pressed and released before the next frame would
// never be seen down. The queue gives a frame every event up to the first one that changes a key
// or button already changed in that frame; the rest wait for the next frame (the main loop draws
// it at once). Characters, scrolling and pointer moves never split a frame on their own.
#pragma once
#include <cstddef>
#include <deque>
#include <functional>

namespace npt::gui {

struct InputEvent {
    enum class Kind { Key, MouseButton, Char, Scroll, Other };
    Kind kind = Kind::Other;
    int code = 0;          // key (platform numbering), mouse button, or character
    int scancode = 0;
    int action = 0;        // platform action (press / release / repeat)
    int mods = 0;
    double x = 0, y = 0;   // scroll offsets
};

class InputQueue {
public:
    void push(const InputEvent& e) { events_.push_back(e); }
    bool empty() const { return events_.empty(); }
    std::size_t size() const { return events_.size(); }
    // Hands this frame's events to `apply`, in order; returns how many. Stops before a key or
    // button event whose key or button already had an event this frame.
    std::size_t take_frame(const std::function<void(const InputEvent&)>& apply);

private:
    std::deque<InputEvent> events_;
};

}  // namespace npt::gui
