// option_hints.hpp — the CLI's edge for core errors about one field of a request: the core says
// what is wrong in its own words ("overlap 1.5 is outside 0–1") and tags the field
// (npt::Error::about(), e.g. "overlap"); here the CLI adds the option that sets that field,
// "(--overlap)", the way with_origin adds a location.
#pragma once
#include <string>

#include "core/error.hpp"

namespace npt::cli {

// `what` followed by " (OPTION)" for the option that sets field `about`; `what` alone when
// `about` is empty or no option of nptcoder sets it.
std::string with_option_hint(const std::string& what, const std::string& about);
// The message of `e` as the CLI shows it: what() with its option hint.
std::string cli_message(const Error& e);

}  // namespace npt::cli
