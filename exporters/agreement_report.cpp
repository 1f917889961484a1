// agreement_report.cpp — JSON, CSV, text and HTML writers for agreement reports and reliability
// tables. The JSON keys are part of the public interface: keep them stable.
#include "exporters/agreement_report.hpp"

#include <fmt/format.h>

#include "core/text/csv.hpp"
#include "exporters/html_page.hpp"

namespace npt::exporters {
namespace {

using agreement::AgreementReport;
using agreement::AgreementRow;
using agreement::ReliabilityResult;
using agreement::Unit;

// -0.0 as 0 (adding 0.0 turns -0.0 into +0.0).
nlohmann::json number_or_null(const std::optional<double>& x) { return x ? nlohmann::json(*x + 0.0) : nlohmann::json(nullptr); }

// x to `places` decimals; a value that rounds to zero has no minus sign ("-0.000" would read as
// a disagreement where rounding error made 1 - D_o/D_e a hair below zero).
std::string fixed(double x, int places) {
    std::string s = fmt::format("{:.{}f}", x, places);
    if (s[0] == '-' && s.find_first_not_of("0.", 1) == std::string::npos) s.erase(0, 1);
    return s;
}

std::string cell(const std::optional<double>& x) { return x ? fixed(*x, 6) : std::string(); }
std::string shown(const std::optional<double>& x) { return x ? fixed(*x, 3) : std::string("—"); }
std::string interval(double low, double high) { return "[" + fixed(low, 3) + ", " + fixed(high, 3) + "]"; }
PresenceSplit split(const AgreementRow& row) { return presence_split(row); }

void add_statistics(nlohmann::json& j, const ReliabilityResult& r) {
    j["percent_agreement"] = number_or_null(r.percent_agreement);
    j["cohen_kappa"] = number_or_null(r.cohen_kappa);
    j["scott_pi"] = number_or_null(r.scott_pi);
    j["fleiss_kappa"] = number_or_null(r.fleiss_kappa);
    j["krippendorff_alpha"] = number_or_null(r.krippendorff_alpha);
    j["brennan_prediger"] = number_or_null(r.brennan_prediger);
}

void add_bootstrap(nlohmann::json& j, const ReliabilityResult& r, bool asked) {
    if (!asked) return;
    j["krippendorff_alpha_ci95"] = r.alpha_ci_low ? nlohmann::json::array({*r.alpha_ci_low, *r.alpha_ci_high})
                                                  : nlohmann::json(nullptr);
    j["bootstrap_replicates"] = r.bootstrap_replicates;
}

nlohmann::json per_coder(const std::vector<std::int64_t>& counts, const std::vector<std::string>& coders) {
    nlohmann::json j = nlohmann::json::object();
    for (std::size_t i = 0; i < coders.size() && i < counts.size(); ++i) j[coders[i]] = counts[i];
    return j;
}

std::string stats_cells(const AgreementRow& row, bool bootstrap) {
    const ReliabilityResult& r = row.stats;
    std::string alpha = shown(r.krippendorff_alpha);
    if (bootstrap && r.alpha_ci_low) alpha += " " + interval(*r.alpha_ci_low, *r.alpha_ci_high);
    std::string out;
    for (const std::string& v : {shown(r.percent_agreement), shown(r.cohen_kappa), shown(r.scott_pi),
                                 shown(r.fleiss_kappa), alpha, shown(r.brennan_prediger)})
        out += "<td class=\"num\">" + html::escape(v) + "</td>";
    return out;
}

std::string count_cells(const AgreementRow& row, Unit unit) {
    if (unit == Unit::Segment)
        return fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td>", row.segments.segments,
                           row.segments.agreeing_segments);
    PresenceSplit s = split(row);
    return fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>", s.all, s.disputed,
                       s.none);
}

std::string table_head(const std::string& first, Unit unit) {
    std::string h = "<table>\n<tr><th>" + html::escape(first) +
                    "</th><th class=\"num\">Percent agreement</th><th class=\"num\">Cohen's κ</th>"
                    "<th class=\"num\">Scott's π</th><th class=\"num\">Fleiss' κ</th><th class=\"num\">Krippendorff's α</th>"
                    "<th class=\"num\">Brennan–Prediger</th>";
    if (unit == Unit::Segment) h += "<th class=\"num\">Segments</th><th class=\"num\">Agreeing</th>";
    else h += "<th class=\"num\">Coded by all</th><th class=\"num\">Disputed</th><th class=\"num\">Coded by none</th>";
    return h + "</tr>\n";
}

}  // namespace

PresenceSplit presence_split(const AgreementRow& row) {
    PresenceSplit s;
    if (row.units_by_coders.empty()) return s;
    const std::size_t full = row.units_by_coders.size() - 1;
    s.none = row.units_by_coders[0];
    s.all = row.units_by_coders[full];
    for (std::size_t m = 1; m < full; ++m) s.disputed += row.units_by_coders[m];
    return s;
}

const char* agreement_unit_words(Unit unit) {
    switch (unit) {
        case Unit::Character:
            return "Unit: the character (Unicode code point). Every code point of every document in scope is a unit "
                   "for each code; a coder's value is 1 when one of their codings of that code covers it, else 0. "
                   "Counts are pooled over the documents in scope; the overall row pools every code's units.";
        case Unit::Document:
            return "Unit: the document. Each document in scope is a unit for each code; a coder's value is 1 when "
                   "they applied the code anywhere in it, else 0. The overall row pools every code's units.";
        case Unit::Segment:
            return "Unit: the coded segment. A coder's segment of a code agrees when another coder has a segment "
                   "of the same code in the same document whose overlap (intersection over union, in code points) "
                   "is at least the threshold. Percent agreement = agreeing segments / all segments; kappa is "
                   "Brennan and Prediger's (1981) free-marginal form with chance 1/K over the K codes compared, as "
                   "in MAXQDA's segment-level intercoder agreement. Cohen, Scott, Fleiss and Krippendorff need a "
                   "unit both coders judge, which segments lack, so they are not reported at this unit.";
    }
    return "";
}

const char* const kAgreementStatisticsWords =
    "Percent agreement: agreeing coder pairs / all coder pairs over units. Cohen's kappa (Cohen 1960): "
    "(p_o - p_e) / (1 - p_e), p_e from each coder's own marginals (two coders only). Scott's pi (Scott 1955): "
    "the same with pooled marginals (two coders only). Fleiss' kappa (Fleiss 1971): mean pairwise agreement "
    "per unit against squared pooled category shares (two or more coders). Krippendorff's alpha (Krippendorff "
    "2011): 1 - D_o / D_e from the coincidence matrix, nominal difference. Brennan-Prediger (Brennan & "
    "Prediger 1981): (p_o - 1/q) / (1 - 1/q). A statistic whose chance agreement is 1 (no variation) is "
    "undefined and shown as —, never as 1. Formulas in full: docs/agreement.md.";


const std::vector<std::string> kAgreementReferences = {
    "Brennan, R. L., & Prediger, D. J. (1981). Coefficient kappa: Some uses, misuses, and alternatives. "
    "Educational and Psychological Measurement, 41(3), 687–699.",
    "Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 20(1), 37–46.",
    "Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5), 378–382.",
    "Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability measure for coding data. "
    "Communication Methods and Measures, 1(1), 77–89.",
    "Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of Pennsylvania, Annenberg School for Communication.",
    "Scott, W. A. (1955). Reliability of content analysis: The case of nominal scale coding. Public Opinion Quarterly, 19(3), 321–325."};

std::string agreement_shown(const std::optional<double>& x) { return shown(x); }
std::string agreement_interval(double low, double high) { return interval(low, high); }

nlohmann::json agreement_row_json(const AgreementRow& row, const AgreementReport& report) {
    nlohmann::json j = nlohmann::json::object();
    add_statistics(j, row.stats);
    add_bootstrap(j, row.stats, row.stats.bootstrap_replicates > 0 || row.stats.alpha_ci_low.has_value());
    if (report.unit == Unit::Segment) {
        j["segments"] = row.segments.segments;
        j["agreeing_segments"] = row.segments.agreeing_segments;
        j["segments_by_coder"] = per_coder(row.segments.segments_by_coder, report.coders);
        j["agreeing_by_coder"] = per_coder(row.segments.agreeing_by_coder, report.coders);
        j["compared_codes"] = report.compared_codes;
        return j;
    }
    const auto& c = row.stats.counts;
    PresenceSplit s = split(row);
    j["units"] = c.units;
    j["pairs"] = c.pairs;
    j["agreeing_pairs"] = c.agreeing_pairs;
    j["units_by_all"] = s.all;
    j["units_by_none"] = s.none;
    j["units_disputed"] = s.disputed;
    j["coded_units"] = per_coder(row.coded_units, report.coders);
    return j;
}

nlohmann::json agreement_json(const AgreementReport& report) {
    nlohmann::json out;
    out["unit"] = agreement::to_string(report.unit);
    out["coders"] = report.coders;
    if (report.unit == Unit::Segment) {
        out["overlap"] = report.overlap;
        out["chance_codes"] = report.compared_codes;
    }
    out["codes_include_descendants"] = report.codes_include_descendants;
    out["codes"] = nlohmann::json::array();
    for (const AgreementRow& row : report.codes) {
        nlohmann::json j = {{"code", row.name}};
        j.update(agreement_row_json(row, report));
        out["codes"].push_back(std::move(j));
    }
    out["overall"] = agreement_row_json(report.overall, report);
    out["documents"] = nlohmann::json::array();
    for (const AgreementRow& row : report.documents) {
        nlohmann::json j = {{"document", row.name}};
        j.update(agreement_row_json(row, report));
        out["documents"].push_back(std::move(j));
    }
    return out;
}

std::string agreement_csv(const AgreementReport& report) {
    std::string out = csv::format_row({"scope", "name", "percent_agreement", "cohen_kappa", "scott_pi", "fleiss_kappa",
                                       "krippendorff_alpha", "brennan_prediger", "alpha_ci95_low", "alpha_ci95_high",
                                       "units", "units_by_all", "units_disputed", "units_by_none", "segments",
                                       "agreeing_segments"});
    auto row_csv = [&](const char* scope, const AgreementRow& row) {
        const ReliabilityResult& r = row.stats;
        PresenceSplit s = split(row);
        bool seg = report.unit == Unit::Segment;
        auto n = [](std::int64_t x) { return std::to_string(x); };
        out += csv::format_row({scope, row.name, cell(r.percent_agreement), cell(r.cohen_kappa), cell(r.scott_pi),
                                cell(r.fleiss_kappa), cell(r.krippendorff_alpha), cell(r.brennan_prediger),
                                cell(r.alpha_ci_low), cell(r.alpha_ci_high), n(r.counts.units), seg ? "" : n(s.all),
                                seg ? "" : n(s.disputed), seg ? "" : n(s.none), seg ? n(row.segments.segments) : "",
                                seg ? n(row.segments.agreeing_segments) : ""});
    };
    for (const AgreementRow& row : report.codes) row_csv("code", row);
    row_csv("overall", report.overall);
    for (const AgreementRow& row : report.documents) row_csv("document", row);
    return out;
}

std::string agreement_text(const AgreementReport& report) {
    std::string out = fmt::format("Agreement between {} at the {} level", fmt::join(report.coders, ", "),
                                  agreement::to_string(report.unit));
    if (report.unit == Unit::Segment) out += fmt::format(" (overlap >= {})", report.overlap);
    out += "\n";
    if (report.codes_include_descendants) out += "Each code's row includes the codes below it (--exact for its own codings only).\n";
    if (report.unit == Unit::Segment)
        out += fmt::format("BP's chance term is 1/K with K = {} (--chance-codes N; default: the codes in this report), "
                           "so a code's BP depends on which other codes are reported.\n",
                           report.compared_codes);
    out += "\n";
    out += fmt::format("{:<46} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>12}\n", "code", "agree", "cohen", "scott", "fleiss",
                       "alpha", "BP", "units");
    auto line = [&](const AgreementRow& row) {
        const ReliabilityResult& r = row.stats;
        std::string alpha = shown(r.krippendorff_alpha);
        out += fmt::format("{:<46} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>12}\n", row.name, shown(r.percent_agreement),
                           shown(r.cohen_kappa), shown(r.scott_pi), shown(r.fleiss_kappa), alpha,
                           shown(r.brennan_prediger), r.counts.units);
        if (r.alpha_ci_low)
            out += fmt::format("{:<46} alpha 95% bootstrap interval {}\n", "", interval(*r.alpha_ci_low, *r.alpha_ci_high));
    };
    for (const AgreementRow& row : report.codes) line(row);
    line(report.overall);
    return out;
}

std::vector<std::string> agreement_method_paragraphs(const AgreementReport& report, const AgreementHtmlOptions& options) {
    const Unit unit = report.unit;
    std::vector<std::string> out{agreement_unit_words(unit)};
    if (unit == Unit::Segment)
        out.push_back(fmt::format("Overlap threshold: {} (intersection over union). K = {} codes in the chance term 1/K "
                                  "(by default the codes in this report, so a code's Brennan–Prediger value depends on "
                                  "which other codes are reported; --chance-codes fixes K).",
                                  report.overlap, report.compared_codes));
    if (report.codes_include_descendants)
        out.push_back("Each code's row includes the codes below it: a coder has the code wherever they coded it or one "
                      "of its sub-codes (overlapping codings joined).");
    out.push_back(fmt::format(
        "Scope: {} document(s){}; codes: {}.", options.documents_in_scope,
        options.documents_filter.empty() ? " (all documents)" : " (" + fmt::format("{}", fmt::join(options.documents_filter, ", ")) + ")",
        options.codes_filter.empty() ? "every code the compared coders applied" : fmt::format("{}", fmt::join(options.codes_filter, ", "))));
    out.push_back(kAgreementStatisticsWords);
    if (options.bootstrap > 0)
        out.push_back(fmt::format("The interval after alpha is a 95% percentile bootstrap interval from {} resamplings "
                                  "of units (seed {}), after Hayes & Krippendorff (2007).",
                                  options.bootstrap, options.seed));
    return out;
}

std::string agreement_html(const AgreementReport& report, const std::vector<agreement::Disagreement>& top,
                           const AgreementHtmlOptions& options) {
    const Unit unit = report.unit;
    const bool bootstrap = options.bootstrap > 0;
    html::Page page("Inter-coder agreement — " + options.project);
    page.heading(1, "Inter-coder agreement");
    page.paragraph(fmt::format("Project: {}. Coders compared: {}.", options.project, fmt::join(report.coders, ", ")));

    page.heading(2, "Method");
    for (const std::string& p : agreement_method_paragraphs(report, options)) page.paragraph(p);

    page.heading(2, "Agreement per code");
    std::string table = table_head("Code", unit);
    for (const AgreementRow& row : report.codes)
        table += "<tr><td>" + html::escape(row.name) + "</td>" + stats_cells(row, bootstrap) + count_cells(row, unit) + "</tr>\n";
    table += "<tr><th>Overall (all codes pooled)</th>" + stats_cells(report.overall, bootstrap) +
             count_cells(report.overall, unit) + "</tr>\n</table>\n";
    page.raw(table);
    page.raw("<p class=\"ref\">— : undefined (no variation in the units, or not applicable at this unit or number of coders).</p>\n");

    if (!report.documents.empty()) {
        page.heading(2, "Agreement per document (all codes pooled)");
        std::string docs = table_head("Document", unit);
        for (const AgreementRow& row : report.documents)
            docs += "<tr><td dir=\"auto\">" + html::escape(row.name) + "</td>" + stats_cells(row, false) + count_cells(row, unit) + "</tr>\n";
        page.raw(docs + "</table>\n");
    }

    page.heading(2, "Longest disagreements");
    if (top.empty()) page.paragraph("The coders do not disagree anywhere in scope.");
    for (const agreement::Disagreement& d : top) {
        std::string who = fmt::format("{}", fmt::join(d.coders_with, ", "));
        std::string whonot = fmt::format("{}", fmt::join(d.coders_without, ", "));
        page.raw("<h3>" + html::escape(d.code) + " — " + html::escape(d.document) +
                 fmt::format(" {}–{}", d.start, d.end) + "</h3>\n<p class=\"muted\">Coded by " + html::escape(who) +
                 "; not by " + html::escape(whonot) + (d.speaker.empty() ? "" : ". Speaker: " + html::escape(d.speaker)) +
                 ". Id " + html::escape(d.id) + "</p>\n<blockquote dir=\"auto\">" + html::escape_multiline(d.text) +
                 "</blockquote>\n");
    }
    page.heading(2, "References");
    std::string references = "<p class=\"ref\">";
    for (std::size_t i = 0; i < kAgreementReferences.size(); ++i)
        references += (i ? "<br>" : "") + html::escape(kAgreementReferences[i]);
    page.raw(references + "</p>\n");
    return page.finish();
}

nlohmann::json reliability_json(const ReliabilityResult& r, const agreement::ReliabilityTable& table, agreement::Level level,
                                bool pairwise) {
    nlohmann::json j;
    j["level"] = agreement::to_string(level);
    j["coders"] = table.coders;
    add_statistics(j, r);
    add_bootstrap(j, r, r.bootstrap_replicates > 0 || r.alpha_ci_low.has_value());
    const auto& c = r.counts;
    j["units"] = c.units;
    j["pairable_units"] = c.pairable_units;
    j["complete_units"] = c.complete_units;
    j["pairable_values"] = c.pairable_values;
    j["pairs"] = c.pairs;
    j["agreeing_pairs"] = c.agreeing_pairs;
    j["categories"] = c.categories;
    j["values"] = table.data.labels;
    j["coincidences"] = c.coincidences;
    if (pairwise) {
        j["pairwise_percent_agreement"] = r.pairwise_percent_agreement ? nlohmann::json(*r.pairwise_percent_agreement) : nlohmann::json();
        nlohmann::json pairs = nlohmann::json::array();
        std::size_t k = 0;
        for (std::size_t a = 0; a < table.coders.size(); ++a)
            for (std::size_t b = a + 1; b < table.coders.size(); ++b, ++k)
                pairs.push_back({{"coders", {table.coders[a], table.coders[b]}},
                                 {"percent_agreement", r.pairwise[k] ? nlohmann::json(*r.pairwise[k]) : nlohmann::json()}});
        j["pairwise"] = pairs;
    }
    return j;
}

std::string reliability_text(const ReliabilityResult& r, const agreement::ReliabilityTable& table, agreement::Level level,
                             bool pairwise) {
    std::string out = fmt::format("{} units, {} coders ({}), {} level\n", r.counts.units, table.coders.size(),
                                  fmt::join(table.coders, ", "), agreement::to_string(level));
    auto line = [&](const char* name, const std::optional<double>& x) { out += fmt::format("{:<24} {}\n", name, shown(x)); };
    line("percent agreement", r.percent_agreement);
    if (pairwise) {
        line("  pairwise mean (ReCal)", r.pairwise_percent_agreement);
        std::size_t k = 0;
        for (std::size_t a = 0; a < table.coders.size(); ++a)
            for (std::size_t b = a + 1; b < table.coders.size(); ++b, ++k)
                out += fmt::format("{:<24} {}\n", "  " + table.coders[a] + " & " + table.coders[b], shown(r.pairwise[k]));
    }
    line("Cohen's kappa", r.cohen_kappa);
    line("Scott's pi", r.scott_pi);
    line("Fleiss' kappa", r.fleiss_kappa);
    line("Krippendorff's alpha", r.krippendorff_alpha);
    if (r.alpha_ci_low) out += fmt::format("{:<24} {}\n", "  95% bootstrap", interval(*r.alpha_ci_low, *r.alpha_ci_high));
    line("Brennan-Prediger", r.brennan_prediger);
    out += fmt::format("pairable values n = {}, pairs = {}, agreeing pairs = {}, q = {}\n", r.counts.pairable_values,
                       r.counts.pairs, r.counts.agreeing_pairs, r.counts.categories);
    return out;
}

}  // namespace npt::exporters
