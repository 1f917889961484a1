// interval_sweep.cpp — a sweep over interval end points with a per-coder depth, so that a coder's
// overlapping intervals (which the coding rule normally joins) still count once.
#include "core/agreement/interval_sweep.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/error.hpp"

namespace npt::agreement {
namespace {

struct Edge {
    std::int64_t at;
    int coder;
    int delta;  // +1 start, -1 end
};

// Calls emit(start, end, mask) for each stretch between consecutive edges, in order, covering
// [0, length); stretches may repeat a mask (callers join them if they need maximal runs).
template <class Emit>
void sweep(const std::vector<CoderInterval>& intervals, std::int64_t length, Emit&& emit) {
    std::vector<Edge> edges;
    edges.reserve(intervals.size() * 2);
    for (const CoderInterval& iv : intervals) {
        std::int64_t s = std::max<std::int64_t>(iv.start, 0), e = std::min(iv.end, length);
        if (e <= s) continue;
        if (iv.coder < 0 || iv.coder >= kMaxSweepCoders)
            throw InputError("interval sweep: coder index " + std::to_string(iv.coder) + " is out of range");
        edges.push_back({s, iv.coder, +1});
        edges.push_back({e, iv.coder, -1});
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.at < b.at; });
    std::array<int, kMaxSweepCoders> depth{};
    std::uint32_t mask = 0;
    std::int64_t at = 0;
    for (std::size_t i = 0; i < edges.size();) {
        std::int64_t pos = edges[i].at;
        if (pos > at) emit(at, pos, mask);
        for (; i < edges.size() && edges[i].at == pos; ++i) {
            int& d = depth[static_cast<std::size_t>(edges[i].coder)];
            d += edges[i].delta;
            if (d > 0) mask |= 1u << edges[i].coder;
            else mask &= ~(1u << edges[i].coder);
        }
        at = pos;
    }
    if (length > at) emit(at, length, mask);
}

}  // namespace

std::vector<CoverageRun> coverage_runs(const std::vector<CoderInterval>& intervals, std::int64_t length) {
    std::vector<CoverageRun> runs;
    sweep(intervals, length, [&](std::int64_t s, std::int64_t e, std::uint32_t mask) {
        if (!runs.empty() && runs.back().coders == mask && runs.back().end == s) runs.back().end = e;
        else runs.push_back({s, e, mask});
    });
    return runs;
}

void add_coverage_counts(const std::vector<CoderInterval>& intervals, std::int64_t length, std::vector<std::int64_t>& counts) {
    sweep(intervals, length, [&](std::int64_t s, std::int64_t e, std::uint32_t mask) { counts[mask] += e - s; });
}

}  // namespace npt::agreement
