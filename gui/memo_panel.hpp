// memo_panel.hpp — the Memos pane: the memos on the current target (the project, the open
// document, the selected code, a case, or a coding chosen from the transcript's menu), and an
// editor (lines wrap at its width) to write, save and delete them. It knows whether the text in
// the editor differs from what is saved, so quitting can ask to save it, and while it does the
// pane stays on that memo's target (choosing another target shows a Save / Discard bar first).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "gui/wrapped_input.hpp"

namespace npt::gui {

class App;

class MemoPanel {
public:
    void draw(App& app);
    // The memos listed when last drawn (re-read whenever the project changes).
    const std::vector<Memo>& memos() const { return memos_; }

    // True when the editor holds text that is not saved (a new memo with text, or an edited one).
    bool unsaved() const;
    // Saves the editor's memo (as the Save button does). False when saving failed (the error
    // modal says why) or there is nothing to save.
    bool save(App& app);
    // Drops the unsaved text: the editor shows the saved memo again.
    void discard();
    // The editor's text and title (tests type through these).
    std::string& text() { return text_; }
    std::string& title() { return title_; }
    // The text editor's wrapped display and its centre on screen, as last drawn.
    const WrappedInputState& editor() const { return editor_; }
    ImVec2 editor_centre() const { return editor_centre_; }

private:
    void reload(App& app);
    void edit(const Memo* memo);  // nullptr: a new memo
    std::vector<Memo> memos_;
    std::uint64_t loaded_revision_ = ~0ull;
    MemoTarget loaded_target_ = MemoTarget::Project;
    std::optional<MemoTargetId> loaded_id_;
    std::string loaded_label_;
    std::string loaded_project_;  // a draft belongs to one project: another one drops it
    MemoId editing_;  // 0 = a new memo
    std::string title_;
    std::string text_;
    std::string saved_title_, saved_text_;  // what the editor held when last loaded or saved
    WrappedInputState editor_;
    ImVec2 editor_centre_{0, 0};
    bool confirm_delete_ = false;
};

}  // namespace npt::gui
