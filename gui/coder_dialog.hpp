// coder_dialog.hpp — "Who is coding?": chosen when a project opens without an active coder and
// from Coding > Active coder. Lists the project's coders and takes a new name; the coder is
// created in the project with their first coding.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace npt::gui {

class App;

class CoderDialog {
public:
    void open() { open_ = true; }
    void draw(App& app);
    // Where a listed coder was drawn in the last frame (for tests).
    std::optional<ImVec2> row_centre(const std::string& coder) const;

private:
    std::vector<std::pair<std::string, ImVec2>> rows_;
    bool open_ = false;
    char name_[128] = {};
};

}  // namespace npt::gui
