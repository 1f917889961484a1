// cases_view.cpp — placeholder window for Write-up > Cases and attributes (replaced by the view).
#include "gui/cases_view.hpp"

#include <imgui.h>

namespace npt::gui {

void CasesView::draw(App&) {
    if (!visible_) return;
    if (ImGui::Begin("Cases and attributes", &visible_)) ImGui::TextUnformatted("Participants and their attributes (group, site, role): edit, import from CSV or Excel, link documents");
    ImGui::End();
}

}  // namespace npt::gui
