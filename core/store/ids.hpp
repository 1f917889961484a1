// ids.hpp — stable identifiers and timestamps: random (version 4) GUIDs as REFI-QDA expects
// them, and UTC times in ISO 8601 ("2026-11-23T08:55:00Z").
#pragma once
#include <random>
#include <string>

namespace npt {

// Makes GUIDs from a generator seeded once from std::random_device. One per Project; not
// thread-safe (each thread or project has its own).
class GuidGenerator {
public:
    GuidGenerator();
    std::string next();  // "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lowercase

private:
    std::mt19937_64 engine_;
};

// True for the 8-4-4-4-12 hex form (any version, either case).
bool is_guid(const std::string& text);

// The current time in UTC, ISO 8601 with seconds and a trailing Z.
std::string utc_now_iso();

}  // namespace npt
