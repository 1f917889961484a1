// team_views.cpp — the Team menu and the team windows' frame plumbing.
#include "gui/team_views.hpp"

#include <imgui.h>

#include "gui/agreement_view.hpp"
#include "gui/app.hpp"
#include "gui/disagreements_view.hpp"
#include "gui/history_view.hpp"
#include "gui/merge_dialog.hpp"

namespace npt::gui {

TeamViews::TeamViews()
    : agreement_(std::make_unique<AgreementView>()),
      disagreements_(std::make_unique<DisagreementsView>()),
      history_(std::make_unique<HistoryView>()),
      merge_(std::make_unique<MergeDialog>()),
      check_(std::make_unique<CheckDialog>()) {}

TeamViews::~TeamViews() = default;

void TeamViews::draw_menu(App& app) {
    if (!ImGui::BeginMenu("Team")) return;
    const bool has = app.has_project();
    if (ImGui::MenuItem("Agreement...", nullptr, agreement_->visible(), has)) agreement_->open();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Inter-coder agreement per code and construct, and the construct confusion");
    if (ImGui::MenuItem("Disagreements and reconciliation...", nullptr, disagreements_->visible(), has)) disagreements_->open();
    if (ImGui::MenuItem("History", nullptr, history_->visible(), has)) history_->open();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The event log: who did what, when");
    ImGui::Separator();
    if (ImGui::MenuItem("Merge project...", nullptr, false, has && !merge_->busy())) merge_->open(app);
    if (ImGui::MenuItem("Check project", nullptr, false, has && !check_->running())) check_->start(app);
    ImGui::EndMenu();
}

void TeamViews::poll(App& app) {
    agreement_->poll(app);
    disagreements_->poll(app);
    history_->poll(app);
    merge_->poll(app);
    check_->poll(app);
}

void TeamViews::draw(App& app) {
    agreement_->draw(app);
    disagreements_->draw(app);
    history_->draw(app);
    merge_->draw(app);
    check_->draw(app);
}

bool TeamViews::busy() const {
    return agreement_->busy() || disagreements_->busy() || history_->busy() || merge_->busy() || check_->busy();
}

}  // namespace npt::gui
