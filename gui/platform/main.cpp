// main.cpp — nptcoder-gui: a GLFW window with an OpenGL 3 context running the workbench App.
// The loop draws a frame as soon as input arrives and keeps drawing until ImGui settles (a few
// frames after the last event, while a button is held, while queued input remains, while a
// worker runs); only then does it sleep in glfwWaitEventsTimeout (a coding tool stays open all
// day), waking at least every half second so the App notices other writers' commits. Keys and
// buttons go through an InputQueue, so a press and release that arrive in one wake-up are seen
// in two frames (Dear ImGui 1.86 keeps only the current state of a key). FILE arguments and files
// dropped on the window are imported through the import worker. Closing the window quits as
// Ctrl+Q does: after asking to save a memo that is not saved.
// --screenshot renders --frames frames (after any import has finished) and saves the last as PNG.
// --view opens a team window (agreement, disagreements, history), run for --coders when given.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "gui/app.hpp"
#include "gui/agreement_view.hpp"
#include "gui/disagreements_view.hpp"
#include "gui/history_view.hpp"
#include "gui/matrix_view.hpp"
#include "gui/cases_view.hpp"
#include "gui/query_view.hpp"
#include "gui/charts_view.hpp"
#include "gui/writeup_views.hpp"
#include "gui/import_dialog.hpp"
#include "gui/team_views.hpp"
#include "gui/input_queue.hpp"
#include "gui/platform/screenshot.hpp"

namespace {

struct Options {
    std::string project;
    std::string open_doc;
    std::string coder;
    std::string code;        // select this code (path) in the codebook
    std::string select;      // "START-END" selection in the open document
    std::string find;        // run find in the open document
    std::string screenshot;  // write a PNG after `frames` frames, then quit
    std::string config;      // settings folder (default: XDG config)
    std::string view;        // a team window (agreement | confusion | disagreements | history) or a
                             // write-up window (matrix | cases | query | charts) to open
    std::vector<std::string> coders;  // --coders A,B: the coders the view compares (and runs)
    std::string matrix;      // --matrix NAME: the framework matrix --view matrix shows
    std::string matrix_cell; // --matrix-cell CASE/CODE: and the cell it selects
    std::string chart;                // --view charts --chart heatmap|frequency|saturation
    bool read_only = false;
    std::vector<std::string> files;  // imported into the project at start
    int frames = 30;
    int width = 1400;
    int height = 900;
    bool size_given = false;
};

const char* kUsage =
    "nptcoder-gui — the nptcoder coding workbench\n"
    "usage: nptcoder-gui [--project FILE] [--read-only] [--open-doc NAME] [--coder NAME] [--code PATH]\n"
    "                    [--select START-END] [--find TEXT] [--config DIR]\n"
    "                    [--view agreement|confusion|disagreements|history [--coders A,B]]\n"
    "                    [--view matrix|cases|query|charts] [--matrix NAME [--matrix-cell CASE/CODE]]\n"
    "                    [--chart heatmap|frequency|saturation] (--view query --find TEXT: search there)\n"
    "                    [--screenshot OUT.png [--frames N] [--width W] [--height H]] [IMPORT...]\n"
    "IMPORT files or folders are imported into the project at start, as if dropped on the window.\n"
    "e.g.  nptcoder-gui --project out/hub-study.nptq --open-doc P01-hub-staff.txt\n"
    "      nptcoder-gui --project study.nptq interviews/p11.docx interviews/p12.docx\n";

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw npt::InputError(a + " needs a value");
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return std::nullopt;
        } else if (a == "--project") o.project = value();
        else if (a == "--open-doc") o.open_doc = value();
        else if (a == "--coder") o.coder = value();
        else if (a == "--code") o.code = value();
        else if (a == "--select") o.select = value();
        else if (a == "--find") o.find = value();
        else if (a == "--screenshot") o.screenshot = value();
        else if (a == "--config") o.config = value();
        else if (a == "--view") o.view = value();
        else if (a == "--matrix") o.matrix = value();
        else if (a == "--matrix-cell") o.matrix_cell = value();
        else if (a == "--chart") o.chart = value();
        else if (a == "--coders") {
            const std::string list = value();
            for (std::size_t at = 0; at <= list.size();) {
                const std::size_t comma = std::min(list.find(',', at), list.size());
                if (comma > at) o.coders.push_back(list.substr(at, comma - at));
                at = comma + 1;
            }
        }
        else if (a == "--frames") o.frames = std::max(1, std::atoi(value().c_str()));
        else if (a == "--width") o.width = std::max(320, std::atoi(value().c_str())), o.size_given = true;
        else if (a == "--height") o.height = std::max(240, std::atoi(value().c_str())), o.size_given = true;
        else if (a == "--read-only") o.read_only = true;
        else if (a.rfind("--", 0) == 0) throw npt::InputError("unknown option " + a + " (see --help)");
        else o.files.push_back(a);
    }
    // `nptcoder-gui study.nptq`: a lone project file given without --project opens it.
    if (o.project.empty() && o.files.size() == 1 && std::filesystem::path(o.files[0]).extension() == ".nptq")
        o.project = std::move(o.files[0]), o.files.clear();
    if (!o.files.empty() && o.project.empty()) throw npt::InputError("files to import need --project FILE");
    static const char* const kViews[] = {"agreement", "confusion", "disagreements", "history", "matrix", "cases", "query", "charts"};
    if (!o.view.empty() && std::find(std::begin(kViews), std::end(kViews), o.view) == std::end(kViews))
        throw npt::InputError("--view takes agreement, confusion, disagreements, history, matrix, cases, query or charts, not " + o.view);
    if (!o.view.empty() && o.project.empty()) throw npt::InputError("--view needs --project FILE");
    return o;
}

// Applies the command line's project, coder, document, code, selection and find.
void apply(npt::gui::App& app, const Options& o) {
    if (!o.coder.empty()) app.set_coder(o.coder);
    if (o.project.empty()) return;
    app.open_project(o.project, o.read_only ? npt::OpenMode::ReadOnly : npt::OpenMode::Auto);
    app.import_files(o.files);
    if (!o.open_doc.empty()) app.open_document_named(o.open_doc);
    if (!o.code.empty())
        for (const npt::Code& c : app.snapshot().codes)
            if (c.path == o.code) app.select_code(c.id);
    if (!o.select.empty()) {
        long long s = 0, e = 0;
        if (std::sscanf(o.select.c_str(), "%lld-%lld", &s, &e) != 2) throw npt::InputError("--select wants START-END");
        app.transcript().select({s, e});
    }
    if (!o.find.empty()) {
        app.transcript().open_find();
        app.transcript().set_find_query(o.find);
    }
    // A team window, run at once for the coders given (the screenshot waits for the worker).
    npt::gui::TeamViews& team = app.team();
    if (o.view == "agreement" || o.view == "confusion") {
        team.agreement().open();
        if (o.view == "confusion") team.agreement().show_confusion_tab();
        if (o.coders.size() >= 2) {
            team.agreement().request().coders = o.coders;
            team.agreement().run(app);
        }
    } else if (o.view == "disagreements") {
        team.disagreements().open();
        if (o.coders.size() >= 2) {
            team.disagreements().set_coders(o.coders[0], o.coders[1]);
            team.disagreements().load(app);
            team.disagreements().select_when_loaded(0);  // and open the first in the transcript
        }
    } else if (o.view == "history") {
        team.history().open();
    }
    // A write-up window.
    npt::gui::WriteUpViews& writeup = app.writeup();
    if (!o.matrix.empty()) writeup.matrix().select_matrix(o.matrix);
    if (const auto slash = o.matrix_cell.find('/'); slash != std::string::npos)
        writeup.matrix().select_cell_when_loaded(o.matrix_cell.substr(0, slash), o.matrix_cell.substr(slash + 1));
    if (o.view == "matrix") writeup.matrix().open();
    else if (o.view == "cases") writeup.cases().open();
    else if (o.view == "query") {
        writeup.query().open();
        if (!o.find.empty()) {  // --find TEXT: run as a text search there, each hit grown to its sentence
            writeup.query().set_source(npt::AutocodeSource::Search);
            writeup.query().set_extend(npt::AutocodeExtent::Sentence);
            writeup.query().set_pattern(o.find);
            writeup.query().run(app);
        }
    }
    else if (o.view == "charts") writeup.charts().open();
    if (o.chart == "frequency") writeup.charts().show(npt::gui::ChartKind::Frequency);
    else if (o.chart == "saturation") writeup.charts().show(npt::gui::ChartKind::Saturation);
    else if (!o.chart.empty() && o.chart != "heatmap") throw npt::InputError("--chart takes heatmap, frequency or saturation, not " + o.chart);
}

// What the GLFW callbacks reach through the window's user pointer.
struct Platform {
    npt::gui::App* app = nullptr;
    npt::gui::InputQueue input;
    bool woke = false;  // any event since the last frame (pointer moves, resizes included)
};

Platform& platform(GLFWwindow* w) { return *static_cast<Platform*>(glfwGetWindowUserPointer(w)); }

// Input goes to the queue; focus, cursor enter and monitors straight to the ImGui backend.
void install_callbacks(GLFWwindow* window) {
    using npt::gui::InputEvent;
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int focused) {
        platform(w).woke = true;
        ImGui_ImplGlfw_WindowFocusCallback(w, focused);
    });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int entered) {
        platform(w).woke = true;
        ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    });
    glfwSetMonitorCallback(ImGui_ImplGlfw_MonitorCallback);
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { platform(w).woke = true; });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { platform(w).woke = true; });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int mods) {
        platform(w).input.push({InputEvent::Kind::MouseButton, button, 0, action, mods});
    });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double x, double y) {
        platform(w).input.push({InputEvent::Kind::Scroll, 0, 0, 0, 0, x, y});
    });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        platform(w).input.push({InputEvent::Kind::Key, key, scancode, action, mods});
    });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
        platform(w).input.push({InputEvent::Kind::Char, static_cast<int>(c)});
    });
    glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
        platform(w).woke = true;
        platform(w).app->drop_files(std::vector<std::string>(paths, paths + count));
    });
}

void apply_event(GLFWwindow* window, const npt::gui::InputEvent& e) {
    using Kind = npt::gui::InputEvent::Kind;
    switch (e.kind) {
    case Kind::MouseButton: ImGui_ImplGlfw_MouseButtonCallback(window, e.code, e.action, e.mods); break;
    case Kind::Key:
        // F10 opens the menu bar as Alt does (ImGui's keyboard navigation knows only Alt).
        ImGui_ImplGlfw_KeyCallback(window, e.code == GLFW_KEY_F10 ? GLFW_KEY_LEFT_ALT : e.code, e.scancode, e.action, e.mods);
        break;
    case Kind::Char: ImGui_ImplGlfw_CharCallback(window, static_cast<unsigned int>(e.code)); break;
    case Kind::Scroll: ImGui_ImplGlfw_ScrollCallback(window, e.x, e.y); break;
    case Kind::Other: break;
    }
}

// True while a button is held (a drag scrolls and extends the selection without new events).
bool imgui_unsettled(const ImGuiIO& io) {
    for (bool down : io.MouseDown)
        if (down) return true;
    return false;
}

void uninstall_callbacks(GLFWwindow* window) {
    glfwSetWindowFocusCallback(window, nullptr);
    glfwSetCursorEnterCallback(window, nullptr);
    glfwSetMonitorCallback(nullptr);
    glfwSetCursorPosCallback(window, nullptr);
    glfwSetWindowRefreshCallback(window, nullptr);
    glfwSetMouseButtonCallback(window, nullptr);
    glfwSetScrollCallback(window, nullptr);
    glfwSetKeyCallback(window, nullptr);
    glfwSetCharCallback(window, nullptr);
    glfwSetDropCallback(window, nullptr);
    glfwSetWindowUserPointer(window, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        auto parsed = parse(argc, argv);
        if (!parsed) return 0;
        options = *parsed;
    } catch (const npt::Error& e) {
        std::cerr << "nptcoder-gui: " << e.what() << '\n';
        return 2;
    }
    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "nptcoder-gui: GLFW %d: %s\n", code, text); });
    if (!glfwInit()) {
        std::cerr << "nptcoder-gui: cannot open a window (no display?); the nptcoder CLI works without one\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // High-DPI: GLFW scales the window to the monitor's content scale; the App's UI scale starts
    // from that scale when the user has not chosen one. The last window size is reused.
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    float content_scale = 1.0f;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(monitor, &content_scale, nullptr);
    const npt::gui::Settings saved = npt::gui::load_settings(options.config.empty() ? npt::gui::default_config_dir() : std::filesystem::path(options.config));
    const bool sized = options.screenshot.empty() && !options.size_given && saved.window_width > 0 && saved.window_height > 0;
    GLFWwindow* window = glfwCreateWindow(sized ? saved.window_width : options.width, sized ? saved.window_height : options.height,
                                          "nptcoder", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        std::cerr << "nptcoder-gui: cannot create an OpenGL 3 window\n";
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.screenshot.empty() ? 1 : 0);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    int exit_code = 0;
    {
        npt::gui::App app(options.config.empty() ? npt::gui::default_config_dir() : std::filesystem::path(options.config));
        app.attach(io);
        app.use_content_scale(content_scale);
        Platform plat;
        plat.app = &app;
        ImGui_ImplGlfw_InitForOpenGL(window, false);  // our callbacks queue input, then forward it
        glfwSetWindowUserPointer(window, &plat);
        install_callbacks(window);
        ImGui_ImplOpenGL3_Init("#version 130");
        try {
            apply(app, options);
        } catch (const npt::Error& e) {
            if (!options.screenshot.empty()) {
                std::cerr << "nptcoder-gui: " << e.what() << '\n';
                exit_code = 1;
            }
            app.show_error(e.what());
        }
        std::string title;
        // Idle: sleep until input or kIdleWake seconds (then the App polls for other writers).
        // After any event, draw kSettleFrames more frames without waiting (a popup measures
        // itself in its first frame and shows in the next; hover highlights follow the pointer).
        constexpr double kIdleWake = 0.5;
        constexpr int kSettleFrames = 4;
        int settle = kSettleFrames;
        for (int frame = 1; exit_code == 0 && !app.quit_requested(); ++frame) {
            if (glfwWindowShouldClose(window)) {
                // The window's close button: ask about an unsaved memo first, as Ctrl+Q does.
                glfwSetWindowShouldClose(window, GLFW_FALSE);
                app.request_quit();
                if (app.quit_requested()) break;
            }
            const bool eager = !options.screenshot.empty() || app.busy() || settle > 0 || !plat.input.empty() ||
                               imgui_unsettled(io) || app.take_font_rebuild();
            if (eager)
                glfwPollEvents();
            else
                glfwWaitEventsTimeout(io.WantTextInput ? 0.25 : kIdleWake);  // a text caret blinks
            if (plat.woke || !plat.input.empty()) settle = kSettleFrames;
            else settle = std::max(0, settle - 1);
            plat.woke = false;
            plat.input.take_frame([&](const npt::gui::InputEvent& e) { apply_event(window, e); });
            if (app.take_font_rebuild()) {
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                app.attach_fonts(io);
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            app.draw();
            ImGui::Render();
            int w = 0, h = 0;
            glfwGetFramebufferSize(window, &w, &h);
            glViewport(0, 0, w, h);
            glClearColor(0.95f, 0.96f, 0.97f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (!options.screenshot.empty() && frame >= options.frames && !app.busy()) {
                try {
                    npt::gui::write_screenshot(options.screenshot, w, h);
                } catch (const npt::Error& e) {
                    std::cerr << "nptcoder-gui: " << e.what() << '\n';
                    exit_code = 1;
                }
                break;
            }
            glfwSwapBuffers(window);
            if (std::string t = app.window_title(); t != title) glfwSetWindowTitle(window, (title = t).c_str());
        }
        if (app.busy()) app.import_dialog().cancel();
        if (options.screenshot.empty()) {
            int w = 0, h = 0;
            glfwGetWindowSize(window, &w, &h);
            app.remember_window_size(w, h);
        }
        uninstall_callbacks(window);
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}
