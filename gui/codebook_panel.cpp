// codebook_panel.cpp — the Codebook panel.
#include "gui/codebook_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/model/code_edits.hpp"
#include "core/model/codes.hpp"
#include "gui/app.hpp"
#include "gui/dialog_keys.hpp"

namespace npt::gui {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string hex_colour(const float rgb[3]) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(rgb[0] * 255 + 0.5f), static_cast<int>(rgb[1] * 255 + 0.5f),
                  static_cast<int>(rgb[2] * 255 + 0.5f));
    return buf;
}

// `below` is the count with the codes below it, or -1 for a code with no children.
void definition_tooltip(const Code& c, std::int64_t count, std::int64_t below) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(c.path.c_str());
    if (below >= 0)
        ImGui::TextDisabled("%lld codings, %lld with the codes below it", static_cast<long long>(count), static_cast<long long>(below));
    else
        ImGui::TextDisabled("%lld codings", static_cast<long long>(count));
    if (!c.description.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted(c.description.c_str());
    }
    if (!c.inclusion.empty()) {
        ImGui::Separator();
        ImGui::TextColored({0.1f, 0.45f, 0.2f, 1}, "Include when");
        ImGui::TextUnformatted(c.inclusion.c_str());
    }
    if (!c.exclusion.empty()) {
        ImGui::TextColored({0.65f, 0.2f, 0.1f, 1}, "Exclude when");
        ImGui::TextUnformatted(c.exclusion.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace

std::string CodebookPanel::count_text(const ProjectSnapshot& s, CodeId code, bool has_children) {
    const auto own = s.counts.per_code.find(code);
    std::string text = std::to_string(own == s.counts.per_code.end() ? 0 : own->second);
    if (has_children) {
        const auto all = s.codings_below_code.find(code);
        text += " (" + std::to_string(all == s.codings_below_code.end() ? 0 : all->second) + ")";
    }
    return text;
}

void CodebookPanel::draw_row(App& app, const Code& code, bool has_children, bool& open) {
    const ProjectSnapshot& s = app.snapshot();
    const auto it = s.counts.per_code.find(code.id);
    const std::int64_t count = it == s.counts.per_code.end() ? 0 : it->second;
    const auto below = s.codings_below_code.find(code.id);
    const std::int64_t count_below = below == s.codings_below_code.end() ? count : below->second;
    const float em = ImGui::GetFontSize();
    std::string key;
    for (int k = 1; k <= 9; ++k)
        if (app.hotkey_code(k) == code.id) key = std::to_string(k);
    const ImVec2 row = ImGui::GetCursorScreenPos();
    if (!key.empty()) {
        // The hotkey as a small badge in the left gutter of the row.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 a{row.x - em * 1.15f, row.y + 1}, b{row.x - em * 0.25f, row.y + ImGui::GetTextLineHeight() + 1};
        dl->AddRectFilled(a, b, IM_COL32(225, 229, 236, 255), 3.0f);
        dl->AddText({a.x + em * 0.2f, a.y}, IM_COL32(90, 96, 108, 255), key.c_str());
    }
    ImGui::ColorButton("##swatch", ImGui::ColorConvertU32ToFloat4(parse_colour(code.colour)),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop, {em * 0.75f, em * 0.75f});
    ImGui::SameLine(0, em * 0.35f);
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_OpenOnArrow |
                               ImGuiTreeNodeFlags_OpenOnDoubleClick | ImGuiTreeNodeFlags_DefaultOpen;
    if (!has_children) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
    if (app.selected_code() == code.id) flags |= ImGuiTreeNodeFlags_Selected;
    // The name is clipped before the count on the right (at 150 % a long name ran under it).
    const std::string right = count_text(s, code.id, has_children);
    const float right_x = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(right.c_str()).x;
    ImGui::PushClipRect({ImGui::GetWindowPos().x, row.y - 2}, {right_x - em * 0.4f, row.y + ImGui::GetFrameHeight() + 2}, true);
    open = ImGui::TreeNodeEx("##code", flags, "%s", filter_[0] ? code.path.c_str() : code.name.c_str());
    ImGui::PopClipRect();
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) app.select_code(code.id);
    if (ImGui::IsItemHovered() && !ImGui::IsMouseDragging(0)) definition_tooltip(code, count, has_children ? count_below : -1);
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload("NPT_CODE", &code.id.value, sizeof code.id.value);
        ImGui::Text("%s", code.path.c_str());
        ImGui::TextDisabled("Drop on a selection to code it, on a code to move under it");
        ImGui::EndDragDropSource();
    }
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("NPT_CODE")) {
            CodeId moved;
            std::memcpy(&moved.value, p->Data, sizeof moved.value);
            if (const Code* m = s.code(moved); m && moved != code.id) {
                const std::string from = m->path;
                const CodeId onto = code.id;
                std::string moved_to = from;
                if (app.act([&] { moved_to = move_code(app.project(), moved, onto).path; })) app.code_path_changed(from, moved_to);
            }
        }
        ImGui::EndDragDropTarget();
    }
    draw_context_menu(app, code);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(right.c_str()).x);
    ImGui::TextDisabled("%s", right.c_str());
    if (has_children && ImGui::IsItemHovered())
        ImGui::SetTooltip("%lld codings of its own, %lld with the codes below it", static_cast<long long>(count),
                          static_cast<long long>(count_below));
}

void CodebookPanel::draw_context_menu(App& app, const Code& code) {
    if (!ImGui::BeginPopupContextItem("##code_menu")) return;
    auto start = [&](Dialog d) {
        dialog_ = d;
        open_dialog_ = true;
        target_ = code.id;
        text_[0] = description_[0] = '\0';
    };
    if (ImGui::MenuItem("Edit code...")) edit_code(app, code);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Name, parent, definition, criteria, examples, colour and hotkey");
    if (ImGui::MenuItem("Add child code...")) {
        start(Dialog::Add);
        std::snprintf(text_, sizeof text_, "%s/", code.path.c_str());
    }
    if (ImGui::MenuItem("Rename...")) {
        start(Dialog::Rename);
        std::snprintf(text_, sizeof text_, "%s", code.name.c_str());
    }
    if (ImGui::MenuItem("Merge into...")) {
        start(Dialog::Merge);
        merge_into_ = -1;
    }
    if (ImGui::MenuItem("Colour...")) {
        start(Dialog::Colour);
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(parse_colour(code.colour));
        colour_[0] = c.x, colour_[1] = c.y, colour_[2] = c.z;
    }
    if (ImGui::BeginMenu("Bind to key")) {
        for (int k = 1; k <= 9; ++k) {
            const std::string label = std::to_string(k);
            if (ImGui::MenuItem(label.c_str(), nullptr, app.hotkey_code(k) == code.id)) app.bind_hotkey(k, code.path);
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Memo on code")) app.focus_memos({MemoTarget::Code, code.id, "Code " + code.path});
    if (code.parent_id && ImGui::MenuItem("Move to top level")) {
        const std::string path = code.path;
        const CodeId id = code.id;
        std::string moved_to = path;
        if (app.act([&] { moved_to = move_code(app.project(), id, std::nullopt).path; })) app.code_path_changed(path, moved_to);
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Delete...")) start(Dialog::Delete);
    ImGui::EndPopup();
}

void CodebookPanel::edit_code(App& app, const Code& code) {
    int key = 0;
    for (int k = 1; k <= 9; ++k)
        if (app.hotkey_code(k) == code.id) key = k;
    editor_.open(code, key);
}

void CodebookPanel::draw_node(App& app, const Code& code, const std::map<CodeId, std::vector<const Code*>>& children) {
    auto kids = children.find(code.id);
    const bool has_children = kids != children.end() && !kids->second.empty();
    ImGui::PushID(static_cast<int>(code.id.value));
    bool open = false;
    draw_row(app, code, has_children, open);
    if (open && has_children) {
        for (const Code* c : kids->second) draw_node(app, *c, children);
        ImGui::TreePop();
    }
    ImGui::PopID();
}

void CodebookPanel::draw(App& app) {
    const ProjectSnapshot& s = app.snapshot();
    ImGui::PushFont(app.fonts().bold);
    ImGui::Text("Codebook");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%zu", s.codes.size());
    if (!app.has_project()) return;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 4.5f);
    if (ImGui::SmallButton("+ Code")) {
        dialog_ = Dialog::Add;
        open_dialog_ = true;
        target_ = CodeId{};
        text_[0] = description_[0] = '\0';
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##code_filter", "Filter codes", filter_, sizeof filter_);
    const float details_h = app.selected_code().value && s.code(app.selected_code()) ? ImGui::GetFontSize() * 9 : 0;
    ImGui::BeginChild("##code_tree", {0, -details_h});
    ImGui::Indent(ImGui::GetFontSize() * 1.2f);
    if (filter_[0]) {
        const std::string f = lower(filter_);
        const std::map<CodeId, std::vector<const Code*>> none;
        for (const Code& c : s.codes)
            if (lower(c.path).find(f) != std::string::npos || lower(c.description).find(f) != std::string::npos) {
                ImGui::PushID(static_cast<int>(c.id.value));
                bool open = false;
                draw_row(app, c, false, open);
                ImGui::PopID();
            }
    } else {
        std::map<CodeId, std::vector<const Code*>> children;
        for (const Code& c : s.codes)
            if (c.parent_id) children[*c.parent_id].push_back(&c);
        for (const Code& c : s.codes)
            if (!c.parent_id) draw_node(app, c, children);
    }
    if (s.codes.empty()) ImGui::TextDisabled("No codes yet: + Code adds one.");
    ImGui::Unindent(ImGui::GetFontSize() * 1.2f);
    ImGui::EndChild();
    if (details_h > 0) draw_details(app);
    draw_dialogs(app);
    editor_.draw(app);
}

void CodebookPanel::draw_details(App& app) {
    const Code* c = app.snapshot().code(app.selected_code());
    ImGui::Separator();
    ImGui::BeginChild("##code_details");
    ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(parse_colour(c->colour)), ImGuiColorEditFlags_NoTooltip,
                       {ImGui::GetFontSize() * 0.75f, ImGui::GetFontSize() * 0.75f});
    ImGui::SameLine();
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextWrapped("%s", c->path.c_str());
    ImGui::PopFont();
    if (ImGui::SmallButton("Edit...")) edit_code(app, *c);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Edit every field of this code");
    if (!c->description.empty()) ImGui::TextWrapped("%s", c->description.c_str());
    if (!c->inclusion.empty()) ImGui::TextWrapped("Include: %s", c->inclusion.c_str());
    if (!c->exclusion.empty()) ImGui::TextWrapped("Exclude: %s", c->exclusion.c_str());
    for (const std::string& e : c->examples) ImGui::BulletText("%s", e.c_str());
    if (!c->citation.empty()) ImGui::TextDisabled("%s", c->citation.c_str());
    if (c->description.empty() && c->inclusion.empty()) ImGui::TextDisabled("No definition yet.");
    ImGui::EndChild();
}

void CodebookPanel::draw_dialogs(App& app) {
    static constexpr const char* kTitles[] = {"", "Add code", "Rename code", "Merge code", "Code colour", "Delete code?"};
    const char* title = kTitles[static_cast<int>(dialog_)];
    if (open_dialog_) {
        ImGui::OpenPopup(title);
        open_dialog_ = false;
    }
    if (dialog_ == Dialog::None || !ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const ProjectSnapshot& s = app.snapshot();
    const Code* code = s.code(target_);
    const float em = ImGui::GetFontSize();
    bool done = false;
    switch (dialog_) {
    case Dialog::Add:
        ImGui::SetNextItemWidth(em * 22);
        ImGui::InputTextWithHint("Path", "Parent/Child", text_, sizeof text_);
        ImGui::InputTextMultiline("Definition", description_, sizeof description_, {em * 22, em * 4});
        if (ImGui::Button("Add", {em * 6, 0}) && text_[0]) {
            NewCode nc;
            nc.path = text_;
            nc.description = description_;
            done = app.act([&] { app.select_code(add_code(app.project(), nc).id); });
        }
        break;
    case Dialog::Rename:
        if (!code) break;
        ImGui::SetNextItemWidth(em * 18);
        focus_when_appearing();
        if ((ImGui::InputText("New name", text_, sizeof text_, ImGuiInputTextFlags_EnterReturnsTrue) |
             ImGui::Button("Rename", {em * 6, 0})) && text_[0]) {
            const std::string path = code->path;
            std::string renamed = path;
            const CodeId id = code->id;
            done = app.act([&] { renamed = rename_code(app.project(), id, text_).path; });
            if (done) app.code_path_changed(path, renamed);
        }
        break;
    case Dialog::Merge:
        if (!code) break;
        ImGui::Text("Merge %s into:", code->path.c_str());
        ImGui::SetNextItemWidth(em * 22);
        if (ImGui::BeginCombo("##into", merge_into_ >= 0 ? s.codes[static_cast<std::size_t>(merge_into_)].path.c_str() : "choose a code")) {
            for (std::size_t i = 0; i < s.codes.size(); ++i)
                if (s.codes[i].id != code->id && ImGui::Selectable(s.codes[i].path.c_str(), merge_into_ == static_cast<int>(i)))
                    merge_into_ = static_cast<int>(i);
            ImGui::EndCombo();
        }
        ImGui::TextDisabled("Its codings, memos and children move to the target; it is then removed.");
        if (ImGui::Button("Merge", {em * 6, 0}) && merge_into_ >= 0) {
            const CodeId from = code->id, to = s.codes[static_cast<std::size_t>(merge_into_)].id;
            done = app.act([&] { merge_codes(app.project(), from, to); });
        }
        break;
    case Dialog::Colour:
        if (!code) break;
        ImGui::ColorPicker3("##picker", colour_, ImGuiColorEditFlags_NoSidePreview | ImGuiColorEditFlags_DisplayHex);
        if (ImGui::Button("Apply", {em * 6, 0})) {
            const CodeId id = code->id;
            const std::string hex = hex_colour(colour_);
            done = app.act([&] { set_code_colour(app.project(), id, hex); });
        }
        break;
    case Dialog::Delete: {
        if (!code) break;
        const std::int64_t n = s.counts.of_code(code->id);
        ImGui::Text("Delete %s and every code below it?", code->path.c_str());
        if (n > 0) ImGui::TextColored({0.7f, 0.2f, 0.1f, 1}, "Its %lld coding(s) will be deleted too.", static_cast<long long>(n));
        ImGui::TextDisabled("Edit > Undo brings it back.");
        if (ImGui::Button("Delete", {em * 6, 0})) {
            const CodeId id = code->id;
            done = app.act([&] { delete_code(app.project(), id, true); });
            if (app.selected_code() == target_) app.select_code(CodeId{});
        }
        break;
    }
    case Dialog::None:
        break;
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", {em * 6, 0}) || escape_pressed() || (!code && dialog_ != Dialog::Add)) done = true;
    if (done) {
        ImGui::CloseCurrentPopup();
        dialog_ = Dialog::None;
    }
    ImGui::EndPopup();
}

}  // namespace npt::gui
