// documents_panel.cpp — the Documents panel.
#include "gui/documents_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/model/documents.hpp"
#include "gui/app.hpp"
#include "gui/dialog_keys.hpp"
#include "gui/import_dialog.hpp"

namespace npt::gui {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

bool DocumentsPanel::passes(const DocumentInfo& doc) const {
    return !filter_[0] || lower(doc.name).find(lower(filter_)) != std::string::npos;
}

void DocumentsPanel::draw_document(App& app, const DocumentInfo& doc) {
    if (!passes(doc)) return;
    const std::int64_t n = app.snapshot().counts.of_document(doc.id);
    ImGui::PushID(static_cast<int>(doc.id.value));
    const bool clicked =
        ImGui::Selectable(doc.name.c_str(), app.current_document() == doc.id, ImGuiSelectableFlags_AllowItemOverlap);
    if (ImGui::IsItemVisible()) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        rows_.push_back({doc.id, {(a.x + b.x) / 2, (a.y + b.y) / 2}});
    }
    if (clicked) app.act([&] { app.open_document(doc.id); });
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\n%s, %lld characters, imported %s%s%s", doc.name.c_str(), doc.format.c_str(),
                          static_cast<long long>(doc.length), doc.imported.c_str(), doc.import_note.empty() ? "" : "\n",
                          doc.import_note.c_str());
    if (ImGui::BeginPopupContextItem()) {
        if (ImGui::MenuItem("Open")) app.act([&] { app.open_document(doc.id); });
        if (ImGui::MenuItem("Memo on document"))
            app.focus_memos({MemoTarget::Document, doc.id, "Document " + doc.name});
        if (ImGui::MenuItem("Rename...")) {
            rename_id_ = doc.id;
            std::snprintf(rename_, sizeof rename_, "%s", doc.name.c_str());
            open_rename_ = true;
        }
        if (ImGui::MenuItem("Delete...")) {
            delete_id_ = doc.id;
            open_delete_ = true;
        }
        ImGui::EndPopup();
    }
    const std::string count = std::to_string(n);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(count.c_str()).x);
    ImGui::TextDisabled("%s", count.c_str());
    ImGui::PopID();
}

void DocumentsPanel::start_rename(DocumentId document_id) {
    rename_id_ = document_id;
    rename_[0] = '\0';
    open_rename_ = true;
}

std::optional<ImVec2> DocumentsPanel::row_centre(DocumentId document_id) const {
    for (const auto& [id, centre] : rows_)
        if (id == document_id) return centre;
    return std::nullopt;
}

void DocumentsPanel::draw(App& app) {
    rows_.clear();
    const ProjectSnapshot& s = app.snapshot();
    ImGui::PushFont(app.fonts().bold);
    ImGui::Text("Documents");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%zu", s.documents.size());
    if (!app.has_project()) {
        ImGui::TextDisabled("No project open");
        return;
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 4.5f);
    if (ImGui::SmallButton("Import")) app.import_dialog().open(app);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Import transcripts (Ctrl+I)");

    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
    ImGui::InputTextWithHint("##doc_filter", "Filter", filter_, sizeof filter_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    std::vector<std::string> groups{"No grouping", "By case"};
    for (const Attribute& a : s.attributes) groups.push_back("By " + a.name);
    group_ = std::min(group_, static_cast<int>(groups.size()) - 1);
    if (ImGui::BeginCombo("##group", groups[static_cast<std::size_t>(group_)].c_str())) {
        for (std::size_t i = 0; i < groups.size(); ++i)
            if (ImGui::Selectable(groups[i].c_str(), static_cast<int>(i) == group_)) group_ = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::Separator();
    ImGui::BeginChild("##doc_list");
    if (s.documents.empty()) ImGui::TextDisabled("No documents yet: File > Import documents...");
    if (group_ == 0) {
        for (const DocumentInfo& d : s.documents) draw_document(app, d);
    } else {
        // group name -> document names, from the cases' links (a document may sit in several).
        std::map<std::string, std::set<std::string>> grouped;
        std::set<std::string> placed;
        for (const CaseDetail& c : s.cases) {
            std::string key = c.info.name;
            if (group_ >= 2) {
                const std::string& attr = s.attributes[static_cast<std::size_t>(group_ - 2)].name;
                auto v = c.values.find(attr);
                key = v == c.values.end() || v->second.empty() ? "(no value)" : v->second;
            }
            for (const std::string& d : c.documents) {
                grouped[key].insert(d);
                placed.insert(d);
            }
        }
        for (const DocumentInfo& d : s.documents)
            if (!placed.count(d.name)) grouped[group_ == 1 ? "(no case)" : "(no value)"].insert(d.name);
        for (const auto& [key, names] : grouped) {
            const std::string label = key + " (" + std::to_string(names.size()) + ")";
            if (ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth)) {
                for (const DocumentInfo& d : s.documents)
                    if (names.count(d.name)) draw_document(app, d);
                ImGui::TreePop();
            }
        }
    }
    ImGui::EndChild();

    if (open_rename_) ImGui::OpenPopup("Rename document");
    if (open_delete_) ImGui::OpenPopup("Delete document?");
    open_rename_ = open_delete_ = false;
    const DocumentInfo* target = s.document(rename_id_.value ? rename_id_ : delete_id_);
    if (ImGui::BeginPopupModal("Rename document", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        focus_when_appearing();
        const bool enter = ImGui::InputText("New name", rename_, sizeof rename_, ImGuiInputTextFlags_EnterReturnsTrue);
        if ((ImGui::Button("Rename") || enter) && target) {
            const DocumentId id = target->id;
            app.act([&] { rename_document(app.project(), id, rename_); });
            ImGui::CloseCurrentPopup();
            rename_id_ = DocumentId{};
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || escape_pressed()) {
            ImGui::CloseCurrentPopup();
            rename_id_ = DocumentId{};
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopupModal("Delete document?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Delete %s with its codings and memos?", target ? target->name.c_str() : "");
        ImGui::TextDisabled("Edit > Undo brings it back.");
        if ((ImGui::Button("Delete") || enter_pressed()) && target) {
            const DocumentId id = target->id;
            app.act([&] { delete_document(app.project(), id); });
            ImGui::CloseCurrentPopup();
            delete_id_ = DocumentId{};
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || escape_pressed()) {
            ImGui::CloseCurrentPopup();
            delete_id_ = DocumentId{};
        }
        ImGui::EndPopup();
    }
}

}  // namespace npt::gui
