// matrix_view.cpp — the framework matrix window: reading the matrix once per project revision,
// the window's layout and toolbar, and the changes its buttons make (each one core action).
#include "gui/matrix_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "codebook/npt_constructs.hpp"
#include "core/error.hpp"
#include "core/model/documents.hpp"
#include "exporters/matrix_export.hpp"
#include "gui/app.hpp"
#include "gui/team_window.hpp"

namespace npt::gui {

void MatrixView::select_matrix(const std::string& name) {
    wanted_ = name;
    loaded_revision_ = ~0ull;
}

void MatrixView::poll(App& app) {
    if (!app.has_project()) {
        matrices_.clear();
        matrix_.reset();
        lines_.clear();
        selected_.reset();
        segments_.clear();
        loaded_revision_ = ~0ull;
        return;
    }
    if (!visible_ || loaded_revision_ == app.revision()) return;
    reload(app);
}

void MatrixView::reload(App& app) {
    loaded_revision_ = app.revision();
    try {
        Project& p = app.project();
        matrices_ = list_matrices(p);
        const bool wanted_exists = std::any_of(matrices_.begin(), matrices_.end(), [&](const MatrixInfo& m) { return m.name == wanted_; });
        if (!wanted_exists) wanted_ = matrices_.empty() ? std::string() : matrices_.front().name;
        if (wanted_.empty()) {
            matrix_.reset();
            lines_.clear();
        } else {
            FrameworkMatrix next = load_matrix(p, wanted_);
            ++loads_;
            const bool same_matrix = matrix_ && matrix_->info.id == next.info.id;  // a rename keeps it
            matrix_ = std::move(next);
            lines_ = matrix_lines(*matrix_);
            page_ = std::min(page_, matrix_column_pages(matrix_->columns.size()) - 1);
            if (!same_matrix) page_ = 0, draft_result_.reset(), selected_.reset();
        }
        if (selected_ && !selected_cell()) selected_.reset();
        if (pending_cell_ && matrix_) {
            const auto [case_name, code_path] = *pending_cell_;
            pending_cell_.reset();
            for (const MatrixRow& r : matrix_->rows)
                for (const MatrixColumn& c : matrix_->columns)
                    if (r.info.name == case_name && c.path == code_path) select_cell(app, {r.info.id, c.code_id});
        }
        const MatrixCell* cell = selected_cell();
        if (!cell) {
            summary_text_.clear();
            summary_base_.clear();
            segments_.clear();
        } else {
            if (summary_text_ == summary_base_) summary_text_ = cell->summary;  // an unsaved edit is kept
            summary_base_ = cell->summary;
            load_segments(app);
        }
    } catch (const Error& e) {
        matrix_.reset();
        lines_.clear();
        selected_.reset();
        app.show_error(e.what());
    }
}

const MatrixRow* MatrixView::selected_row() const {
    if (!matrix_ || !selected_) return nullptr;
    for (const MatrixRow& r : matrix_->rows)
        if (r.info.id == selected_->case_id) return &r;
    return nullptr;
}

int MatrixView::selected_column() const {
    if (!matrix_ || !selected_) return -1;
    for (std::size_t c = 0; c < matrix_->columns.size(); ++c)
        if (matrix_->columns[c].code_id == selected_->code_id) return static_cast<int>(c);
    return -1;
}

const MatrixCell* MatrixView::selected_cell() const {
    const MatrixRow* row = selected_row();
    const int column = selected_column();
    if (!row || column < 0) return nullptr;
    return &row->cells[static_cast<std::size_t>(column)];
}

void MatrixView::load_segments(App& app) {
    segments_.clear();
    const MatrixRow* row = selected_row();
    const int column = selected_column();
    if (!row || column < 0) return;
    RetrievalFilter filter;
    filter.segments.codes = {matrix_->columns[static_cast<std::size_t>(column)].path};
    filter.segments.include_descendants = true;
    filter.segments.cases = {row->info.name};
    try {
        segments_ = retrieve_segments(app.project(), filter);
    } catch (const Error& e) {
        app.show_error(e.what());
    }
}

void MatrixView::select_cell(App& app, MatrixCellKey cell) {
    if (selected_ && *selected_ == cell) return;
    if (summary_unsaved()) save_summary(app);  // no lost work: the summary being written is kept
    selected_ = cell;
    summary_field_ = {};
    const MatrixCell* c = selected_cell();
    summary_text_ = summary_base_ = c ? c->summary : std::string();
    load_segments(app);
}

void MatrixView::select_cell_when_loaded(const std::string& case_name, const std::string& code_path) {
    pending_cell_ = {case_name, code_path};
    loaded_revision_ = ~0ull;
}

bool MatrixView::create(App& app, const MatrixForm& form) {
    NewMatrix m{form.name, form.description, {}, {}};
    if (!form.group_by.empty()) m.group_by = {form.group_by};
    const bool ok = app.act([&] {
        Project& p = app.project();
        if (form.columns == MatrixForm::Columns::Codes) {
            m.codes = form.codes;
        } else {
            const bool sub = form.columns == MatrixForm::Columns::SubConstructs;
            m.codes = codebook::npt_default_columns(p, sub);
            if (m.codes.empty())
                throw InputError("matrix '" + m.name + "': the codebook has no NPT " + (sub ? "sub-constructs" : "constructs") +
                                 " (Coherence, Cognitive participation, ...); choose the columns' codes");
        }
        create_matrix(p, m);
    });
    if (ok) select_matrix(m.name);
    return ok;
}

bool MatrixView::rename(App& app, const std::string& name) {
    if (!matrix_) return false;
    const MatrixId id = matrix_->info.id;
    const bool ok = app.act([&] { rename_matrix(app.project(), id, name); });
    if (ok) select_matrix(name);
    return ok;
}

bool MatrixView::remove(App& app) {
    if (!matrix_) return false;
    const MatrixId id = matrix_->info.id;
    selected_.reset();
    return app.act([&] { delete_matrix(app.project(), id); });
}

bool MatrixView::draft(App& app, const std::vector<std::string>& coders) {
    if (!matrix_) return false;
    const MatrixId id = matrix_->info.id;
    DraftResult result;
    const bool ok = app.act([&] { result = draft_matrix(app.project(), id, DraftOptions{coders}); });
    if (ok) draft_result_ = result;
    return ok;
}

bool MatrixView::export_to(App& app, const std::filesystem::path& file) {
    if (!matrix_ || !app.has_project()) return false;
    try {
        export_format_of(file);
        const FrameworkMatrix m = load_matrix(app.project(), matrix_->info.name);
        ExportOptions options;
        options.attributes = export_attributes_;
        export_matrix(m, file, options);
        export_message_ = "Wrote " + file.string() + " (" + std::to_string(m.rows.size()) + " cases x " +
                          std::to_string(m.columns.size()) + " codes)";
        export_failed_ = false;
    } catch (const Error& e) {
        export_message_ = e.what();
        export_failed_ = true;
    }
    return !export_failed_;
}

bool MatrixView::save_summary(App& app) {
    if (!matrix_ || !selected_) return false;
    const MatrixId id = matrix_->info.id;
    const MatrixCellKey cell = *selected_;
    const std::string text = summary_text_;
    const bool ok = app.act([&] { set_cell_summary(app.project(), id, cell.case_id, cell.code_id, text); });
    if (ok) summary_base_ = text;
    return ok;
}

bool MatrixView::reset_selected(App& app) {
    if (!matrix_ || !selected_) return false;
    const MatrixId id = matrix_->info.id;
    const MatrixCellKey cell = *selected_;
    const bool ok = app.act([&] { reset_cell(app.project(), id, cell.case_id, cell.code_id); });
    if (ok) summary_text_ = summary_base_ = std::string();
    return ok;
}

bool MatrixView::link(App& app, CodingId coding) {
    if (!matrix_ || !selected_) return false;
    const MatrixId id = matrix_->info.id;
    const MatrixCellKey cell = *selected_;
    return app.act([&] { link_coding(app.project(), id, cell.case_id, cell.code_id, coding); });
}

bool MatrixView::unlink(App& app, MatrixLinkId link) {
    if (!matrix_ || !selected_) return false;
    const MatrixId id = matrix_->info.id;
    const MatrixCellKey cell = *selected_;
    return app.act([&] { unlink_from_cell(app.project(), id, cell.case_id, cell.code_id, link, std::nullopt); });
}

void MatrixView::jump_to_link(App& app, const MatrixLink& link) {
    for (const DocumentInfo& d : app.snapshot().documents)
        if (d.name == link.document) return app.jump_to(d.id, {link.start, link.end});
}

std::optional<ImVec2> MatrixView::cell_centre(MatrixCellKey cell) const {
    auto it = cell_centres_.find(cell);
    if (it == cell_centres_.end()) return std::nullopt;
    return it->second;
}

std::optional<ImVec2> MatrixView::item_centre(const std::string& label) const {
    auto it = item_centres_.find(label);
    if (it == item_centres_.end()) return std::nullopt;
    return it->second;
}

void MatrixView::remember(const std::string& label) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    item_centres_[label] = {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

void MatrixView::draw_toolbar(App& app) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 16);
    if (ImGui::BeginCombo("##matrix", matrix_ ? matrix_->info.name.c_str() : "(no matrix yet)")) {
        for (const MatrixInfo& m : matrices_)
            if (ImGui::Selectable(m.name.c_str(), matrix_ && matrix_->info.id == m.id) && m.name != wanted_) {
                if (summary_unsaved()) save_summary(app);  // no lost work
                select_matrix(m.name);
            }
        ImGui::EndCombo();
    }
    if (matrix_ && !matrix_->info.description.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", matrix_->info.description.c_str());
    ImGui::SameLine();
    if (ImGui::Button("New...")) {
        form_ = MatrixForm{};
        ImGui::OpenPopup("New matrix");
    }
    remember("New...");
    ImGui::BeginDisabled(!matrix_);
    ImGui::SameLine();
    if (ImGui::Button("Rename...")) {
        rename_text_ = matrix_->info.name;
        ImGui::OpenPopup("Rename matrix");
    }
    remember("Rename...");
    ImGui::SameLine();
    if (ImGui::Button("Delete...")) ImGui::OpenPopup("Delete matrix?");
    remember("Delete...");
    ImGui::SameLine();
    if (ImGui::Button("Draft empty cells...")) ImGui::OpenPopup("Draft empty cells");
    remember("Draft empty cells...");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Fill every cell you have not edited with the case's coded segments for its column");
    ImGui::SameLine();
    if (ImGui::Button("Export...")) {
        if (export_path_.empty())
            export_path_ = (app.project().path().parent_path() / (matrix_->info.name + extension_of(export_format_))).string();
        // Participants' attributes (pseudonym, age, consent notes...) stay out unless ticked: the
        // first export of a matrix starts with its grouping attributes; later ones keep the choice.
        if (export_attributes_of_ != matrix_->info.id) {
            export_attributes_ = matrix_->info.group_by;
            export_attributes_of_ = matrix_->info.id;
        }
        ImGui::OpenPopup("Export matrix");
    }
    remember("Export...");
    ImGui::EndDisabled();
    if (matrix_) {
        const int pages = matrix_column_pages(matrix_->columns.size());
        if (pages > 1) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em * 11);
            const std::string label = "Columns " + std::to_string(page_ * kMatrixPageColumns + 1) + "-" +
                                      std::to_string(std::min<std::size_t>((page_ + 1) * kMatrixPageColumns, matrix_->columns.size()));
            if (ImGui::BeginCombo("##page", label.c_str())) {
                for (int i = 0; i < pages; ++i) {
                    const std::string l = "Columns " + std::to_string(i * kMatrixPageColumns + 1) + "-" +
                                          std::to_string(std::min<std::size_t>((i + 1) * kMatrixPageColumns, matrix_->columns.size()));
                    if (ImGui::Selectable(l.c_str(), i == page_)) page_ = i;
                }
                ImGui::EndCombo();
            }
        }
    }
    draw_create_popup(app);
    draw_rename_popup(app);
    draw_delete_popup(app);
    draw_draft_popup(app);
    draw_export_popup(app);

    if (matrix_) {
        std::string groups;
        for (const std::string& g : matrix_->info.group_by) groups += (groups.empty() ? "" : ", ") + g;
        ImGui::TextDisabled("%zu cases x %zu columns%s", matrix_->rows.size(), matrix_->columns.size(),
                            groups.empty() ? "" : ("; grouped by " + groups).c_str());
    }
    if (draft_result_) {
        ImGui::SameLine();
        ImGui::Text("Drafted %d cells with %d quotes; %d already up to date; %d edited cells kept; %d cells with no coded segments",
                    draft_result_->filled, draft_result_->links, draft_result_->unchanged, draft_result_->kept_edited,
                    draft_result_->without_segments);
    }
    if (!export_message_.empty()) {
        if (export_failed_) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", export_message_.c_str());
        else ImGui::TextUnformatted(export_message_.c_str());
    }
}

void MatrixView::draw(App& app) {
    if (!visible_) return;
    item_centres_.clear();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize({em * 72, em * 46}, ImGuiCond_FirstUseEver);
    if (!begin_team_window("Framework matrix", &visible_)) {
        ImGui::End();
        return;
    }
    if (!app.has_project()) {
        ImGui::TextDisabled("Open a project to build a framework matrix.");
        ImGui::End();
        return;
    }
    draw_toolbar(app);
    if (!matrix_) {
        ImGui::Spacing();
        ImGui::TextWrapped("No framework matrix yet. New... makes one: a row per case, a column per NPT construct (or "
                           "sub-construct, or codes you choose), grouped by a case attribute such as group or site.");
        ImGui::End();
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().y;
    const float panel = selected_ ? std::max(em * 16, avail * 0.42f) : 0.0f;
    draw_table(app, selected_ ? avail - panel : 0.0f);
    if (selected_) draw_cell_panel(app);
    ImGui::End();
}

}  // namespace npt::gui
