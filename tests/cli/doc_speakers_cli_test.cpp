// doc_speakers_cli_test.cpp — `nptcoder doc speakers` and `import --speaker-layout` run as a user
// would, on the Otter TXT sample: a document imported without its turns gets them, its coding and
// text stay, --dry-run changes nothing, undo brings the old turns back, and bad input is one line.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

using npt::test::run_cli;
using nlohmann::json;

namespace {

const std::string kOtter = NPT_SOURCE_DIR "/tests/data/otter/discharge-interview.txt";

struct Study {
    npt::test::TempDir dir;
    std::string path = (dir / "s.nptq").string();
    Study() {
        EXPECT_EQ(run_cli({"init", path, "--name", "Study"}).exit_code, 0);
        auto r = run_cli({"import", path, kOtter, "--name", "p01", "--speaker-layout", "labels", "-q"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        r = run_cli({"code", "add", path, "--doc", "p01", "--quote", "Nobody explained why", "--code", "Coherence",
                     "--coder", "Amira"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    json show() {
        auto r = run_cli({"doc", "show", path, "p01", "--json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return json::parse(r.out);
    }
    std::string text() { return run_cli({"doc", "show", path, "p01"}).out; }
    std::string codings() { return run_cli({"code", "list", path, "--json"}).out; }
};

}  // namespace

TEST(DocSpeakersCli, RedetectsTurnsKeepsCodingsAndUndoes) {
    Study s;
    ASSERT_TRUE(s.show()["speaker_turns"].empty());
    const std::string text = s.text(), codings = s.codings();

    auto r = run_cli({"doc", "speakers", s.path, "p01", "--dry-run"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("131-242       00:11    Priya Raman: Sure. I coordinate"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Would set 6 speaker turn(s) of p01 (layout otter; now 0): Interviewer (3), Priya Raman (2), "
                         "Unknown Speaker (1)"),
              std::string::npos)
        << r.out;
    EXPECT_TRUE(s.show()["speaker_turns"].empty());

    r = run_cli({"doc", "speakers", s.path, "p01"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Set 6 speaker turn(s) of p01 (layout otter; was 0): Interviewer (3), Priya Raman (2), Unknown Speaker (1). "
                     "Text and codings unchanged; nptcoder undo restores the old turns\n");
    json turns = s.show()["speaker_turns"];
    ASSERT_EQ(turns.size(), 6u);
    EXPECT_EQ(turns[5]["speaker"], "Interviewer");
    EXPECT_EQ(turns[5]["start_ms"], 3603000);
    EXPECT_EQ(s.text(), text);
    EXPECT_EQ(s.codings(), codings);

    r = run_cli({"doc", "speakers", s.path, "p01", "--pattern", "(?<speaker>Priya Raman)\\s+\\d+:\\d+\\s*$", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json j = json::parse(r.out);
    EXPECT_EQ(j["layout"], "labels");
    EXPECT_EQ(j["previous_turns"], 6);
    EXPECT_EQ(j["speaker_turns"].size(), 2u);
    EXPECT_EQ(s.show()["speaker_turns"].size(), 2u);

    ASSERT_EQ(run_cli({"undo", s.path}).exit_code, 0);
    EXPECT_EQ(s.show()["speaker_turns"].size(), 6u);
    ASSERT_EQ(run_cli({"undo", s.path}).exit_code, 0);
    EXPECT_TRUE(s.show()["speaker_turns"].empty());
    EXPECT_EQ(s.codings(), codings);
}

TEST(DocSpeakersCli, BadInputIsOneLineAndChangesNothing) {
    Study s;
    auto r = run_cli({"doc", "speakers", s.path, "p01", "--pattern", "(unclosed"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err.find("nptcoder: --speaker-pattern: invalid regular expression '(unclosed'"), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
    r = run_cli({"doc", "speakers", s.path, "p01", "--layout", "zoom"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("unknown speaker layout 'zoom' (use auto, labels, otter or table)"), std::string::npos) << r.err;
    r = run_cli({"doc", "speakers", s.path, "p01", "--layout", "table"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("p01: the table layout finds no speaker turns in the text; its 0 turn(s) are unchanged"), std::string::npos)
        << r.err;
    r = run_cli({"doc", "speakers", s.path, "nope"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(s.show()["speaker_turns"].empty());
}

TEST(DocSpeakersCli, ImportDetectsTheOtterLayout) {
    npt::test::TempDir dir;
    std::string path = (dir / "s.nptq").string();
    ASSERT_EQ(run_cli({"init", path}).exit_code, 0);
    auto r = run_cli({"import", path, kOtter, "--json", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["imported"][0]["speaker_turns"], 6) << r.out;
}
