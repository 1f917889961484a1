// refi_misroute_cli_test.cpp — REFI-QDA projects given to the commands for transcripts and
// codebooks: `import P x.qdpx` (or a project.qde, or a project under another name) refuses with
// one line naming import-qdpx and leaves the project unchanged; `codebook import P x.qdpx` loads
// the project's code tree.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "support/test_support.hpp"

namespace npt {
namespace {

const std::filesystem::path kData = std::filesystem::path(NPT_SOURCE_DIR) / "tests/data/refi";

TEST(RefiMisroute, ImportOfAProjectSaysUseImportQdpx) {
    test::TempDir dir;
    const std::string P = (dir / "s.nptq").string();
    ASSERT_EQ(test::run_cli({"init", P}).exit_code, 0);
    test::write_bytes(dir / "interview.docx", test::read_bytes(kData / "nvivo-mac-15.qdpx"));
    for (const std::filesystem::path& f : {kData / "qualcoder-4.0-beta-10docs.qdpx", kData / "maxqda-24.7-project/project.qde",
                                           dir / "interview.docx"}) {
        const std::string hash = test::file_sha256(P);
        auto r = test::run_cli({"import", P, f.string()});
        EXPECT_EQ(r.exit_code, 1) << r.out;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.err.rfind("nptcoder: " + f.string() + ": a REFI-QDA project, not a transcript", 0), 0u) << r.err;
        EXPECT_NE(r.err.find("nptcoder import-qdpx " + f.string() + " NEW.nptq"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("DOCX"), std::string::npos) << r.err;
        EXPECT_EQ(test::file_sha256(P), hash) << f;
    }
}

TEST(RefiMisroute, CodebookImportOfAProjectLoadsItsCodeTree) {
    test::TempDir dir;
    const std::string P = (dir / "s.nptq").string();
    ASSERT_EQ(test::run_cli({"init", P}).exit_code, 0);
    auto r = test::run_cli({"codebook", "import", P, (kData / "qualcoder-4.0-beta-10docs.qdpx").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("21 code(s) added"), std::string::npos) << r.out;
    auto list = nlohmann::json::parse(test::run_cli({"codebook", "list", P, "--json"}).out);
    EXPECT_EQ(list.size(), 21u);
    // An unpacked MAXQDA project.qde, and a project under a name that is not .qdpx.
    test::write_bytes(dir / "team.zip", test::read_bytes(kData / "nvivo-mac-15.qdpx"));
    const std::string Q = (dir / "q.nptq").string();
    ASSERT_EQ(test::run_cli({"init", Q}).exit_code, 0);
    auto mx = test::run_cli({"codebook", "import", Q, (kData / "maxqda-24.7-project/project.qde").string()});
    ASSERT_EQ(mx.exit_code, 0) << mx.err;
    EXPECT_NE(mx.out.find("307 code(s) added"), std::string::npos) << mx.out;
    const std::string R = (dir / "r.nptq").string();
    ASSERT_EQ(test::run_cli({"init", R}).exit_code, 0);
    auto nv = test::run_cli({"codebook", "import", R, (dir / "team.zip").string()});
    ASSERT_EQ(nv.exit_code, 0) << nv.err;
    EXPECT_NE(nv.out.find("262 code(s) added"), std::string::npos) << nv.out;
    // Anything else is still refused with one line.
    test::write_bytes(dir / "notes.txt", "just notes\n");
    auto bad = test::run_cli({"codebook", "import", P, (dir / "notes.txt").string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find(".qdpx project"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace npt
