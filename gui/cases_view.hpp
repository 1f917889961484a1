// cases_view.hpp — the Cases and attributes window (Write-up > Cases and attributes). Being written: this placeholder only
// opens an empty window so that the Write-up menu and --view cases build; replaced by the view.
#pragma once

namespace npt::gui {

class App;

class CasesView {
public:
    void open() { visible_ = true; }
    bool visible() const { return visible_; }
    void poll(App&) {}
    void draw(App& app);
    bool busy() const { return false; }

private:
    bool visible_ = false;
};

}  // namespace npt::gui
