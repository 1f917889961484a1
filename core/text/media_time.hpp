// media_time.hpp — a media position (milliseconds into a recording) written as a clock time, the
// way transcripts stamp their turns: "03:12" under an hour, "1:02:03" from an hour on.
#pragma once
#include <cstdint>
#include <string>

namespace npt {

// Milliseconds as "mm:ss" (under an hour) or "h:mm:ss"; negative times count as 0.
std::string format_media_time(std::int64_t ms);

}  // namespace npt
