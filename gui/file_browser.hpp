// file_browser.hpp — a small file dialog over std::filesystem (ImGui has none): browse folders,
// pick one or more files (and folders, when allowed) filtered by type, or type a file name to
// save; recent folders from the settings. Draws as a modal; the result is returned once.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gui/settings.hpp"

namespace npt::gui {

struct FileFilter {
    std::string label;                    // "Transcripts (*.txt, *.docx, ...)"
    std::vector<std::string> extensions;  // lower case with the dot; empty = every file
};

class FileBrowser {
public:
    enum class Mode { Open, OpenMany, Save };

    // Opens the dialog next frame, showing `folder` (or the first recent folder, or the home).
    void open(std::string title, Mode mode, std::vector<FileFilter> filters, const Settings& settings,
              std::filesystem::path folder = {}, std::string file_name = {});
    bool is_open() const { return open_ || visible_; }

    // Draws the dialog when open. Returns the chosen paths once, when the researcher confirms
    // (remembering the folder in `settings`); nullopt otherwise.
    std::optional<std::vector<std::filesystem::path>> draw(Settings& settings);

    // The entries of the current folder as listed (folders first, then files by name), for tests.
    struct Entry {
        std::filesystem::path path;
        bool folder = false;
        std::uintmax_t size = 0;
    };
    const std::vector<Entry>& entries() const { return entries_; }
    void navigate(const std::filesystem::path& folder);  // lists `folder`; an error shows inline
    bool accepts(const std::filesystem::path& file) const;  // passes the current type filter

private:
    std::string title_;
    Mode mode_ = Mode::Open;
    std::vector<FileFilter> filters_;
    int filter_ = 0;
    std::filesystem::path folder_;
    std::vector<Entry> entries_;
    std::vector<bool> chosen_;
    char name_[512] = {};
    char path_input_[1024] = {};
    std::string problem_;
    bool open_ = false;     // open requested, popup not yet shown
    bool visible_ = false;  // popup shown
};

}  // namespace npt::gui
