// history_view.cpp — the event log window (worker read, filters, clipped table) and the check modal.
#include "gui/history_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "core/store/project.hpp"
#include "gui/app.hpp"
#include "gui/team_window.hpp"

namespace npt::gui {
namespace fs = std::filesystem;
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

HistoryView::HistoryView() = default;
HistoryView::~HistoryView() = default;

void HistoryView::load(App& app) {
    retired_.retire(std::move(job_));
    loaded_revision_ = app.revision();
    const fs::path path = app.project().path();
    job_ = std::make_unique<TeamJob<std::vector<Event>>>([path](JobControl& control) {
        control.step(0, 1, "Reading the event log");
        Project p = Project::open(path);
        return list_events(p, kLimit);
    });
}

void HistoryView::poll(App& app) {
    retired_.poll();
    if (job_) {
        if (auto outcome = job_->take_result()) {
            job_.reset();
            if (outcome->result) {
                events_ = std::move(*outcome->result);
                std::set<std::string> actors;
                for (const Event& e : events_) actors.insert(e.actor);
                actors_.assign(actors.begin(), actors.end());
                refilter();
            } else if (!outcome->cancelled) {
                app.show_error(outcome->error);
            }
        }
    }
    if (visible_ && app.has_project() && !job_ && app.revision() != loaded_revision_) load(app);
}

void HistoryView::set_filter(const std::string& actor, const std::string& words) {
    actor_ = actor;
    std::snprintf(words_, sizeof words_, "%s", words.c_str());
    refilter();
}

void HistoryView::refilter() {
    shown_.clear();
    const std::string words = lower(words_);
    for (std::size_t i = 0; i < events_.size(); ++i) {
        const Event& e = events_[i];
        if (!actor_.empty() && e.actor != actor_) continue;
        if (!words.empty() && lower(e.action).find(words) == std::string::npos &&
            lower(e.detail).find(words) == std::string::npos)
            continue;
        shown_.push_back(i);
    }
}

void HistoryView::draw(App& app) {
    if (!visible_) return;
    const float em = ImGui::GetFontSize();
    {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.1f, vp->WorkPos.y + vp->WorkSize.y * 0.1f}, ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize({vp->WorkSize.x * 0.8f, vp->WorkSize.y * 0.75f}, ImGuiCond_FirstUseEver);
    }
    if (!begin_team_window("History###team_history", &visible_)) {
        ImGui::End();
        return;
    }
    if (!app.has_project()) {
        ImGui::TextDisabled("Open a project first.");
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(em * 10);
    if (ImGui::BeginCombo("##actor", actor_.empty() ? "Everyone" : actor_.c_str())) {
        if (ImGui::Selectable("Everyone", actor_.empty())) actor_.clear(), refilter();
        for (const std::string& a : actors_)
            if (ImGui::Selectable(a.empty() ? "(no name)" : a.c_str(), actor_ == a)) actor_ = a, refilter();
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 16);
    if (ImGui::InputTextWithHint("##words", "words in the action or detail", words_, sizeof words_)) refilter();
    ImGui::SameLine();
    ImGui::Text("%zu of %zu event(s)%s", shown_.size(), events_.size(), job_ ? " (reading...)" : "");
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("##events", 4, flags, {0, ImGui::GetContentRegionAvail().y})) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("When (UTC)");
        ImGui::TableSetupColumn("Who");
        ImGui::TableSetupColumn("What");
        ImGui::TableSetupColumn("Detail", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(shown_.size()));
        while (clipper.Step())
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const Event& e = events_[shown_[static_cast<std::size_t>(r)]];
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextUnformatted(e.time.c_str());
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(e.actor.c_str());
                ImGui::TableSetColumnIndex(2);
                ImGui::TextUnformatted(e.action.c_str());
                ImGui::TableSetColumnIndex(3);
                ImGui::TextUnformatted(e.detail.c_str());
            }
        ImGui::EndTable();
    }
    ImGui::End();
}

CheckDialog::CheckDialog() = default;
CheckDialog::~CheckDialog() = default;

void CheckDialog::start(App& app) {
    if (!app.has_project() || job_) return;
    const fs::path path = app.project().path();
    file_ = path.filename().string();
    answer_.reset();
    job_ = std::make_unique<TeamJob<std::string>>([path](JobControl& control) {
        control.step(0, 1, "Checking " + path.filename().string());
        Project p = Project::open(path, OpenMode::ReadOnly);  // the schema check runs here
        return p.integrity_check();
    });
    wanted_ = true;
}

void CheckDialog::poll(App& app) {
    (void)app;
    if (!job_) return;
    if (auto outcome = job_->take_result()) {
        job_.reset();
        answer_ = outcome->result ? *outcome->result : outcome->error;
        wanted_ = true;
    }
}

void CheckDialog::draw(App& app) {
    (void)app;
    constexpr const char* kTitle = "Check project###team_check";
    if (wanted_ && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    wanted_ = false;
    ImGui::SetNextWindowSize({ImGui::GetFontSize() * 30, 0}, ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    if (job_) {
        ImGui::Text("Checking %s...", file_.c_str());
    } else if (answer_) {
        ImGui::PushTextWrapPos(0);
        if (*answer_ == "ok") {
            ImGui::Text("%s: ok — the file is intact (SQLite integrity check) and its schema is nptcoder's.", file_.c_str());
        } else {
            ImGui::Text("%s has problems:", file_.c_str());
            ImGui::TextUnformatted(answer_->c_str());
            ImGui::TextUnformatted("`nptcoder check FILE --repair` writes a recovered copy (the file itself is not changed).");
        }
        ImGui::PopTextWrapPos();
    }
    if (!job_ && (ImGui::Button("OK", {ImGui::GetFontSize() * 6, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace npt::gui
