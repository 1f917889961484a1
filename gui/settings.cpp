// settings.cpp — JSON persistence of the workbench settings.
#include "gui/settings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

#include "core/error.hpp"
#include "core/store/file_io.hpp"

namespace npt::gui {
namespace fs = std::filesystem;
namespace {

void push_front_unique(std::vector<std::string>& list, const std::string& value, std::size_t limit) {
    list.erase(std::remove(list.begin(), list.end(), value), list.end());
    list.insert(list.begin(), value);
    if (list.size() > limit) list.resize(limit);
}

}  // namespace

void Settings::remember_project(const fs::path& path) {
    push_front_unique(recent_projects, fs::absolute(path).lexically_normal().string(), kRecentLimit);
}

void Settings::remember_folder(const fs::path& path) {
    push_front_unique(recent_folders, fs::absolute(path).lexically_normal().string(), kRecentLimit);
}

fs::path default_config_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "nptcoder";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "nptcoder";
    return fs::path(".");
}

Settings load_settings(const fs::path& dir) {
    Settings s;
    try {
        std::string bytes = read_file(dir / "settings.json", 1 << 20);
        nlohmann::json j = nlohmann::json::parse(bytes);
        s.ui_scale = std::clamp(j.value("ui_scale", 1.0f), 0.75f, 2.5f);
        s.coder = j.value("coder", std::string());
        s.recent_projects = j.value("recent_projects", std::vector<std::string>());
        s.recent_folders = j.value("recent_folders", std::vector<std::string>());
        s.snap_to_words = j.value("snap_to_words", true);
        s.ui_scale_chosen = j.value("ui_scale_chosen", false);
        s.project_coders = j.value("project_coders", std::map<std::string, std::string>());
        s.window_width = j.value("window_width", 0);
        s.window_height = j.value("window_height", 0);
        if (j.contains("hotkeys") && j["hotkeys"].is_object())
            for (auto& [project, keys] : j["hotkeys"].items()) {
                std::array<std::string, 9> bound{};
                for (std::size_t i = 0; i < bound.size() && i < keys.size(); ++i)
                    if (keys[i].is_string()) bound[i] = keys[i].get<std::string>();
                s.hotkeys[project] = bound;
            }
    } catch (const std::exception&) {
        return Settings{};
    }
    return s;
}

void save_settings(const fs::path& dir, const Settings& s) {
    nlohmann::json j;
    j["ui_scale"] = s.ui_scale;
    j["coder"] = s.coder;
    j["recent_projects"] = s.recent_projects;
    j["recent_folders"] = s.recent_folders;
    j["snap_to_words"] = s.snap_to_words;
    j["ui_scale_chosen"] = s.ui_scale_chosen;
    j["project_coders"] = s.project_coders;
    j["window_width"] = s.window_width;
    j["window_height"] = s.window_height;
    j["hotkeys"] = nlohmann::json::object();
    for (const auto& [project, keys] : s.hotkeys) j["hotkeys"][project] = keys;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(dir.string() + ": cannot create the settings folder: " + ec.message());
    write_file_atomic(dir / "settings.json", j.dump(2));
}

}  // namespace npt::gui
