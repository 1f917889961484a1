// frames_until.hpp — for headless GUI tests that wait on a worker or another connection: draw
// frames (5 ms apart) until a condition holds or a time limit passes.
#pragma once
#include <chrono>
#include <functional>
#include <thread>

#include "gui/headless.hpp"

namespace npt::test {

// Draws frames until `done` holds or `seconds` pass; returns whether it held.
inline bool frames_until(Headless& ui, const std::function<bool()>& done, int seconds = 10) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        ui.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

}  // namespace npt::test
