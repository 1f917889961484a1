// app.hpp — the workbench's state in one object a test can construct: the open project, the
// active coder, the open document and selection, the selected code, the memo being edited, the
// panels, settings and fonts. draw() builds one ImGui frame. Every change to the project goes
// through act(), which runs it, shows any npt::Error in a modal, and refreshes the panels.
// Not thread-safe: used on the GUI thread only (imports run on their own worker; see import_job).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/model/model.hpp"
#include "core/store/project.hpp"
#include "gui/fonts.hpp"
#include "gui/project_snapshot.hpp"
#include "gui/settings.hpp"
#include "gui/transcript_view.hpp"

namespace npt::gui {

class MainMenu;
class DocumentsPanel;
class CodebookPanel;
class SegmentsPanel;
class MemoPanel;
class ImportDialog;
class CoderDialog;

// What the memo pane is editing memos for.
struct MemoFocus {
    MemoTarget target = MemoTarget::Project;
    std::optional<Id> target_id;
    std::string label;  // "Document interview-01", "Coding Coherence (alice)"...
};

class App {
public:
    // `config_dir` holds settings.json and imgui.ini (tests pass a temporary folder).
    explicit App(std::filesystem::path config_dir);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Binds to the current ImGui context: imgui.ini path, style, fonts at the UI scale.
    void attach(ImGuiIO& io);
    // True after the UI scale changed until the platform rebuilds the font atlas (attach_fonts)
    // and re-uploads its texture before the next frame.
    bool take_font_rebuild();
    void attach_fonts(ImGuiIO& io);

    // One frame of the whole workbench. Call between ImGui::NewFrame() and ImGui::Render().
    void draw();

    // Project lifecycle. Throw npt::Error (the menus catch it and show it).
    void open_project(const std::filesystem::path& path);
    void create_project(const std::filesystem::path& path, const std::string& name);
    void close_project();
    bool has_project() const { return project_.has_value(); }
    Project& project();  // precondition: has_project()

    // The active coder (acts in the event log and undo history; codings are theirs).
    const std::string& coder() const { return coder_; }
    void set_coder(const std::string& name);

    // Opens a document in the transcript view. Throws NotFoundError.
    void open_document(Id id);
    void open_document_named(const std::string& name);
    Id current_document() const;
    // Opens the document (if needed) and selects the span, scrolling it into view.
    void jump_to(Id document_id, Span span);

    Id selected_code() const { return selected_code_; }
    void select_code(Id code_id) { selected_code_ = code_id; }

    const MemoFocus& memo_focus() const { return memo_focus_; }
    void focus_memos(MemoFocus focus);

    // Runs a change; on npt::Error shows the error modal. Then refreshes everything. Returns
    // whether fn finished without an error.
    bool act(const std::function<void()>& fn);
    // Re-reads the project after a change made here, in another window, or by a worker.
    void refresh();
    std::uint64_t revision() const { return revision_; }
    const ProjectSnapshot& snapshot() const { return snapshot_; }

    void show_error(const std::string& message);
    const std::string& error_message() const { return error_; }

    // Undo/redo through the core's command log (Ctrl+Z / Ctrl+Y).
    void undo();
    void redo();

    // Carries out what the transcript view asked for (coding, memos...).
    void handle_transcript_requests();
    // The code bound to hotkey 1..9 in this project (bound, or the n-th code when unbound).
    std::optional<Id> hotkey_code(int key) const;
    void bind_hotkey(int key, const std::string& code_path);

    Settings& settings() { return settings_; }
    void save_settings();
    const Fonts& fonts() const { return fonts_; }
    TranscriptView& transcript() { return transcript_; }
    ImportDialog& import_dialog() { return *import_; }
    CoderDialog& coder_dialog() { return *coder_dialog_; }

    // True while a worker runs (the main loop must keep drawing rather than sleep).
    bool busy() const;
    bool quit_requested() const { return quit_; }
    void request_quit() { quit_ = true; }
    std::string window_title() const;
    void request_memos_tab() { show_memos_tab_ = true; }

private:
    void draw_status_bar();
    void draw_error_modal();
    void handle_shortcuts();
    void apply_style();

    std::filesystem::path config_dir_;
    std::string ini_path_;
    Settings settings_;
    Fonts fonts_;
    float applied_scale_ = 0;

    std::optional<Project> project_;
    std::string coder_;
    ProjectSnapshot snapshot_;
    std::uint64_t revision_ = 0;
    Id selected_code_ = 0;
    MemoFocus memo_focus_;
    std::string error_;
    bool error_pending_ = false;
    bool quit_ = false;
    bool show_memos_tab_ = false;

    TranscriptView transcript_;
    std::unique_ptr<MainMenu> menu_;
    std::unique_ptr<DocumentsPanel> documents_;
    std::unique_ptr<CodebookPanel> codebook_;
    std::unique_ptr<SegmentsPanel> segments_;
    std::unique_ptr<MemoPanel> memos_;
    std::unique_ptr<ImportDialog> import_;
    std::unique_ptr<CoderDialog> coder_dialog_;
};

}  // namespace npt::gui
