// interval_sweep.hpp — the sweep behind character-level agreement, disagreements and
// reconciliation: given the coders' codings of one code in one document, walk the starts and ends
// in order and report, for each stretch of code points, which coders have the code there. Cost is
// O(k log k) for k codings, independent of the document's length in code points.
#pragma once
#include <cstdint>
#include <vector>

namespace npt::agreement {

// Most coders one sweep tracks (a coder set is a bit mask; 2^kMaxSweepCoders counts per code).
inline constexpr int kMaxSweepCoders = 16;

// One coder's coding of the code: [start, end) in code points; coder is an index < coders.
struct CoderInterval {
    std::int64_t start = 0;
    std::int64_t end = 0;
    int coder = 0;
};

// A maximal stretch [start, end) over which the same coders (bit i = coder i) have the code.
struct CoverageRun {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::uint32_t coders = 0;
};

// The runs covering [0, length) in order, including runs nobody coded (coders == 0), with
// neighbouring runs of the same set joined. Intervals are clipped to [0, length); overlapping
// intervals of one coder count once. Throws InputError for a coder index outside [0, kMaxSweepCoders).
std::vector<CoverageRun> coverage_runs(const std::vector<CoderInterval>& intervals, std::int64_t length);

// Adds to counts[mask] the number of code points of [0, length) where exactly the coders in `mask`
// have the code. counts must have 2^coders entries; every coder index must be < coders.
void add_coverage_counts(const std::vector<CoderInterval>& intervals, std::int64_t length, std::vector<std::int64_t>& counts);

}  // namespace npt::agreement
