// main_menu.cpp — menus and the project file dialogs.
#include "gui/main_menu.hpp"

#include <imgui.h>

#include <utility>

#include "core/error.hpp"
#include "gui/app.hpp"
#include "gui/coder_dialog.hpp"
#include "gui/import_dialog.hpp"
#include "gui/refi_dialog.hpp"
#include "gui/history_view.hpp"
#include "gui/merge_dialog.hpp"
#include "gui/team_views.hpp"
#include "gui/writeup_views.hpp"
#include "importers/cases_csv_importer.hpp"

namespace npt::gui {
namespace fs = std::filesystem;

// Platform key indices (GLFW's; letters are their ASCII upper-case codes).
constexpr int kKeyI = 'I', kKeyN = 'N', kKeyO = 'O', kKeyV = 'V';

void MainMenu::begin(App& app, Pending what) {
    pending_ = what;
    const std::vector<FileFilter> projects{{"nptcoder projects (.nptq)", {".nptq"}}, {"All files", {}}};
    switch (what) {
    case Pending::OpenProject:
        browser_.open("Open project", FileBrowser::Mode::Open, projects, app.settings());
        break;
    case Pending::NewProject:
        browser_.open("New project", FileBrowser::Mode::Save, projects, app.settings(), {}, "study.nptq");
        break;
    case Pending::SaveCopy:
        browser_.open("Save a copy as", FileBrowser::Mode::Save, projects, app.settings(), {},
                      app.project().path().stem().string() + "-copy.nptq");
        break;
    case Pending::AttributesCsv:
        browser_.open("Import attributes CSV", FileBrowser::Mode::Open, {{"CSV (.csv)", {".csv"}}, {"All files", {}}},
                      app.settings());
        break;
    case Pending::None:
        break;
    }
}

void MainMenu::draw(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && !io.WantTextInput) {
        if (ImGui::IsKeyPressed(kKeyO, false)) begin(app, Pending::OpenProject);
        if (ImGui::IsKeyPressed(kKeyN, false)) begin(app, Pending::NewProject);
        if (ImGui::IsKeyPressed(kKeyI, false) && app.has_project()) app.import_dialog().open(app);
        if (ImGui::IsKeyPressed(kKeyV, false) && io.KeyShift && app.has_project()) app.import_dialog().paste(app);
    }
    if (!ImGui::BeginMenuBar()) return;
    const bool has = app.has_project();
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("New project...", "Ctrl+N")) begin(app, Pending::NewProject);
        if (ImGui::MenuItem("Open project...", "Ctrl+O")) begin(app, Pending::OpenProject);
        if (ImGui::MenuItem("Open REFI-QDA project...", nullptr, false, !app.refi_dialog().running()))
            app.refi_dialog().open_import(app);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("A new project from a .qdpx (NVivo, MAXQDA, ATLAS.ti, QualCoder...), with a loss report");
        if (ImGui::BeginMenu("Recent projects", !app.settings().recent_projects.empty())) {
            // A copy: opening a project reorders the settings' list while it is being drawn.
            const std::vector<std::string> recent = app.settings().recent_projects;
            for (const std::string& p : recent)
                if (ImGui::MenuItem(p.c_str())) app.act([&] { app.open_project(p); });
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Save a copy as...", nullptr, false, has)) begin(app, Pending::SaveCopy);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every change is already saved; this writes a separate copy");
        ImGui::Separator();
        if (ImGui::MenuItem("Import documents...", "Ctrl+I", false, has)) app.import_dialog().open(app);
        if (ImGui::MenuItem("Paste as new document...", "Ctrl+Shift+V", false, has)) app.import_dialog().paste(app);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Import the clipboard's text as a new document (as a .txt file would be)");
        if (ImGui::MenuItem("Import attributes CSV...", nullptr, false, has)) begin(app, Pending::AttributesCsv);
        if (ImGui::MenuItem("Merge project...", nullptr, false, has)) app.team().merge().open(app);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Bring a colleague's .nptq into this project: preview, coder map, one undoable step");
        if (ImGui::BeginMenu("Export", has)) {
            if (ImGui::MenuItem("REFI-QDA project (.qdpx)...", nullptr, false, !app.refi_dialog().running()))
                app.refi_dialog().open_export(app);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Check project", nullptr, false, has)) app.team().check().start(app);
        ImGui::Separator();
        if (ImGui::MenuItem("Close project", nullptr, false, has)) app.close_project();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) app.request_quit();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const auto& s = app.snapshot();
        const std::string undo = step_label("Undo", s.undo), redo = step_label("Redo", s.redo);
        const std::string any = s.undo_any ? "Undo anyone's last step (" + step_description(*s.undo_any) + ")"
                                           : "Undo anyone's last step";
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, has && s.undo)) app.undo();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Takes back your own last step (coder %s)", app.coder().c_str());
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, has && s.redo)) app.redo();
        if (ImGui::MenuItem(any.c_str(), nullptr, false, has && s.undo_any)) app.undo_any();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The newest step in the shared history, whoever made it");
        ImGui::Separator();
        if (ImGui::MenuItem("Find in document", "Ctrl+F", false, app.transcript().document() != nullptr))
            app.transcript().open_find();
        if (ImGui::MenuItem("Refresh", "F5", false, has)) app.refresh();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Re-read the project now (other writers' changes also appear on their own within a second)");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Coding")) {
        const std::string who = "Active coder: " + (app.coder().empty() ? std::string("(none)") : app.coder()) + "...";
        if (ImGui::MenuItem(who.c_str(), nullptr, false, has)) app.coder_dialog().open();
        ImGui::MenuItem("Snap selections to whole words", nullptr, &app.settings().snap_to_words);
        ImGui::Separator();
        ImGui::TextDisabled("Keys 1-9 apply the bound codes to the selection");
        ImGui::TextDisabled("Drag a code from the codebook onto a selection");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::BeginMenu("UI scale")) {
            for (float s : {0.85f, 1.0f, 1.15f, 1.3f, 1.5f, 1.75f, 2.0f}) {
                char label[16];
                std::snprintf(label, sizeof label, "%.0f%%", s * 100);
                if (ImGui::MenuItem(label, nullptr, app.settings().ui_scale == s)) {
                    app.settings().ui_scale = s;
                    app.settings().ui_scale_chosen = true;
                    app.save_settings();
                }
            }
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    app.team().draw_menu(app);
    app.writeup().draw_menu(app);
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Quick start")) show_help_ = true;
        ImGui::EndMenu();
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed('Q', false)) app.request_quit();
    ImGui::EndMenuBar();
}

void MainMenu::draw_dialogs(App& app) {
    if (auto chosen = browser_.draw(app.settings()); chosen && !chosen->empty()) {
        const fs::path path = chosen->front();
        const Pending what = std::exchange(pending_, Pending::None);
        app.save_settings();
        app.act([&] {
            switch (what) {
            case Pending::OpenProject:
                app.open_project(path);
                break;
            case Pending::NewProject: {
                fs::path target = path.extension() == ".nptq" ? path : fs::path(path.string() + ".nptq");
                app.create_project(target, target.stem().string());
                break;
            }
            case Pending::SaveCopy:
                app.project().save_copy(path);
                break;
            case Pending::AttributesCsv: {
                auto s = importers::import_cases_csv(app.project(), path, {});
                (void)s;
                break;
            }
            case Pending::None:
                break;
            }
        });
    }
    if (show_help_) {
        const float em = ImGui::GetFontSize();
        ImGui::SetNextWindowSize({em * 34, em * 22}, ImGuiCond_Appearing);
        if (ImGui::Begin("Quick start", &show_help_)) {
            ImGui::TextWrapped(
                "1. File > Open project... (or New project...).\n"
                "2. Choose who is coding when asked (Coding > Active coder to change).\n"
                "3. File > Import documents... brings in .txt, .docx, .vtt, .srt and .pdf transcripts.\n"
                "4. Click a document on the left to read it in the centre.\n"
                "5. Select text with the mouse (double-click a word, triple-click a paragraph) or Shift+arrows.\n"
                "6. Code it: press 1-9, drag a code from the codebook onto the selection, or right-click > Code with.\n"
                "7. Right-click > Memo, or select a code and write in the Memos tab.\n"
                "8. Pick a code in the codebook: the Segments tab retrieves everything coded with it.\n"
                "9. Ctrl+Z undoes, Ctrl+Y redoes; the Edit menu says what. Every change is saved at once.");
        }
        ImGui::End();
    }
}

}  // namespace npt::gui
