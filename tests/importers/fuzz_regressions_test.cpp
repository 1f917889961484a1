// test_fuzz_regressions.cpp — replays every input the fuzzers found a bug with
// (tests/data/fuzz-regressions/<target>/*) through the same parser call as the fuzz target
// (fuzz/fuzz_calls.hpp): each must now be read or refused with a one-line npt::Error, never crash
// (the suite runs under ASan and UBSan) or throw anything else.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "fuzz/fuzz_calls.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;

TEST(FuzzRegressions, EveryFolderNamesAFuzzTarget) {
    fs::path root = fs::path(NPT_SOURCE_DIR) / "tests/data/fuzz-regressions";
    ASSERT_TRUE(fs::is_directory(root));
    for (const auto& entry : fs::directory_iterator(root)) {
        if (!entry.is_directory()) continue;
        std::string name = entry.path().filename().string();
        EXPECT_NE(std::find(npt::fuzz::kTargets.begin(), npt::fuzz::kTargets.end(), name), npt::fuzz::kTargets.end())
            << "no fuzz target " << name;
    }
}

TEST(FuzzRegressions, EverySavedInputIsReadOrRefusedWithAOneLineError) {
    fs::path root = fs::path(NPT_SOURCE_DIR) / "tests/data/fuzz-regressions";
    int replayed = 0;
    for (std::string_view target : npt::fuzz::kTargets) {
        fs::path dir = root / std::string(target);
        if (!fs::is_directory(dir)) continue;
        for (const auto& file : fs::directory_iterator(dir)) {
            if (!file.is_regular_file() || file.path().filename() == "README.md") continue;
            std::string bytes = npt::test::read_bytes(file.path());
            SCOPED_TRACE(file.path().string());
            try {
                npt::fuzz::call_parser(target, bytes);
            } catch (const npt::Error& e) {
                std::string message = e.what();
                EXPECT_FALSE(message.empty());
                EXPECT_EQ(message.find('\n'), std::string::npos) << message;
            } catch (const std::exception& e) {
                ADD_FAILURE() << "not an npt::Error: " << e.what();
            }
            ++replayed;
        }
    }
    RecordProperty("replayed", replayed);
}
