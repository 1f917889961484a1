// bench_gui.cpp — CPU time to build one frame of the transcript view (layout + ImDrawList, no
// GPU) on a ~1 MB transcript with 10,000 codings, while scrolling through it, and the
// first frame after the column width changes (visible paragraphs laid out again).
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DNPT_BUILD_GUI=ON
//   ninja -C build-bench bench_gui && build-bench/bench/bench_gui
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <filesystem>
#include <memory>
#include <random>

#include "core/model/codes.hpp"
#include "corpus/synthetic_corpus.hpp"
#include "gui/fonts.hpp"
#include "gui/transcript_view.hpp"

namespace {
namespace fs = std::filesystem;

// One project with one ~1 MB document and 10,000 codings, built once for all benchmarks.
struct Fixture {
    fs::path dir;
    std::unique_ptr<npt::Project> project;
    std::shared_ptr<npt::gui::TranscriptDocument> doc;
    std::vector<npt::Code> codes;
    Fixture() {
        dir = fs::temp_directory_path() / ("nptcoder-bench-gui-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir);
        project = std::make_unique<npt::Project>(npt::Project::create(dir / "b.nptq", "bench"));
        npt::bench::CorpusSpec spec;
        spec.documents = 1;
        spec.words_per_document = 165000;  // about 1 MB of UTF-8
        spec.codings = 10000;
        spec.mean_coding_words = 25;
        const npt::bench::Corpus corpus = npt::bench::make_corpus(spec);
        const std::vector<npt::DocumentId> ids = npt::bench::load_corpus(*project, corpus);
        doc = std::make_shared<npt::gui::TranscriptDocument>(*project, ids.front());
        codes = npt::list_codes(*project);
    }
    ~Fixture() {
        doc.reset();
        project.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Fixture& fixture() {
    static Fixture f;  // built on first use, shared by the benchmarks of this program
    return f;
}

// A headless ImGui context with the workbench fonts.
struct Context {
    npt::gui::Fonts fonts;
    Context() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = {1000, 800};
        io.DeltaTime = 1.0f / 60.0f;
        fonts = npt::gui::load_fonts(io, 1.0f);
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ~Context() { ImGui::DestroyContext(); }
};

void frame(npt::gui::TranscriptView& view, const npt::gui::TranscriptContext& context) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
    view.draw(context);
    ImGui::End();
    ImGui::Render();
}

void BM_TranscriptFrameWhileScrolling(benchmark::State& state) {
    Fixture& f = fixture();
    Context ctx;
    npt::gui::TranscriptView view;
    view.set_document(f.doc);
    const npt::gui::TranscriptContext context{&ctx.fonts, &f.codes, "coder1", true};
    ImGuiIO& io = ImGui::GetIO();
    frame(view, context);
    std::size_t vertices = 0;
    int passes = 0;
    std::int64_t caret = 0;
    const std::int64_t step = 600;  // code points per frame: about eight lines, a brisk scroll
    for (auto _ : state) {
        // Move the caret down the text; the view scrolls to keep it in sight, as it does while a
        // researcher reads on with the arrow keys or the scrollbar.
        caret += step;
        if (caret >= f.doc->length()) {
            state.PauseTiming();
            caret = 0;
            ++passes;
            // Back to the top at a new width, so the next pass lays the text out afresh.
            io.DisplaySize.x = io.DisplaySize.x == 1000.0f ? 1001.0f : 1000.0f;
            view.select({0, 0});
            frame(view, context);
            state.ResumeTiming();
        }
        view.select({caret, caret});
        frame(view, context);
        vertices += static_cast<std::size_t>(ImGui::GetDrawData()->TotalVtxCount);
    }
    state.counters["vertices/frame"] = static_cast<double>(vertices) / static_cast<double>(state.iterations());
    state.counters["passes"] = passes;  // times the whole document was scrolled through
    state.counters["paragraphs"] = static_cast<double>(f.doc->paragraphs().size());
    state.counters["codings"] = static_cast<double>(f.doc->codings().size());
    state.counters["MB"] = static_cast<double>(f.doc->text().size()) / 1e6;
}
BENCHMARK(BM_TranscriptFrameWhileScrolling)->Unit(benchmark::kMicrosecond);

void BM_TranscriptFrameAfterResize(benchmark::State& state) {
    Fixture& f = fixture();
    Context ctx;
    npt::gui::TranscriptView view;
    view.set_document(f.doc);
    view.select({static_cast<std::int64_t>(f.doc->length() / 2), static_cast<std::int64_t>(f.doc->length() / 2)});
    const npt::gui::TranscriptContext context{&ctx.fonts, &f.codes, "coder1", true};
    frame(view, context);
    bool wide = false;
    for (auto _ : state) {
        ImGui::GetIO().DisplaySize.x = (wide = !wide) ? 1200.0f : 1000.0f;  // every frame a new width
        frame(view, context);
    }
}
BENCHMARK(BM_TranscriptFrameAfterResize)->Unit(benchmark::kMicrosecond);

void BM_OpenDocument(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) {
        npt::gui::TranscriptDocument doc(*f.project, f.doc->info().id);
        benchmark::DoNotOptimize(doc.codings().size());
    }
}
BENCHMARK(BM_OpenDocument)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
