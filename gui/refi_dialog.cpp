// refi_dialog.cpp — the REFI-QDA export/import flow: file browsers, the worker, the progress
// modal and the loss report modal.
#include "gui/refi_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <utility>

#include "core/error.hpp"
#include "core/store/project.hpp"
#include "exporters/qdpx_writer.hpp"
#include "gui/app.hpp"
#include "importers/qdpx_import.hpp"

namespace npt::gui {
namespace fs = std::filesystem;
namespace {

constexpr const char* kProgress = "REFI-QDA###refi_progress";
constexpr const char* kReport = "REFI-QDA report###refi_report";
constexpr int kSettleFrames = 4;  // frames drawn after asking for a modal, so it appears unprompted

// Modals opened while another is open would replace it: wait until none is.
bool no_popup_open() { return !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel); }

// A bullet with wrapped text (BulletText does not wrap).
void bullet(const std::string& text) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", text.c_str());
}

fs::path with_extension(fs::path p, const char* ext) {
    if (p.extension() != ext) p += ext;
    return p;
}

}  // namespace

RefiDialog::RefiDialog() = default;
RefiDialog::~RefiDialog() = default;

void RefiDialog::open_export(App& app) {
    if (!app.has_project() || running()) return;
    stage_ = Stage::ExportTarget;
    const fs::path project = app.project().path();
    browser_.open("Export REFI-QDA project", FileBrowser::Mode::Save,
                  {{"REFI-QDA projects (.qdpx)", {".qdpx"}}, {"All files", {}}}, app.settings(), project.parent_path(),
                  project.stem().string() + ".qdpx");
}

void RefiDialog::open_import(App& app) {
    if (running()) return;
    stage_ = Stage::ImportFile;
    browser_.open("Open REFI-QDA project", FileBrowser::Mode::Open,
                  {{"REFI-QDA (.qdpx .qde)", {".qdpx", ".qde"}}, {"All files", {}}}, app.settings());
}

void RefiDialog::export_to(App& app, const fs::path& qdpx) {
    if (!app.has_project() || running()) return;
    const fs::path project = app.project().path();
    working_ = "Exporting to " + qdpx.filename().string();
    start(Operation::Export, qdpx, [project, qdpx] {
        Project p = Project::open(project);  // the worker's own connection
        return exporters::export_qdpx(p, qdpx, exporters::QdpxOptions{});
    });
}

void RefiDialog::import_into(App& app, const fs::path& file, const fs::path& new_project) {
    if (running()) return;
    importers::QdpxImportOptions options;
    options.actor = app.coder();
    working_ = "Importing " + file.filename().string() + " into " + new_project.filename().string();
    start(Operation::Import, new_project, [file, new_project, options] {
        return importers::import_qdpx(file, new_project, options);
    });
}

void RefiDialog::start(Operation op, fs::path target, std::function<RefiReport()> work) {
    operation_ = op;
    target_ = std::move(target);
    report_wanted_ = false;
    progress_wanted_ = true;
    job_ = std::make_unique<RefiJob>(std::move(work));
}

void RefiDialog::poll(App& app) {
    if (!job_) return;
    std::optional<RefiOutcome> outcome = job_->take_result();
    if (!outcome) return;
    job_.reset();
    progress_wanted_ = false;
    if (!outcome->report) {
        app.show_error(outcome->error);
        return;
    }
    report_ = std::move(outcome->report);
    view_ = make_report_view(*report_);
    report_wanted_ = true;
    settle_frames_ = kSettleFrames;
    if (operation_ == Operation::Import) app.act([&] { app.open_project(target_); });
}

void RefiDialog::draw(App& app) {
    report_visible_ = false;
    if (settle_frames_ > 0) --settle_frames_;
    if (auto chosen = browser_.draw(app.settings()); chosen && !chosen->empty()) {
        const fs::path path = chosen->front();
        app.save_settings();
        switch (std::exchange(stage_, Stage::None)) {
        case Stage::ExportTarget:
            export_to(app, with_extension(path, ".qdpx"));
            break;
        case Stage::ImportFile:
            import_file_ = path;
            stage_ = Stage::ImportTarget;
            settle_frames_ = kSettleFrames;
            browser_.open("New project from " + path.filename().string(), FileBrowser::Mode::Save,
                          {{"nptcoder projects (.nptq)", {".nptq"}}, {"All files", {}}}, app.settings(), path.parent_path(),
                          (path.extension() == ".qde" ? path.parent_path().filename() : path.stem()).string() + ".nptq");
            break;
        case Stage::ImportTarget:
            import_into(app, import_file_, with_extension(path, ".nptq"));
            break;
        case Stage::None:
            break;
        }
    }
    draw_progress();
    draw_report();
}

void RefiDialog::draw_progress() {
    if (progress_wanted_ && job_ && no_popup_open()) ImGui::OpenPopup(kProgress);
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize({em * 26, 0}, ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kProgress, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
    progress_wanted_ = false;
    if (!job_) {
        ImGui::CloseCurrentPopup();
    } else {
        const int dots = static_cast<int>(ImGui::GetTime() * 3) % 4;
        ImGui::Text("%s%.*s", working_.c_str(), dots, "...");
        ImGui::TextDisabled("The loss report follows when it is done.");
    }
    ImGui::EndPopup();
}

void RefiDialog::draw_report() {
    if (report_wanted_ && no_popup_open()) ImGui::OpenPopup(kReport);
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize({em * 46, 0}, ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kReport, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    report_visible_ = true;
    const RefiReportView& v = view_;
    ImGui::Text("%s: %s", v.title.c_str(), v.file.c_str());
    if (operation_ == Operation::Import) ImGui::TextDisabled("New project: %s", target_.string().c_str());
    if (!v.origin.empty()) ImGui::TextDisabled("%s", v.origin.c_str());
    ImGui::TextColored(v.losses.empty() ? ImVec4{0.1f, 0.45f, 0.15f, 1} : ImVec4{0.65f, 0.3f, 0.0f, 1}, "%s", v.headline.c_str());
    ImGui::TextColored(v.schema_valid ? ImVec4{0.1f, 0.45f, 0.15f, 1} : ImVec4{0.7f, 0.1f, 0.1f, 1}, "%s", v.schema.c_str());
    ImGui::BeginChild("##refi_report_body", {0, em * 22}, true);
    ImGui::PushTextWrapPos(0);
    for (const std::string& e : v.schema_errors) bullet(e);
    // An export counts what it wrote only; an import, what the file holds against what was kept.
    const bool file_counts = std::any_of(v.rows.begin(), v.rows.end(), [](const RefiReportRow& r) { return !r.in_file.empty(); });
    const int columns = file_counts ? 3 : 2;
    if (ImGui::BeginTable("##refi_counts", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("What");
        if (file_counts) ImGui::TableSetupColumn("In the file");
        ImGui::TableSetupColumn(operation_ == Operation::Export ? "Written" : "Kept");
        ImGui::TableHeadersRow();
        for (const RefiReportRow& row : v.rows) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(row.what.c_str());
            if (file_counts) {
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(row.in_file.c_str());
            }
            ImGui::TableSetColumnIndex(columns - 1);
            if (row.short_of) ImGui::TextColored({0.7f, 0.25f, 0.0f, 1}, "%s", row.kept.c_str());
            else ImGui::TextUnformatted(row.kept.c_str());
        }
        ImGui::EndTable();
    }
    if (!v.losses.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Lost");
        for (const std::string& l : v.losses) bullet(l);
    }
    if (!v.warnings.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Warnings");
        for (const std::string& w : v.warnings) bullet(w);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (ImGui::Button("Copy as text", {em * 8, 0}) && report_) ImGui::SetClipboardText(report_->to_text().c_str());
    ImGui::SameLine();
    if (ImGui::Button("Copy as JSON", {em * 8, 0}) && report_) ImGui::SetClipboardText(report_->to_json().dump(2).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Close", {em * 7, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        report_wanted_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace npt::gui
