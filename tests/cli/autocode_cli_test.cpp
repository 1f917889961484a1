// autocode_cli_test.cpp — `nptcoder autocode`: a dry run changes nothing, a run codes every
// passage as one undoable step, speaker turns, and bad requests refused with one line.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/store/project.hpp"
#include "core/text/utf8_text.hpp"
#include "support/test_support.hpp"

using npt::test::run_cli;
using npt::test::TempDir;
using nlohmann::json;

namespace {

const std::string kText =
    "Interviewer: Was the waiting list clear?\n"
    "P01: Nobody explained the waiting list. I asked twice.\n"
    "Interviewer: And later?\n"
    "P01: Later the waiting list was shorter.\n";

struct Study {
    TempDir dir;
    std::string path = (dir / "s.nptq").string();
    Study() {
        EXPECT_EQ(run_cli({"init", path, "--name", "Study"}).exit_code, 0);
        npt::test::write_bytes(dir / "p01.txt", kText);
        auto r = run_cli({"import", path, (dir / "p01.txt").string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(run_cli({"codebook", "load", path, "npt"}).exit_code, 0);
    }
    std::vector<npt::Coding> codings() {
        npt::Project p = npt::Project::open(path);
        return npt::codings_in_document(p, npt::require_document(p, "p01.txt").id);
    }
};

}  // namespace

TEST(AutocodeCli, DryRunListsAndARunCodesAsOneUndoableStep) {
    Study s;
    auto r = run_cli({"autocode", s.path, "--search", "waiting list", "--extend", "sentence", "--code",
                      "Coherence/Differentiation", "--coder", "Ngozi A", "--dry-run", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json j = json::parse(r.out);
    EXPECT_EQ(j["hits"], 3);
    ASSERT_EQ(j["passages"].size(), 3u);
    EXPECT_EQ(j["passages"][1]["text"], "P01: Nobody explained the waiting list.");
    EXPECT_EQ(j["passages"][1]["status"], "would code");
    EXPECT_TRUE(s.codings().empty());

    r = run_cli({"autocode", s.path, "--search", "waiting list", "--extend", "sentence", "--code",
                 "Coherence/Differentiation", "--coder", "Ngozi A"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("coded 3 as Coherence/Differentiation for Ngozi A"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("created new coder: 'Ngozi A'"), std::string::npos) << r.err;
    const auto codings = s.codings();
    ASSERT_EQ(codings.size(), 3u);
    const std::u32string text = npt::text::to_u32(kText);
    const std::u32string second = npt::text::to_u32("P01: Nobody explained the waiting list.");
    EXPECT_EQ(codings[1].start, static_cast<std::int64_t>(text.find(second)));
    EXPECT_EQ(codings[1].end, codings[1].start + static_cast<std::int64_t>(second.size()));

    // Again: everything is already coded.
    r = run_cli({"autocode", s.path, "--search", "waiting list", "--extend", "sentence", "--code",
                 "Coherence/Differentiation", "--coder", "Ngozi A"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("nothing to code"), std::string::npos) << r.out;

    // One undo takes back every coding it made (and the coder it made with them).
    r = run_cli({"undo", s.path, "--any"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(s.codings().empty());
}

TEST(AutocodeCli, SpeakerTurnsAndBadRequests) {
    Study s;
    auto r = run_cli({"autocode", s.path, "--speaker", "p01", "--code", "Collective action", "--coder", "Ben Marsh", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["applied"], 2);
    EXPECT_EQ(s.codings().size(), 2u);
    const auto before = s.codings();

    r = run_cli({"autocode", s.path, "--speaker", "P02", "--code", "Collective action", "--coder", "Ben Marsh"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("no speaker 'P02' has a turn"), std::string::npos) << r.err;
    r = run_cli({"autocode", s.path, "--speaker", "Interviewr", "--code", "Collective action", "--coder", "Ben Marsh"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("did you mean 'Interviewer'?"), std::string::npos) << r.err;
    r = run_cli({"autocode", s.path, "--search", "list", "--code", "Coherance/Differentiation", "--coder", "Ben Marsh"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("did you mean 'Coherence/Differentiation'?"), std::string::npos) << r.err;
    r = run_cli({"autocode", s.path, "--search", "list", "--code", "Coherence", "--coder", "Ben Marsj"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("did you mean 'Ben Marsh'?"), std::string::npos) << r.err;
    r = run_cli({"autocode", s.path, "--code", "Coherence", "--coder", "Ben Marsh"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("one of --search, --query or --speaker"), std::string::npos) << r.err;
    r = run_cli({"autocode", s.path, "--query", "Coherence AND (", "--code", "Coherence", "--coder", "Ben Marsh"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(s.codings().size(), before.size());  // nothing changed by the refused requests
}
