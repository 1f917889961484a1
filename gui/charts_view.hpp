// charts_view.hpp — the Charts window (Write-up > Charts). Being written: this placeholder only
// opens an empty window so that the Write-up menu and --view charts build; replaced by the view.
#pragma once

namespace npt::gui {

class App;

class ChartsView {
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
