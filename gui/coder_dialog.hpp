// coder_dialog.hpp — "Who is coding?": chosen when a project opens without an active coder and
// from Coding > Active coder. Lists the project's coders and takes a new name; the coder is
// created in the project with their first coding.
#pragma once
#include <string>

namespace npt::gui {

class App;

class CoderDialog {
public:
    void open() { open_ = true; }
    void draw(App& app);

private:
    bool open_ = false;
    char name_[128] = {};
};

}  // namespace npt::gui
