// documents_panel.hpp — the Documents panel: the project's transcripts as a list or grouped by
// case or by a case attribute, with coding counts, a filter box, and a context menu (open, memo,
// rename, delete with confirmation). Clicking a row opens the document; the App keeps the
// snapshot the rows come from alive until the frame ends (see app.hpp), so a row may go on
// drawing after the click replaced it.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model/model.hpp"

namespace npt::gui {

class App;

class DocumentsPanel {
public:
    void draw(App& app);
    // Screen centre of a document's row as last drawn, when it was visible (for tests).
    std::optional<ImVec2> row_centre(DocumentId document_id) const;
    void start_rename(DocumentId document_id);  // the row menu's Rename... (for tests and keyboard use)

private:
    void draw_document(App& app, const DocumentInfo& doc);
    bool passes(const DocumentInfo& doc) const;
    char filter_[128] = {};
    int group_ = 0;  // 0 = none, 1 = case, 2.. = attribute (index + 2)
    DocumentId rename_id_;  // 0: no dialog
    DocumentId delete_id_;
    char rename_[256] = {};
    bool open_rename_ = false;
    bool open_delete_ = false;
    std::vector<std::pair<DocumentId, ImVec2>> rows_;  // visible rows of the last frame
};

}  // namespace npt::gui
