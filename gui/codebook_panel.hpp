// codebook_panel.hpp — the Codebook panel: the code tree with colour swatches, coding counts and
// hotkey numbers, a filter box, definitions and inclusion/exclusion criteria in a tooltip and in
// a detail pane; add, rename, re-parent by drag and drop, merge, recolour, delete (confirmed),
// bind to keys 1-9, and Edit code... (code_editor.hpp) for every field at once. A parent shows
// its own count and, after it, the count with every code below it. Dragging a code onto a
// transcript selection codes it.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "gui/code_editor.hpp"

namespace npt::gui {

class App;
struct ProjectSnapshot;

class CodebookPanel {
public:
    void draw(App& app);
    // What the row of a code shows on its right: "3" for a code with nothing below it, "3 (12)"
    // for a parent (its own codings, then with its descendants').
    static std::string count_text(const ProjectSnapshot& snapshot, CodeId code, bool has_children);
    CodeEditor& editor() { return editor_; }

private:
    enum class Dialog { None, Add, Rename, Merge, Colour, Delete };
    void draw_node(App& app, const Code& code, const std::map<CodeId, std::vector<const Code*>>& children);
    void draw_row(App& app, const Code& code, bool has_children, bool& open);
    void draw_context_menu(App& app, const Code& code);
    void draw_dialogs(App& app);
    void draw_details(App& app);
    void edit_code(App& app, const Code& code);

    char filter_[128] = {};
    Dialog dialog_ = Dialog::None;
    bool open_dialog_ = false;
    CodeId target_;            // the code a dialog acts on
    char text_[256] = {};      // name or path typed in a dialog
    char description_[1024] = {};
    int merge_into_ = -1;
    float colour_[3] = {0.5f, 0.5f, 0.5f};
    CodeEditor editor_;
};

}  // namespace npt::gui
