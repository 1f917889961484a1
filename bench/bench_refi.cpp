// bench_refi.cpp — REFI-QDA project exchange at the scale: 200 documents (2,000 words each)
// x 50 codings (exactly 10,000 codings, 3 coders, 20 codes), exported to .qdpx and imported into a
// new project; reports codings/s, MB/s of .qdpx and the file sizes.
//
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DNPT_BUILD_TESTS=OFF -DNPT_BUILD_GUI=OFF
//   ninja -C build-rel bench_refi && build-rel/bench/bench_refi --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "core/model/codings.hpp"
#include "corpus/synthetic_corpus.hpp"
#include "exporters/qdpx_writer.hpp"
#include "importers/qdpx_import.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kDocuments = 200, kCodingsPerDocument = 50;

struct Study {
    fs::path dir;
    std::int64_t codings = 0;
    std::uintmax_t text_bytes = 0, qdpx_bytes = 0;
    Study() {
        dir = fs::temp_directory_path() / ("nptcoder-bench-refi-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        npt::Project p = npt::Project::create(dir / "study.nptq", "REFI bench");
        npt::bench::CorpusSpec spec;
        spec.documents = kDocuments;
        spec.words_per_document = 2000;
        npt::bench::Corpus corpus = npt::bench::make_corpus(spec);
        // Exactly 50 codings per document: disjoint, non-touching spans (random ones would be
        // joined by the coding rule where they overlap), cycling through the codes and coders.
        corpus.codings.clear();
        for (int d = 0; d < kDocuments; ++d) {
            const std::int64_t slot = corpus.documents[static_cast<std::size_t>(d)].length / kCodingsPerDocument;
            for (int k = 0; k < kCodingsPerDocument; ++k)
                corpus.codings.push_back({d, k * slot, k * slot + slot - 1, k % spec.codes, k % spec.coders});
        }
        npt::bench::load_corpus(p, corpus);
        codings = static_cast<std::int64_t>(npt::list_segments(p).size());
        if (codings != kDocuments * kCodingsPerDocument) throw std::runtime_error("bench_refi: the study has " + std::to_string(codings) + " codings");
        text_bytes = corpus.total_bytes();
        npt::exporters::export_qdpx(p, dir / "study.qdpx");
        qdpx_bytes = fs::file_size(dir / "study.qdpx");
    }
    ~Study() { fs::remove_all(dir); }
};

Study& study() {
    static Study s;
    return s;
}

// Counters: codings/s and bytes_per_second (of the .qdpx written or read) per iteration, plus the
// sizes: the documents' text and the .qdpx (the import adds the new project's size).
void set_counters(benchmark::State& state, const Study& s) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(s.qdpx_bytes));
    state.counters["codings/s"] = benchmark::Counter(static_cast<double>(s.codings), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["codings"] = static_cast<double>(s.codings);
    state.counters["text_MB"] = static_cast<double>(s.text_bytes) / 1e6;
    state.counters["qdpx_MB"] = static_cast<double>(s.qdpx_bytes) / 1e6;
}

void BM_ExportQdpx(benchmark::State& state) {
    Study& s = study();
    npt::Project p = npt::Project::open(s.dir / "study.nptq");
    for (auto _ : state) npt::exporters::export_qdpx(p, s.dir / "out.qdpx");
    set_counters(state, s);
}
BENCHMARK(BM_ExportQdpx)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ImportQdpx(benchmark::State& state) {
    Study& s = study();
    for (auto _ : state) {
        state.PauseTiming();
        fs::remove(s.dir / "in.nptq");  // import_qdpx makes a new project; removing the last is not timed
        state.ResumeTiming();
        npt::importers::import_qdpx(s.dir / "study.qdpx", s.dir / "in.nptq");
    }
    set_counters(state, s);
    state.counters["nptq_MB"] = static_cast<double>(fs::file_size(s.dir / "in.nptq")) / 1e6;
}
BENCHMARK(BM_ImportQdpx)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
