// bench_gui.cpp — CPU time to build one frame of the transcript view (layout + ImDrawList, no
// GPU) on a ~1 MB transcript with 10,000 codings, while scrolling through it, and the
// first frame after the column width changes (visible paragraphs laid out again); the same
// scrolling on ~1 MB of a transcript that mixes scripts (Urdu, Arabic, Chinese, emoji: shaped by
// HarfBuzz, ordered by ICU bidi); and input-to-frame latency of a click in the whole workbench.
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DNPT_BUILD_GUI=ON
//   ninja -C build-bench bench_gui && build-bench/bench/bench_gui
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <filesystem>
#include <memory>
#include <random>
#include <algorithm>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/store/file_io.hpp"
#include "corpus/synthetic_corpus.hpp"
#include "gui/app.hpp"
#include "gui/documents_panel.hpp"
#include "gui/fonts.hpp"
#include "gui/transcript_view.hpp"
#include "importers/import_batch.hpp"

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

// ---- A transcript that mixes scripts, and clicks through the whole workbench ----------------

// ~1 MB of examples/transcripts/p09.txt (English with Urdu, Arabic, Chinese and emoji) repeated,
// imported through the core's plain-text path (speaker turns found), with 4,000 codings.
struct MixedFixture {
    fs::path dir;
    fs::path file;
    npt::DocumentId doc_id;
    std::size_t bytes = 0;
    MixedFixture() {
        dir = fs::temp_directory_path() / ("nptcoder-bench-mixed-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir / "cfg");
        file = dir / "mixed.nptq";
        npt::Project p = npt::Project::create(file, "mixed scripts");
        const std::string sample = npt::read_file(fs::path(NPT_SOURCE_DIR) / "examples/transcripts/p09.txt", 1 << 20);
        std::string text;
        for (int i = 0; text.size() < 1000000; ++i) text += sample + "\n";
        bytes = text.size();
        npt::importers::ImportOptions options;
        options.format = npt::importers::SourceFormat::Text;
        npt::importers::import_bytes(p, text, "p09-repeated.txt", "bench", options);
        doc_id = npt::require_document(p, "p09-repeated.txt").id;
        for (const char* path : {"Coherence/Differentiation", "Coherence/Internalization", "Cognitive participation/Enrolment",
                                 "Collective action/Interactional workability", "Reflexive monitoring/Appraisal"})
            npt::ensure_code(p, path);
        const std::vector<npt::Code> codes = npt::list_codes(p);
        const auto coder = npt::ensure_coder(p, "coder1").id;
        const std::int64_t length = npt::document_info(p, doc_id).length;
        std::mt19937_64 rng(11);
        std::uniform_int_distribution<std::int64_t> at(0, length - 200);
        std::uniform_int_distribution<std::size_t> which(0, codes.size() - 1);
        p.action("bench codings", [&] {
            for (int i = 0; i < 4000; ++i) {
                const std::int64_t start = at(rng);
                npt::apply_coding(p, doc_id, codes[which(rng)].id, coder, {start, start + 40 + start % 120});
            }
        });
    }
    ~MixedFixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

MixedFixture& mixed() {
    static MixedFixture f;
    return f;
}

// The transcript view alone on the mixed-script text, scrolled as above (600 code points per
// frame). Glyphs a frame needs that are not in the atlas yet are packed by an atlas rebuild
// between frames, untimed, as the platform loop does before the next frame.
void BM_MixedScriptFrameWhileScrolling(benchmark::State& state) {
    MixedFixture& f = mixed();
    npt::Project project = npt::Project::open(f.file);
    auto doc = std::make_shared<npt::gui::TranscriptDocument>(project, f.doc_id);
    const std::vector<npt::Code> codes = npt::list_codes(project);
    Context ctx;
    ImGuiIO& io = ImGui::GetIO();
    npt::gui::TranscriptView view;
    view.set_document(doc);
    npt::gui::TranscriptContext context{&ctx.fonts, &codes, "coder1", true};
    int rebuilds = 0;
    auto rebuild_if_wanted = [&] {
        if (!ctx.fonts.glyphs->wants_rebuild()) return;
        ctx.fonts = npt::gui::load_fonts(io, 1.0f, nullptr, &ctx.fonts);
        context.fonts = &ctx.fonts;
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        ++rebuilds;
    };
    frame(view, context);
    rebuild_if_wanted();
    std::size_t vertices = 0;
    std::int64_t caret = 0;
    for (auto _ : state) {
        caret += 600;
        if (caret >= doc->length()) caret = 0;
        view.select({caret, caret});
        frame(view, context);
        vertices += static_cast<std::size_t>(ImGui::GetDrawData()->TotalVtxCount);
        state.PauseTiming();
        rebuild_if_wanted();
        state.ResumeTiming();
    }
    state.counters["vertices/frame"] = static_cast<double>(vertices) / static_cast<double>(state.iterations());
    state.counters["atlas rebuilds"] = rebuilds;
    state.counters["MB"] = static_cast<double>(f.bytes) / 1e6;
    state.counters["codings"] = static_cast<double>(doc->codings().size());
}
BENCHMARK(BM_MixedScriptFrameWhileScrolling)->Unit(benchmark::kMicrosecond);

// The whole workbench (all panels, the mixed transcript open) in a headless context, as the
// GUI tests drive it.
struct Workbench {
    std::unique_ptr<npt::gui::App> app;
    explicit Workbench(MixedFixture& f) {
        app = std::make_unique<npt::gui::App>(f.dir / "cfg");
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {1400, 900};
        io.DeltaTime = 1.0f / 60.0f;
        // GLFW's key numbers, as the platform backend maps them (keyboard navigation needs them).
        const int map[][2] = {{ImGuiKey_Tab, 258},      {ImGuiKey_LeftArrow, 263}, {ImGuiKey_RightArrow, 262},
                              {ImGuiKey_UpArrow, 265},  {ImGuiKey_DownArrow, 264}, {ImGuiKey_PageUp, 266},
                              {ImGuiKey_PageDown, 267}, {ImGuiKey_Home, 268},      {ImGuiKey_End, 269},
                              {ImGuiKey_Delete, 261},   {ImGuiKey_Backspace, 259}, {ImGuiKey_Space, 32},
                              {ImGuiKey_Enter, 257},    {ImGuiKey_Escape, 256},    {ImGuiKey_A, 'A'},
                              {ImGuiKey_C, 'C'},        {ImGuiKey_V, 'V'},         {ImGuiKey_X, 'X'},
                              {ImGuiKey_Y, 'Y'},        {ImGuiKey_Z, 'Z'}};
        for (const auto& m : map) io.KeyMap[m[0]] = m[1];
        app->attach(io);
        io.IniFilename = nullptr;
        app->set_coder("coder1");
        app->open_project(f.file);
        app->open_document(f.doc_id);
        for (int i = 0; i < 6; ++i) frame();
    }
    ~Workbench() {
        app.reset();
        ImGui::DestroyContext();
    }
    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        if (app->take_font_rebuild()) app->attach_fonts(io);
        if (!io.Fonts->IsBuilt()) {
            unsigned char* px = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        }
        ImGui::NewFrame();
        app->draw();
        ImGui::Render();
    }
};

// Input to frame: a click in the transcript is fed to ImGui (button down at a new place) and one
// frame is built; the caret is at the clicked character when that frame ends, so the click shows
// in the first frame drawn after it (the loop draws as soon as input arrives). Timed: that frame
// (all panels). The release frame after it is untimed. Counter `frames to show` must stay 1.
void BM_ClickToFrame(benchmark::State& state) {
    MixedFixture& f = mixed();
    Workbench wb(f);
    npt::gui::App& app = *wb.app;
    ImGuiIO& io = ImGui::GetIO();
    std::int64_t worst_frames = 0;
    std::int64_t target = 40;
    for (auto _ : state) {
        state.PauseTiming();
        target = target == 40 ? 90 : 40;  // alternate between two characters on the first lines
        const ImVec2 p = app.transcript().screen_position(target);
        io.MousePos = {p.x + 1, p.y + app.transcript().line_height() * 0.5f};
        wb.frame();  // the pointer moves there first (hover), as a real click does
        io.MouseDown[0] = true;
        state.ResumeTiming();
        wb.frame();  // the frame that sees the press
        state.PauseTiming();
        std::int64_t frames = 1;
        while (app.transcript().caret() != target && frames < 10) {
            wb.frame();
            ++frames;
        }
        worst_frames = std::max(worst_frames, frames);
        io.MouseDown[0] = false;
        wb.frame();
        app.transcript().select({0, 0});
        wb.frame();
        state.ResumeTiming();
    }
    state.counters["frames to show"] = static_cast<double>(worst_frames);
}
BENCHMARK(BM_ClickToFrame)->Unit(benchmark::kMicrosecond);

// A click on a document in the Documents panel: press, then the release frame in which the
// document opens (loaded through the core, laid out, drawn). Timed: the release frame.
void BM_ClickOpensDocumentToFrame(benchmark::State& state) {
    MixedFixture& f = mixed();
    {
        npt::Project p = npt::Project::open(f.file);
        if (!npt::find_document(p, "short.txt")) {
            npt::NewDocument d;
            d.name = d.source_file = "short.txt";
            d.text = "Interviewer: hello.\nP01: a short one.\n";
            npt::add_document(p, d);
        }
    }
    Workbench wb(f);
    npt::gui::App& app = *wb.app;
    ImGuiIO& io = ImGui::GetIO();
    const auto short_doc = npt::require_document(app.project(), "short.txt").id;
    std::int64_t worst_frames = 0;
    bool to_short = true;
    for (auto _ : state) {
        state.PauseTiming();
        const auto want = to_short ? short_doc : f.doc_id;
        to_short = !to_short;
        const auto row = app.documents_panel().row_centre(want);
        if (!row) {
            state.SkipWithError("document row not visible");
            break;
        }
        io.MousePos = *row;
        wb.frame();
        io.MouseDown[0] = true;
        wb.frame();
        io.MouseDown[0] = false;
        state.ResumeTiming();
        wb.frame();  // the release: the document opens and is drawn in this frame
        state.PauseTiming();
        std::int64_t frames = 1;
        while (app.current_document() != want && frames < 10) {
            wb.frame();
            ++frames;
        }
        worst_frames = std::max(worst_frames, frames);
        state.ResumeTiming();
    }
    state.counters["frames to show"] = static_cast<double>(worst_frames);
}
BENCHMARK(BM_ClickOpensDocumentToFrame)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
