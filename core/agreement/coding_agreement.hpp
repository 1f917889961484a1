// coding_agreement.hpp — agreement between coders over a project's codings, per code, overall
// (all codes' units pooled) and per document, in one of three units (docs/agreement.md):
//   character — every code point of every document in scope, for each code: 1 if the coder's
//               codings of that code cover it, else 0;
//   document  — every document in scope, for each code: 1 if the coder applied the code in it;
//   segment   — each coder's coding agrees when another coder has a coding of the same code in
//               the same document overlapping it by at least `overlap` (intersection over union).
// The computation works from codings in memory (AgreementInput) so it can be timed and tested
// without a project; load_agreement_input() reads one from a project.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/agreement/interval_sweep.hpp"
#include "core/agreement/reliability.hpp"
#include "core/store/project.hpp"

namespace npt::agreement {

enum class Unit { Character, Document, Segment };
const char* to_string(Unit unit);
Unit unit_from_string(const std::string& name);  // throws InputError naming the unit

// A coding by indices into AgreementInput's lists; [start, end) in code points.
struct AgreementCoding {
    int document = 0;
    int code = 0;
    int coder = 0;
    std::int64_t start = 0;
    std::int64_t end = 0;
};

// Everything agreement needs: the coders compared, the codes and documents in scope, and the
// compared coders' codings of those codes in those documents.
struct AgreementInput {
    std::vector<std::string> coders;           // names; index = coder
    std::vector<std::string> codes;            // paths; index = code
    std::vector<std::string> documents;        // names; index = document
    std::vector<std::int64_t> document_lengths;  // code points
    std::vector<CodeId> code_ids;              // project ids (empty for in-memory input)
    std::vector<DocumentId> document_ids;
    std::vector<CoderId> coder_ids;
    std::vector<AgreementCoding> codings;
    bool descendants_joined = false;           // each code's row includes the codes below it
};

// Calls fn(code, document, intervals) once per run of codings with the same code and document,
// walking `order` (indexes into input.codings, sorted so each (code, document) pair is contiguous).
template <class Fn>
void for_each_coding_group(const AgreementInput& input, const std::vector<std::size_t>& order, Fn&& fn) {
    std::vector<CoderInterval> intervals;
    for (std::size_t i = 0; i < order.size();) {
        const AgreementCoding& first = input.codings[order[i]];
        intervals.clear();
        std::size_t j = i;
        for (; j < order.size(); ++j) {
            const AgreementCoding& c = input.codings[order[j]];
            if (c.code != first.code || c.document != first.document) break;
            intervals.push_back({c.start, c.end, c.coder});
        }
        fn(first.code, first.document, intervals);
        i = j;
    }
}


// Which coders, codes and documents to compare, by name.
struct AgreementScope {
    std::vector<std::string> coders;     // at least two
    std::vector<std::string> codes;      // paths; empty = every code any compared coder used
    std::vector<std::string> documents;  // names; empty = every document
    // Each named code also stands for the codes below it: a coder has the code wherever one of
    // their codings of it or of a descendant lies, overlapping codings joined (a construct row).
    bool include_descendants = false;
};

// Reads the scope from a project. Throws InputError (fewer than two coders, a coder named twice,
// more than kMaxSweepCoders) or NotFoundError (an unknown coder, code or document).
AgreementInput load_agreement_input(Project& project, const AgreementScope& scope);

struct AgreementOptions {
    Unit unit = Unit::Character;
    double overlap = 0.9;    // segment unit: least intersection over union, in (0, 1]
    int bootstrap = 0;       // replicates for alpha's 95% interval (character and document units)
    std::uint64_t seed = 1;
    int chance_codes = 0;    // segment unit: K in the chance term 1/K (0 = the number of codes compared)
};

// Segment-unit counts: each coder's segments and how many of them found a partner.
struct SegmentCounts {
    std::int64_t segments = 0;
    std::int64_t agreeing_segments = 0;
    std::vector<std::int64_t> segments_by_coder;
    std::vector<std::int64_t> agreeing_by_coder;
};

// One row of the report: a code, the overall row, or a document.
struct AgreementRow {
    std::string name;  // code path, "overall", or document name
    ReliabilityResult stats;
    // Character and document units: units[mask] = units where exactly the coders in mask (bit i =
    // coder i) have the code (2^coders entries); coded_units[i] = units coder i coded.
    std::vector<std::int64_t> units_by_coders;
    std::vector<std::int64_t> coded_units;
    SegmentCounts segments;  // segment unit only
};

struct AgreementReport {
    Unit unit = Unit::Character;
    std::vector<std::string> coders;
    double overlap = 0.9;
    bool codes_include_descendants = false;  // AgreementInput::descendants_joined
    int compared_codes = 0;  // K for the segment unit's chance term 1/K (AgreementOptions::chance_codes or the codes compared)
    std::vector<AgreementRow> codes;
    AgreementRow overall;
    std::vector<AgreementRow> documents;
};

// Computes the report. Cost grows with the number of codings (interval sweeps), never with
// document lengths. Throws InputError for a bad overlap (segment unit) or more than
// kMaxSweepCoders coders.
AgreementReport compute_agreement(const AgreementInput& input, const AgreementOptions& options);

}  // namespace npt::agreement
