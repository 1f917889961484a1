// code_frequency.hpp — how often each code was applied by each coder: codings per code per coder,
// the numbers behind the Charts window's bar chart and `nptcoder code-frequency`.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/store/project.hpp"

namespace npt {

struct CodeFrequencyOptions {
    std::vector<std::string> codes;    // code paths, in this order (empty = every code, tree order)
    std::vector<std::string> coders;   // coder names, in this order (empty = every coder, list order)
    bool include_descendants = false;  // a code also counts the codings of the codes below it
    bool used_only = false;            // leave out codes that no listed coder applied
};

struct CodeFrequency {
    std::vector<CodeId> code_ids;
    std::vector<std::string> codes;    // code paths
    std::vector<CoderId> coder_ids;
    std::vector<std::string> coders;   // coder names
    std::vector<std::vector<std::int64_t>> counts;  // counts[code][coder]: codings (not coded text)
};

// Codings per code (rows) per coder (columns). With include_descendants a coding of a code below
// counts in its ancestors' rows too. Throws NotFoundError for an unknown code or coder.
CodeFrequency code_frequency(Project& project, const CodeFrequencyOptions& options = {});

// The table as CSV: header "code", then one column per coder; one row per code. What
// `code-frequency --format csv` prints and the Charts window exports.
std::string code_frequency_csv(const CodeFrequency& frequency);

}  // namespace npt
