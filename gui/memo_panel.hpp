// memo_panel.hpp — the Memos pane: the memos on the current target (the project, the open
// document, the selected code, a case, or a coding chosen from the transcript's menu), and an
// editor to write, save and delete them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt::gui {

class App;

class MemoPanel {
public:
    void draw(App& app);
    // The memos listed when last drawn (re-read whenever the project changes).
    const std::vector<Memo>& memos() const { return memos_; }

private:
    void reload(App& app);
    std::vector<Memo> memos_;
    std::uint64_t loaded_revision_ = ~0ull;
    MemoTarget loaded_target_ = MemoTarget::Project;
    std::optional<MemoTargetId> loaded_id_;
    MemoId editing_;  // 0 = a new memo
    std::string title_;
    std::string text_;
    bool confirm_delete_ = false;
};

}  // namespace npt::gui
