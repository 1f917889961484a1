// settings.hpp — the workbench's own settings (UI scale, active coder per project, window size, recent projects and
// folders, word snapping, hotkey bindings), persisted as JSON in the user's config folder beside
// imgui.ini. Tests pass a temporary folder; nothing here is global.
#pragma once
#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace npt::gui {

struct Settings {
    float ui_scale = 1.0f;                       // 0.75 .. 2.5; multiplies font size and spacing
    bool ui_scale_chosen = false;                // picked in View > UI scale (else the monitor's scale)
    std::string coder;                           // the last active coder's name
    std::map<std::string, std::string> project_coders;  // the active coder per project file
    int window_width = 0, window_height = 0;     // the window's last size (0: the default)
    std::vector<std::string> recent_projects;    // newest first, at most kRecentLimit
    std::vector<std::string> recent_folders;     // newest first, at most kRecentLimit
    bool snap_to_words = true;                   // grow a mouse selection to whole words
    // Code paths bound to keys 1..9 per project file ("" = unbound).
    std::map<std::string, std::array<std::string, 9>> hotkeys;

    static constexpr std::size_t kRecentLimit = 10;
    void remember_project(const std::filesystem::path& path);
    void remember_folder(const std::filesystem::path& path);
};

// Where settings live: $XDG_CONFIG_HOME/nptcoder, else $HOME/.config/nptcoder, else ".".
std::filesystem::path default_config_dir();

// Reads settings.json from `dir`. A missing file gives the defaults; an unreadable or malformed
// one also gives the defaults (settings are a convenience, never a reason not to start).
Settings load_settings(const std::filesystem::path& dir);

// Writes settings.json into `dir` (created if needed) atomically. Throws npt::Error on failure.
void save_settings(const std::filesystem::path& dir, const Settings& settings);

}  // namespace npt::gui
