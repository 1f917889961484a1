// bench_agreement.cpp — character-level agreement at scale: 3 coders x 300,000 codings each over
// 2,000 documents (~100 MB of text), 60 codes. Times every statistic per code, overall and per
// document from in-memory codings (interval sweeps), the same counts by a brute-force
// per-character reference (for the ratio), and the end-to-end path that reads the codings from a
// project file first; and the two-coder construct confusion table over the same corpus.
//   cmake -S . -B build-agreement-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DNPT_BUILD_GUI=OFF
//   ninja -C build-agreement-release bench_agreement && build-agreement-release/bench/bench_agreement
#include <benchmark/benchmark.h>

#include <filesystem>
#include <unistd.h>

#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/construct_confusion.hpp"
#include "core/agreement/reliability.hpp"
#include "corpus/synthetic_corpus.hpp"

namespace {
using namespace npt;
using namespace npt::agreement;

bench::CorpusSpec spec() {
    bench::CorpusSpec s;
    s.seed = 2024;
    s.documents = 2000;
    s.words_per_document = 7600;
    s.codes = 60;
    s.coders = 3;
    s.codings = 900000;  // 300,000 per coder on average
    s.mean_coding_words = 25;
    return s;
}

const bench::Corpus& corpus() {
    static const bench::Corpus c = bench::make_corpus(spec());
    return c;
}

AgreementInput input_from(const bench::Corpus& c) {
    AgreementInput in;
    in.coders = c.coders;
    in.codes = c.code_paths;
    for (const auto& d : c.documents) {
        in.documents.push_back(d.name);
        in.document_lengths.push_back(d.length);
    }
    in.codings.reserve(c.codings.size());
    for (const auto& k : c.codings) in.codings.push_back({k.document, k.code, k.coder, k.start, k.end});
    return in;
}

const AgreementInput& input() {
    static const AgreementInput in = input_from(corpus());
    return in;
}

void describe(benchmark::State& state) {
    state.counters["codings"] = static_cast<double>(input().codings.size());
    state.counters["MB_text"] = static_cast<double>(corpus().total_bytes()) / 1e6;
}

void BM_AgreementCharacterSweep(benchmark::State& state) {
    const AgreementInput& in = input();
    double alpha = 0;
    for (auto _ : state) {
        AgreementReport r = compute_agreement(in, {Unit::Character});
        alpha = r.overall.stats.krippendorff_alpha.value_or(-9);
        benchmark::DoNotOptimize(r);
    }
    describe(state);
    state.counters["overall_alpha"] = alpha;
}
BENCHMARK(BM_AgreementCharacterSweep)->Unit(benchmark::kMillisecond)->Iterations(5);

// The reference: mark every code point of every coding in a per-document array, then count the
// arrays code point by code point, per code; the statistics come from those counts.
void BM_AgreementCharacterBruteForce(benchmark::State& state) {
    const AgreementInput& in = input();
    const AgreementReport sweep = compute_agreement(in, {Unit::Character});
    for (auto _ : state) {
        std::vector<std::vector<std::vector<std::size_t>>> by(in.codes.size(), std::vector<std::vector<std::size_t>>(in.documents.size()));
        for (std::size_t i = 0; i < in.codings.size(); ++i)
            by[static_cast<std::size_t>(in.codings[i].code)][static_cast<std::size_t>(in.codings[i].document)].push_back(i);
        std::vector<std::uint8_t> marks;
        for (std::size_t c = 0; c < in.codes.size(); ++c) {
            std::vector<std::int64_t> counts(8, 0);
            for (std::size_t d = 0; d < in.documents.size(); ++d) {
                marks.assign(static_cast<std::size_t>(in.document_lengths[d]), 0);
                for (std::size_t i : by[c][d]) {
                    const AgreementCoding& k = in.codings[i];
                    for (std::int64_t p = k.start; p < k.end; ++p) marks[static_cast<std::size_t>(p)] |= static_cast<std::uint8_t>(1u << k.coder);
                }
                for (std::uint8_t m : marks) ++counts[m];
            }
            ReliabilityData data;
            data.coders = 3;
            data.values = {0, 1};
            data.categories = 2;
            for (std::uint32_t m = 0; m < 8; ++m)
                if (counts[m]) data.patterns.push_back({{int(m & 1), int((m >> 1) & 1), int((m >> 2) & 1)}, counts[m]});
            ReliabilityResult r = compute_reliability(data);
            if (counts != sweep.codes[c].units_by_coders) state.SkipWithError("brute force and sweep counts differ");
            benchmark::DoNotOptimize(r);
        }
    }
    describe(state);
}
BENCHMARK(BM_AgreementCharacterBruteForce)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_AgreementBootstrap1000(benchmark::State& state) {
    const AgreementInput& in = input();
    for (auto _ : state) benchmark::DoNotOptimize(compute_agreement(in, {Unit::Character, 0.9, 1000, 7}));
    describe(state);
}
BENCHMARK(BM_AgreementBootstrap1000)->Unit(benchmark::kMillisecond)->Iterations(1);

// Construct confusion between the first two coders: all 60 x 60 code pairs (plus not coded) over
// their ~600,000 codings, one sweep per document.
void BM_ConstructConfusionTwoCoders(benchmark::State& state) {
    static const AgreementInput two = [] {
        AgreementInput in = input();
        in.coders.resize(2);
        std::erase_if(in.codings, [](const AgreementCoding& c) { return c.coder > 1; });
        return in;
    }();
    std::int64_t diagonal = 0;
    for (auto _ : state) {
        ConfusionMatrix m = compute_confusion(two);
        diagonal = 0;
        for (std::size_t x = 0; x < m.codes.size(); ++x) diagonal += m.cells[x][x];
        benchmark::DoNotOptimize(m);
    }
    state.counters["codings"] = static_cast<double>(two.codings.size());
    state.counters["diagonal_code_points"] = static_cast<double>(diagonal);
}
BENCHMARK(BM_ConstructConfusionTwoCoders)->Unit(benchmark::kMillisecond)->Iterations(3);

// A project file holding the corpus, written once (minutes) and removed at exit.
class CorpusProject {
public:
    CorpusProject()
        : path_(std::filesystem::temp_directory_path() / ("nptcoder-bench-agreement-" + std::to_string(::getpid()) + ".nptq")) {
        Project p = Project::create(path_, "bench");
        bench::load_corpus(p, corpus());
    }
    ~CorpusProject() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix, ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

void BM_AgreementEndToEndFromProject(benchmark::State& state) {
    static const CorpusProject project;
    std::size_t codings = 0;
    for (auto _ : state) {
        Project p = Project::open(project.path());
        AgreementInput in = load_agreement_input(p, {corpus().coders, {}, {}});
        AgreementReport r = compute_agreement(in, {Unit::Character});
        codings = in.codings.size();
        benchmark::DoNotOptimize(r);
    }
    state.counters["codings_after_joining"] = static_cast<double>(codings);
}
BENCHMARK(BM_AgreementEndToEndFromProject)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
