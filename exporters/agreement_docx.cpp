// agreement_docx.cpp — the inter-coder agreement report as a Word document: the method in words
// (portrait), the per-code and per-document tables (landscape: ten columns), then the longest
// disagreements with their text and the references (portrait again).
#include <fmt/format.h>

#include "exporters/agreement_report.hpp"
#include "exporters/docx_document.hpp"

namespace npt::exporters {
namespace {

using agreement::AgreementRow;
using agreement::Unit;

std::vector<std::string> header(const std::string& first, Unit unit) {
    std::vector<std::string> h{first, "Percent agreement", "Cohen's κ", "Scott's π", "Fleiss' κ", "Krippendorff's α",
                               "Brennan–Prediger"};
    if (unit == Unit::Segment) h.insert(h.end(), {"Segments", "Agreeing"});
    else h.insert(h.end(), {"Coded by all", "Disputed", "Coded by none"});
    return h;
}

std::vector<docx::Cell> row_cells(const std::string& name, const AgreementRow& row, Unit unit, bool bootstrap, bool bold) {
    const auto& r = row.stats;
    std::string alpha = agreement_shown(r.krippendorff_alpha);
    if (bootstrap && r.alpha_ci_low) alpha += " " + agreement_interval(*r.alpha_ci_low, *r.alpha_ci_high);
    std::vector<docx::Cell> cells{docx::Cell{{{{{name, bold}}, ""}}, "", 1}};
    for (const std::string& v : {agreement_shown(r.percent_agreement), agreement_shown(r.cohen_kappa), agreement_shown(r.scott_pi),
                                 agreement_shown(r.fleiss_kappa), alpha, agreement_shown(r.brennan_prediger)})
        cells.push_back(docx::text_cell(v));
    if (unit == Unit::Segment) {
        cells.push_back(docx::text_cell(std::to_string(row.segments.segments)));
        cells.push_back(docx::text_cell(std::to_string(row.segments.agreeing_segments)));
    } else {
        PresenceSplit s = presence_split(row);
        for (std::int64_t n : {s.all, s.disputed, s.none}) cells.push_back(docx::text_cell(std::to_string(n)));
    }
    return cells;
}

std::vector<double> widths(Unit unit) {
    std::vector<double> w{0.22, 0.09, 0.08, 0.08, 0.08, 0.11, 0.09};
    if (unit == Unit::Segment) w.insert(w.end(), {0.125, 0.125});
    else w.insert(w.end(), {0.083, 0.083, 0.084});
    return w;
}

}  // namespace

void write_agreement_docx(const agreement::AgreementReport& report, const std::vector<agreement::Disagreement>& top,
                          const AgreementHtmlOptions& options, const std::filesystem::path& out, Paper paper) {
    const Unit unit = report.unit;
    const bool bootstrap = options.bootstrap > 0;
    docx::Document doc("Inter-coder agreement — " + options.project, paper);
    doc.title("Inter-coder agreement");
    doc.paragraph(fmt::format("Project: {}. Coders compared: {}.", options.project, fmt::join(report.coders, ", ")));

    doc.heading(1, "Method");
    for (const std::string& p : agreement_method_paragraphs(report, options)) doc.paragraph(p);

    doc.section(docx::Orientation::Landscape);
    doc.heading(1, "Agreement per code");
    docx::Table codes{header("Code", unit), widths(unit), {}};
    for (const AgreementRow& row : report.codes) codes.rows.push_back(row_cells(row.name, row, unit, bootstrap, false));
    codes.rows.push_back(row_cells("Overall (all codes pooled)", report.overall, unit, bootstrap, true));
    doc.table(codes);
    doc.paragraph("— : undefined (no variation in the units, or not applicable at this unit or number of coders).", "Reference");
    if (!report.documents.empty()) {
        doc.heading(1, "Agreement per document (all codes pooled)");
        docx::Table documents{header("Document", unit), widths(unit), {}};
        for (const AgreementRow& row : report.documents) documents.rows.push_back(row_cells(row.name, row, unit, false, false));
        doc.table(documents);
    }

    doc.section(docx::Orientation::Portrait);
    doc.heading(1, "Longest disagreements");
    if (top.empty()) doc.paragraph("The coders do not disagree anywhere in scope.");
    for (const agreement::Disagreement& d : top) {
        doc.heading(2, fmt::format("{} — {} {}–{}", d.code, d.document, d.start, d.end));
        doc.paragraph(fmt::format("Coded by {}; not by {}{}. Id {}", fmt::join(d.coders_with, ", "), fmt::join(d.coders_without, ", "),
                                  d.speaker.empty() ? "" : ". Speaker: " + d.speaker, d.id),
                      "Reference");
        doc.quote(d.text);
    }
    doc.heading(1, "References");
    for (const std::string& r : kAgreementReferences) doc.paragraph(r, "Reference");
    doc.write(out);
}

}  // namespace npt::exporters
