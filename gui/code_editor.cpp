// code_editor.cpp — the "Edit code" dialog and saving its form through the core.
#include "gui/code_editor.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "core/model/code_edits.hpp"
#include "core/model/codes.hpp"
#include "gui/app.hpp"
#include "gui/dialog_keys.hpp"
#include "gui/transcript_document.hpp"

namespace npt::gui {
namespace {

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

std::string hex_colour(const float rgb[3]) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(rgb[0] * 255 + 0.5f), static_cast<int>(rgb[1] * 255 + 0.5f),
                  static_cast<int>(rgb[2] * 255 + 0.5f));
    return buf;
}

// True when `path` is `ancestor` or lies below it.
bool within(const std::string& path, const std::string& ancestor) {
    return path == ancestor || (path.size() > ancestor.size() && path.compare(0, ancestor.size(), ancestor) == 0 &&
                                path[ancestor.size()] == '/');
}

}  // namespace

CodeForm form_of(const Code& code, const std::string& parent_path, int hotkey) {
    return {code.name, parent_path, code.description, code.inclusion, code.exclusion, join_lines(code.examples),
            code.citation, code.colour, hotkey};
}

std::vector<std::string> example_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t nl = std::min(text.find('\n', at), text.size());
        if (std::string line = trimmed(text.substr(at, nl - at)); !line.empty()) out.push_back(std::move(line));
        at = nl + 1;
    }
    return out;
}

std::string save_code_form(Project& project, const std::string& path, const CodeForm& before, const CodeForm& after) {
    CodeDetails details;
    if (after.description != before.description) details.description = after.description;
    if (after.inclusion != before.inclusion) details.inclusion = after.inclusion;
    if (after.exclusion != before.exclusion) details.exclusion = after.exclusion;
    if (example_lines(after.examples) != example_lines(before.examples)) details.examples = example_lines(after.examples);
    if (after.citation != before.citation) details.citation = after.citation;
    const bool described = details.description || details.inclusion || details.exclusion || details.examples || details.citation;
    const bool renamed = after.name != before.name;
    const bool moved = after.parent != before.parent;
    const bool recoloured = after.colour != before.colour;
    if (!described && !renamed && !moved && !recoloured) return path;
    return project.action("Edit code " + path, [&] {
        const CodeId code = require_code(project, path).id;
        std::string at = path;
        if (renamed) at = rename_code(project, code, after.name).path;
        if (moved) {
            std::optional<CodeId> parent;
            if (!after.parent.empty()) parent = require_code(project, after.parent).id;
            at = move_code(project, code, parent).path;
        }
        if (described) at = update_code_details(project, code, details).path;
        if (recoloured) at = set_code_colour(project, code, after.colour).path;
        return at;
    });
}

void CodeEditor::open(const Code& code, int hotkey) {
    code_ = code.id;
    open_ = true;
    saved_ = false;
    error_.clear();
    description_ = inclusion_ = exclusion_ = examples_ = WrappedInputState{};
    original_ = form_ = form_of(code, {}, hotkey);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(parse_colour(code.colour));
    colour_[0] = c.x, colour_[1] = c.y, colour_[2] = c.z;
    parent_pending_ = true;  // the parent's path is looked up in the snapshot at the next draw
}

bool CodeEditor::save(App& app) {
    const Code* code = app.snapshot().code(code_);
    if (!code) return false;
    error_.clear();
    std::string saved;
    try {
        saved = save_code_form(app.project(), code->path, original_, form_);
    } catch (const Error& e) {
        error_ = e.what();  // shown in the dialog, which stays open with the form as typed
        app.refresh();
        return false;
    }
    if (saved != code->path) app.code_path_changed(code->path, saved);
    app.refresh();
    if (form_.hotkey != original_.hotkey) {
        if (form_.hotkey == 0)
            app.unbind_hotkey(saved);
        else
            app.bind_hotkey(form_.hotkey, saved);
    }
    saved_ = true;
    return true;
}

void CodeEditor::draw(App& app) {
    if (!code_.value) return;
    constexpr const char* kTitle = "Edit code";
    const ProjectSnapshot& s = app.snapshot();
    const Code* code = s.code(code_);
    if (parent_pending_ && code) {
        const Code* parent = code->parent_id ? s.code(*code->parent_id) : nullptr;
        original_.parent = form_.parent = parent ? parent->path : std::string();
        parent_pending_ = false;
    }
    if (open_) {
        ImGui::OpenPopup(kTitle);
        open_ = false;
    }
    const float em = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize({std::min(em * 34, display.x * 0.9f), 0}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints({em * 24, 0}, {display.x * 0.95f, display.y * 0.95f});
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        code_ = CodeId{};
        return;
    }
    bool close = !code || saved_;  // saved, or deleted meanwhile (another window, an undo)
    saved_ = false;
    if (code) {
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextWrapped("%s", code->path.c_str());
        ImGui::PopFont();
        const auto label_w = em * 8.5f;
        auto label = [&](const char* text) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(text);
            ImGui::SameLine(label_w);
            ImGui::SetNextItemWidth(-1);
        };
        label("Name");
        focus_when_appearing();
        ImGui::InputText("##name", &form_.name);
        label("Parent");
        if (ImGui::BeginCombo("##parent", form_.parent.empty() ? "(top level)" : form_.parent.c_str())) {
            if (ImGui::Selectable("(top level)", form_.parent.empty())) form_.parent.clear();
            for (const Code& c : s.codes) {
                if (within(c.path, code->path)) continue;  // not under itself or its own children
                ImGui::PushID(static_cast<int>(c.id.value));
                if (ImGui::Selectable(c.path.c_str(), c.path == form_.parent)) form_.parent = c.path;
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        const float box = em * 3.6f;
        label("Definition");
        input_text_wrapped("##definition", &form_.description, {-1, box}, description_);
        label("Include when");
        input_text_wrapped("##inclusion", &form_.inclusion, {-1, box}, inclusion_);
        label("Exclude when");
        input_text_wrapped("##exclusion", &form_.exclusion, {-1, box}, exclusion_);
        label("Examples");
        input_text_wrapped("##examples", &form_.examples, {-1, box}, examples_);
        ImGui::SetCursorPosX(label_w);
        ImGui::TextDisabled("One example quote per line");
        label("Citation");
        ImGui::InputText("##citation", &form_.citation);
        label("Colour");
        if (ImGui::ColorEdit3("##colour", colour_, ImGuiColorEditFlags_DisplayHex | ImGuiColorEditFlags_PickerHueWheel))
            form_.colour = hex_colour(colour_);
        label("Hotkey");
        std::string current = form_.hotkey ? std::to_string(form_.hotkey) : "none";
        if (ImGui::BeginCombo("##hotkey", current.c_str())) {
            if (ImGui::Selectable("none", form_.hotkey == 0)) form_.hotkey = 0;
            for (int k = 1; k <= 9; ++k) {
                std::string item = std::to_string(k);
                if (auto holder = app.hotkey_code(k); holder && *holder != code_)
                    if (const Code* h = s.code(*holder)) item += "  (now " + h->path + ")";
                if (ImGui::Selectable(item.c_str(), form_.hotkey == k)) form_.hotkey = k;
            }
            ImGui::EndCombo();
        }
        if (!error_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 30, 20, 255));
            ImGui::TextWrapped("%s", error_.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        const float button = em * 6;
        if (ImGui::Button("Save", {button, 0})) save(app);  // closes in the next frame
        ImGui::SameLine();
        if (ImGui::Button("Cancel", {button, 0}) || (escape_pressed() && !ImGui::IsAnyItemActive())) close = true;
        ImGui::SameLine();
        ImGui::TextDisabled("Edit > Undo takes the edit back");
    }
    if (close) {
        code_ = CodeId{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace npt::gui
