// option_hints.cpp — which nptcoder option sets each request field a core error can be about.
#include "cli/option_hints.hpp"

#include <map>

namespace npt::cli {
namespace {

// Field (npt::Error::about) -> how to say the option that sets it.
const std::map<std::string, std::string>& option_of_field() {
    static const std::map<std::string, std::string> options = {
        {"coders", "--coders A,B"},
        {"overlap", "--overlap"},
        {"rule", "--rule, --accept ID or --reject ID"},
        {"into", "--into NAME"},
        {"categories", "--categories"},
        {"force", "--force"},
        {"coder_map", "--coder-map OLD=NEW"},
        {"max_size", "raise it with --max-size"},
        {"rows", "--rows"},
        {"where", "--where"},
        {"occurrence", "--occurrence N"},
        {"chance_codes", "--chance-codes N|all"},
    };
    return options;
}

}  // namespace

std::string with_option_hint(const std::string& what, const std::string& about) {
    if (about.empty()) return what;
    auto it = option_of_field().find(about);
    return it == option_of_field().end() ? what : what + " (" + it->second + ")";
}

std::string cli_message(const Error& e) { return with_option_hint(e.what(), e.about()); }

}  // namespace npt::cli
