// matrix_view.hpp — the Framework matrix window (Write-up > Framework matrix). Being written: this placeholder only
// opens an empty window so that the Write-up menu and --view matrix build; replaced by the view.
#pragma once

namespace npt::gui {

class App;

class MatrixView {
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
