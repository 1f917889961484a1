// coder_dialog.cpp — choosing the active coder.
#include "gui/coder_dialog.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstring>

#include "gui/app.hpp"
#include "gui/dialog_keys.hpp"

namespace npt::gui {

std::optional<ImVec2> CoderDialog::row_centre(const std::string& coder) const {
    for (const auto& [name, centre] : rows_)
        if (name == coder) return centre;
    return std::nullopt;
}

void CoderDialog::draw(App& app) {
    rows_.clear();
    if (open_) {
        std::snprintf(name_, sizeof name_, "%s", app.coder().c_str());
        ImGui::OpenPopup("Who is coding?");
        open_ = false;
    }
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize({em * 24, 0}, ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Who is coding?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextWrapped("Your codings, memos and undo steps are recorded under this name.");
    for (const Coder& c : app.snapshot().coders) {
        ImGui::PushID(static_cast<int>(c.id.value));
        ImGui::ColorButton("##colour", ImGui::ColorConvertU32ToFloat4(parse_colour(c.colour)), ImGuiColorEditFlags_NoTooltip,
                           {em * 0.8f, em * 0.8f});
        ImGui::SameLine();
        // Picking a listed coder is the whole answer: it becomes the active coder at once.
        if (ImGui::Selectable(c.name.c_str(), app.coder() == c.name, ImGuiSelectableFlags_DontClosePopups)) {
            app.set_coder(c.name);
            ImGui::CloseCurrentPopup();
        }
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        rows_.push_back({c.name, {(a.x + b.x) / 2, (a.y + b.y) / 2}});
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(em * 14);
    if (app.coder().empty()) focus_when_appearing();
    const bool enter = ImGui::InputTextWithHint("##coder", "your name or initials", name_, sizeof name_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Start coding") || enter) && name_[0]) {
        app.set_coder(name_);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escape_pressed()) ImGui::CloseCurrentPopup();  // coding then asks again
    ImGui::EndPopup();
}

}  // namespace npt::gui
