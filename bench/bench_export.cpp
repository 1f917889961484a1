// bench_export.cpp — framework matrix drafting and export at study scale: 1,000 cases (one
// document each) x 100 codes from 200,000 codings by 3 coders, exported to XLSX in libxlsxwriter's
// constant-memory mode, and to CSV for comparison. Peak resident memory is reported as a counter.
//
//   cmake -S . -B build-matrix-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DNPT_BUILD_TESTS=OFF -DNPT_BUILD_GUI=OFF
//   ninja -C build-matrix-rel bench_export && build-matrix-rel/bench/bench_export
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "corpus/synthetic_corpus.hpp"
#include "exporters/matrix_export.hpp"
#include "exporters/segments_report.hpp"

namespace {

namespace fs = std::filesystem;

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

// The study, built once per process: documents, codes, codings, one case per document with two
// attributes, and a matrix over all 100 codes, drafted from every coder.
struct Study {
    fs::path dir;
    std::unique_ptr<npt::Project> project;
    std::int64_t codings = 0;

    Study() {
        dir = fs::temp_directory_path() / ("nptcoder-bench-export-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        project = std::make_unique<npt::Project>(npt::Project::create(dir / "study.nptq", "Export bench"));
        npt::bench::CorpusSpec spec;
        spec.documents = 1000;
        spec.words_per_document = 1500;
        spec.codes = 100;
        spec.coders = 3;
        spec.codings = 200000;
        npt::bench::Corpus corpus = npt::bench::make_corpus(spec);
        std::vector<npt::DocumentId> docs = npt::bench::load_corpus(*project, corpus);
        project->action("Cases", [&] {
            npt::Attribute group = npt::ensure_attribute(*project, "group", npt::AttributeType::Text);
            npt::Attribute site = npt::ensure_attribute(*project, "site", npt::AttributeType::Text);
            const char* groups[] = {"Hub staff", "Hub client", "Non-user keyworker", "Stakeholder"};
            const char* sites[] = {"North", "East", "West"};
            for (std::size_t i = 0; i < docs.size(); ++i) {
                char name[32];
                std::snprintf(name, sizeof name, "P%04zu", i + 1);
                npt::Case c = npt::ensure_case(*project, name);
                npt::set_case_value(*project, c.id, group.id, groups[i % 4]);
                npt::set_case_value(*project, c.id, site.id, sites[i % 3]);
                npt::link_document_to_case(*project, docs[i], c.id);
            }
        });
        codings = project->db().scalar_int("SELECT count(*) FROM coding");
        npt::NewMatrix m{"All codes", "", corpus.code_paths, {"group", "site"}};
        npt::create_matrix(*project, m);
        npt::draft_matrix(*project, npt::require_matrix(*project, "All codes").id);
    }
    ~Study() {
        project.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Study& study() {
    static Study s;
    return s;
}

void BM_DraftMatrix(benchmark::State& state) {
    Study& s = study();
    npt::DraftResult r;
    for (auto _ : state) {
        state.PauseTiming();
        s.project->db().exec("DELETE FROM matrix_cell");  // outside any action: a fresh, undrafted matrix
        state.ResumeTiming();
        r = npt::draft_matrix(*s.project, npt::require_matrix(*s.project, "All codes").id);
    }
    state.counters["codings"] = static_cast<double>(s.codings);
    state.counters["cells_filled"] = r.filled;
    state.counters["links"] = r.links;
    state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_DraftMatrix)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_LoadMatrix(benchmark::State& state) {
    Study& s = study();
    for (auto _ : state) {
        npt::FrameworkMatrix m = npt::load_matrix(*s.project, "All codes");
        benchmark::DoNotOptimize(m.rows.size());
    }
    state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_LoadMatrix)->Unit(benchmark::kMillisecond)->Iterations(3);

void export_to(benchmark::State& state, const char* file) {
    Study& s = study();
    npt::FrameworkMatrix m = npt::load_matrix(*s.project, "All codes");
    std::size_t links = 0;
    for (auto& row : m.rows)
        for (auto& cell : row.cells) links += cell.links.size();
    double before = peak_rss_mb();
    for (auto _ : state) npt::export_matrix(m, s.dir / file);
    state.counters["cases"] = static_cast<double>(m.rows.size());
    state.counters["codes"] = static_cast<double>(m.columns.size());
    state.counters["links"] = static_cast<double>(links);
    state.counters["file_MB"] = static_cast<double>(fs::file_size(s.dir / file)) / 1e6;
    state.counters["rss_growth_MB"] = peak_rss_mb() - before;
}

void BM_ExportMatrixXlsx(benchmark::State& state) { export_to(state, "matrix.xlsx"); }
BENCHMARK(BM_ExportMatrixXlsx)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ExportMatrixCsv(benchmark::State& state) { export_to(state, "matrix.csv"); }
BENCHMARK(BM_ExportMatrixCsv)->Unit(benchmark::kMillisecond)->Iterations(3);

// End to end as `nptcoder matrix export` runs it: read the matrix from the project, write XLSX.
void BM_LoadAndExportMatrixXlsx(benchmark::State& state) {
    Study& s = study();
    for (auto _ : state) npt::export_matrix(npt::load_matrix(*s.project, "All codes"), s.dir / "matrix2.xlsx");
    state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_LoadAndExportMatrixXlsx)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ExportSegmentsXlsx(benchmark::State& state) {
    Study& s = study();
    std::size_t rows = 0;
    for (auto _ : state) {
        npt::SegmentReport report = npt::build_segment_report(*s.project, {});
        rows = report.rows.size();
        npt::export_segments(report, s.dir / "segments.xlsx");
    }
    state.counters["segments"] = static_cast<double>(rows);
    state.counters["file_MB"] = static_cast<double>(fs::file_size(s.dir / "segments.xlsx")) / 1e6;
    state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_ExportSegmentsXlsx)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
