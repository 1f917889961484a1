// team_views.hpp — the team lead's windows in one place the App owns: agreement, disagreements and
// reconciliation, history, File > Merge project... and File > Check project; and the Team menu
// that opens them. Each view draws and dispatches only; the work runs on workers through core
// functions (see each view's header).
#pragma once
#include <memory>

namespace npt::gui {

class App;
class AgreementView;
class DisagreementsView;
class HistoryView;
class MergeDialog;
class CheckDialog;

class TeamViews {
public:
    TeamViews();
    ~TeamViews();
    TeamViews(const TeamViews&) = delete;
    TeamViews& operator=(const TeamViews&) = delete;

    void draw_menu(App& app);  // the Team menu, inside the menu bar
    void poll(App& app);       // every frame, before drawing: workers' results
    void draw(App& app);       // the windows, top level
    bool busy() const;         // a worker runs: the main loop keeps drawing

    AgreementView& agreement() { return *agreement_; }
    DisagreementsView& disagreements() { return *disagreements_; }
    HistoryView& history() { return *history_; }
    MergeDialog& merge() { return *merge_; }
    CheckDialog& check() { return *check_; }

private:
    std::unique_ptr<AgreementView> agreement_;
    std::unique_ptr<DisagreementsView> disagreements_;
    std::unique_ptr<HistoryView> history_;
    std::unique_ptr<MergeDialog> merge_;
    std::unique_ptr<CheckDialog> check_;
};

}  // namespace npt::gui
