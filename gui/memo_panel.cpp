// memo_panel.cpp — the Memos pane.
#include "gui/memo_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/model/cases.hpp"
#include "core/model/memos.hpp"
#include "gui/app.hpp"

namespace npt::gui {

void MemoPanel::reload(App& app) {
    const MemoFocus& f = app.memo_focus();
    const bool target_changed = f.target != loaded_target_ || f.target_id != loaded_id_;
    loaded_revision_ = app.revision();
    loaded_target_ = f.target;
    loaded_id_ = f.target_id;
    memos_.clear();
    if (!app.has_project()) return;
    try {
        memos_ = list_memos(app.project(), f.target, f.target == MemoTarget::Project ? std::nullopt : f.target_id);
    } catch (const Error& e) {
        app.show_error(e.what());
    }
    if (target_changed) {
        editing_ = MemoId{};
        title_.clear();
        text_.clear();
        if (!memos_.empty()) {
            editing_ = memos_.back().id;
            title_ = memos_.back().title;
            text_ = memos_.back().text;
        }
    }
}

void MemoPanel::draw(App& app) {
    const MemoFocus& f = app.memo_focus();
    if (loaded_revision_ != app.revision() || f.target != loaded_target_ || f.target_id != loaded_id_) reload(app);
    if (!app.has_project()) {
        ImGui::TextDisabled("No project open");
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::TextDisabled("Memos on");
    ImGui::SameLine();
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextWrapped("%s", f.label.empty() ? "Project" : f.label.c_str());
    ImGui::PopFont();
    if (ImGui::SmallButton("Project")) app.focus_memos({MemoTarget::Project, std::nullopt, "Project"});
    ImGui::SameLine();
    if (const auto& doc = app.transcript().document(); doc && ImGui::SmallButton("Document"))
        app.focus_memos({MemoTarget::Document, doc->info().id, "Document " + doc->info().name});
    ImGui::SameLine();
    if (const Code* c = app.snapshot().code(app.selected_code()); c && ImGui::SmallButton("Code"))
        app.focus_memos({MemoTarget::Code, c->id, "Code " + c->path});
    ImGui::SameLine();
    if (ImGui::BeginCombo("##case_memo", "Case", ImGuiComboFlags_NoPreview)) {
        for (const CaseDetail& c : app.snapshot().cases)
            if (ImGui::Selectable(c.info.name.c_str())) app.focus_memos({MemoTarget::Case, c.info.id, "Case " + c.info.name});
        ImGui::EndCombo();
    }
    ImGui::Separator();

    ImGui::BeginChild("##memo_list", {0, em * 7}, true);
    for (const Memo& m : memos_) {
        ImGui::PushID(static_cast<int>(m.id.value));
        const std::string label = (m.title.empty() ? m.text.substr(0, 60) : m.title) + "##memo";
        if (ImGui::Selectable(label.c_str(), editing_ == m.id)) {
            editing_ = m.id;
            title_ = m.title;
            text_ = m.text;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s, %s", m.author.c_str(), m.modified.c_str());
        ImGui::PopID();
    }
    if (memos_.empty()) ImGui::TextDisabled("No memos here yet.");
    ImGui::EndChild();

    ImGui::TextDisabled(editing_.value ? "Editing memo" : "New memo");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##memo_title", "Title (optional)", &title_);
    ImGui::InputTextMultiline("##memo_text", &text_, {-1, std::max(em * 6, ImGui::GetContentRegionAvail().y - em * 2.2f)});
    const MemoTarget target = f.target;
    const std::optional<MemoTargetId> target_id = target == MemoTarget::Project ? std::nullopt : f.target_id;
    if (ImGui::Button("Save", {em * 5, 0}) && !text_.empty()) {
        app.act([&] {
            if (editing_.value)
                update_memo(app.project(), editing_, text_, title_);
            else
                editing_ = add_memo(app.project(), target, target_id, text_, title_).id;
        });
    }
    ImGui::SameLine();
    if (ImGui::Button("New", {em * 5, 0})) {
        editing_ = MemoId{};
        title_.clear();
        text_.clear();
    }
    ImGui::SameLine();
    if (editing_.value && ImGui::Button("Delete", {em * 5, 0})) confirm_delete_ = true;
    if (confirm_delete_) {
        ImGui::OpenPopup("Delete memo?");
        confirm_delete_ = false;
    }
    if (ImGui::BeginPopupModal("Delete memo?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Delete this memo? Edit > Undo brings it back.");
        if (ImGui::Button("Delete")) {
            const MemoId id = editing_;
            app.act([&] { delete_memo(app.project(), id); });
            editing_ = MemoId{};
            title_.clear();
            text_.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace npt::gui
