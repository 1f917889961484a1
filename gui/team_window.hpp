// team_window.hpp — Begin for the team lead's windows (agreement, disagreements, history, merge):
// a window that appears while a modal is up (the "Who is coding?" dialog at start) must not ask
// for focus, or ImGui 1.86 asserts in Begin ("blocking_modal != NULL") on the modal's first frame.
#pragma once
#include <imgui.h>

namespace npt::gui {

inline bool begin_team_window(const char* title, bool* open) {
    const bool popup_up = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    return ImGui::Begin(title, open, popup_up ? ImGuiWindowFlags_NoFocusOnAppearing : ImGuiWindowFlags_None);
}

}  // namespace npt::gui
