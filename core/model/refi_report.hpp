// refi_report.hpp — the loss report every REFI-QDA import, export and check ends with: what the
// file holds, what was kept, and — counted, with examples and the reason — what the other side
// cannot hold or we could not read ("46 selections in PDF sources: not imported"). A plain value,
// written as text (one line per loss) or JSON (`--report FILE.json`, the GUI dialog).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace npt {

struct RefiLoss {
    std::string what;    // "selections in PDF sources"
    std::string reason;  // "not imported: nptcoder holds text only"
    std::int64_t count = 0;
    std::vector<std::string> examples;  // the first few names or GUIDs
};

struct RefiReport {
    std::string operation;  // "import", "export" or "check"
    std::string file;
    std::string origin;     // the tool that wrote the file ("MAXQDA 24 (Release 24.7.0)")
    bool schema_valid = true;
    std::vector<std::string> schema_errors;  // the first few, "line N: message"
    std::map<std::string, std::int64_t> in_file;  // "sources", "codes", "codings", ... as the file holds them
    std::map<std::string, std::int64_t> kept;     // as the project holds them after import (or as written)
    std::vector<RefiLoss> losses;
    std::vector<std::string> warnings;  // read leniently: bad dates, non-conformant paths, units

    // Counts one lost thing under (what, reason), keeping up to five examples.
    void lose(const std::string& what, const std::string& reason, const std::string& example = "", std::int64_t n = 1);
    void warn(std::string message) { warnings.push_back(std::move(message)); }
    std::int64_t lost_count(const std::string& what) const;

    nlohmann::json to_json() const;
    // Human-readable, one line per count, loss and warning.
    std::string to_text() const;
};

}  // namespace npt
