// speaker_turns_test.cpp — default speaker labels, custom --speaker-pattern, timestamps, and turn
// offsets checked against code points counted independently (text with accents, CJK, emoji).
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/formats.hpp"
#include "importers/import_fixtures.hpp"
#include "importers/speaker_turns.hpp"

using namespace npt;
using namespace npt::importers;
using test::describe_turns;

TEST(SpeakerTurns, DefaultPatternFindsTheCommonLabels) {
    std::string text =
        "Transcript of interview 7, recorded on site.\n"
        "Interviewer: How did you first hear of the hub?\n"
        "P01: From my manager 😀 — she sent an email.\n"
        "It was in the spring.\n"
        "\n"
        "IV: And then?\n"
        "R: I rang them.\n"
        "[00:12:34] Speaker 1: Later on we talked about 東京.\n"
        "Note that this line has no label.\n";
    std::vector<SpeakerTurn> turns = detect_speaker_turns(text);
    std::vector<std::string> expected = {
        "Interviewer|How did you first hear of the hub?",
        "P01|From my manager 😀 — she sent an email.\nIt was in the spring.",
        "IV|And then?",
        "R|I rang them.",
        "Speaker 1|Later on we talked about 東京.\nNote that this line has no label.",
    };
    EXPECT_EQ(describe_turns(text, turns), expected);
    ASSERT_EQ(turns.size(), 5u);
    EXPECT_EQ(turns[4].start_ms, (12 * 60 + 34) * 1000);
    EXPECT_FALSE(turns[0].start_ms.has_value());
}

TEST(SpeakerTurns, OffsetsMatchAnIndependentCount) {
    // Build the text from pieces and count code points with to_u32, independently of the detector.
    std::vector<std::pair<std::string, std::string>> said = {
        {"Interviewer", "Ça va? 😀"}, {"P12", "Ναι, καλά — 谢谢."}, {"Interviewer", "Good."}};
    std::string text;
    std::vector<SpeakerTurn> expected;
    for (const auto& [who, words] : said) {
        std::int64_t start = static_cast<std::int64_t>(text::to_u32(text).size() + who.size() + 2);
        text += who + ": " + words + "\n";
        expected.push_back({start, start + static_cast<std::int64_t>(text::to_u32(words).size()), who, {}, {}});
    }
    std::vector<SpeakerTurn> got = detect_speaker_turns(text);
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].start, expected[i].start) << i;
        EXPECT_EQ(got[i].end, expected[i].end) << i;
        EXPECT_EQ(got[i].speaker, expected[i].speaker) << i;
    }
}

TEST(SpeakerTurns, SentencesWithColonsAreNotLabels) {
    std::string text = "The hub: a place to go.\nWe said: fine.\n10:30: we met.\n";
    EXPECT_TRUE(detect_speaker_turns(text).empty());
}

TEST(SpeakerTurns, LabelWithNothingSaidMakesNoTurn) {
    std::string text = "Interviewer:\nP02: Hello\n";
    EXPECT_EQ(describe_turns(text, detect_speaker_turns(text)), std::vector<std::string>{"P02|Hello"});
}

TEST(SpeakerTurns, LabelOnItsOwnLineTakesTheFollowingLines) {
    std::string text = "Interviewer:\n  What happened next?\n\nP02:\nWe waited.\n";
    std::vector<std::string> expected = {"Interviewer|What happened next?", "P02|We waited."};
    EXPECT_EQ(describe_turns(text, detect_speaker_turns(text)), expected);
}

TEST(SpeakerTurns, CustomPatternWithNamedGroups) {
    std::string text = "ANNA (00:01): Hello there.\nBEN (00:05): Hi Anna.\n";
    auto turns = detect_speaker_turns(text, R"((?<speaker>[A-Z]+) \((?<time>\d+:\d+)\):\s*)");
    std::vector<std::string> expected = {"ANNA|Hello there.", "BEN|Hi Anna."};
    EXPECT_EQ(describe_turns(text, turns), expected);
    ASSERT_EQ(turns.size(), 2u);
    EXPECT_EQ(turns[1].start_ms, 5000);
}

TEST(SpeakerTurns, CustomPatternWithoutGroupsUsesTheWholeLabel) {
    std::string text = "— Maria — we started in May.\n— Tom — right.\n";
    auto turns = detect_speaker_turns(text, "— \\w+ —");
    std::vector<std::string> expected = {"— Maria —|we started in May.", "— Tom —|right."};
    EXPECT_EQ(describe_turns(text, turns), expected);
}

TEST(SpeakerTurns, InvalidPatternIsAnInputError) {
    try {
        detect_speaker_turns("x", "(unclosed");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--speaker-pattern"), std::string::npos);
    }
}

TEST(SpeakerTurns, ClockParsing) {
    EXPECT_EQ(parse_clock_ms("00:12:34"), 754000);
    EXPECT_EQ(parse_clock_ms("1:02:03.5"), 3723500);
    EXPECT_EQ(parse_clock_ms("02:03,250"), 123250);
    EXPECT_FALSE(parse_clock_ms("12").has_value());
    EXPECT_FALSE(parse_clock_ms("00:61").has_value());
    EXPECT_FALSE(parse_clock_ms("ab:cd").has_value());
}

TEST(SpeakerTurns, PlainTextImportUsesTheOption) {
    ImportOptions o;
    o.speaker_pattern = R"((?<speaker>Q|A)\.\s)";
    ImportedDocument d = parse_plain_text("Q. Why?\nA. Because.\n", "qa.txt", o);
    std::vector<std::string> expected = {"Q|Why?", "A|Because."};
    EXPECT_EQ(describe_turns(d.text, d.turns), expected);
}
