// agreement_report.hpp — writers for agreement results: JSON (the stable keys scripts depend on:
// {"unit", "coders", "codes": [{"code": PATH, ...}], "overall": {...}}), CSV (one row per code,
// the overall row, then one per document), a plain-text table, and a single self-contained HTML
// report a lead can attach to a paper's supplement (method in words, per-code table, overall row,
// the longest disagreements with their text), and the same report as a Word document
// (agreement_docx.cpp). Undefined statistics are null / empty / "—".
#pragma once
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/disagreements.hpp"
#include "core/agreement/reliability_table.hpp"
#include "exporters/export_format.hpp"

namespace npt::exporters {

// The statistics and counts of one row, with the report's coder names for per-coder counts.
nlohmann::json agreement_row_json(const agreement::AgreementRow& row, const agreement::AgreementReport& report);
nlohmann::json agreement_json(const agreement::AgreementReport& report);
std::string agreement_csv(const agreement::AgreementReport& report);
std::string agreement_text(const agreement::AgreementReport& report);

struct AgreementHtmlOptions {
    std::string project;            // project name for the title
    std::vector<std::string> codes_filter;      // as given on the command line (for the method text)
    std::vector<std::string> documents_filter;
    int bootstrap = 0;
    std::uint64_t seed = 1;
    std::size_t documents_in_scope = 0;
};
// `top` are the disagreements to quote (e.g. longest_disagreements(..., 20)).
std::string agreement_html(const agreement::AgreementReport& report, const std::vector<agreement::Disagreement>& top,
                           const AgreementHtmlOptions& options);
// The HTML report's content as a Word document (atomically): method, the per-code and per-document
// tables on landscape pages (header rows repeated), the longest disagreements, references.
void write_agreement_docx(const agreement::AgreementReport& report, const std::vector<agreement::Disagreement>& top,
                          const AgreementHtmlOptions& options, const std::filesystem::path& out, Paper paper);

// What the HTML and Word reports share.
const char* agreement_unit_words(agreement::Unit unit);  // the method paragraph for the unit
extern const char* const kAgreementStatisticsWords;     // the statistics' definitions and sources
// The report's Method section as paragraphs (unit, overlap and K, descendants, scope, the statistics,
// the bootstrap): one text for the HTML and the Word report.
std::vector<std::string> agreement_method_paragraphs(const agreement::AgreementReport& report,
                                                     const AgreementHtmlOptions& options);
extern const std::vector<std::string> kAgreementReferences;
std::string agreement_shown(const std::optional<double>& x);  // 3 decimals, or "—" when undefined
std::string agreement_interval(double low, double high);      // "[0.412, 0.733]"
// A row's units coded by all the coders, by some but not all (disputed), and by none.
struct PresenceSplit {
    std::int64_t all = 0, none = 0, disputed = 0;
};
PresenceSplit presence_split(const agreement::AgreementRow& row);

// `agreement-table` results: {"level", "coders", "units", ...statistics, ...counts}.
// With `pairwise`, also ReCal's average pairwise percent agreement and each pair's.
nlohmann::json reliability_json(const agreement::ReliabilityResult& result, const agreement::ReliabilityTable& table,
                                agreement::Level level, bool pairwise = false);
std::string reliability_text(const agreement::ReliabilityResult& result, const agreement::ReliabilityTable& table,
                             agreement::Level level, bool pairwise = false);

}  // namespace npt::exporters
