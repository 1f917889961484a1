// cases_view.cpp — the Cases and attributes window: toolbar (add a case or an attribute, import a
// CSV or XLSX file), the cases × attributes table with its in-place editors and menus, and the
// delete-case confirmation. Draws and dispatches only: every change is a core/model/cases.hpp call.
#include "gui/cases_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/model/attribute_values.hpp"
#include "core/model/case_edits.hpp"
#include "core/store/file_io.hpp"
#include "gui/app.hpp"
#include "gui/team_window.hpp"
#include "importers/cases_csv_importer.hpp"
#include "importers/cases_xlsx.hpp"

namespace npt::gui {
namespace {

// ImGui 1.86 tables hold at most 64 columns: the case, this many attributes, the documents.
constexpr int kMaxAttributeColumns = 62;

// The kinds the type combos offer, as core names them (attribute_kind_from_string), and their labels.
constexpr const char* kKinds[] = {"text", "number", "date", "boolean", "choice"};
constexpr const char* kKindLabels[] = {"text", "number", "date", "yes/no", "choice"};
constexpr int kChoiceKind = 4;

int kind_index(const std::string& kind_name) {
    for (int i = 0; i < 5; ++i)
        if (kind_name == kKinds[i]) return i;
    return 0;
}

const char* kind_label(const std::string& kind_name) { return kKindLabels[kind_index(kind_name)]; }

// A combo of the attribute kinds; `index` into kKinds.
void kind_combo(const char* id, int& index, float width) {
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, kKindLabels[index])) {
        for (int i = 0; i < 5; ++i)
            if (ImGui::Selectable(kKindLabels[i], i == index)) index = i;
        ImGui::EndCombo();
    }
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
    return out;
}

std::string value_of(const CaseDetail& c, const std::string& attribute) {
    auto it = c.values.find(attribute);
    return it == c.values.end() ? std::string() : it->second;
}

}  // namespace

bool CasesView::add_case(App& app, const std::string& name) {
    return app.act([&] { npt::add_case(app.project(), name); });
}

bool CasesView::rename_case(App& app, CaseId id, const std::string& name) {
    return app.act([&] { npt::rename_case(app.project(), id, name); });
}

bool CasesView::delete_case(App& app, CaseId id) {
    return app.act([&] { npt::delete_case(app.project(), id); });
}

bool CasesView::add_attribute(App& app, const std::string& name, const std::string& kind, const std::string& choices) {
    return app.act([&] {
        const AttributeKind k = attribute_kind_from_string(kind);
        npt::add_attribute(app.project(), name, k.type, choices_for_kind(name, k, parse_choice_list(choices)));
    });
}

bool CasesView::rename_attribute(App& app, AttributeId id, const std::string& name) {
    return app.act([&] { npt::rename_attribute(app.project(), id, name); });
}

bool CasesView::delete_attribute(App& app, AttributeId id) {
    return app.act([&] { npt::delete_attribute(app.project(), id); });
}

bool CasesView::set_attribute_type(App& app, AttributeId id, const std::string& kind, const std::string& choices) {
    return app.act([&] {
        const AttributeKind k = attribute_kind_from_string(kind);
        const Attribute a = attribute_by_id(app.project(), id);
        npt::set_attribute_type(app.project(), id, k.type, choices_for_kind(a.name, k, parse_choice_list(choices)));
    });
}

const std::vector<std::string>& CasesView::choices_of(AttributeId id) const {
    static const std::vector<std::string> none;
    auto it = choices_.find(id);
    return it == choices_.end() ? none : it->second;
}

bool CasesView::edit_value(App& app, CaseId case_id, AttributeId attribute_id, const std::string& value) {
    return app.act([&] { edit_case_value(app.project(), case_id, attribute_id, value); });
}

bool CasesView::set_linked(App& app, CaseId case_id, DocumentId document_id, bool linked) {
    return app.act([&] {
        if (linked) link_document_to_case(app.project(), document_id, case_id);
        else unlink_document_from_case(app.project(), document_id, case_id);
    });
}

bool CasesView::import_file(App& app, const std::filesystem::path& file) {
    importers::CasesImportSummary s;
    const bool ok = app.act([&] {
        const std::uint64_t max_size = 100ull * 1024 * 1024;
        importers::CasesImportOptions options;
        const bool xlsx = importers::looks_like_xlsx(read_file(file, max_size).substr(0, 4));
        s = xlsx ? importers::import_cases_xlsx(app.project(), file, options, {}, max_size)
                 : importers::import_cases_csv(app.project(), file, options, max_size);
    });
    if (!ok) return false;
    std::vector<std::string> attributes;
    for (const Attribute& a : s.attributes)
        attributes.push_back(a.name + " (" + kind_label(attribute_kind_name(a.type, choices_of(a.id))) + ")");
    import_report_ = file.filename().string() + ": " + std::to_string(s.cases_added) + " case(s) added, " +
                     std::to_string(s.cases_updated) + " updated; " + std::to_string(s.values_set) + " value(s) set; " +
                     std::to_string(s.links_added) + " document link(s) added" +
                     (attributes.empty() ? "" : "; attributes: " + joined(attributes, ", "));
    return true;
}

void CasesView::start_editing(CaseId case_id, AttributeId attribute_id, const std::string& value) {
    edit_case_ = case_id;
    edit_attribute_ = attribute_id;
    edit_text_ = value;
    edit_focus_ = true;
}

void CasesView::finish_editing(App& app) {
    const CaseId c = edit_case_;
    const AttributeId a = edit_attribute_;
    edit_case_ = {};
    edit_attribute_ = {};
    edit_value(app, c, a, edit_text_);
}

void CasesView::ask_delete_case(CaseId id, const std::string& name) {
    pending_delete_ = id;
    pending_name_ = name;
    open_delete_modal_ = true;
}

void CasesView::confirm_delete(App& app) {
    const CaseId id = pending_delete_;
    pending_delete_ = {};
    if (id.value != 0) delete_case(app, id);
}

void CasesView::draw(App& app) {
    if (!visible_) return;
    ImGui::SetNextWindowSize({ImGui::GetFontSize() * 80, ImGui::GetFontSize() * 34}, ImGuiCond_FirstUseEver);
    if (begin_team_window("Cases and attributes", &visible_)) {
        if (!app.has_project()) {
            ImGui::TextDisabled("Open a project to see its cases.");
        } else {
            draw_toolbar(app);
            draw_table(app);
            draw_delete_modal(app);
        }
    }
    ImGui::End();
}

void CasesView::draw_toolbar(App& app) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 9);
    const bool enter_case = ImGui::InputTextWithHint("##new case", "new case", &new_case_, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Add case") || enter_case) && add_case(app, new_case_)) new_case_.clear();
    ImGui::SameLine(0, em * 2);
    ImGui::SetNextItemWidth(em * 9);
    ImGui::InputTextWithHint("##new attribute", "new attribute", &new_attribute_);
    ImGui::SameLine();
    kind_combo("##new type", new_type_, em * 6);
    if (new_type_ == kChoiceKind) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 12);
        ImGui::InputTextWithHint("##new choices", "values: a, b, c", &new_choices_);
    }
    ImGui::SameLine();
    if (ImGui::Button("Add attribute") &&
        add_attribute(app, new_attribute_, kKinds[new_type_], new_type_ == kChoiceKind ? new_choices_ : "")) {
        new_attribute_.clear();
        new_choices_.clear();
    }

    ImGui::SetNextItemWidth(em * 24);
    ImGui::InputTextWithHint("##import path", "cases file (.csv or .xlsx): first column the case", &import_path_);
    ImGui::SameLine();
    if (ImGui::Button("Browse..."))
        browser_.open("Import cases", FileBrowser::Mode::Open,
                      {{"Cases (*.csv, *.xlsx)", {".csv", ".xlsx"}}, {"All files", {}}}, app.settings());
    ImGui::SameLine();
    ImGui::BeginDisabled(import_path_.empty());
    if (ImGui::Button("Import")) import_file(app, import_path_);
    ImGui::EndDisabled();
    if (!import_report_.empty()) {
        ImGui::SameLine();
        ImGui::TextWrapped("%s", import_report_.c_str());
    }
    if (auto chosen = browser_.draw(app.settings()); chosen && !chosen->empty()) import_path_ = chosen->front().string();
}

void CasesView::draw_table(App& app) {
    const ProjectSnapshot& s = app.snapshot();
    if (choices_revision_ != app.revision() || !choices_read_) {
        choices_ = all_attribute_choices(app.project());  // re-read with every change, as the snapshot is
        choices_revision_ = app.revision();
        choices_read_ = true;
    }
    const int attribute_columns = std::min(static_cast<int>(s.attributes.size()), kMaxAttributeColumns);
    ImGui::TextDisabled("%zu case(s), %zu attribute(s)%s. Click a value to edit it; click a name or a header for its menu.",
                        s.cases.size(), s.attributes.size(),
                        attribute_columns < static_cast<int>(s.attributes.size()) ? " (the first 62 attributes are shown)" : "");
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInner | ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("cases", attribute_columns + 2, flags)) return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Case", ImGuiTableColumnFlags_WidthFixed, em * 7);
    for (int i = 0; i < attribute_columns; ++i)
        ImGui::TableSetupColumn(s.attributes[static_cast<std::size_t>(i)].name.c_str(), ImGuiTableColumnFlags_WidthFixed, em * 8);
    ImGui::TableSetupColumn("Documents", ImGuiTableColumnFlags_WidthFixed, em * 14);

    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TableHeader("Case");
    for (int i = 0; i < attribute_columns; ++i) draw_attribute_header(app, s.attributes[static_cast<std::size_t>(i)], i + 1);
    ImGui::TableSetColumnIndex(attribute_columns + 1);
    ImGui::TableHeader("Documents");

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.cases.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const CaseDetail& c = s.cases[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(c.info.id.value));
            ImGui::TableSetColumnIndex(0);
            draw_case_cell(app, c);
            for (int i = 0; i < attribute_columns; ++i) {
                ImGui::TableSetColumnIndex(i + 1);
                draw_value_cell(app, c, s.attributes[static_cast<std::size_t>(i)]);
            }
            ImGui::TableSetColumnIndex(attribute_columns + 1);
            draw_documents_cell(app, c);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void CasesView::draw_attribute_header(App& app, const Attribute& a, int column) {
    ImGui::TableSetColumnIndex(column);
    ImGui::PushID(static_cast<int>(a.id.value));
    const std::vector<std::string>& choices = choices_of(a.id);
    const std::string kind = attribute_kind_name(a.type, choices);
    const std::string label = a.name + " (" + kind_label(kind) + ")";
    ImGui::TableHeader(label.c_str());  // returns nothing in 1.86: the click is the item's
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left) || ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
        rename_text_ = a.name;
        type_choice_ = kind_index(kind);
        choices_text_ = joined(choices, ", ");
        ImGui::OpenPopup("attribute menu");
    }
    if (ImGui::BeginPopup("attribute menu")) {
        const float em = ImGui::GetFontSize();
        ImGui::Text("Attribute %s", a.name.c_str());
        ImGui::SetNextItemWidth(em * 12);
        ImGui::InputText("##rename", &rename_text_);
        ImGui::SameLine();
        if (ImGui::Button("Rename") && rename_attribute(app, a.id, rename_text_)) ImGui::CloseCurrentPopup();
        kind_combo("##type", type_choice_, em * 6);
        const bool choice = type_choice_ == kChoiceKind;
        if (choice) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em * 12);
            ImGui::InputTextWithHint("##choices", "values: a, b, c", &choices_text_);
        }
        ImGui::SameLine();
        if (ImGui::Button("Change type") &&
            set_attribute_type(app, a.id, kKinds[type_choice_], choice ? choices_text_ : ""))
            ImGui::CloseCurrentPopup();
        ImGui::TextDisabled("Every value must fit the new type; dates may be typed YYYY-MM-DD or DD/MM/YYYY.");
        ImGui::Separator();
        if (ImGui::Button("Delete attribute and its values") && delete_attribute(app, a.id)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

void CasesView::draw_case_cell(App& app, const CaseDetail& c) {
    if (ImGui::Selectable(c.info.name.c_str())) {
        rename_text_ = c.info.name;
        ImGui::OpenPopup("case menu");
    }
    if (ImGui::BeginPopup("case menu")) {
        ImGui::Text("Case %s", c.info.name.c_str());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        ImGui::InputText("##rename", &rename_text_);
        ImGui::SameLine();
        if (ImGui::Button("Rename") && rename_case(app, c.info.id, rename_text_)) ImGui::CloseCurrentPopup();
        ImGui::Separator();
        if (ImGui::Button("Delete case...")) {
            ask_delete_case(c.info.id, c.info.name);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void CasesView::draw_value_cell(App& app, const CaseDetail& c, const Attribute& a) {
    ImGui::PushID(static_cast<int>(a.id.value));
    const std::string value = value_of(c, a.name);
    if (const std::vector<std::string>& choices = choices_of(a.id); !choices.empty()) {
        // A combo of the attribute's values, in their order.
        if (ImGui::Selectable(value.empty() ? "##empty" : value.c_str())) ImGui::OpenPopup("choices");
        if (ImGui::BeginPopup("choices")) {
            if (ImGui::Selectable("(no value)", value.empty())) edit_value(app, c.info.id, a.id, "");
            for (const std::string& choice : choices)
                if (ImGui::Selectable(choice.c_str(), choice == value)) edit_value(app, c.info.id, a.id, choice);
            ImGui::EndPopup();
        }
    } else if (edit_case_.value == c.info.id.value && edit_attribute_.value == a.id.value) {
        ImGui::SetNextItemWidth(-1);
        if (edit_focus_) {
            ImGui::SetKeyboardFocusHere();
            edit_focus_ = false;
        }
        const bool enter = ImGui::InputText("##value", &edit_text_, ImGuiInputTextFlags_EnterReturnsTrue);
        const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
        if (escape && !ImGui::IsItemActive()) edit_case_ = {};
        else if (enter || (ImGui::IsItemDeactivated() && !escape)) finish_editing(app);
    } else if (ImGui::Selectable(value.empty() ? "##empty" : value.c_str())) {
        if (editing()) finish_editing(app);  // the value being edited elsewhere is saved first
        start_editing(c.info.id, a.id, value);
    }
    ImGui::PopID();
}

void CasesView::draw_documents_cell(App& app, const CaseDetail& c) {
    if (ImGui::SmallButton("Link...")) ImGui::OpenPopup("documents");
    ImGui::SameLine();
    ImGui::TextUnformatted(joined(c.documents, ", ").c_str());
    if (ImGui::BeginPopup("documents")) {
        ImGui::Text("Documents of case %s", c.info.name.c_str());
        ImGui::Separator();
        const ProjectSnapshot& s = app.snapshot();
        if (s.documents.empty()) ImGui::TextDisabled("The project has no documents yet.");
        for (const DocumentInfo& d : s.documents) {
            bool linked = std::find(c.documents.begin(), c.documents.end(), d.name) != c.documents.end();
            ImGui::PushID(static_cast<int>(d.id.value));
            if (ImGui::Checkbox(d.name.c_str(), &linked)) set_linked(app, c.info.id, d.id, linked);
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
}

void CasesView::draw_delete_modal(App& app) {
    if (open_delete_modal_) {
        ImGui::OpenPopup("Delete case?");
        open_delete_modal_ = false;
    }
    if (!ImGui::BeginPopupModal("Delete case?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::Text("Delete case %s?", pending_name_.c_str());
    ImGui::TextUnformatted("Its attribute values, document links, memos and matrix rows go; the documents and their\n"
                           "codings stay. Edit > Undo brings it back.");
    if (ImGui::Button("Delete")) {
        confirm_delete(app);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        pending_delete_ = {};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace npt::gui
