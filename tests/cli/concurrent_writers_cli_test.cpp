// concurrent_writers_cli_test.cpp — two `nptcoder code add` writers and a reader on one project at
// once, for NPT_CONCURRENCY_SECONDS (default 60): no "database is locked", no lost write, and the
// undo history holds every step exactly once.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/store/undo.hpp"
#include "support/test_support.hpp"

using namespace npt;
using npt::test::run_cli;
using npt::test::TempDir;

TEST(ConcurrentWriters, TwoWritersAndAReaderLoseNothing) {
    TempDir dir;
    std::string path = (dir / "p.nptq").string();
    {
        Project p = Project::create(path, "P");
        add_document(p, {"a.txt", std::string(200000, 'a'), "a.txt", "text", "", {}});
    }
    double seconds = 60;
    if (const char* s = std::getenv("NPT_CONCURRENCY_SECONDS"); s && *s) seconds = std::atof(s);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);

    std::atomic<int> failures{0}, reads{0};
    std::atomic<bool> locked{false};
    std::vector<std::string> errors[2];
    int written[2] = {0, 0};
    auto writer = [&](int w) {
        std::string coder = w == 0 ? "Writer one" : "Writer two";
        // Writer w codes [8i + 4w, 8i + 4w + 2): never touching another coding of its own.
        for (int i = 0; std::chrono::steady_clock::now() < deadline && i < 20000; ++i) {
            auto r = run_cli({"code", "add", path, "--doc", "a.txt", "--start", std::to_string(8 * i + 4 * w), "--end",
                              std::to_string(8 * i + 4 * w + 2), "--code", "Coherence/Differentiation", "--coder", coder});
            if (r.exit_code != 0) {
                ++failures;
                errors[w].push_back(r.err);
                if (r.err.find("locked") != std::string::npos) locked = true;
            } else {
                ++written[w];
            }
        }
    };
    std::thread reader([&] {
        while (std::chrono::steady_clock::now() < deadline) {
            auto r = run_cli({"code", "list", path, "--json"});
            if (r.exit_code != 0) {
                ++failures;
                if (r.err.find("locked") != std::string::npos) locked = true;
            }
            ++reads;
        }
    });
    std::thread one(writer, 0), two(writer, 1);
    one.join();
    two.join();
    reader.join();

    EXPECT_FALSE(locked.load());
    EXPECT_EQ(failures.load(), 0) << (errors[0].empty() ? (errors[1].empty() ? "" : errors[1][0]) : errors[0][0]);
    EXPECT_GT(reads.load(), 0);
    Project p = Project::open(path);
    for (int w = 0; w < 2; ++w) {
        SegmentFilter filter;
        filter.coders = {w == 0 ? "Writer one" : "Writer two"};
        EXPECT_EQ(static_cast<int>(list_segments(p, filter).size()), written[w]) << "writer " << w;
    }
    EXPECT_EQ(static_cast<int>(undo_history(p, 100000).size()), written[0] + written[1] + 1);  // + the document
    EXPECT_EQ(p.integrity_check(), "ok");
    std::cout << "[          ] " << written[0] << " + " << written[1] << " codings written, " << reads.load()
              << " reads, in " << seconds << " s\n";
}
