// matrix_view.cpp — placeholder window for Write-up > Framework matrix (replaced by the view).
#include "gui/matrix_view.hpp"

#include <imgui.h>

namespace npt::gui {

void MatrixView::draw(App&) {
    if (!visible_) return;
    if (ImGui::Begin("Framework matrix", &visible_)) ImGui::TextUnformatted("The framework matrix editor: cases by constructs, summaries and linked quotes, drafting and export");
    ImGui::End();
}

}  // namespace npt::gui
