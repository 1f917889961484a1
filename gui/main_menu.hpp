// main_menu.hpp — the menu bar (File, Edit, Coding, View, Team, Help) with shortcuts shown, and the
// project dialogs it opens: new project, open project, save a copy as, import attributes CSV
// (REFI-QDA open and export are refi_dialog.hpp's).
#pragma once
#include "gui/file_browser.hpp"

namespace npt::gui {

class App;

class MainMenu {
public:
    void draw(App& app);          // inside the workbench window (its menu bar)
    void draw_dialogs(App& app);  // the file browsers and the quick-start window, top level

private:
    enum class Pending { None, OpenProject, NewProject, SaveCopy, AttributesCsv };
    void begin(App& app, Pending what);
    FileBrowser browser_;
    Pending pending_ = Pending::None;
    bool show_help_ = false;
};

}  // namespace npt::gui
