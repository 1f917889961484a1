// coder_dialog.cpp — choosing the active coder.
#include "gui/coder_dialog.hpp"

#include <imgui.h>

#include <cstring>

#include "gui/app.hpp"

namespace npt::gui {

void CoderDialog::draw(App& app) {
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
        ImGui::PushID(static_cast<int>(c.id));
        ImGui::ColorButton("##colour", ImGui::ColorConvertU32ToFloat4(parse_colour(c.colour)), ImGuiColorEditFlags_NoTooltip,
                           {em * 0.8f, em * 0.8f});
        ImGui::SameLine();
        if (ImGui::Selectable(c.name.c_str(), app.coder() == c.name)) std::snprintf(name_, sizeof name_, "%s", c.name.c_str());
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(em * 14);
    const bool enter = ImGui::InputTextWithHint("##coder", "your name or initials", name_, sizeof name_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Start coding") || enter) && name_[0]) {
        app.set_coder(name_);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace npt::gui
