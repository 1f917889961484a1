// cases_view.hpp — Write-up > Cases and attributes: the cases × attributes table (frozen header
// row and case column, resizable, clipped). Add, rename and delete cases (delete asks first; the
// documents and codings stay); add, rename, delete and retype attributes (text, number, date,
// yes/no, choice with its values) from a header's menu; edit a value in place (a choice with a
// combo of its values; dates typed ISO or DD/MM/YYYY); link and unlink documents from a popup of
// checkboxes; import cases from CSV or XLSX. Every change is one core function of
// core/model/cases.hpp run through App::act (one undo step; a refusal, such as a value that does
// not fit a new type, is the core's one-line message in the error modal) — the same functions as
// `nptcoder cases ...`.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/model/cases.hpp"
#include "gui/file_browser.hpp"

namespace npt::gui {

class App;

class CasesView {
public:
    void open() { visible_ = true; }
    bool visible() const { return visible_; }
    void poll(App&) {}
    void draw(App& app);
    bool busy() const { return false; }

    // What the window's controls do, each one core action through app.act(); they return
    // whether it succeeded (tests call them the way the controls do).
    bool add_case(App& app, const std::string& name);
    bool rename_case(App& app, CaseId id, const std::string& name);
    bool delete_case(App& app, CaseId id);
    // `kind`: text, number, date, boolean or choice (attribute_kind_from_string); `choices` as
    // typed, comma-separated (parse_choice_list), for a choice only.
    bool add_attribute(App& app, const std::string& name, const std::string& kind, const std::string& choices = {});
    bool rename_attribute(App& app, AttributeId id, const std::string& name);
    bool delete_attribute(App& app, AttributeId id);
    bool set_attribute_type(App& app, AttributeId id, const std::string& kind, const std::string& choices = {});
    bool edit_value(App& app, CaseId case_id, AttributeId attribute_id, const std::string& value);
    bool set_linked(App& app, CaseId case_id, DocumentId document_id, bool linked);
    // Imports a cases CSV or XLSX file (first column the case); import_report() says what it added.
    bool import_file(App& app, const std::filesystem::path& file);
    const std::string& import_report() const { return import_report_; }

    // The in-place editor, as a click on a value cell starts it (a choice attribute's cell opens a
    // list of its values instead): the next frame's table shows an input with keyboard focus;
    // Enter or leaving it saves, Escape cancels.
    void start_editing(CaseId case_id, AttributeId attribute_id, const std::string& value);
    bool editing() const { return edit_case_.value != 0; }
    // Asks (a modal) before deleting the case; confirm_delete() is its Delete button.
    void ask_delete_case(CaseId id, const std::string& name);
    void confirm_delete(App& app);
    bool delete_pending() const { return pending_delete_.value != 0; }

private:
    void draw_toolbar(App& app);
    void draw_table(App& app);
    void draw_attribute_header(App& app, const Attribute& a, int column);
    void draw_case_cell(App& app, const CaseDetail& c);
    void draw_value_cell(App& app, const CaseDetail& c, const Attribute& a);
    void draw_documents_cell(App& app, const CaseDetail& c);
    void draw_delete_modal(App& app);
    void finish_editing(App& app);
    const std::vector<std::string>& choices_of(AttributeId id) const;

    bool visible_ = false;
    std::string new_case_;
    std::string new_attribute_;
    int new_type_ = 0;
    std::string new_choices_;
    std::string import_path_;
    std::string import_report_;
    FileBrowser browser_;

    // Each choice attribute's values (core all_attribute_choices), re-read when the project changes.
    std::map<AttributeId, std::vector<std::string>> choices_;
    std::uint64_t choices_revision_ = 0;
    bool choices_read_ = false;

    CaseId edit_case_;  // the value being edited in place
    AttributeId edit_attribute_;
    std::string edit_text_;
    bool edit_focus_ = false;

    // The attribute or case whose menu is open: its rename box and type editor.
    std::string rename_text_;
    int type_choice_ = 0;
    std::string choices_text_;

    CaseId pending_delete_;
    std::string pending_name_;
    bool open_delete_modal_ = false;
};

}  // namespace npt::gui
