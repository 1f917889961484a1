// media_time.cpp — milliseconds as a clock time ("mm:ss" or "h:mm:ss").
#include "core/text/media_time.hpp"

#include <cstdio>

namespace npt {

std::string format_media_time(std::int64_t ms) {
    if (ms < 0) ms = 0;
    std::int64_t s = ms / 1000, h = s / 3600, mnt = (s / 60) % 60, sec = s % 60;
    char buf[48];
    if (h > 0)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(h), static_cast<long long>(mnt),
                      static_cast<long long>(sec));
    else
        std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(mnt), static_cast<long long>(sec));
    return buf;
}

}  // namespace npt
