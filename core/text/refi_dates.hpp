// refi_dates.hpp — REFI-QDA timestamps: checking xs:dateTime, and reading what tools actually
// write (QualCoder's "20261123_0TZ", "2019-06-04 05:25:16", dates without a time) leniently.
#pragma once
#include <optional>
#include <string>

namespace npt {

// True for an xs:dateTime: YYYY-MM-DDThh:mm:ss[.fff][Z|(+|-)hh:mm].
bool is_xs_datetime(const std::string& text);
// True for an xs:date: YYYY-MM-DD (no time zone).
bool is_xs_date(const std::string& text);

// The timestamp as ISO 8601 UTC ("2026-11-23T00:00:00Z") when it can be read: an xs:dateTime is
// returned as it is; a space instead of 'T', a missing zone, or a compact "YYYYMMDD..." form are
// repaired (the caller warns). nullopt when no date can be found in it.
std::optional<std::string> read_lenient_datetime(const std::string& text);

}  // namespace npt
