// bench_gui_gesture.cpp — CPU time of one coding gesture in the workbench: applying a code to a
// selection (one undoable action) and the refresh that follows (the panels' snapshot and the open
// transcript's codings), on 63 documents of ~60 KB with ~20,000 codings.
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DNPT_SANITIZE=OFF -DNPT_BUILD_GUI=ON
//   ninja -C build-rel bench_gui_gesture && build-rel/bench/bench_gui_gesture
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>

#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/query/coding_counts.hpp"
#include "core/query/project_summary.hpp"
#include "corpus/synthetic_corpus.hpp"
#include "gui/app.hpp"
#include "gui/coding_commands.hpp"
#include "gui/project_snapshot.hpp"
#include "gui/transcript_document.hpp"

namespace {
namespace fs = std::filesystem;

// The study, built once: 63 documents of 9,000 words (~60 KB of UTF-8 each), 20 codes, 3 coders.
struct Study {
    fs::path dir;
    std::vector<npt::DocumentId> documents;
    Study() {
        dir = fs::temp_directory_path() / ("nptcoder-bench-gesture-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir / "config");
        npt::Project project = npt::Project::create(dir / "g.nptq", "gesture bench");
        npt::bench::CorpusSpec spec;
        spec.documents = 63;
        spec.words_per_document = 9000;
        spec.codings = 21000;  // about 20,000 stay once the coding rule joins overlapping ones
        spec.mean_coding_words = 12;
        const npt::bench::Corpus corpus = npt::bench::make_corpus(spec);
        documents = npt::bench::load_corpus(project, corpus);
        const npt::ProjectSummary s = npt::summarize(project);
        std::fprintf(stderr, "study: %lld documents, %.1f MB of text (%lld code points), %lld codings\n",
                     static_cast<long long>(s.documents), static_cast<double>(corpus.total_bytes()) / 1e6,
                     static_cast<long long>(s.characters), static_cast<long long>(s.codings));
    }
    ~Study() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Study& study() {
    static Study s;  // built on first use
    return s;
}

// One gesture per iteration: code a 40-code-point selection in the open document as the active
// coder, the way the transcript view does it (App::act_on_codings, which refreshes what a coding
// gesture can change). With full_refresh, through App::act instead, which re-reads the whole
// snapshot (the refresh every gesture paid before). Between iterations, untimed, the coding is
// removed again so that every iteration starts from the same project.
void coding_gestures(benchmark::State& state, bool full_refresh) {
    Study& s = study();
    npt::gui::App app(s.dir / "config");
    app.set_coder("Bench coder");
    app.open_project(s.dir / "g.nptq");
    const npt::DocumentId doc = s.documents[s.documents.size() / 2];
    app.open_document(doc);
    const npt::CodeId code = npt::list_codes(app.project()).back().id;
    const std::int64_t length = npt::document_info(app.project(), doc).length;
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<std::int64_t> start_at(0, length - 41);
    for (auto _ : state) {
        const std::int64_t at = start_at(rng);
        const npt::Span selection{at, at + 40};
        auto gesture = [&] { npt::gui::code_selection(app.project(), doc, code, app.coder(), selection, false); };
        bool ok = full_refresh ? app.act(gesture) : app.act_on_codings(doc, gesture);
        if (!ok) state.SkipWithError(app.error_message().c_str());
        state.PauseTiming();
        npt::gui::uncode_selection(app.project(), doc, code, app.coder(), selection);
        state.ResumeTiming();
    }
}
void BM_CodingGesture(benchmark::State& state) { coding_gestures(state, false); }
void BM_CodingGestureFullRefresh(benchmark::State& state) { coding_gestures(state, true); }
BENCHMARK(BM_CodingGesture)->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK(BM_CodingGestureFullRefresh)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// The parts of the refresh, alone: the panels' whole snapshot, its coding counts, the open
// transcript's codings, and the snapshot brought up to date after a gesture in one document.
void BM_RefreshParts(benchmark::State& state) {
    Study& s = study();
    npt::Project project = npt::Project::open(s.dir / "g.nptq");
    const npt::DocumentId doc = s.documents[s.documents.size() / 2];
    npt::gui::TranscriptDocument transcript(project, doc);
    const npt::gui::ProjectSnapshot snapshot = npt::gui::load_snapshot(project);
    for (auto _ : state) {
        switch (state.range(0)) {
            case 0: benchmark::DoNotOptimize(npt::gui::load_snapshot(project)); break;
            case 1: benchmark::DoNotOptimize(npt::coding_counts(project)); break;
            case 2: transcript.reload_codings(project, snapshot.codes, snapshot.coders); break;
            case 3: benchmark::DoNotOptimize(npt::gui::refresh_codings(project, snapshot, doc)); break;
        }
    }
    const char* labels[] = {"snapshot", "coding_counts", "transcript codings", "refresh_codings (one document)"};
    state.SetLabel(labels[state.range(0)]);
}
BENCHMARK(BM_RefreshParts)->Arg(0)->Arg(1)->Arg(2)->Arg(3)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
