// app.hpp — the workbench's state in one object a test can construct: the open project, the
// active coder, the open document and selection, the selected code, the memo being edited, the
// panels, settings and fonts. draw() builds one ImGui frame. Every change to the project goes
// through act(), which runs it, shows any npt::Error in a modal, and refreshes the panels.
// Changes committed by another process or connection (the CLI, a second window, the import
// worker) are noticed by polling the project's data version at the start of each frame.
// Lifetime rule: what snapshot() returns stays valid until the end of the frame in which it was
// replaced, so a panel may keep iterating the lists it started drawing after an act() or a
// refresh() replaced them (the old snapshot is retired, not freed, until draw() returns).
// Not thread-safe: used on the GUI thread only (imports run on their own worker; see import_job).
#pragma once
#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
class RefiDialog;
class QuitDialog;
class TeamViews;
class WriteUpViews;

// What the memo pane is editing memos for.
struct MemoFocus {
    MemoTarget target = MemoTarget::Project;
    std::optional<MemoTargetId> target_id;
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
    void attach(ImGuiIO& io);  // also turns on keyboard navigation (Alt/F10, arrows, Enter, Esc)
    // True after the UI scale changed, the project shows code points the widgets' fonts lack, or
    // the transcript drew glyphs not yet in the atlas, until the platform rebuilds the font atlas
    // (attach_fonts) and re-uploads its texture before the next frame.
    bool take_font_rebuild();
    void attach_fonts(ImGuiIO& io);

    // One frame of the whole workbench. Call between ImGui::NewFrame() and ImGui::Render().
    void draw();

    // Project lifecycle. Throw npt::Error (the menus catch it and show it).
    void open_project(const std::filesystem::path& path, OpenMode mode = OpenMode::Auto);
    void create_project(const std::filesystem::path& path, const std::string& name);
    void close_project();
    bool has_project() const { return project_.has_value(); }
    Project& project();  // precondition: has_project()
    // True when the open project could only be opened read-only (the core then refuses edits).
    bool read_only() const;

    // The active coder (acts in the event log and undo history; codings are theirs).
    const std::string& coder() const { return coder_; }
    void set_coder(const std::string& name);

    // Opens a document in the transcript view. Throws NotFoundError.
    void open_document(DocumentId id);
    void open_document_named(const std::string& name);
    DocumentId current_document() const;  // 0 when none is open
    // Opens the document (if needed) and selects the span, scrolling it into view.
    void jump_to(DocumentId document_id, Span span);

    CodeId selected_code() const { return selected_code_; }
    void select_code(CodeId code_id) { selected_code_ = code_id; }

    const MemoFocus& memo_focus() const { return memo_focus_; }
    void focus_memos(MemoFocus focus);

    // Runs a change; on npt::Error shows the error modal. Then refreshes everything. Returns
    // whether fn finished without an error.
    bool act(const std::function<void()>& fn);
    // A coding gesture: runs fn, a change to the codings of document `document_id` only (code or
    // uncode a selection), then refreshes just what that can change (refresh_codings: the
    // document's counts, coders, undo steps; the open transcript's codings), so the cost grows
    // with that document's codings. On npt::Error: the modal and a full refresh, as act().
    bool act_on_codings(DocumentId document_id, const std::function<void()>& fn);
    // Re-reads the project after a change made here, in another window, or by a worker.
    void refresh();
    // Refreshes when another connection has committed since the last read (PRAGMA data_version).
    // draw() calls it at most once per poll interval; returns whether it refreshed.
    bool poll_changes();
    void set_poll_interval(std::chrono::milliseconds interval) { poll_interval_ = interval; }
    std::uint64_t revision() const { return revision_; }
    // Valid until the end of the frame that replaces it (see the lifetime rule above).
    const ProjectSnapshot& snapshot() const { return *snapshot_; }

    void show_error(const std::string& message);
    const std::string& error_message() const { return error_; }

    // Undo/redo through the core's command log (Ctrl+Z / Ctrl+Y): the active coder's own steps.
    void undo();
    void redo();
    // Undoes the newest step of anyone (Edit > Undo anyone's last step).
    void undo_any();

    // Imports files or folders into the open project on the import worker (queued behind a
    // running batch): the command line's FILE arguments and files dropped on the window.
    void import_files(std::vector<std::string> paths);
    // Files dropped on the window: a lone .nptq opens that project, anything else is imported.
    void drop_files(std::vector<std::string> paths);

    // Carries out what the transcript view asked for (coding, memos...).
    void handle_transcript_requests();
    // The code bound to hotkey 1..9 in this project (bound, or the n-th code when unbound).
    std::optional<CodeId> hotkey_code(int key) const;
    void bind_hotkey(int key, const std::string& code_path);
    void unbind_hotkey(const std::string& code_path);  // the code gets no key (it keeps its codings)
    // A code (and the codes below it) now lives at `to` instead of `from`: its key follows it.
    void code_path_changed(const std::string& from, const std::string& to);

    Settings& settings() { return settings_; }
    // High-DPI: the UI scale follows the monitor's content scale until the user picks one in
    // View > UI scale (then theirs is kept). Call after attach(); the fonts rebuild next frame.
    void use_content_scale(float scale);
    void remember_window_size(int width, int height);
    void save_settings();
    const Fonts& fonts() const { return fonts_; }
    TranscriptView& transcript() { return transcript_; }
    ImportDialog& import_dialog() { return *import_; }
    CoderDialog& coder_dialog() { return *coder_dialog_; }
    RefiDialog& refi_dialog() { return *refi_; }
    TeamViews& team() { return *team_; }  // agreement, disagreements, history, merge, check
    WriteUpViews& writeup() { return *writeup_; }  // matrix, cases, query, charts
    DocumentsPanel& documents_panel() { return *documents_; }
    MemoPanel& memo_panel() { return *memos_; }
    CodebookPanel& codebook_panel() { return *codebook_; }
    QuitDialog& quit_dialog() { return *quit_dialog_; }

    // True while a worker runs (the main loop must keep drawing rather than sleep).
    bool busy() const;
    bool quit_requested() const { return quit_; }
    // Window close, File > Quit, Ctrl+Q: quits, after asking to save an unsaved memo.
    void request_quit();
    void quit_now() { quit_ = true; }
    std::string window_title() const;
    void request_memos_tab() { show_memos_tab_ = true; }

private:
    void draw_status_bar();
    void draw_error_modal();
    void handle_shortcuts();
    void apply_style();
    void update_font_coverage();  // notes the open document's and snapshot's code points

    std::filesystem::path config_dir_;
    std::string ini_path_;
    Settings settings_;
    Fonts fonts_;
    float applied_scale_ = 0;
    FontCoverage coverage_;
    bool coverage_changed_ = false;
    std::uint64_t covered_revision_ = ~0ull;
    const TranscriptDocument* covered_doc_ = nullptr;

    void replace_snapshot(ProjectSnapshot next);

    std::optional<Project> project_;
    std::string project_key_;             // the open project's absolute path (settings key)
    std::string coder_;
    bool coder_for_next_project_ = false;  // set_coder() with no project open (--coder)
    std::shared_ptr<const ProjectSnapshot> snapshot_;
    // Snapshots replaced since the last frame ended, kept alive for references into them.
    std::vector<std::shared_ptr<const ProjectSnapshot>> retired_;
    std::uint64_t revision_ = 0;
    std::int64_t seen_data_version_ = -1;
    std::chrono::milliseconds poll_interval_{250};
    std::chrono::steady_clock::time_point last_poll_{};
    CodeId selected_code_;
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
    std::unique_ptr<RefiDialog> refi_;
    std::unique_ptr<QuitDialog> quit_dialog_;
    std::unique_ptr<TeamViews> team_;
    std::unique_ptr<WriteUpViews> writeup_;
};

}  // namespace npt::gui
