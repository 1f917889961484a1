// agreement_view.hpp — Team > Agreement: the team lead's inter-coder agreement window. Choose the
// coders (two or more), the unit (character, document, segment with its overlap threshold), the
// codes (all, one, a construct with its descendants), the documents (all, a case's, those every
// chosen coder coded) and a bootstrap interval; Run computes on a worker (agreement_run.hpp)
// with a progress bar and Cancel. The result is a per-code table (agreement_table.hpp) in the
// codebook's tree, sortable by any column, constructs folding open to their sub-constructs, rows
// banded by Krippendorff's thresholds; a per-document tab; for two coders the construct confusion
// table (code points A coded X where B coded Y), a cell's passages a click away; export to HTML,
// CSV or JSON, the files `nptcoder agreement` writes. Every number is the core's.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gui/agreement_run.hpp"
#include "gui/agreement_table.hpp"
#include "gui/file_browser.hpp"
#include "gui/team_job.hpp"

namespace npt::gui {

class App;

class AgreementView {
public:
    AgreementView();
    ~AgreementView();

    void open() { visible_ = true; }
    bool visible() const { return visible_; }
    void draw(App& app);
    void poll(App& app);  // takes a finished run or export (every frame, before draw)

    // What Run uses; the window's controls edit it (tests set it directly).
    AgreementRequest& request() { return request_; }
    // Starts a run of request() on the project open in `app` (a running one is cancelled first).
    void run(App& app);
    void cancel();
    bool running() const { return job_ != nullptr || export_job_ != nullptr; }
    bool busy() const { return running() || !retired_.empty(); }
    // The step the worker is on ("Reading the codings") and how far, while it runs.
    std::string progress_label() const;
    float progress() const;

    const std::optional<AgreementRun>& result() const { return result_; }
    const AgreementTable& table() const { return table_; }
    // Rows of table().codes drawn, in order (sort and folds applied).
    std::vector<int> visible_rows() const;
    // Brings the construct confusion tab to the front in the next frame (--view confusion).
    void show_confusion_tab() { confusion_tab_wanted_ = true; }
    void sort_by(int column, bool ascending) { sort_column_ = column, sort_ascending_ = ascending; }
    void set_folded(const std::string& code_path, bool folded);

    // Writes the last result to `file` on a worker (the browser's choice lands here).
    void export_to(App& app, const std::filesystem::path& file, ReportFormat format);
    const std::optional<std::filesystem::path>& last_export() const { return last_export_; }

    // Construct confusion (two coders): the passages behind cell (row, column) of the run's
    // table, read on a worker; clicking a cell does this.
    void show_passages(App& app, std::size_t row, std::size_t column);
    bool passages_loading() const { return passages_job_ != nullptr; }
    const std::vector<agreement::ConfusionPassage>& passages() const { return passages_; }

private:
    void draw_scope(App& app);
    void draw_results(App& app);
    void draw_code_table(App& app);
    void draw_document_table();
    void draw_confusion(App& app);
    void adopt(AgreementRun run, App& app);

    bool visible_ = false;
    AgreementRequest request_;
    int replicates_ = 1000;
    std::unique_ptr<TeamJob<AgreementRun>> job_;
    std::unique_ptr<TeamJob<std::filesystem::path>> export_job_;
    JobRetirement retired_;
    std::optional<AgreementRun> result_;
    AgreementTable table_;
    int sort_column_ = -1;  // tree order
    bool sort_ascending_ = false;
    std::set<std::string> closed_;
    FileBrowser browser_;
    ReportFormat export_format_ = ReportFormat::Html;
    std::optional<std::filesystem::path> last_export_;
    std::unique_ptr<TeamJob<std::vector<agreement::ConfusionPassage>>> passages_job_;
    std::vector<agreement::ConfusionPassage> passages_;
    std::optional<std::pair<std::size_t, std::size_t>> cell_;
    bool confusion_tab_wanted_ = false;
};

}  // namespace npt::gui
