// confusion_report.hpp — writers for the construct confusion table (core/agreement/
// construct_confusion.hpp): JSON {"coder_a", "coder_b", "codes", "not_coded", "cells": [[...]],
// "rows": [{"code", "coded_by_a", "cells": {COLUMN: n}}], ...}, CSV (a header row of B's codes
// then "(not coded)"; one row per A code then "(not coded)"), and a plain-text table. The same
// files from the CLI (`nptcoder agreement --confusion`) and the workbench.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/agreement/construct_confusion.hpp"

namespace npt::exporters {

// The label of the "not coded" row and column in every format.
inline constexpr const char* kNotCodedLabel = "(not coded)";

nlohmann::json confusion_json(const agreement::ConfusionMatrix& matrix);
std::string confusion_csv(const agreement::ConfusionMatrix& matrix);
std::string confusion_text(const agreement::ConfusionMatrix& matrix);

// A cell's passages: [{"doc", "start", "end", "speaker", "text"}].
nlohmann::json confusion_passages_json(const std::vector<agreement::ConfusionPassage>& passages);

}  // namespace npt::exporters
