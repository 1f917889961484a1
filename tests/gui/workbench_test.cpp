// workbench_test.cpp — the workbench beyond the transcript: importing a folder on the worker
// thread (progress through the queue, each file all-or-nothing, cancel), in-vivo coding as one
// undo step, and the smoke tests: nptcoder-gui under Xvfb renders real frames and writes a PNG,
// and imports the files named on its command line through the worker.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/store/undo.hpp"
#include "gui/app.hpp"
#include "gui/coding_commands.hpp"
#include "gui/headless.hpp"
#include "gui/import_dialog.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {
namespace fs = std::filesystem;

// Runs frames until the import worker is done (or 60 s pass).
void wait_for_import(gui::App& app, Headless& ui) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (app.import_dialog().running() && std::chrono::steady_clock::now() < deadline) {
        ui.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ui.frame();
}

TEST(Workbench, ImportsAFolderOnTheWorkerThread) {
    TempDir dir;
    std::set<std::string> expected;
    for (int i = 0; i < 5; ++i) {
        const std::string name = "p0" + std::to_string(i) + ".txt";
        write_bytes(dir / "in" / name, "Interviewer: question " + std::to_string(i) + "?\nP0" + std::to_string(i) + ": answer.\n");
        expected.insert(name);
    }
    write_bytes(dir / "in" / "p00-copy.txt", read_bytes(dir / "in" / "p00.txt"));  // same text: skipped
    write_bytes(dir / "in" / "broken.txt", std::string("\xff\xfe\x00\x00 not text \x00", 15));
    Project::create(dir / "s.nptq", "import");
    gui::App app(dir / "cfg");
    app.set_coder("Tess");
    app.open_project(dir / "s.nptq");
    Headless ui(app);
    app.import_dialog().start(app, {(dir / "in").string()});
    EXPECT_TRUE(app.import_dialog().running());
    wait_for_import(app, ui);
    ASSERT_FALSE(app.import_dialog().running());
    const auto& summary = app.import_dialog().last_summary();
    ASSERT_TRUE(summary.has_value());
    EXPECT_EQ(summary->imported.size() + summary->skipped.size() + summary->failed.size(), 7u);
    EXPECT_EQ(summary->skipped.size(), 1u);
    // The panels see the new documents at once (the App refreshed when the worker finished).
    EXPECT_EQ(app.snapshot().documents.size(), summary->imported.size());
    Project p = Project::open(dir / "s.nptq");
    std::set<std::string> names;
    for (const DocumentInfo& d : list_documents(p)) names.insert(d.source_file);
    for (const std::string& n : expected) EXPECT_TRUE(names.count(n) || n == "p00.txt") << n;
    EXPECT_EQ(names.size(), summary->imported.size());
}

TEST(Workbench, CancelLeavesOnlyWholeDocuments) {
    TempDir dir;
    for (int i = 0; i < 120; ++i)
        write_bytes(dir / "in" / ("t" + std::to_string(1000 + i) + ".txt"), "Text number " + std::to_string(i) + ".\n");
    Project::create(dir / "s.nptq", "cancel");
    gui::App app(dir / "cfg");
    app.set_coder("Tess");
    app.open_project(dir / "s.nptq");
    Headless ui(app);
    app.import_dialog().start(app, {(dir / "in").string()});
    app.import_dialog().cancel();
    wait_for_import(app, ui);
    const auto& summary = app.import_dialog().last_summary();
    ASSERT_TRUE(summary.has_value());
    if (summary->cancelled) EXPECT_LT(summary->imported.size(), 120u);
    else EXPECT_EQ(summary->imported.size(), 120u);
    Project p = Project::open(dir / "s.nptq");
    EXPECT_EQ(list_documents(p).size(), summary->imported.size());
    for (const DocumentInfo& d : list_documents(p)) EXPECT_GT(d.length, 0);
}

TEST(Workbench, InVivoCodingIsOneUndoStep) {
    TempDir dir;
    DocumentId doc;
    {
        Project p = Project::create(dir / "s.nptq", "in vivo");
        NewDocument d;
        d.name = "p01";
        d.text = "P01: it was a lifeline, honestly, during the second wave.\n";
        doc = add_document(p, d).id;
    }
    Project p = Project::open(dir / "s.nptq");
    auto user_rows = [&] { return std::make_tuple(list_codes(p).size(), list_coders(p).size(), list_segments(p).size()); };
    const auto before = user_rows();
    const std::string path = gui::code_in_vivo_as(p, doc, "Tess", {12, 22});  // "a lifeline"
    EXPECT_EQ(path, "In vivo/a lifeline");
    const auto segs = list_segments(p);
    ASSERT_EQ(segs.size(), 1u);
    EXPECT_EQ(segs[0].text, "a lifeline");
    EXPECT_EQ(segs[0].coder, "Tess");
    ASSERT_TRUE(undo(p).has_value());
    EXPECT_EQ(user_rows(), before);  // code, its parent, coder and coding all gone in one step
    EXPECT_THROW(gui::code_in_vivo_as(p, doc, "Tess", {22, 24}), InputError);  // ", " has no words
    EXPECT_EQ(user_rows(), before);
}

// Runs the real nptcoder-gui under xvfb-run with `args` (already quoted); its output goes to
// dir/log. Returns the exit status.
int run_gui_under_xvfb(const TempDir& dir, const std::string& args) {
    const fs::path gui_binary = fs::path(NPT_CLI_PATH).parent_path() / "nptcoder-gui";
    EXPECT_TRUE(fs::exists(gui_binary)) << gui_binary;
    // Under the sanitizers, Mesa's dlopen'ed driver leaks a few bytes we cannot fix or name in a
    // suppression; leak checking of our own code is done by the in-process tests above.
    const std::string command = "ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s '-screen 0 1024x768x24' '" + gui_binary.string() +
                                "' --config '" + (dir / "cfg").string() + "' " + args + " > '" + (dir / "log").string() + "' 2>&1";
    return std::system(command.c_str());
}

TEST(Workbench, SmokeScreenshotUnderXvfbIsNotBlank) {
    if (std::system("command -v xvfb-run > /dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run is not installed";
    TempDir dir;
    {
        Project p = Project::create(dir / "s.nptq", "smoke");
        NewDocument d;
        d.name = "p01.txt";
        d.text = "Interviewer: What is the hub for?\n\nP01: It is for staff who need someone to talk to.\n";
        d.turns = {{0, 33, "Interviewer", std::nullopt, std::nullopt}, {35, 84, "P01", 1000, std::nullopt}};
        const DocumentId id = add_document(p, d).id;
        const Code c = ensure_code(p, "Coherence/Differentiation");
        p.action("code", [&] { apply_coding(p, id, c.id, ensure_coder(p, "Tess").id, {40, 60}); });
    }
    const fs::path png = dir / "shot.png";
    ASSERT_EQ(run_gui_under_xvfb(dir, "--project '" + (dir / "s.nptq").string() + "' --open-doc p01.txt --coder Tess --screenshot '" +
                                          png.string() + "' --frames 30 --width 1000 --height 700"),
              0)
        << read_bytes(dir / "log");
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load(png.string().c_str(), &w, &h, &n, 3);
    ASSERT_NE(pixels, nullptr) << read_bytes(dir / "log");
    EXPECT_EQ(w, 1000);
    EXPECT_EQ(h, 700);
    std::set<unsigned> colours;
    std::size_t dark = 0;
    for (int i = 0; i < w * h; ++i) {
        const unsigned char* px = pixels + 3 * i;
        colours.insert(static_cast<unsigned>(px[0]) << 16 | static_cast<unsigned>(px[1]) << 8 | px[2]);
        if (px[0] < 100 && px[1] < 100 && px[2] < 100) ++dark;  // text
    }
    stbi_image_free(pixels);
    EXPECT_GT(colours.size(), 50u);  // text, highlights, widgets: not one flat colour
    EXPECT_GT(dark, 500u);
}

TEST(Workbench, SmokeImportsTheFilesNamedOnTheCommandLine) {
    if (std::system("command -v xvfb-run > /dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run is not installed";
    TempDir dir;
    Project::create(dir / "s.nptq", "scripted import");
    write_bytes(dir / "in" / "p11.txt", "Interviewer: And the hub?\nP11: I used it twice.\n");
    write_bytes(dir / "in" / "p12.txt", "Interviewer: And the hub?\nP12: Never heard of it.\n");
    ASSERT_EQ(run_gui_under_xvfb(dir, "--project '" + (dir / "s.nptq").string() + "' --coder Tess --screenshot '" +
                                          (dir / "shot.png").string() + "' --frames 5 '" + (dir / "in" / "p11.txt").string() +
                                          "' '" + (dir / "in" / "p12.txt").string() + "'"),
              0)
        << read_bytes(dir / "log");
    Project p = Project::open(dir / "s.nptq");
    std::set<std::string> names;
    for (const DocumentInfo& d : list_documents(p)) names.insert(d.name);
    EXPECT_EQ(names, (std::set<std::string>{"p11.txt", "p12.txt"})) << read_bytes(dir / "log");
}

}  // namespace
}  // namespace npt::test
