// query_view.cpp — placeholder window for Write-up > Query and autocode (replaced by the view).
#include "gui/query_view.hpp"

#include <imgui.h>

namespace npt::gui {

void QueryView::draw(App&) {
    if (!visible_) return;
    if (ImGui::Begin("Query and autocode", &visible_)) ImGui::TextUnformatted("Coding queries and text search, with results to code in one undoable step");
    ImGui::End();
}

}  // namespace npt::gui
