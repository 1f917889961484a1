// merge_dialog.cpp — the merge flow: file browser, preview worker, coder map, merge worker, and
// the window listing what is (or would be) added and the conflicts.
#include "gui/merge_dialog.hpp"

#include <imgui.h>

#include <cstdio>
#include <utility>

#include "core/model/coders.hpp"
#include "core/store/project.hpp"
#include "gui/app.hpp"
#include "gui/team_window.hpp"

namespace npt::gui {
namespace fs = std::filesystem;
namespace {

std::string joined(const std::vector<std::string>& names, std::size_t limit = 12) {
    std::string s;
    for (std::size_t i = 0; i < names.size() && i < limit; ++i) s += (i ? ", " : "") + names[i];
    if (names.size() > limit) s += ", … (" + std::to_string(names.size() - limit) + " more)";
    return s;
}

}  // namespace

MergeDialog::MergeDialog() = default;
MergeDialog::~MergeDialog() = default;

void MergeDialog::open(App& app) {
    if (!app.has_project() || busy()) return;
    const fs::path folder = app.project().path().parent_path();
    browser_.open("Merge project", FileBrowser::Mode::Open, {{"nptcoder projects (.nptq)", {".nptq"}}, {"All files", {}}},
                  app.settings(), folder);
}

void MergeDialog::choose(App& app, const fs::path& other) {
    other_ = other;
    coder_map_.clear();
    editing_.clear();
    merged_.reset();
    preview_.reset();
    visible_ = true;
    start_preview(app);
}

void MergeDialog::start_preview(App& app) {
    if (!app.has_project()) return;
    retired_.retire(std::move(job_));
    const fs::path lead = app.project().path();
    job_ = std::make_unique<TeamJob<MergePreview>>([lead, other = other_, map = coder_map_](JobControl& control) {
        control.step(0, 2, "Reading " + other.filename().string());
        MergePreview preview;
        {
            Project source = Project::open(other, OpenMode::ReadOnly);
            for (const Coder& c : list_coders(source)) preview.other_coders.push_back(c.name);
        }
        control.step(1, 2, "Rehearsing the merge");
        Project p = Project::open(lead);
        preview.report = preview_merge(p, other, MergeOptions{map});
        return preview;
    });
}

void MergeDialog::map_coder(App& app, const std::string& from, const std::string& to) {
    if (to.empty() || to == from) coder_map_.erase(from);
    else coder_map_[from] = to;
    editing_[from] = to;
    start_preview(app);
}

void MergeDialog::merge(App& app) {
    if (!app.has_project() || !preview_ || merge_job_) return;
    const fs::path lead = app.project().path();
    merge_job_ = std::make_unique<TeamJob<MergeReport>>(
        [lead, other = other_, map = coder_map_, actor = app.coder()](JobControl& control) {
            control.step(0, 1, "Merging " + other.filename().string());
            Project p = Project::open(lead);
            p.set_actor(actor);
            return merge_project(p, other, MergeOptions{map});
        });
}

void MergeDialog::close() {
    visible_ = false;
    retired_.retire(std::move(job_));
    preview_.reset();
}

void MergeDialog::poll(App& app) {
    retired_.poll();
    if (job_) {
        if (auto outcome = job_->take_result()) {
            job_.reset();
            if (outcome->result) preview_ = std::move(*outcome->result);
            else if (!outcome->cancelled) app.show_error(outcome->error);
        }
    }
    if (merge_job_) {
        if (auto outcome = merge_job_->take_result()) {
            merge_job_.reset();
            if (outcome->result) merged_ = std::move(*outcome->result);
            else app.show_error(outcome->error);
            app.refresh();  // the worker's commit, at once rather than at the next poll
        }
    }
}

void MergeDialog::draw_report(const MergeReport& r, bool done) {
    const char* verb = done ? "added" : "to add";
    ImGui::BulletText("Coders %s: %d%s%s (%d already here)", verb, r.coders_added, r.added_coders.empty() ? "" : ": ",
                      joined(r.added_coders).c_str(), r.coders_matched);
    ImGui::BulletText("Documents %s: %d%s%s (%d matched by their text)", verb, r.documents_added,
                      r.added_documents.empty() ? "" : ": ", joined(r.added_documents).c_str(), r.documents_matched);
    ImGui::BulletText("Codes %s: %d%s%s (%d matched)", verb, r.codes_added, r.added_codes.empty() ? "" : ": ",
                      joined(r.added_codes).c_str(), r.codes_matched);
    ImGui::BulletText("Codings %s: %lld (%lld already here)", verb, static_cast<long long>(r.codings_added),
                      static_cast<long long>(r.codings_present));
    ImGui::BulletText("Memos %s: %d (%d already here)", verb, r.memos_added, r.memos_present);
    if (r.conflicts.empty()) {
        ImGui::TextDisabled("No conflicts.");
        return;
    }
    ImGui::Text("%zu conflict(s):", r.conflicts.size());
    const float em = ImGui::GetFontSize();
    if (ImGui::BeginTable("##conflicts", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                          {0, std::min(em * 12, em * 1.6f * static_cast<float>(r.conflicts.size() + 1))})) {
        ImGui::TableSetupColumn("Kind");
        ImGui::TableSetupColumn("About");
        ImGui::TableSetupColumn("What the merge does");
        ImGui::TableHeadersRow();
        for (const MergeConflict& c : r.conflicts) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(c.kind.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(c.subject.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextWrapped("%s", c.resolution.c_str());
        }
        ImGui::EndTable();
    }
}

void MergeDialog::draw(App& app) {
    if (auto chosen = browser_.draw(app.settings()); chosen && !chosen->empty()) {
        app.save_settings();
        choose(app, chosen->front());
    }
    if (!visible_) return;
    const float em = ImGui::GetFontSize();
    {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.2f, vp->WorkPos.y + vp->WorkSize.y * 0.12f}, ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize({vp->WorkSize.x * 0.6f, vp->WorkSize.y * 0.7f}, ImGuiCond_FirstUseEver);
    }
    bool open = true;
    const std::string title = "Merge " + other_.filename().string() + "###team_merge";
    if (!begin_team_window(title.c_str(), &open)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("Brings %s into %s. The other file is only read.", other_.string().c_str(),
                       app.has_project() ? app.project().path().filename().string().c_str() : "(no project)");
    if (merged_) {
        ImGui::Separator();
        ImGui::TextUnformatted("Merged (Edit > Undo takes it back as one step):");
        draw_report(*merged_, true);
        if (ImGui::Button("Close")) open = false;
    } else {
        if (preview_ && !preview_->other_coders.empty()) {
            ImGui::Separator();
            ImGui::TextUnformatted("Coder map: the colleague's coder, and the name to use here");
            for (const std::string& from : preview_->other_coders) {
                ImGui::PushID(from.c_str());
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(from.c_str());
                ImGui::SameLine(em * 10);
                char buffer[128];
                auto it = editing_.find(from);
                std::snprintf(buffer, sizeof buffer, "%s", it == editing_.end() ? from.c_str() : it->second.c_str());
                ImGui::SetNextItemWidth(em * 12);
                if (ImGui::InputText("##as", buffer, sizeof buffer)) editing_[from] = buffer;
                if (ImGui::IsItemDeactivatedAfterEdit()) map_coder(app, from, buffer);
                if (app.has_project()) {
                    ImGui::SameLine();
                    ImGui::SetNextItemWidth(em * 10);
                    if (ImGui::BeginCombo("##lead", "a coder here", ImGuiComboFlags_NoPreview)) {
                        for (const Coder& c : app.snapshot().coders)
                            if (ImGui::Selectable(c.name.c_str())) map_coder(app, from, c.name);
                        ImGui::EndCombo();
                    }
                }
                ImGui::PopID();
            }
        }
        ImGui::Separator();
        if (job_) {
            ImGui::ProgressBar(job_->control().fraction(), {em * 16, 0}, job_->control().label().c_str());
        } else if (preview_) {
            ImGui::TextUnformatted("Preview (nothing has changed yet):");
            draw_report(preview_->report, false);
        }
        ImGui::Separator();
        ImGui::BeginDisabled(!preview_ || job_ != nullptr || merge_job_ != nullptr);
        if (ImGui::Button("Merge", {em * 7, 0})) merge(app);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (merge_job_) {
            ImGui::ProgressBar(0.5f, {em * 14, 0}, merge_job_->control().label().c_str());
        } else if (ImGui::Button("Cancel", {em * 7, 0})) {
            open = false;
        }
    }
    ImGui::End();
    if (!open) close();
}

}  // namespace npt::gui
