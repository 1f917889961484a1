// bench_refi.cpp — REFI-QDA project exchange at the scale: 200 documents x 50 codings
// (10,000 codings, 3 coders, 20 codes), exported to .qdpx and imported into a new project.
//
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DNPT_BUILD_TESTS=OFF -DNPT_BUILD_GUI=OFF
//   ninja -C build-rel bench_refi && build-rel/bench/bench_refi
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "core/codings.hpp"
#include "corpus/synthetic_corpus.hpp"
#include "exporters/qdpx_writer.hpp"
#include "importers/qdpx_import.hpp"

namespace {

namespace fs = std::filesystem;

struct Study {
    fs::path dir;
    std::int64_t codings = 0;
    Study() {
        dir = fs::temp_directory_path() / ("nptcoder-bench-refi-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        npt::Project p = npt::Project::create(dir / "study.nptq", "REFI bench");
        npt::bench::CorpusSpec spec;
        spec.documents = 200;
        spec.words_per_document = 2000;
        spec.codings = 200 * 50;
        npt::bench::load_corpus(p, npt::bench::make_corpus(spec));
        codings = static_cast<std::int64_t>(npt::list_segments(p).size());
        npt::exporters::export_qdpx(p, dir / "study.qdpx");
    }
    ~Study() { fs::remove_all(dir); }
};

Study& study() {
    static Study s;
    return s;
}

void BM_ExportQdpx(benchmark::State& state) {
    Study& s = study();
    npt::Project p = npt::Project::open(s.dir / "study.nptq");
    for (auto _ : state) npt::exporters::export_qdpx(p, s.dir / "out.qdpx");
    state.counters["codings"] = static_cast<double>(s.codings);
    state.counters["qdpx_MB"] = static_cast<double>(fs::file_size(s.dir / "out.qdpx")) / 1e6;
}
BENCHMARK(BM_ExportQdpx)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ImportQdpx(benchmark::State& state) {
    Study& s = study();
    for (auto _ : state) {
        fs::remove(s.dir / "in.nptq");
        npt::importers::import_qdpx(s.dir / "study.qdpx", s.dir / "in.nptq");
    }
    state.counters["codings"] = static_cast<double>(s.codings);
}
BENCHMARK(BM_ImportQdpx)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
