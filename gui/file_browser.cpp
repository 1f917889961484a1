// file_browser.cpp — the built-in file dialog.
#include "gui/file_browser.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

namespace npt::gui {
namespace fs = std::filesystem;
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string human_size(std::uintmax_t bytes) {
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%ju B", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

}  // namespace

void FileBrowser::open(std::string title, Mode mode, std::vector<FileFilter> filters, const Settings& settings,
                       fs::path folder, std::string file_name) {
    title_ = std::move(title);
    mode_ = mode;
    filters_ = std::move(filters);
    if (filters_.empty()) filters_.push_back({"All files", {}});
    filter_ = 0;
    std::snprintf(name_, sizeof name_, "%s", file_name.c_str());
    if (folder.empty() && !settings.recent_folders.empty()) folder = settings.recent_folders.front();
    if (folder.empty()) folder = std::getenv("HOME") ? fs::path(std::getenv("HOME")) : fs::current_path();
    navigate(folder);
    open_ = true;
}

bool FileBrowser::accepts(const fs::path& file) const {
    if (filters_.empty()) return true;
    const auto& exts = filters_[static_cast<std::size_t>(filter_)].extensions;
    if (exts.empty()) return true;
    const std::string ext = lower(file.extension().string());
    return std::find(exts.begin(), exts.end(), ext) != exts.end();
}

void FileBrowser::navigate(const fs::path& folder) {
    problem_.clear();
    std::vector<Entry> found;
    std::error_code ec;
    fs::path target = fs::absolute(folder, ec).lexically_normal();
    for (fs::directory_iterator it(target, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        const bool is_dir = it->is_directory(e2);
        if (!is_dir && !accepts(it->path())) continue;
        found.push_back({it->path(), is_dir, is_dir ? 0 : it->file_size(e2)});
    }
    if (ec) {
        problem_ = target.string() + ": " + ec.message();
        return;
    }
    std::sort(found.begin(), found.end(), [](const Entry& a, const Entry& b) {
        return a.folder != b.folder ? a.folder : lower(a.path.filename().string()) < lower(b.path.filename().string());
    });
    folder_ = target;
    entries_ = std::move(found);
    chosen_.assign(entries_.size(), false);
    std::snprintf(path_input_, sizeof path_input_, "%s", folder_.string().c_str());
}

std::optional<std::vector<fs::path>> FileBrowser::draw(Settings& settings) {
    if (open_) {
        ImGui::OpenPopup(title_.c_str());
        open_ = false;
        visible_ = true;
    }
    if (!visible_) return std::nullopt;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize({em * 44, em * 30}, ImGuiCond_Appearing);
    bool keep = true;
    std::optional<std::vector<fs::path>> result;
    if (!ImGui::BeginPopupModal(title_.c_str(), &keep)) {
        visible_ = false;
        return std::nullopt;
    }
    if (ImGui::ArrowButton("##up", ImGuiDir_Up)) navigate(folder_.parent_path());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Parent folder");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-em * 9);
    if (ImGui::InputText("##path", path_input_, sizeof path_input_, ImGuiInputTextFlags_EnterReturnsTrue)) navigate(path_input_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##recent", "Recent", ImGuiComboFlags_HeightLarge)) {
        for (const std::string& f : settings.recent_folders)
            if (ImGui::Selectable(f.c_str())) navigate(f);
        if (settings.recent_folders.empty()) ImGui::TextDisabled("No recent folders");
        ImGui::EndCombo();
    }
    if (!problem_.empty()) ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", problem_.c_str());

    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##entries", {0, -footer}, true);
    std::optional<fs::path> enter;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const Entry& e = entries_[i];
        const std::string label = (e.folder ? "[folder]  " : "") + e.path.filename().string();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(label.c_str(), chosen_[i], ImGuiSelectableFlags_AllowDoubleClick)) {
            if (ImGui::IsMouseDoubleClicked(0)) {
                if (e.folder) enter = e.path;
                else if (mode_ != Mode::Save) result = std::vector<fs::path>{e.path};
            }
            if (!(mode_ == Mode::OpenMany && ImGui::GetIO().KeyCtrl)) std::fill(chosen_.begin(), chosen_.end(), false);
            chosen_[i] = !chosen_[i] || !(mode_ == Mode::OpenMany && ImGui::GetIO().KeyCtrl);
            if (mode_ == Mode::Save && !e.folder) std::snprintf(name_, sizeof name_, "%s", e.path.filename().string().c_str());
        }
        if (!e.folder) {
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - em * 5);
            ImGui::TextDisabled("%s", human_size(e.size).c_str());
        }
        ImGui::PopID();
    }
    if (entries_.empty()) ImGui::TextDisabled("Nothing here matches the type filter.");
    ImGui::EndChild();
    if (enter) navigate(*enter);

    if (mode_ == Mode::Save) {
        ImGui::SetNextItemWidth(em * 20);
        ImGui::InputTextWithHint("##name", "file name", name_, sizeof name_);
        ImGui::SameLine();
    }
    ImGui::SetNextItemWidth(em * 16);
    if (ImGui::BeginCombo("##filter", filters_[static_cast<std::size_t>(filter_)].label.c_str())) {
        for (std::size_t i = 0; i < filters_.size(); ++i)
            if (ImGui::Selectable(filters_[i].label.c_str(), static_cast<int>(i) == filter_)) {
                filter_ = static_cast<int>(i);
                navigate(folder_);
            }
        ImGui::EndCombo();
    }
    if (mode_ == Mode::OpenMany) ImGui::TextDisabled("Ctrl+click picks several; a chosen folder imports everything in it.");

    const char* ok_label = mode_ == Mode::Save ? "Save" : "Open";
    if (ImGui::Button(ok_label, {em * 6, 0})) {
        std::vector<fs::path> picked;
        if (mode_ == Mode::Save) {
            if (name_[0]) picked.push_back(folder_ / name_);
        } else {
            for (std::size_t i = 0; i < entries_.size(); ++i)
                if (chosen_[i] && (mode_ == Mode::OpenMany || !entries_[i].folder)) picked.push_back(entries_[i].path);
        }
        if (!picked.empty()) result = picked;
    }
    if (mode_ == Mode::OpenMany) {
        ImGui::SameLine();
        if (ImGui::Button("Use this folder")) result = std::vector<fs::path>{folder_};
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Import every matching file in %s", folder_.string().c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", {em * 6, 0})) keep = false;
    if (result) {
        settings.remember_folder(folder_);
        keep = false;
    }
    if (!keep) {
        ImGui::CloseCurrentPopup();
        visible_ = false;
    }
    ImGui::EndPopup();
    return result;
}

}  // namespace npt::gui
