// bench_foundation.cpp — the foundation's throughput: storing documents (validation, NFC, SHA-256,
// FTS5 indexing, undo log) in MB/s, and applying codings in one action (the coding rule, the
// end <= length trigger, the undo log) in codings/s. Seeded synthetic corpus.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <unistd.h>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "corpus/synthetic_corpus.hpp"

namespace {

namespace fs = std::filesystem;

fs::path fresh_path(const char* tag) {
    fs::path p = fs::temp_directory_path() / ("npt-bench-" + std::string(tag) + "-" + std::to_string(::getpid()) + ".nptq");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
    return p;
}

void remove_project(const fs::path& p) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
}

// Documents of ~50 KB each (10% non-ASCII words), each imported as its own action.
void BM_ImportDocuments(benchmark::State& state) {
    npt::bench::CorpusSpec spec;
    spec.documents = static_cast<int>(state.range(0));
    spec.words_per_document = 8000;
    spec.codings = 0;
    auto corpus = npt::bench::make_corpus(spec);
    for (auto _ : state) {
        state.PauseTiming();
        auto path = fresh_path("import");
        {
            npt::Project project = npt::Project::create(path, "bench");
            state.ResumeTiming();
            for (const auto& d : corpus.documents) npt::add_document(project, {d.name, d.text, d.name, "text", "", {}});
            state.PauseTiming();
        }
        remove_project(path);
        state.ResumeTiming();
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.total_bytes()));
    state.counters["MB"] = static_cast<double>(corpus.total_bytes()) / 1e6;
}
BENCHMARK(BM_ImportDocuments)->Arg(100)->Unit(benchmark::kMillisecond)->Iterations(3);

// N codings by name (as `code add --from FILE.csv` applies them) in ONE action.
void BM_BulkCodingOneAction(benchmark::State& state) {
    npt::bench::CorpusSpec spec;
    spec.documents = 200;
    spec.words_per_document = 3000;
    spec.codings = state.range(0);
    auto corpus = npt::bench::make_corpus(spec);
    std::vector<npt::CodingRequest> requests;
    requests.reserve(corpus.codings.size());
    for (const auto& c : corpus.codings)
        requests.push_back({corpus.documents[static_cast<std::size_t>(c.document)].name, c.start, c.end,
                            corpus.code_paths[static_cast<std::size_t>(c.code)],
                            corpus.coders[static_cast<std::size_t>(c.coder)], "", ""});
    for (auto _ : state) {
        state.PauseTiming();
        auto path = fresh_path("coding");
        {
            npt::Project project = npt::Project::create(path, "bench");
            for (const auto& d : corpus.documents) npt::add_document(project, {d.name, d.text, d.name, "text", "", {}});
            state.ResumeTiming();
            npt::apply_codings(project, requests);
            state.PauseTiming();
        }
        remove_project(path);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * requests.size()));
}
BENCHMARK(BM_BulkCodingOneAction)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
