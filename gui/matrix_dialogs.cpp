// matrix_dialogs.cpp — the framework matrix window's popups: New matrix (name, description,
// grouping attribute, columns), Rename, Delete (confirm), Draft empty cells (every coder or
// chosen ones) and Export (format and file). Each closes before its change runs through
// App::act, so an error's modal stands alone.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "gui/app.hpp"
#include "gui/dialog_keys.hpp"
#include "gui/matrix_view.hpp"

namespace npt::gui {
namespace {

constexpr ImGuiWindowFlags kDialog = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;

const char* format_label(ExportFormat f) {
    switch (f) {
    case ExportFormat::Xlsx: return "Excel workbook (.xlsx, with a Quotes sheet)";
    case ExportFormat::Csv: return "CSV (.csv)";
    case ExportFormat::Html: return "Printable web page (.html)";
    case ExportFormat::Markdown: return "Markdown (.md)";
    case ExportFormat::Docx: return "Word document (.docx)";
    }
    return "";
}

// `path` with its extension replaced by the format's.
std::string with_extension(const std::string& path, ExportFormat f) {
    std::filesystem::path p(path);
    p.replace_extension(extension_of(f));
    return p.string();
}

}  // namespace

void MatrixView::draw_create_popup(App& app) {
    if (!ImGui::BeginPopupModal("New matrix", nullptr, kDialog)) return;
    const float em = ImGui::GetFontSize();
    const ProjectSnapshot& s = app.snapshot();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(em * 20);
    ImGui::InputText("Name", &form_.name);
    remember("Name");
    ImGui::SetNextItemWidth(em * 20);
    ImGui::InputText("Description (optional)", &form_.description);
    ImGui::SetNextItemWidth(em * 20);
    if (ImGui::BeginCombo("Group rows by", form_.group_by.empty() ? "(no grouping)" : form_.group_by.c_str())) {
        if (ImGui::Selectable("(no grouping)", form_.group_by.empty())) form_.group_by.clear();
        for (const Attribute& a : s.attributes)
            if (ImGui::Selectable(a.name.c_str(), form_.group_by == a.name)) form_.group_by = a.name;
        ImGui::EndCombo();
    }
    ImGui::TextUnformatted("Columns");
    int columns = static_cast<int>(form_.columns);
    ImGui::RadioButton("NPT's four constructs", &columns, static_cast<int>(MatrixForm::Columns::Constructs));
    ImGui::SameLine();
    ImGui::RadioButton("NPT's sub-constructs", &columns, static_cast<int>(MatrixForm::Columns::SubConstructs));
    ImGui::SameLine();
    ImGui::RadioButton("Codes I choose", &columns, static_cast<int>(MatrixForm::Columns::Codes));
    form_.columns = static_cast<MatrixForm::Columns>(columns);
    if (form_.columns == MatrixForm::Columns::Codes) {
        ImGui::TextDisabled("A column also gathers the codings of the codes below its code.");
        ImGui::BeginChild("##codes", {em * 30, em * 12}, true);
        for (const Code& c : s.codes) {
            bool on = std::find(form_.codes.begin(), form_.codes.end(), c.path) != form_.codes.end();
            if (ImGui::Checkbox(c.path.c_str(), &on)) {
                std::vector<std::string> next;  // in the codebook's order
                for (const Code& k : s.codes)
                    if (k.path == c.path ? on : std::find(form_.codes.begin(), form_.codes.end(), k.path) != form_.codes.end())
                        next.push_back(k.path);
                form_.codes = std::move(next);
            }
        }
        ImGui::EndChild();
    }
    ImGui::Spacing();
    const bool ready = !form_.name.empty() && (form_.columns != MatrixForm::Columns::Codes || !form_.codes.empty());
    ImGui::BeginDisabled(!ready);
    const bool create_now = ImGui::Button("Create") || (ready && enter_pressed());
    remember("Create");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel") || escape_pressed();
    if (create_now || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (create_now) create(app, form_);
}

void MatrixView::draw_rename_popup(App& app) {
    if (!ImGui::BeginPopupModal("Rename matrix", nullptr, kDialog)) return;
    const float em = ImGui::GetFontSize();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(em * 20);
    ImGui::InputText("New name", &rename_text_);
    remember("New name");
    ImGui::BeginDisabled(rename_text_.empty());
    const bool ok = ImGui::Button("Rename") || (!rename_text_.empty() && enter_pressed());
    remember("Rename");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel") || escape_pressed();
    if (ok || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (ok) rename(app, rename_text_);
}

void MatrixView::draw_delete_popup(App& app) {
    if (!ImGui::BeginPopupModal("Delete matrix?", nullptr, kDialog)) return;
    ImGui::Text("Delete the matrix '%s' with its summaries and links?", matrix_ ? matrix_->info.name.c_str() : "");
    ImGui::TextDisabled("Edit > Undo brings it back.");
    const bool ok = ImGui::Button("Delete");
    remember("Delete");
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel") || escape_pressed();
    if (ok || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (ok) remove(app);
}

void MatrixView::draw_draft_popup(App& app) {
    if (!ImGui::BeginPopupModal("Draft empty cells", nullptr, kDialog)) return;
    const float em = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(em * 30);
    ImGui::TextUnformatted("Fills every cell you have not edited with the case's coded segments for its column. "
                           "Cells you edited are never changed.");
    ImGui::PopTextWrapPos();
    ImGui::Checkbox("Every coder's codings", &draft_all_);
    remember("Every coder's codings");
    if (!draft_all_) {
        for (const Coder& c : app.snapshot().coders) {
            bool on = std::find(draft_coders_.begin(), draft_coders_.end(), c.name) != draft_coders_.end();
            if (ImGui::Checkbox(c.name.c_str(), &on)) {
                if (on) draft_coders_.push_back(c.name);
                else draft_coders_.erase(std::remove(draft_coders_.begin(), draft_coders_.end(), c.name), draft_coders_.end());
            }
            remember("Coder " + c.name);
        }
    }
    const bool ready = draft_all_ || !draft_coders_.empty();
    ImGui::BeginDisabled(!ready);
    const bool ok = ImGui::Button("Draft");
    remember("Draft");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel") || escape_pressed();
    if (ok || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (ok) draft(app, draft_all_ ? std::vector<std::string>{} : draft_coders_);
}

void MatrixView::draw_export_popup(App& app) {
    if (!ImGui::BeginPopupModal("Export matrix", nullptr, kDialog)) return;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 22);
    if (ImGui::BeginCombo("Format", format_label(export_format_))) {
        for (ExportFormat f : {ExportFormat::Xlsx, ExportFormat::Docx, ExportFormat::Csv, ExportFormat::Html, ExportFormat::Markdown})
            if (ImGui::Selectable(format_label(f), f == export_format_)) {
                export_format_ = f;
                export_path_ = with_extension(export_path_, f);
            }
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(em * 30);
    ImGui::InputText("File", &export_path_);
    remember("File");
    // Which case attributes appear as columns: nothing about a participant leaves unless ticked.
    ImGui::TextUnformatted("Case attributes shown as columns:");
    for (const Attribute& a : app.snapshot().attributes) {
        auto at = std::find(export_attributes_.begin(), export_attributes_.end(), a.name);
        bool shown = at != export_attributes_.end();
        ImGui::SameLine();
        if (ImGui::Checkbox(a.name.c_str(), &shown)) {
            if (shown) export_attributes_.push_back(a.name);
            else export_attributes_.erase(at);
        }
    }
    if (app.snapshot().attributes.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(none)");
    }
    ImGui::TextDisabled("The same files as `nptcoder matrix export --attributes ...`.");
    ImGui::BeginDisabled(export_path_.empty());
    const bool ok = ImGui::Button("Export");
    remember("Export");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel") || escape_pressed();
    if (ok || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (ok) export_to(app, export_path_);
}

}  // namespace npt::gui
