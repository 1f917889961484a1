// merge_dialog.hpp — File > Merge project...: bring a colleague's .nptq into the open project.
// Pick the file in the file browser; a worker opens it read-only for its coders and runs the
// core's preview_merge (the merge rehearsed in a transaction that is rolled back), and the window
// lists what would be added (coders, documents, codes, codings, memos) and every conflict, with a
// coder map (the colleague's "Ben M" as the lead's "Ben") that re-runs the preview. Merge runs the
// core's merge_project on a worker with its own connection, as the active coder: one undoable
// step ("Merge <file>"); the other file is only read.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/merge.hpp"
#include "gui/file_browser.hpp"
#include "gui/team_job.hpp"

namespace npt::gui {

class App;

struct MergePreview {
    std::vector<std::string> other_coders;  // the colleague's coder names
    MergeReport report;                     // what the merge would do
};

class MergeDialog {
public:
    MergeDialog();
    ~MergeDialog();

    void open(App& app);  // the file browser
    // The browser's choice lands here (tests call it directly): reads the file and previews.
    void choose(App& app, const std::filesystem::path& other);
    // The colleague's coder `from` is the lead's `to` ("" or equal: no mapping); re-previews.
    void map_coder(App& app, const std::string& from, const std::string& to);
    // Runs the merge (after a preview). The report arrives in last_merge().
    void merge(App& app);
    void close();

    void poll(App& app);
    void draw(App& app);
    bool busy() const { return job_ != nullptr || merge_job_ != nullptr || !retired_.empty(); }
    bool visible() const { return visible_; }

    const std::filesystem::path& other() const { return other_; }
    const std::map<std::string, std::string>& coder_map() const { return coder_map_; }
    const std::optional<MergePreview>& preview() const { return preview_; }
    const std::optional<MergeReport>& last_merge() const { return merged_; }

private:
    void start_preview(App& app);
    void draw_report(const MergeReport& r, bool done);

    FileBrowser browser_;
    bool visible_ = false;
    std::filesystem::path other_;
    std::map<std::string, std::string> coder_map_;
    std::map<std::string, std::string> editing_;  // the coder-map fields as typed
    std::unique_ptr<TeamJob<MergePreview>> job_;
    std::unique_ptr<TeamJob<MergeReport>> merge_job_;
    JobRetirement retired_;
    std::optional<MergePreview> preview_;
    std::optional<MergeReport> merged_;
};

}  // namespace npt::gui
