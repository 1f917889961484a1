// quit_dialog.hpp — quitting (window close, File > Quit, Ctrl+Q) while the memo editor holds
// unsaved text asks first: Save (then quit, unless saving failed), Discard (quit), Cancel (stay).
// Everything else is written at once, so with no unsaved memo the workbench quits at once.
#pragma once
#include <imgui.h>

#include <map>
#include <optional>
#include <string>

namespace npt::gui {

class App;

class QuitDialog {
public:
    // Quits at once (App::quit_now) or opens the question.
    void request(App& app);
    void draw(App& app);  // top level, once per frame
    bool asking() const { return asking_; }
    // Where the "Save", "Discard" or "Cancel" button was drawn last (tests click it).
    std::optional<ImVec2> button_centre(const std::string& label) const;

private:
    bool open_ = false;    // open the popup in the next draw
    bool asking_ = false;  // the question is up
    std::map<std::string, ImVec2> buttons_;
};

}  // namespace npt::gui
