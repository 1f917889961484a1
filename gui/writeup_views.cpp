// writeup_views.cpp — the Write-up menu and the write-up windows' frame plumbing.
#include "gui/writeup_views.hpp"

#include <imgui.h>

#include "gui/app.hpp"
#include "gui/matrix_view.hpp"
#include "gui/cases_view.hpp"
#include "gui/query_view.hpp"
#include "gui/charts_view.hpp"

namespace npt::gui {

WriteUpViews::WriteUpViews()
    : matrix_(std::make_unique<MatrixView>()),
      cases_(std::make_unique<CasesView>()),
      query_(std::make_unique<QueryView>()),
      charts_(std::make_unique<ChartsView>()) {}

WriteUpViews::~WriteUpViews() = default;

void WriteUpViews::draw_menu(App& app) {
    if (!ImGui::BeginMenu("Write-up")) return;
    const bool has = app.has_project();
    if (ImGui::MenuItem("Framework matrix...", nullptr, matrix_->visible(), has)) matrix_->open();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The framework matrix editor: cases by constructs, summaries and linked quotes, drafting and export");
    if (ImGui::MenuItem("Cases and attributes...", nullptr, cases_->visible(), has)) cases_->open();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Participants and their attributes (group, site, role): edit, import from CSV or Excel, link documents");
    if (ImGui::MenuItem("Query and autocode...", nullptr, query_->visible(), has)) query_->open();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Coding queries and text search, with results to code in one undoable step");
    if (ImGui::MenuItem("Charts...", nullptr, charts_->visible(), has)) charts_->open();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Heatmap of attribute values by constructs, code frequencies per coder, code saturation");
    ImGui::EndMenu();
}

void WriteUpViews::poll(App& app) {
    matrix_->poll(app);
    cases_->poll(app);
    query_->poll(app);
    charts_->poll(app);
}

void WriteUpViews::draw(App& app) {
    matrix_->draw(app);
    cases_->draw(app);
    query_->draw(app);
    charts_->draw(app);
}

bool WriteUpViews::busy() const { return matrix_->busy() || cases_->busy() || query_->busy() || charts_->busy(); }

}  // namespace npt::gui
