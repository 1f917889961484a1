// import_dialog.cpp — the import dialog: options, progress, summary.
#include "gui/import_dialog.hpp"

#include <imgui.h>

#include <iterator>
#include <utility>

#include "gui/app.hpp"

namespace npt::gui {
namespace fs = std::filesystem;

ImportDialog::ImportDialog() = default;
ImportDialog::~ImportDialog() = default;

void ImportDialog::open(App& app) {
    browser_.open("Import documents", FileBrowser::Mode::OpenMany,
                  {{"Transcripts (.txt .docx .vtt .srt .pdf)", {".txt", ".text", ".md", ".docx", ".vtt", ".srt", ".pdf"}},
                   {"All files", {}}},
                  app.settings());
}

void ImportDialog::start(App& app, std::vector<std::string> paths) {
    if (!app.has_project()) return;
    if (job_) {
        queued_.insert(queued_.end(), std::make_move_iterator(paths.begin()), std::make_move_iterator(paths.end()));
        return;
    }
    importers::ImportOptions options;
    options.case_name = case_name_;
    options.speaker_cases = speaker_cases_;
    options.rename = rename_;
    done_ = 0;
    total_ = paths.size();
    current_.clear();
    error_.clear();
    summary_.reset();
    job_ = std::make_unique<ImportJob>(app.project().path(), std::move(paths), options, app.coder());
    show_progress_ = true;
}

void ImportDialog::cancel() {
    queued_.clear();
    if (job_) job_->cancel();
}

void ImportDialog::poll(App& app) {
    if (!job_) return;
    for (ImportEvent& e : job_->take_events()) {
        switch (e.kind) {
        case ImportEvent::Kind::FileStarted:
            total_ = e.total;
            current_ = fs::path(e.path).filename().string();
            break;
        case ImportEvent::Kind::FileFinished:
            done_ = e.index + 1;
            total_ = e.total;
            break;
        case ImportEvent::Kind::Done:
            summary_ = std::move(e.summary);
            error_ = e.error;
            job_.reset();
            show_summary_ = true;
            app.refresh();
            if (!error_.empty()) app.show_error(error_);
            if (!queued_.empty()) start(app, std::exchange(queued_, {}));
            return;
        }
    }
}

void ImportDialog::draw(App& app) {
    if (auto chosen = browser_.draw(app.settings())) {
        pending_.clear();
        for (const fs::path& p : *chosen) pending_.push_back(p.string());
        show_options_ = true;
        app.save_settings();
    }
    const float em = ImGui::GetFontSize();
    if (show_options_) {
        ImGui::OpenPopup("Import options");
        show_options_ = false;
    }
    ImGui::SetNextWindowSize({em * 32, 0}, ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Import options", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%zu file(s) or folder(s) chosen", pending_.size());
        for (std::size_t i = 0; i < pending_.size() && i < 6; ++i) ImGui::BulletText("%s", pending_[i].c_str());
        if (pending_.size() > 6) ImGui::TextDisabled("... and %zu more", pending_.size() - 6);
        ImGui::Separator();
        ImGui::SetNextItemWidth(em * 16);
        ImGui::InputTextWithHint("Link to case", "(none)", case_name_, sizeof case_name_);
        ImGui::Checkbox("One case per speaker", &speaker_cases_);
        ImGui::Checkbox("Rename when a name is taken", &rename_);
        if (ImGui::Button("Import", {em * 7, 0})) {
            ImGui::CloseCurrentPopup();
            start(app, pending_);
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel", {em * 7, 0})) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (show_progress_ && job_) {
        ImGui::OpenPopup("Importing");
        show_progress_ = false;
    }
    ImGui::SetNextWindowSize({em * 30, 0}, ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Importing", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (!job_) {
            ImGui::CloseCurrentPopup();
        } else {
            const float fraction = total_ ? static_cast<float>(done_) / static_cast<float>(total_) : 0.0f;
            char overlay[64];
            std::snprintf(overlay, sizeof overlay, "%zu of %zu", done_, total_);
            ImGui::ProgressBar(fraction, {em * 28, 0}, overlay);
            ImGui::TextDisabled("%s", current_.c_str());
            if (ImGui::Button(job_->cancel_requested() ? "Cancelling..." : "Cancel", {em * 8, 0})) cancel();
        }
        ImGui::EndPopup();
    }

    if (show_summary_) {
        ImGui::OpenPopup("Import finished");
        show_summary_ = false;
    }
    ImGui::SetNextWindowSize({em * 36, 0}, ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Import finished", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (summary_) {
            ImGui::Text("Imported %zu, skipped %zu, failed %zu%s", summary_->imported.size(), summary_->skipped.size(),
                        summary_->failed.size(), summary_->cancelled ? " (cancelled)" : "");
            ImGui::BeginChild("##import_list", {em * 34, em * 12}, true);
            for (const auto& f : summary_->imported)
                ImGui::TextWrapped("imported  %s  (%s, %zu turns)", f.document.c_str(), f.format.c_str(), f.turns);
            for (const auto& f : summary_->skipped)
                ImGui::TextWrapped("skipped   %s: same text as %s", f.path.c_str(), f.same_as.c_str());
            for (const auto& f : summary_->failed)
                ImGui::TextColored({0.7f, 0.1f, 0.1f, 1}, "failed    %s", f.reason.c_str());
            ImGui::EndChild();
        } else {
            ImGui::TextWrapped("The import did not run: %s", error_.c_str());
        }
        if (ImGui::Button("Close", {em * 7, 0})) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace npt::gui
