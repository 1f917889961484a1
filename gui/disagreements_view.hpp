// disagreements_view.hpp — Team > Disagreements and reconciliation: every stretch where two coders
// differ on a code (core find_disagreements, read on a worker), listed with its document, code,
// span, each coder's coding, speaker and text, filterable by code and document, with "n of m
// decided" (decisions from the core's record). The list is clipped (ImGuiListClipper), so only the
// rows in view are drawn however long it is. Selecting a row opens the transcript at the
// contested span with only the two coders' (and the consensus coder's) highlights and stripes
// shown. Accept A, accept B, accept both or reject both write the consensus coder through the
// core's decision functions with the note, as one undoable step (or the consensus span becomes
// the transcript's selection); a rule-based first pass (union,
// intersection, majority, A, B) does the same for all of them at once. The list re-reads itself
// whenever the project changes (a decision, an undo, another writer). The decision log exports
// to CSV, HTML, Markdown or JSON with the CLI's writers.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/agreement/disagreements.hpp"
#include "core/agreement/reconcile.hpp"
#include "core/text/span.hpp"
#include "gui/file_browser.hpp"
#include "gui/team_job.hpp"

namespace npt::gui {

class App;

// What the worker reads: the disagreements between the two coders and the decisions recorded.
struct DisagreementList {
    std::string coder_a, coder_b;
    std::vector<agreement::Disagreement> items;
    std::string consensus;
    std::map<std::string, agreement::ReconcileDecision> decisions;  // by disagreement id: the latest
    std::vector<std::string> codes;      // paths with a disagreement, sorted
    std::vector<std::string> documents;  // names with a disagreement, in list order
};

class DisagreementsView {
public:
    DisagreementsView();
    ~DisagreementsView();

    void open() { visible_ = true; }
    bool visible() const { return visible_; }
    void draw(App& app);
    void poll(App& app);  // every frame: takes a finished read, re-reads after a change

    // The two coders compared and the consensus coder decisions are written to.
    void set_coders(const std::string& a, const std::string& b);
    void set_consensus(const std::string& name) { consensus_ = name; }
    const std::string& consensus() const { return consensus_; }
    void load(App& app);  // reads the list on a worker
    bool loading() const { return job_ != nullptr; }
    bool busy() const { return job_ != nullptr || !retired_.empty(); }
    const std::optional<DisagreementList>& list() const { return list_; }

    // Filters ("" = every code / document) and the rows they leave, as indices into list()->items.
    void set_filter(const std::string& code, const std::string& document);
    const std::vector<std::size_t>& shown() const { return shown_; }
    std::size_t decided_count() const;  // among shown()
    bool decided(const agreement::Disagreement& d) const;

    // Selects shown()[row]: opens the transcript at its span.
    void select(App& app, std::size_t row);
    std::optional<std::size_t> selected() const { return selected_; }
    // Selects shown()[row] once the list being read arrives (--view disagreements).
    void select_when_loaded(std::size_t row) { select_when_loaded_ = row; }

    enum class Decision { AcceptA, AcceptB, AcceptBoth, RejectBoth, Span };
    // Decides the selected disagreement through the core (one undoable step). False on an error
    // (shown in the error modal) or when nothing is selected.
    // Span: the consensus coding becomes `span` (the transcript's selection, in the window).
    bool decide(App& app, Decision decision, const std::string& note, Span span = {});
    // The latest decision on the selected disagreement, if any.
    const agreement::ReconcileDecision* selected_decision() const;
    // The rule-based first pass into the consensus coder: union, intersection, majority, A or B.
    bool apply_rule(App& app, const std::string& rule);

    // Writes the decision log (into the consensus coder) as `nptcoder reconcile --log` does.
    enum class LogFormat { Csv, Html, Markdown, Json };
    void export_log(App& app, const std::filesystem::path& file, LogFormat format);
    bool exporting() const { return export_job_ != nullptr; }
    const std::optional<std::filesystem::path>& last_export() const { return last_export_; }

    int rows_drawn() const { return rows_drawn_; }  // list rows drawn in the last frame

private:
    void refilter();
    void draw_list(App& app);
    void draw_decision(App& app);

    bool visible_ = false;
    std::string coder_a_, coder_b_;
    std::string consensus_ = "Consensus";
    std::unique_ptr<TeamJob<DisagreementList>> job_;
    JobRetirement retired_;
    std::optional<DisagreementList> list_;
    std::set<std::string> decided_ids_;  // decided since the last read, until the re-read
    std::unique_ptr<TeamJob<std::filesystem::path>> export_job_;
    std::optional<std::filesystem::path> last_export_;
    FileBrowser browser_;
    LogFormat log_format_ = LogFormat::Csv;
    std::uint64_t loaded_revision_ = 0;
    bool reload_wanted_ = false;
    std::string code_filter_, document_filter_;
    std::vector<std::size_t> shown_;
    std::optional<std::size_t> selected_;  // index into shown_
    std::string selected_id_;              // kept across re-reads
    char note_[512] = {};
    int rule_ = 0;
    int rows_drawn_ = 0;
    std::optional<std::size_t> select_when_loaded_;
};

}  // namespace npt::gui
