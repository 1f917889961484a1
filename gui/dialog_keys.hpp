// dialog_keys.hpp — the keys every dialog answers to: Enter (or keypad Enter) confirms, Esc
// cancels. Call inside the dialog's popup; `escape_pressed` ignores the key while a text field
// is being edited only when that field wants it (ImGui's InputText clears on Esc by itself).
#pragma once
#include <imgui.h>

namespace npt::gui {

inline bool enter_pressed() {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
}

inline bool escape_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false); }

// Gives the next widget keyboard focus in the dialog's first frame (so typing goes to its field).
inline void focus_when_appearing() {
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
}

}  // namespace npt::gui
