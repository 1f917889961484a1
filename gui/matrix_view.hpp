// matrix_view.hpp — Write-up > Framework matrix: the framework matrix editor. Pick a matrix, create
// one (rows grouped by a case attribute, columns NPT's constructs, its sub-constructs or chosen
// codes), rename or delete it; a table of cases × columns (frozen header row and case column,
// group header rows, clipped rows) whose cells show their summary and a count of linked quotes,
// stale links marked; the selected cell's panel edits the summary, lists its linked quotes (jump,
// unlink) and the case's coded segments for that column (jump, link); draft empty cells for all
// coders or chosen ones; export as `nptcoder matrix export` does. The matrix is read with
// load_matrix once per project revision; every change is one core action through App::act.
#pragma once
#include <imgui.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/matrix/framework_matrix.hpp"
#include "core/query/retrieval.hpp"
#include "exporters/export_format.hpp"
#include "gui/matrix_table.hpp"
#include "gui/wrapped_input.hpp"

namespace npt::gui {

class App;

// The New matrix dialog's fields.
struct MatrixForm {
    enum class Columns { Constructs, SubConstructs, Codes };
    std::string name;
    std::string description;
    std::string group_by;  // attribute name; empty: no grouping
    Columns columns = Columns::Constructs;
    std::vector<std::string> codes;  // Columns::Codes: the chosen code paths, in the codebook's order
};

// A cell, named as the core names it: its row's case and its column's code.
struct MatrixCellKey {
    CaseId case_id;
    CodeId code_id;
    friend bool operator==(const MatrixCellKey&, const MatrixCellKey&) = default;
    friend auto operator<=>(const MatrixCellKey&, const MatrixCellKey&) = default;
};

class MatrixView {
public:
    void open() { visible_ = true; }
    bool visible() const { return visible_; }
    void poll(App& app);  // re-reads the matrix when the project's revision changed
    void draw(App& app);
    bool busy() const { return false; }

    // The matrix shown, by name (the first one when unset or gone; --matrix NAME sets it).
    void select_matrix(const std::string& name);
    const std::vector<MatrixInfo>& matrices() const { return matrices_; }
    const std::optional<FrameworkMatrix>& matrix() const { return matrix_; }
    const std::vector<MatrixLine>& lines() const { return lines_; }
    int loads() const { return loads_; }                 // how many times load_matrix ran
    int rows_drawn() const { return rows_drawn_; }       // table lines drawn in the last frame
    int column_page() const { return page_; }            // the page of columns shown (matrix_table.hpp)

    // What the window's buttons do; each change is one App::act (an error shows in its modal).
    bool create(App& app, const MatrixForm& form);
    bool rename(App& app, const std::string& name);
    bool remove(App& app);
    bool draft(App& app, const std::vector<std::string>& coders);  // empty: every coder
    // Writes the matrix as `nptcoder matrix export` does; the outcome is export_message().
    bool export_to(App& app, const std::filesystem::path& file);
    // The case attributes the export shows as columns (ExportOptions::attributes): when the Export
    // dialog first opens for a matrix, the attributes it groups by; the dialog ticks more or fewer,
    // and the choice is kept for the next export of that matrix. Names.
    std::vector<std::string>& export_attributes() { return export_attributes_; }

    // The selected cell (saving an unsaved summary of the previous one first).
    void select_cell(App& app, MatrixCellKey cell);
    // Selects the cell of case `case_name` and column `code_path` once the matrix is read
    // (--matrix-cell CASE/CODE); nothing when the matrix has no such cell.
    void select_cell_when_loaded(const std::string& case_name, const std::string& code_path);
    const std::optional<MatrixCellKey>& selected() const { return selected_; }
    const MatrixCell* selected_cell() const;  // nullptr when none is selected or it is gone
    std::string& summary_text() { return summary_text_; }
    bool summary_unsaved() const { return selected_ && summary_text_ != summary_base_; }
    bool save_summary(App& app);
    bool reset_selected(App& app);  // empties the cell and hands it back to draft
    bool link(App& app, CodingId coding);
    bool unlink(App& app, MatrixLinkId link);
    // The selected case's coded segments for the column's code and the codes below it.
    const std::vector<RetrievedSegment>& segments() const { return segments_; }
    void jump_to_link(App& app, const MatrixLink& link);

    MatrixForm& form() { return form_; }
    std::vector<std::string>& draft_coders() { return draft_coders_; }
    const std::optional<DraftResult>& draft_result() const { return draft_result_; }
    const std::string& export_message() const { return export_message_; }
    bool export_failed() const { return export_failed_; }

    // Screen centres as last drawn (for tests): a cell, a button or field by its label.
    std::optional<ImVec2> cell_centre(MatrixCellKey cell) const;
    std::optional<ImVec2> item_centre(const std::string& label) const;

private:
    void reload(App& app);
    void load_segments(App& app);
    void draw_toolbar(App& app);
    void draw_table(App& app, float height);
    void draw_cell_panel(App& app);
    void draw_create_popup(App& app);
    void draw_rename_popup(App& app);
    void draw_delete_popup(App& app);
    void draw_draft_popup(App& app);
    void draw_export_popup(App& app);
    void remember(const std::string& label);  // the last item's centre, for item_centre()
    const MatrixRow* selected_row() const;
    int selected_column() const;

    bool visible_ = false;
    std::string wanted_;  // the matrix to show
    std::vector<MatrixInfo> matrices_;
    std::optional<FrameworkMatrix> matrix_;
    std::vector<MatrixLine> lines_;
    std::uint64_t loaded_revision_ = ~0ull;
    int loads_ = 0;
    int rows_drawn_ = 0;
    int page_ = 0;

    std::optional<std::pair<std::string, std::string>> pending_cell_;  // case name, code path
    std::optional<MatrixCellKey> selected_;
    std::string summary_text_;
    std::string summary_base_;  // the stored summary the text started from
    bool summary_active_ = false;
    WrappedInputState summary_field_;
    std::vector<RetrievedSegment> segments_;

    MatrixForm form_;
    std::string rename_text_;
    std::vector<std::string> draft_coders_;
    bool draft_all_ = true;
    std::optional<DraftResult> draft_result_;
    ExportFormat export_format_ = ExportFormat::Xlsx;
    std::string export_path_;
    std::vector<std::string> export_attributes_;
    MatrixId export_attributes_of_;  // the matrix export_attributes_ was chosen for
    std::string export_message_;
    bool export_failed_ = false;

    std::map<MatrixCellKey, ImVec2> cell_centres_;
    std::map<std::string, ImVec2> item_centres_;
};

}  // namespace npt::gui
