// code_editor.hpp — the codebook's "Edit code" dialog: every field of a code in one form — name,
// parent (rename and move), definition, inclusion and exclusion criteria, example quotes (one per
// line), citation, colour (ImGui's colour picker) and hotkey — saved as one undoable step through
// the core's code_edits functions (those `nptcoder codebook rename|move|describe|colour` call).
// The hotkey is the workbench's own per-project key binding (settings.json, not the project), so
// it is not part of the undo history.
#pragma once
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "gui/wrapped_input.hpp"

namespace npt::gui {

class App;

// A code's editable fields as the form holds them.
struct CodeForm {
    std::string name;
    std::string parent;  // the parent's path; "" = top level
    std::string description;
    std::string inclusion;
    std::string exclusion;
    std::string examples;  // one quote per line
    std::string citation;
    std::string colour;    // "#rrggbb"
    int hotkey = 0;        // 0 = none, 1..9
};

CodeForm form_of(const Code& code, const std::string& parent_path, int hotkey);
// The non-empty lines of `text`, trimmed of surrounding spaces.
std::vector<std::string> example_lines(const std::string& text);

// Applies what differs between `before` and `after` (the hotkey aside) to the code at `path` as
// one action named "Edit code <path>": rename_code, move_code, update_code_details and
// set_code_colour, each joining it. Returns the code's path afterwards (`path` when nothing
// differs: then nothing is written). Throws npt::Error (a taken name, a move under itself, a bad
// colour...); the project is then unchanged.
std::string save_code_form(Project& project, const std::string& path, const CodeForm& before, const CodeForm& after);

class CodeEditor {
public:
    void open(const Code& code, int hotkey);  // the dialog opens in the next draw
    void draw(App& app);                      // top level, once per frame
    bool is_open() const { return code_.value != 0; }
    CodeForm& form() { return form_; }        // tests fill the form through this
    // Saves the form (the Save button): true when it was written (the dialog then closes).
    bool save(App& app);
    const std::string& error() const { return error_; }

private:
    CodeId code_;
    bool open_ = false;
    bool parent_pending_ = false;
    bool saved_ = false;  // save() succeeded: the dialog closes in the next draw
    CodeForm original_, form_;
    float colour_[3] = {0.5f, 0.5f, 0.5f};
    std::string error_;
    WrappedInputState description_, inclusion_, exclusion_, examples_;
};

}  // namespace npt::gui
