// settings_test.cpp — the workbench settings survive a restart, malformed files fall back to the
// defaults, recent lists stay short and unique; the file browser lists and filters a real folder.
#include <gtest/gtest.h>
#include <imgui.h>

#include "gui/file_browser.hpp"
#include "gui/settings.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {

TEST(Settings, RoundTripThroughTheConfigFolder) {
    TempDir dir;
    gui::Settings s;
    s.ui_scale = 1.5f;
    s.coder = "Amira";
    s.snap_to_words = false;
    s.remember_project(dir / "a.nptq");
    s.hotkeys["/x/a.nptq"][2] = "Coherence/Differentiation";
    gui::save_settings(dir / "cfg", s);
    const gui::Settings back = gui::load_settings(dir / "cfg");
    EXPECT_EQ(back.ui_scale, 1.5f);
    EXPECT_EQ(back.coder, "Amira");
    EXPECT_FALSE(back.snap_to_words);
    ASSERT_EQ(back.recent_projects.size(), 1u);
    EXPECT_EQ(back.recent_projects[0], (dir / "a.nptq").string());
    EXPECT_EQ(back.hotkeys.at("/x/a.nptq")[2], "Coherence/Differentiation");
    EXPECT_EQ(back.hotkeys.at("/x/a.nptq")[0], "");
}

TEST(Settings, MissingOrMalformedFilesGiveDefaults) {
    TempDir dir;
    EXPECT_EQ(gui::load_settings(dir / "none").ui_scale, 1.0f);
    write_bytes(dir / "settings.json", "{ not json");
    const gui::Settings s = gui::load_settings(dir.path());
    EXPECT_EQ(s.ui_scale, 1.0f);
    EXPECT_TRUE(s.recent_projects.empty());
    write_bytes(dir / "settings.json", R"({"ui_scale": 40})");
    EXPECT_EQ(gui::load_settings(dir.path()).ui_scale, 2.5f);  // clamped
}

TEST(Settings, RecentListsAreUniqueNewestFirstAndBounded) {
    gui::Settings s;
    for (int i = 0; i < 15; ++i) s.remember_folder("/data/f" + std::to_string(i));
    s.remember_folder("/data/f3");
    ASSERT_EQ(s.recent_folders.size(), gui::Settings::kRecentLimit);
    EXPECT_EQ(s.recent_folders[0], "/data/f3");
    EXPECT_EQ(std::count(s.recent_folders.begin(), s.recent_folders.end(), "/data/f3"), 1);
    EXPECT_EQ(s.recent_folders[1], "/data/f14");
}

TEST(FileBrowser, ListsFoldersFirstAndFiltersByType) {
    TempDir dir;
    write_bytes(dir / "b.txt", "b");
    write_bytes(dir / "A.docx", "a");
    write_bytes(dir / "notes.xlsx", "n");
    write_bytes(dir / ".hidden.txt", "h");
    write_bytes(dir / "sub" / "c.txt", "c");
    ImGui::CreateContext();
    gui::Settings settings;
    gui::FileBrowser browser;
    browser.open("Import", gui::FileBrowser::Mode::OpenMany, {{"Transcripts", {".txt", ".docx"}}, {"All", {}}}, settings,
                 dir.path());
    std::vector<std::string> names;
    for (const auto& e : browser.entries()) names.push_back(e.path.filename().string());
    EXPECT_EQ(names, (std::vector<std::string>{"sub", "A.docx", "b.txt"}));
    EXPECT_TRUE(browser.entries()[0].folder);
    EXPECT_TRUE(browser.accepts("x.TXT"));
    EXPECT_FALSE(browser.accepts("x.xlsx"));
    browser.navigate(dir / "sub");
    ASSERT_EQ(browser.entries().size(), 1u);
    EXPECT_EQ(browser.entries()[0].path.filename(), "c.txt");
    ImGui::DestroyContext();
}

}  // namespace
}  // namespace npt::test
