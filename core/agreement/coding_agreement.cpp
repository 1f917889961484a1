// coding_agreement.cpp — per code / overall / per document agreement from codings in memory:
// interval sweeps give, per code and document, the units each set of coders coded; those counts
// become reliability patterns (at most 2^coders of them), so no code point is ever visited.
#include "core/agreement/coding_agreement.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "core/agreement/interval_sweep.hpp"
#include "core/error.hpp"

namespace npt::agreement {
namespace {

// A number as people write it: "1.5", "0.75", "2" (up to 6 significant digits).
std::string number_text(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", value);
    return buf;
}

// Presence data over 2^coders coder sets: pattern per set, values absent (0) / present (1).
ReliabilityData presence_data(const std::vector<std::int64_t>& by_coders, int coders) {
    ReliabilityData d;
    d.coders = coders;
    d.values = {0.0, 1.0};
    d.labels = {"absent", "present"};
    d.categories = 2;
    for (std::uint32_t mask = 0; mask < by_coders.size(); ++mask) {
        if (by_coders[mask] == 0) continue;
        UnitPattern p;
        for (int i = 0; i < coders; ++i) p.values.push_back((mask >> i) & 1u ? 1 : 0);
        p.units = by_coders[mask];
        d.patterns.push_back(std::move(p));
    }
    return d;
}

AgreementRow presence_row(std::string name, std::vector<std::int64_t> by_coders, int coders,
                          const ReliabilityOptions& options) {
    AgreementRow row;
    row.name = std::move(name);
    row.stats = compute_reliability(presence_data(by_coders, coders), options);
    row.coded_units.assign(static_cast<std::size_t>(coders), 0);
    for (std::uint32_t mask = 0; mask < by_coders.size(); ++mask)
        for (int i = 0; i < coders; ++i)
            if ((mask >> i) & 1u) row.coded_units[static_cast<std::size_t>(i)] += by_coders[mask];
    row.units_by_coders = std::move(by_coders);
    return row;
}

// Codings grouped by (code, document): indices into input.codings, sorted by group.
std::vector<std::size_t> grouped(const AgreementInput& input) {
    std::vector<std::size_t> order(input.codings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const AgreementCoding &x = input.codings[a], &y = input.codings[b];
        return x.code != y.code ? x.code < y.code : x.document < y.document;
    });
    return order;
}

void presence_units(const AgreementInput& input, const AgreementOptions& options, AgreementReport& report) {
    const int coders = static_cast<int>(input.coders.size());
    const std::size_t sets = std::size_t{1} << coders;
    const std::size_t n_codes = input.codes.size(), n_docs = input.documents.size();
    std::vector<std::vector<std::int64_t>> by_code(n_codes, std::vector<std::int64_t>(sets, 0));
    std::vector<std::vector<std::int64_t>> by_doc(n_docs, std::vector<std::int64_t>(sets, 0));
    std::vector<std::int64_t> unit_total_code(n_codes, 0);  // units already counted per code
    std::vector<std::int64_t> unit_total_doc(n_docs, 0);
    const bool character = options.unit == Unit::Character;
    std::vector<std::int64_t> group_counts(sets, 0);

    for_each_coding_group(input, grouped(input), [&](int code, int doc, const std::vector<CoderInterval>& intervals) {
        const std::int64_t length = input.document_lengths[static_cast<std::size_t>(doc)];
        auto& code_counts = by_code[static_cast<std::size_t>(code)];
        auto& doc_counts = by_doc[static_cast<std::size_t>(doc)];
        std::int64_t units = 1;
        if (character) {
            std::fill(group_counts.begin(), group_counts.end(), 0);
            add_coverage_counts(intervals, length, group_counts);
            for (std::size_t m = 0; m < sets; ++m) {
                code_counts[m] += group_counts[m];
                doc_counts[m] += group_counts[m];
            }
            units = length;
        } else {
            std::uint32_t mask = 0;
            for (const CoderInterval& iv : intervals)
                if (iv.end > iv.start) mask |= 1u << iv.coder;
            ++code_counts[mask];
            ++doc_counts[mask];
        }
        unit_total_code[static_cast<std::size_t>(code)] += units;
        unit_total_doc[static_cast<std::size_t>(doc)] += units;
    });

    // Units no compared coder touched: everything not seen in a group.
    std::int64_t all_docs = 0;
    for (std::size_t d = 0; d < n_docs; ++d) all_docs += character ? input.document_lengths[d] : 1;
    for (std::size_t c = 0; c < n_codes; ++c) by_code[c][0] += all_docs - unit_total_code[c];
    for (std::size_t d = 0; d < n_docs; ++d) {
        std::int64_t per_code = character ? input.document_lengths[d] : 1;
        by_doc[d][0] += per_code * static_cast<std::int64_t>(n_codes) - unit_total_doc[d];
    }

    ReliabilityOptions with_ci{Level::Nominal, options.bootstrap, options.seed};
    ReliabilityOptions without_ci{Level::Nominal, 0, options.seed};
    std::vector<std::int64_t> pooled(sets, 0);
    for (std::size_t c = 0; c < n_codes; ++c) {
        for (std::size_t m = 0; m < sets; ++m) pooled[m] += by_code[c][m];
        report.codes.push_back(presence_row(input.codes[c], std::move(by_code[c]), coders, with_ci));
    }
    report.overall = presence_row("overall", std::move(pooled), coders, with_ci);
    for (std::size_t d = 0; d < n_docs; ++d)
        report.documents.push_back(presence_row(input.documents[d], std::move(by_doc[d]), coders, without_ci));
}

// Marks which segments of one (code, document) group have a partner: a segment of another coder
// whose intersection over union is at least `overlap`.
std::vector<bool> partnered(const std::vector<CoderInterval>& segs, double overlap) {
    std::vector<std::size_t> order(segs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return segs[a].start < segs[b].start; });
    std::vector<bool> agrees(segs.size(), false);
    for (std::size_t x = 0; x < order.size(); ++x) {
        const CoderInterval& a = segs[order[x]];
        for (std::size_t y = x + 1; y < order.size() && segs[order[y]].start < a.end; ++y) {
            const CoderInterval& b = segs[order[y]];
            if (a.coder == b.coder) continue;
            double inter = static_cast<double>(std::min(a.end, b.end) - std::max(a.start, b.start));
            double uni = static_cast<double>((a.end - a.start) + (b.end - b.start)) - inter;
            if (inter > 0 && inter >= overlap * uni) agrees[order[x]] = agrees[order[y]] = true;
        }
    }
    return agrees;
}

AgreementRow segment_row(std::string name, SegmentCounts counts, int compared_codes) {
    AgreementRow row;
    row.name = std::move(name);
    ReliabilityResult& r = row.stats;
    r.counts.units = counts.segments;
    r.counts.categories = compared_codes;
    if (counts.segments > 0) {
        double po = static_cast<double>(counts.agreeing_segments) / static_cast<double>(counts.segments);
        r.percent_agreement = po;
        if (compared_codes >= 2) {
            double chance = 1.0 / compared_codes;
            r.brennan_prediger = (po - chance) / (1.0 - chance);
        }
    }
    row.segments = std::move(counts);
    return row;
}

void segment_units(const AgreementInput& input, const AgreementOptions& options, AgreementReport& report) {
    if (!(options.overlap > 0.0 && options.overlap <= 1.0))
        throw InputError("overlap " + number_text(options.overlap) + " is outside 0–1: it must be above 0 and at most 1",
                         "overlap");
    const std::size_t coders = input.coders.size();
    auto empty = [&] {
        SegmentCounts s;
        s.segments_by_coder.assign(coders, 0);
        s.agreeing_by_coder.assign(coders, 0);
        return s;
    };
    std::vector<SegmentCounts> by_code(input.codes.size(), empty()), by_doc(input.documents.size(), empty());
    SegmentCounts pooled = empty();
    for_each_coding_group(input, grouped(input), [&](int code, int doc, const std::vector<CoderInterval>& segs) {
        std::vector<bool> agrees = partnered(segs, options.overlap);
        for (std::size_t i = 0; i < segs.size(); ++i) {
            for (SegmentCounts* s : {&by_code[static_cast<std::size_t>(code)], &by_doc[static_cast<std::size_t>(doc)], &pooled}) {
                ++s->segments;
                ++s->segments_by_coder[static_cast<std::size_t>(segs[i].coder)];
                if (agrees[i]) {
                    ++s->agreeing_segments;
                    ++s->agreeing_by_coder[static_cast<std::size_t>(segs[i].coder)];
                }
            }
        }
    });
    const int k = report.compared_codes;
    for (std::size_t c = 0; c < input.codes.size(); ++c) report.codes.push_back(segment_row(input.codes[c], std::move(by_code[c]), k));
    report.overall = segment_row("overall", std::move(pooled), k);
    for (std::size_t d = 0; d < input.documents.size(); ++d)
        report.documents.push_back(segment_row(input.documents[d], std::move(by_doc[d]), k));
}

}  // namespace

const char* to_string(Unit unit) {
    switch (unit) {
        case Unit::Character: return "character";
        case Unit::Document: return "document";
        case Unit::Segment: return "segment";
    }
    return "character";
}

Unit unit_from_string(const std::string& name) {
    for (Unit u : {Unit::Character, Unit::Document, Unit::Segment})
        if (name == to_string(u)) return u;
    throw InputError("unknown unit '" + name + "' (use character, document or segment)");
}

AgreementReport compute_agreement(const AgreementInput& input, const AgreementOptions& options) {
    const int coders = static_cast<int>(input.coders.size());
    if (coders < 1 || coders > kMaxSweepCoders)
        throw InputError("agreement compares 1 to " + std::to_string(kMaxSweepCoders) + " coders, not " + std::to_string(coders));
    for (const AgreementCoding& c : input.codings)
        if (c.coder < 0 || c.coder >= coders || c.code < 0 || c.code >= static_cast<int>(input.codes.size()) ||
            c.document < 0 || c.document >= static_cast<int>(input.documents.size()))
            throw InputError("agreement input: a coding refers to a coder, code or document outside the lists");
    AgreementReport report;
    report.unit = options.unit;
    report.coders = input.coders;
    report.overlap = options.overlap;
    report.codes_include_descendants = input.descendants_joined;
    if (options.chance_codes < 0) throw InputError("the number of chance codes must be positive", "chance_codes");
    report.compared_codes = options.chance_codes > 0 ? options.chance_codes : static_cast<int>(input.codes.size());
    if (options.unit == Unit::Segment) segment_units(input, options, report);
    else presence_units(input, options, report);
    return report;
}

}  // namespace npt::agreement
