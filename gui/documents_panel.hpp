// documents_panel.hpp — the Documents panel: the project's transcripts as a list or grouped by
// case or by a case attribute, with coding counts, a filter box, and a context menu (open, memo,
// rename, delete with confirmation).
#pragma once
#include <string>

#include "core/model/model.hpp"

namespace npt::gui {

class App;

class DocumentsPanel {
public:
    void draw(App& app);

private:
    void draw_document(App& app, const DocumentInfo& doc);
    bool passes(const DocumentInfo& doc) const;
    char filter_[128] = {};
    int group_ = 0;  // 0 = none, 1 = case, 2.. = attribute (index + 2)
    Id rename_id_ = 0;
    Id delete_id_ = 0;
    char rename_[256] = {};
    bool open_rename_ = false;
    bool open_delete_ = false;
};

}  // namespace npt::gui
