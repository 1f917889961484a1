// media_time_test.cpp — media times as clock times: mm:ss under an hour, h:mm:ss from an hour on.
#include <gtest/gtest.h>

#include "core/text/media_time.hpp"

namespace npt {
namespace {

TEST(MediaTime, MinutesAndSecondsUnderAnHourHoursFromAnHourOn) {
    EXPECT_EQ(format_media_time(3723000), "1:02:03");
    EXPECT_EQ(format_media_time(65000), "01:05");
    EXPECT_EQ(format_media_time(65999), "01:05");  // whole seconds, truncated
    EXPECT_EQ(format_media_time(3599999), "59:59");
    EXPECT_EQ(format_media_time(3600000), "1:00:00");
    EXPECT_EQ(format_media_time(36000000 + 59000), "10:00:59");
    EXPECT_EQ(format_media_time(0), "00:00");
    EXPECT_EQ(format_media_time(-5000), "00:00");
}

}  // namespace
}  // namespace npt
