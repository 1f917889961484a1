// memo_panel.cpp — the Memos pane.
#include "gui/memo_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/model/cases.hpp"
#include "core/model/memos.hpp"
#include "gui/app.hpp"

namespace npt::gui {

void MemoPanel::edit(const Memo* memo) {
    editing_ = memo ? memo->id : MemoId{};
    title_ = memo ? memo->title : std::string();
    text_ = memo ? memo->text : std::string();
    saved_title_ = title_;
    saved_text_ = text_;
}

bool MemoPanel::unsaved() const { return text_ != saved_text_ || (title_ != saved_title_ && !text_.empty()); }

void MemoPanel::discard() {
    text_ = saved_text_;
    title_ = saved_title_;
}

bool MemoPanel::save(App& app) {
    if (text_.empty() || !app.has_project()) return false;
    const MemoTarget target = loaded_target_;
    const std::optional<MemoTargetId> target_id = target == MemoTarget::Project ? std::nullopt : loaded_id_;
    const bool ok = app.act([&] {
        if (editing_.value)
            update_memo(app.project(), editing_, text_, title_);
        else
            editing_ = add_memo(app.project(), target, target_id, text_, title_).id;
    });
    if (ok) {
        saved_text_ = text_;
        saved_title_ = title_;
    }
    return ok;
}

void MemoPanel::reload(App& app) {
    const MemoFocus& f = app.memo_focus();
    const std::string project = app.has_project() ? app.project().path().string() : std::string();
    const bool same_project = project == loaded_project_;
    const bool target_changed = !same_project || f.target != loaded_target_ || f.target_id != loaded_id_;
    // An unsaved draft keeps the pane on its own target until it is saved or discarded.
    const bool switching = target_changed && !(same_project && unsaved());
    loaded_revision_ = app.revision();
    loaded_project_ = project;
    if (switching) {
        loaded_target_ = f.target;
        loaded_id_ = f.target_id;
        loaded_label_ = f.label.empty() ? "Project" : f.label;
    }
    memos_.clear();
    if (app.has_project()) {
        try {
            memos_ = list_memos(app.project(), loaded_target_, loaded_target_ == MemoTarget::Project ? std::nullopt : loaded_id_);
        } catch (const Error& e) {
            app.show_error(e.what());
        }
    }
    if (switching) edit(memos_.empty() ? nullptr : &memos_.back());
}

void MemoPanel::draw(App& app) {
    const MemoFocus& f = app.memo_focus();
    const std::string project = app.has_project() ? app.project().path().string() : std::string();
    const bool elsewhere = f.target != loaded_target_ || f.target_id != loaded_id_;
    if (loaded_revision_ != app.revision() || project != loaded_project_ || (elsewhere && !unsaved())) reload(app);
    if (!app.has_project()) {
        ImGui::TextDisabled("No project open");
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::TextDisabled("Memos on");
    ImGui::SameLine();
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextWrapped("%s", loaded_label_.c_str());
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
    if (elsewhere && unsaved()) {
        // Another target was chosen while this memo has unsaved text: it is not thrown away.
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 70, 0, 255));
        ImGui::TextWrapped("This memo is not saved. Save or discard it to see the memos on %s.",
                           f.label.empty() ? "Project" : f.label.c_str());
        ImGui::PopStyleColor();
        if (ImGui::SmallButton("Save##switch")) save(app);
        ImGui::SameLine();
        if (ImGui::SmallButton("Discard##switch")) discard();
    }
    ImGui::Separator();

    ImGui::BeginChild("##memo_list", {0, em * 7}, true);
    for (const Memo& m : memos_) {
        ImGui::PushID(static_cast<int>(m.id.value));
        const std::string label = (m.title.empty() ? m.text.substr(0, 60) : m.title) + "##memo";
        if (ImGui::Selectable(label.c_str(), editing_ == m.id) && editing_ != m.id && !unsaved()) edit(&m);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(unsaved() && editing_ != m.id ? "%s, %s (save or discard the memo being written first)" : "%s, %s",
                              m.author.c_str(), m.modified.c_str());
        ImGui::PopID();
    }
    if (memos_.empty()) ImGui::TextDisabled("No memos here yet.");
    ImGui::EndChild();

    ImGui::TextDisabled(editing_.value ? (unsaved() ? "Editing memo (not saved)" : "Editing memo") : (unsaved() ? "New memo (not saved)" : "New memo"));
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##memo_title", "Title (optional)", &title_);
    input_text_wrapped("##memo_text", &text_, {-1, std::max(em * 6, ImGui::GetContentRegionAvail().y - em * 2.2f)}, editor_);
    editor_centre_ = {(ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                      (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2};
    if (ImGui::Button("Save", {em * 5, 0})) save(app);
    ImGui::SameLine();
    if (ImGui::Button("New", {em * 5, 0}) && !unsaved()) edit(nullptr);
    if (ImGui::IsItemHovered() && unsaved()) ImGui::SetTooltip("Save or discard the memo being written first");
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
            if (app.act([&] { delete_memo(app.project(), id); })) edit(nullptr);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace npt::gui
