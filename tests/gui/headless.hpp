// headless.hpp — running the workbench App frame by frame with no window and no renderer: an
// ImGui context with a display size, the font atlas built (GetTexDataAsRGBA32), GLFW's key
// numbering in io.KeyMap, and helpers that feed mouse and keyboard input the way a person would.
#pragma once
#include <imgui.h>

#include <string>

#include "gui/app.hpp"

namespace npt::test {

class Headless {
public:
    explicit Headless(gui::App& app, ImVec2 display = {1400, 900}) : app_(app) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        // GLFW key codes, as the real backend maps them.
        const int map[][2] = {{ImGuiKey_Tab, 258},      {ImGuiKey_LeftArrow, 263}, {ImGuiKey_RightArrow, 262},
                              {ImGuiKey_UpArrow, 265},  {ImGuiKey_DownArrow, 264}, {ImGuiKey_PageUp, 266},
                              {ImGuiKey_PageDown, 267}, {ImGuiKey_Home, 268},      {ImGuiKey_End, 269},
                              {ImGuiKey_Insert, 260},   {ImGuiKey_Delete, 261},    {ImGuiKey_Backspace, 259},
                              {ImGuiKey_Space, 32},     {ImGuiKey_Enter, 257},     {ImGuiKey_Escape, 256},
                              {ImGuiKey_KeyPadEnter, 335}, {ImGuiKey_A, 'A'},      {ImGuiKey_C, 'C'},
                              {ImGuiKey_V, 'V'},        {ImGuiKey_X, 'X'},         {ImGuiKey_Y, 'Y'},
                              {ImGuiKey_Z, 'Z'}};
        for (const auto& m : map) io.KeyMap[m[0]] = m[1];
        app_.attach(io);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // One frame of the whole workbench.
    void frame() {
        if (app_.take_font_rebuild()) {  // as the platform loop does: new glyphs, new scale
            ImGuiIO& io = ImGui::GetIO();
            app_.attach_fonts(io);
            unsigned char* pixels = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
            io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
        }
        ImGui::NewFrame();
        app_.draw();
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }

    void move(ImVec2 pos) {
        ImGui::GetIO().MousePos = pos;
        frame();
    }
    void press(int button = 0) {
        ImGui::GetIO().MouseDown[button] = true;
        frame();
    }
    void release(int button = 0) {
        ImGui::GetIO().MouseDown[button] = false;
        frame();
    }
    void click(ImVec2 pos, int button = 0) {
        move(pos);
        press(button);
        release(button);
    }
    // A drag from one point to another with the left button, in a few steps.
    void drag(ImVec2 from, ImVec2 to) {
        move(from);
        press();
        for (int i = 1; i <= 4; ++i)
            move({from.x + (to.x - from.x) * static_cast<float>(i) / 4, from.y + (to.y - from.y) * static_cast<float>(i) / 4});
        release();
    }
    // Presses and releases a key (GLFW numbering) with modifiers held.
    void key(int index, bool ctrl = false, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        io.KeysDown[index] = true;
        frame();
        io.KeysDown[index] = false;
        frame();
        io.KeyCtrl = io.KeyShift = false;
        frame();
    }
    void named_key(ImGuiKey named, bool ctrl = false, bool shift = false) { key(ImGui::GetIO().KeyMap[named], ctrl, shift); }
    void type(const std::string& utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
        frame();
    }

    // Middle of the line at the caret position before code point `cp` in the transcript view.
    ImVec2 at(std::int64_t cp) {
        const ImVec2 p = app_.transcript().screen_position(cp);
        return {p.x + 1.0f, p.y + app_.transcript().line_height() * 0.5f};
    }

private:
    gui::App& app_;
};

}  // namespace npt::test
