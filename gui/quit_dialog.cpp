// quit_dialog.cpp — the "Save the memo before quitting?" question.
#include "gui/quit_dialog.hpp"

#include <imgui.h>

#include <algorithm>

#include "gui/app.hpp"
#include "gui/dialog_keys.hpp"
#include "gui/memo_panel.hpp"

namespace npt::gui {

namespace {
constexpr const char* kTitle = "Unsaved memo";
}

void QuitDialog::request(App& app) {
    if (!app.memo_panel().unsaved()) {
        app.quit_now();
        return;
    }
    open_ = asking_ = true;
}

std::optional<ImVec2> QuitDialog::button_centre(const std::string& label) const {
    auto it = buttons_.find(label);
    if (!asking_ || it == buttons_.end()) return std::nullopt;
    return it->second;
}

void QuitDialog::draw(App& app) {
    if (!asking_) return;
    if (open_ && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    open_ = false;
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        asking_ = false;  // closed by ImGui (another modal took its place)
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted("The memo you are writing is not saved.");
    ImGui::TextDisabled("Everything else is already saved.");
    ImGui::Spacing();
    const float button = std::max(em * 6, ImGui::CalcTextSize("Discard").x + ImGui::GetStyle().FramePadding.x * 2);
    bool close = false;
    auto remember = [&](const char* label) {
        buttons_[label] = {(ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                           (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2};
    };
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool save = ImGui::Button("Save", {button, 0});
    remember("Save");
    if (save || enter_pressed()) {
        close = true;
        if (app.memo_panel().save(app)) app.quit_now();  // a failed save shows why; the workbench stays
    }
    ImGui::SameLine();
    const bool discard = ImGui::Button("Discard", {button, 0});
    remember("Discard");
    if (discard) {
        close = true;
        app.memo_panel().discard();
        app.quit_now();
    }
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", {button, 0});
    remember("Cancel");
    if (cancel || escape_pressed()) close = true;
    if (close) {
        asking_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace npt::gui
