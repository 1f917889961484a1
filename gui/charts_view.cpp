// charts_view.cpp — placeholder window for Write-up > Charts (replaced by the view).
#include "gui/charts_view.hpp"

#include <imgui.h>

namespace npt::gui {

void ChartsView::draw(App&) {
    if (!visible_) return;
    if (ImGui::Begin("Charts", &visible_)) ImGui::TextUnformatted("Heatmap of attribute values by constructs, code frequencies per coder, code saturation");
    ImGui::End();
}

}  // namespace npt::gui
