// app.cpp — the workbench frame: the main window with its three columns (documents and codebook;
// transcript; segments and memos), the status bar, the error modal, shortcuts, the plumbing
// that turns transcript gestures into core actions, and noticing other writers' commits.
#include "gui/app.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/store/undo.hpp"
#include "gui/codebook_panel.hpp"
#include "gui/coder_dialog.hpp"
#include "gui/coding_commands.hpp"
#include "gui/documents_panel.hpp"
#include "gui/import_dialog.hpp"
#include "gui/main_menu.hpp"
#include "gui/memo_panel.hpp"
#include "gui/quit_dialog.hpp"
#include "gui/refi_dialog.hpp"
#include "gui/segments_panel.hpp"
#include "gui/team_views.hpp"
#include "gui/writeup_views.hpp"

namespace npt::gui {
namespace fs = std::filesystem;

// Platform key indices (GLFW's, which the headless tests use too): letters are their ASCII
// upper-case codes; F5 is GLFW_KEY_F5.
constexpr int kKeyF = 'F';
constexpr int kKeyF5 = 294;

App::App(fs::path config_dir)
    : config_dir_(std::move(config_dir)),
      settings_(load_settings(config_dir_)),
      snapshot_(std::make_shared<const ProjectSnapshot>()),
      menu_(std::make_unique<MainMenu>()),
      documents_(std::make_unique<DocumentsPanel>()),
      codebook_(std::make_unique<CodebookPanel>()),
      segments_(std::make_unique<SegmentsPanel>()),
      memos_(std::make_unique<MemoPanel>()),
      import_(std::make_unique<ImportDialog>()),
      coder_dialog_(std::make_unique<CoderDialog>()),
      refi_(std::make_unique<RefiDialog>()),
      quit_dialog_(std::make_unique<QuitDialog>()),
      team_(std::make_unique<TeamViews>()),
      writeup_(std::make_unique<WriteUpViews>()) {}

App::~App() {
    // imgui.ini's path lives in this object: save the layout now and unhook it, so a context that
    // outlives the App does not read a freed string when it shuts down.
    if (ImGui::GetCurrentContext() && ImGui::GetIO().IniFilename == ini_path_.c_str()) {
        ImGui::SaveIniSettingsToDisk(ini_path_.c_str());
        ImGui::GetIO().IniFilename = nullptr;
    }
}

void App::attach(ImGuiIO& io) {
    ini_path_ = (config_dir_ / "imgui.ini").string();
    std::error_code ec;
    fs::create_directories(config_dir_, ec);
    io.IniFilename = ini_path_.c_str();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    attach_fonts(io);
}

void App::attach_fonts(ImGuiIO& io) {
    fonts_ = load_fonts(io, settings_.ui_scale, &coverage_, &fonts_);
    coverage_changed_ = false;
    applied_scale_ = settings_.ui_scale;
    apply_style();
}

bool App::take_font_rebuild() {
    return applied_scale_ != 0 &&
           (settings_.ui_scale != applied_scale_ || coverage_changed_ || (fonts_.glyphs && fonts_.glyphs->wants_rebuild()));
}

void App::use_content_scale(float scale) {
    if (settings_.ui_scale_chosen || !(scale > 0)) return;
    settings_.ui_scale = std::clamp(std::round(scale * 4) / 4, 0.75f, 2.5f);
}

void App::remember_window_size(int width, int height) {
    settings_.window_width = width;
    settings_.window_height = height;
    save_settings();
}

void App::update_font_coverage() {
    if (fonts_.glyphs) fonts_.glyphs->next_frame();
    const TranscriptDocument* doc = transcript_.document().get();
    if (covered_revision_ == revision_ && covered_doc_ == doc) return;
    if (doc && doc != covered_doc_) coverage_changed_ |= coverage_.add(doc->text());
    covered_doc_ = doc;
    covered_revision_ = revision_;
    for (const Code& c : snapshot_->codes) coverage_changed_ |= coverage_.add(c.path) | coverage_.add(c.description);
    for (const DocumentInfo& d : snapshot_->documents) coverage_changed_ |= coverage_.add(d.name);
    for (const CaseDetail& c : snapshot_->cases) coverage_changed_ |= coverage_.add(c.info.name);
}

void App::apply_style() {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 3;
    style.FrameRounding = 3;
    style.PopupRounding = 3;
    style.GrabRounding = 3;
    style.TabRounding = 3;
    style.FramePadding = {6, 4};
    style.ItemSpacing = {8, 5};
    style.WindowPadding = {8, 8};
    style.ScrollbarSize = 13;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = {0.955f, 0.96f, 0.968f, 1};
    c[ImGuiCol_ChildBg] = {0.985f, 0.987f, 0.99f, 1};
    c[ImGuiCol_PopupBg] = {1, 1, 1, 0.98f};
    c[ImGuiCol_Border] = {0.80f, 0.82f, 0.85f, 1};
    c[ImGuiCol_MenuBarBg] = {0.91f, 0.92f, 0.935f, 1};
    c[ImGuiCol_Header] = {0.26f, 0.52f, 0.96f, 0.22f};
    c[ImGuiCol_HeaderHovered] = {0.26f, 0.52f, 0.96f, 0.32f};
    c[ImGuiCol_HeaderActive] = {0.26f, 0.52f, 0.96f, 0.45f};
    c[ImGuiCol_Button] = {0.88f, 0.90f, 0.93f, 1};
    c[ImGuiCol_ButtonHovered] = {0.80f, 0.86f, 0.95f, 1};
    c[ImGuiCol_ButtonActive] = {0.70f, 0.80f, 0.95f, 1};
    c[ImGuiCol_FrameBg] = {1, 1, 1, 1};
    c[ImGuiCol_Tab] = {0.86f, 0.88f, 0.91f, 1};
    c[ImGuiCol_TabActive] = {0.985f, 0.987f, 0.99f, 1};
    c[ImGuiCol_TabHovered] = {0.80f, 0.86f, 0.95f, 1};
    c[ImGuiCol_TitleBgActive] = {0.85f, 0.88f, 0.93f, 1};
    c[ImGuiCol_TableHeaderBg] = {0.91f, 0.92f, 0.935f, 1};
    style.ScaleAllSizes(settings_.ui_scale);
    ImGui::GetStyle() = style;
}

Project& App::project() {
    if (!project_) throw InputError("no project is open");
    return *project_;
}

void App::open_project(const fs::path& path, OpenMode mode) {
    Project p = Project::open(path, mode);
    // The active coder is remembered per project: a study coded as "Tess" does not make the next
    // project's codings Tess's (unless --coder named the coder for it).
    project_key_ = fs::absolute(path).lexically_normal().string();
    if (auto it = settings_.project_coders.find(project_key_); it != settings_.project_coders.end())
        coder_ = it->second;
    else if (!coder_for_next_project_)
        coder_.clear();
    coder_for_next_project_ = false;
    if (!coder_.empty()) settings_.project_coders[project_key_] = coder_;
    if (!coder_.empty()) p.set_actor(coder_);
    transcript_.set_document(nullptr);
    project_.emplace(std::move(p));
    selected_code_ = CodeId{};
    memo_focus_ = MemoFocus{MemoTarget::Project, std::nullopt, "Project"};
    settings_.remember_project(path);
    save_settings();
    refresh();
    if (coder_.empty()) coder_dialog_->open();
}

void App::create_project(const fs::path& path, const std::string& name) {
    Project::create(path, name);
    open_project(path);
}

void App::close_project() {
    transcript_.set_document(nullptr);
    project_.reset();
    replace_snapshot(ProjectSnapshot{});
    seen_data_version_ = -1;
    ++revision_;
}

bool App::read_only() const { return project_ && project_->read_only(); }

void App::set_coder(const std::string& name) {
    coder_ = name;
    settings_.coder = name;
    if (project_) settings_.project_coders[project_key_] = name;  // remembered for this project only
    else coder_for_next_project_ = !name.empty();                 // --coder: for the project opened next
    save_settings();
    if (project_) {
        project_->set_actor(name);
        refresh();  // the undo menu names the new coder's own steps
    }
}

void App::open_document(DocumentId id) {
    transcript_.set_document(std::make_shared<TranscriptDocument>(project(), id));
    memo_focus_ = MemoFocus{MemoTarget::Document, id, "Document " + transcript_.document()->info().name};
}

void App::open_document_named(const std::string& name) { open_document(require_document(project(), name).id); }

DocumentId App::current_document() const { return transcript_.document() ? transcript_.document()->info().id : DocumentId{}; }

void App::jump_to(DocumentId document_id, Span span) {
    if (current_document() != document_id) open_document(document_id);
    transcript_.select(span);
}

void App::focus_memos(MemoFocus focus) {
    memo_focus_ = std::move(focus);
    show_memos_tab_ = true;
}

bool App::act(const std::function<void()>& fn) {
    bool ok = true;
    try {
        fn();
    } catch (const Error& e) {
        show_error(e.what());
        ok = false;
    }
    refresh();
    return ok;
}

bool App::act_on_codings(DocumentId document_id, const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        show_error(e.what());
        refresh();
        return false;
    }
    ++revision_;
    if (!project_) return true;
    try {
        replace_snapshot(refresh_codings(*project_, *snapshot_, document_id));
        if (const auto& doc = transcript_.document(); doc && doc->info().id == document_id)
            doc->reload_codings(*project_, snapshot_->codes, snapshot_->coders);
    } catch (const Error& e) {
        show_error(e.what());
    }
    return true;
}

void App::replace_snapshot(ProjectSnapshot next) {
    retired_.push_back(std::move(snapshot_));
    snapshot_ = std::make_shared<const ProjectSnapshot>(std::move(next));
}

void App::refresh() {
    ++revision_;
    if (!project_) return;
    try {
        // Read the version first: a commit landing while the snapshot loads triggers another read.
        seen_data_version_ = project_->data_version();
        replace_snapshot(load_snapshot(*project_));
        if (const auto& doc = transcript_.document()) {
            if (snapshot_->document(doc->info().id)) {
                doc->reload_codings(*project_, snapshot_->codes, snapshot_->coders);
            } else {
                transcript_.set_document(nullptr);  // undone import, or deleted in another window
            }
        }
    } catch (const Error& e) {
        show_error(e.what());
    }
}

bool App::poll_changes() {
    if (!project_) return false;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_poll_ < poll_interval_) return false;
    last_poll_ = now;
    try {
        if (project_->data_version() == seen_data_version_) return false;
    } catch (const Error& e) {
        show_error(e.what());
        return false;
    }
    refresh();
    return true;
}

void App::show_error(const std::string& message) {
    error_ = message;
    error_pending_ = true;
}

void App::undo() {
    if (project_) act([&] { npt::undo(*project_, UndoScope::Own); });
}

void App::redo() {
    if (project_) act([&] { npt::redo(*project_, UndoScope::Own); });
}

void App::undo_any() {
    if (project_) act([&] { npt::undo(*project_, UndoScope::Any); });
}

void App::import_files(std::vector<std::string> paths) {
    if (paths.empty()) return;
    if (!project_) {
        show_error("Open or create a project before importing documents (File > Open project...).");
        return;
    }
    import_->start(*this, std::move(paths));
}

void App::drop_files(std::vector<std::string> paths) {
    if (paths.size() == 1 && fs::path(paths.front()).extension() == ".nptq") {
        act([&] { open_project(paths.front()); });
        return;
    }
    import_files(std::move(paths));
}

std::optional<CodeId> App::hotkey_code(int key) const {
    if (key < 1 || key > 9 || !project_) return std::nullopt;
    auto it = settings_.hotkeys.find(project_->path().string());
    // Once any key is bound (bind_hotkey pins the defaults of the others), an empty key is unbound.
    if (it != settings_.hotkeys.end() &&
        std::any_of(it->second.begin(), it->second.end(), [](const std::string& k) { return !k.empty(); })) {
        const std::string& path = it->second[static_cast<std::size_t>(key - 1)];
        for (const Code& c : snapshot_->codes)
            if (!path.empty() && c.path == path) return c.id;
        return std::nullopt;
    }
    if (static_cast<std::size_t>(key) <= snapshot_->codes.size()) return snapshot_->codes[static_cast<std::size_t>(key - 1)].id;
    return std::nullopt;
}

void App::bind_hotkey(int key, const std::string& code_path) {
    if (key < 1 || key > 9 || !project_) return;
    auto& keys = settings_.hotkeys[project_->path().string()];
    if (std::all_of(keys.begin(), keys.end(), [](const std::string& k) { return k.empty(); }))
        for (int k = 1; k <= 9; ++k)  // keep the default bindings of the other keys
            if (auto id = hotkey_code(k))
                if (const Code* c = snapshot_->code(*id)) keys[static_cast<std::size_t>(k - 1)] = c->path;
    for (auto& k : keys)
        if (k == code_path) k.clear();
    keys[static_cast<std::size_t>(key - 1)] = code_path;
    save_settings();
}

void App::unbind_hotkey(const std::string& code_path) {
    if (!project_) return;
    for (int k = 1; k <= 9; ++k)
        if (auto id = hotkey_code(k))
            if (const Code* c = snapshot_->code(*id); c && c->path == code_path) {
                bind_hotkey(k, code_path);  // pins every other key's current code first
                settings_.hotkeys[project_->path().string()][static_cast<std::size_t>(k - 1)].clear();
                save_settings();
            }
}

void App::code_path_changed(const std::string& from, const std::string& to) {
    if (!project_ || from == to) return;
    auto it = settings_.hotkeys.find(project_->path().string());
    if (it == settings_.hotkeys.end()) return;
    for (std::string& k : it->second)
        if (k == from) k = to;
        else if (k.size() > from.size() && k.compare(0, from.size(), from) == 0 && k[from.size()] == '/')
            k = to + k.substr(from.size());
    save_settings();
}

void App::request_quit() { quit_dialog_->request(*this); }

void App::save_settings() {
    try {
        gui::save_settings(config_dir_, settings_);
    } catch (const Error& e) {
        show_error(e.what());
    }
}

bool App::busy() const { return import_->running() || refi_->busy() || team_->busy() || writeup_->busy(); }

std::string App::window_title() const {
    if (!project_) return "nptcoder";
    return "nptcoder — " + project_->path().filename().string() + " (" + project_->path().parent_path().string() + ")";
}

void App::handle_transcript_requests() {
    const auto doc = transcript_.document();
    for (const TranscriptRequest& r : transcript_.take_requests()) {
        if (!doc || !project_) continue;
        const DocumentId doc_id = doc->info().id;
        using K = TranscriptRequest::Kind;
        switch (r.kind) {
        case K::Hotkey:
            if (auto code = hotkey_code(r.key); code && !r.span.empty())
                act_on_codings(doc_id, [&] { code_selection(*project_, doc_id, *code, coder_, r.span, false); });
            break;
        case K::ApplyCode:
            act_on_codings(doc_id, [&] { code_selection(*project_, doc_id, r.code, coder_, r.span, false); });
            break;
        case K::RemoveCode:
            act_on_codings(doc_id, [&] { uncode_selection(*project_, doc_id, r.code, coder_, r.span); });
            break;
        case K::InVivoCode:
            act([&] { code_in_vivo_as(*project_, doc_id, coder_, r.span); });
            break;
        case K::MemoOnCoding: {
            std::string label = "Coding";
            for (const CodingMark& m : doc->codings())
                if (m.coding_id == r.coding) label = "Coding " + m.code + " (" + m.coder + ")";
            focus_memos({MemoTarget::Coding, r.coding, label});
            break;
        }
        case K::MemoOnDocument:
            focus_memos({MemoTarget::Document, doc_id, "Document " + doc->info().name});
            break;
        }
    }
}

void App::handle_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) {
        if (ImGui::IsKeyPressed(kKeyF5, false)) refresh();
        return;
    }
    if (!io.WantTextInput) {
        const bool z = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false);
        if ((z && io.KeyShift) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) redo();
        else if (z) undo();
    }
    if (ImGui::IsKeyPressed(kKeyF, false) && transcript_.document()) transcript_.open_find();
    // Ctrl+PageDown / Ctrl+PageUp: the next / previous document, keyboard focus in its text.
    const bool next = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown), false);
    if ((next || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp), false)) && !snapshot_->documents.empty()) {
        const auto& docs = snapshot_->documents;
        auto it = std::find_if(docs.begin(), docs.end(), [&](const DocumentInfo& d) { return d.id == current_document(); });
        std::size_t i = it == docs.end() ? (next ? 0 : docs.size() - 1)
                                         : (static_cast<std::size_t>(it - docs.begin()) + (next ? 1 : docs.size() - 1)) % docs.size();
        act([&] { open_document(docs[i].id); });
    }
}

void App::draw_status_bar() {
    ImGui::Separator();
    if (!project_) {
        ImGui::TextDisabled("No project open. File > Open project... or File > New project...");
        return;
    }
    const ProjectSnapshot& s = snapshot();
    ImGui::Text("%s", s.summary.name.c_str());
    ImGui::SameLine();
    if (read_only()) {
        ImGui::TextColored({0.7f, 0.25f, 0.05f, 1}, "read-only");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The project file or its folder cannot be written: edits are refused");
        ImGui::SameLine();
    }
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::Text("Coder: %s", coder_.empty() ? "(none)" : coder_.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (const auto& doc = transcript_.document()) {
        const Span sel = transcript_.selection();
        ImGui::Text("%s", doc->info().name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        if (sel.empty())
            ImGui::Text("Caret %lld", static_cast<long long>(transcript_.caret()));
        else
            ImGui::Text("Selection %lld-%lld (%lld code points)", static_cast<long long>(sel.start),
                        static_cast<long long>(sel.end), static_cast<long long>(sel.length()));
    } else {
        ImGui::TextDisabled("No document open");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|  %lld documents, %lld codes, %lld codings", static_cast<long long>(s.summary.documents),
                        static_cast<long long>(s.summary.codes), static_cast<long long>(s.summary.codings));
}

void App::draw_error_modal() {
    if (error_pending_) {
        ImGui::OpenPopup("Problem");
        error_pending_ = false;
    }
    ImGui::SetNextWindowSize({ImGui::GetFontSize() * 30, 0}, ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Problem", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(error_.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("OK", {ImGui::GetFontSize() * 6, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            error_.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void App::draw() {
    poll_changes();
    update_font_coverage();
    handle_shortcuts();
    import_->poll(*this);
    refi_->poll(*this);
    team_->poll(*this);
    writeup_->poll(*this);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##workbench", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    menu_->draw(*this);

    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    const float body_h = std::max(100.0f, ImGui::GetContentRegionAvail().y - status_h);
    const float scale = settings_.ui_scale;
    const float cell_h = body_h - 2 * ImGui::GetStyle().CellPadding.y - 1;
    if (ImGui::BeginTable("##columns", 3, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV, {0, body_h})) {
        // Side panels grow with the UI scale but never take the transcript's room (at 150 % on a
        // 1400 px window they would leave it a sliver); imgui.ini remembers widths dragged by hand.
        const float avail_w = ImGui::GetContentRegionAvail().x;
        ImGui::TableSetupColumn("left", ImGuiTableColumnFlags_WidthFixed, std::min(300 * scale, avail_w * 0.22f));
        ImGui::TableSetupColumn("centre", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("right", ImGuiTableColumnFlags_WidthFixed, std::min(350 * scale, avail_w * 0.25f));
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        const float docs_h = std::floor(cell_h * 0.36f);
        ImGui::BeginChild("##documents", {0, docs_h}, true);
        documents_->draw(*this);
        ImGui::EndChild();
        ImGui::BeginChild("##codebook", {0, std::max(50.0f, cell_h - docs_h - ImGui::GetStyle().ItemSpacing.y)}, true);
        codebook_->draw(*this);
        ImGui::EndChild();

        ImGui::TableSetColumnIndex(1);
        ImGui::BeginChild("##transcript", {0, cell_h}, false);
        TranscriptContext context{&fonts_, &snapshot_->codes, coder_, settings_.snap_to_words};
        transcript_.draw(context);
        ImGui::EndChild();

        ImGui::TableSetColumnIndex(2);
        ImGui::BeginChild("##right", {0, cell_h}, false);
        if (ImGui::BeginTabBar("##right_tabs")) {
            if (ImGui::BeginTabItem("Segments")) {
                segments_->draw(*this);
                ImGui::EndTabItem();
            }
            const ImGuiTabItemFlags memo_flags = show_memos_tab_ ? ImGuiTabItemFlags_SetSelected : 0;
            show_memos_tab_ = false;
            if (ImGui::BeginTabItem("Memos", nullptr, memo_flags)) {
                memos_->draw(*this);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        ImGui::EndChild();
        ImGui::EndTable();
    }
    draw_status_bar();
    ImGui::End();

    import_->draw(*this);
    coder_dialog_->draw(*this);
    refi_->draw(*this);
    team_->draw(*this);
    writeup_->draw(*this);
    menu_->draw_dialogs(*this);
    quit_dialog_->draw(*this);
    draw_error_modal();
    handle_transcript_requests();
    retired_.clear();  // no reference into an older snapshot outlives the frame that replaced it
}

}  // namespace npt::gui
