// refi_report.cpp — aggregating losses and writing the report as text and JSON.
#include "core/model/refi_report.hpp"

#include <sstream>

namespace npt {

void RefiReport::lose(const std::string& what, const std::string& reason, const std::string& example, std::int64_t n) {
    if (n <= 0) return;
    for (RefiLoss& l : losses)
        if (l.what == what && l.reason == reason) {
            l.count += n;
            if (!example.empty() && l.examples.size() < 5) l.examples.push_back(example);
            return;
        }
    RefiLoss l{what, reason, n, {}};
    if (!example.empty()) l.examples.push_back(example);
    losses.push_back(std::move(l));
}

std::int64_t RefiReport::lost_count(const std::string& what) const {
    std::int64_t n = 0;
    for (const RefiLoss& l : losses)
        if (l.what == what) n += l.count;
    return n;
}

nlohmann::json RefiReport::to_json() const {
    nlohmann::json losses_json = nlohmann::json::array();
    for (const RefiLoss& l : losses)
        losses_json.push_back({{"what", l.what}, {"reason", l.reason}, {"count", l.count}, {"examples", l.examples}});
    return {{"operation", operation}, {"file", file},           {"origin", origin},
            {"schema_valid", schema_valid}, {"schema_errors", schema_errors}, {"in_file", in_file},
            {"kept", kept},         {"lost", losses_json},      {"warnings", warnings}};
}

std::string RefiReport::to_text() const {
    std::ostringstream out;
    out << "REFI-QDA " << operation << ": " << file;
    if (!origin.empty()) out << " (written by " << origin << ")";
    out << '\n';
    out << "  schema: " << (schema_valid ? "valid" : "NOT valid") << '\n';
    for (const std::string& e : schema_errors) out << "    " << e << '\n';
    for (const auto& [what, n] : in_file) {
        out << "  " << what << ": " << n << " in the file";
        if (auto k = kept.find(what); k != kept.end()) out << ", " << k->second << " kept";
        out << '\n';
    }
    for (const auto& [what, n] : kept)
        if (!in_file.count(what)) out << "  " << what << ": " << n << '\n';
    if (losses.empty()) out << "  nothing lost\n";
    for (const RefiLoss& l : losses) {
        out << "  lost: " << l.count << ' ' << l.what << ": " << l.reason;
        if (!l.examples.empty()) {
            out << " (e.g. ";
            for (std::size_t i = 0; i < l.examples.size(); ++i) out << (i ? ", " : "") << l.examples[i];
            out << ')';
        }
        out << '\n';
    }
    for (const std::string& w : warnings) out << "  warning: " << w << '\n';
    return out.str();
}

}  // namespace npt
