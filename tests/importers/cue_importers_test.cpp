// cue_importers_test.cpp — WebVTT (Teams voice tags, Zoom "Name:" prefixes, NOTE/STYLE blocks,
// entities) and SRT (numbered cues, comma times, CRLF, Windows-1252): cues merged into turns
// with timestamps; the text holds what was said, never cue numbers or timing lines.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/formats.hpp"
#include "importers/import_fixtures.hpp"

using namespace npt;
using namespace npt::importers;
using test::describe_turns;

TEST(Vtt, TeamsVoiceTagsMergeIntoTurns) {
    std::string vtt =
        "WEBVTT\n"
        "Kind: captions\n\n"
        "NOTE this is a comment\nspanning lines\n\n"
        "STYLE\n::cue { color: red }\n\n"
        "a1b2-1\n00:00:01.000 --> 00:00:03.500 align:start\n<v Dr Amira Khan>So tell me &amp; the team</v>\n\n"
        "a1b2-2\n00:00:03.600 --> 00:00:05.000\n<v Dr Amira Khan>about the hub.</v>\n\n"
        "a1b2-3\n00:00:05.100 --> 00:01:09.250\n<v.loud P08>We <i>all</i> used it — café&nbsp;chats.</v>\n";
    ImportedDocument d = parse_vtt(vtt, "t.vtt", ImportOptions{});
    EXPECT_EQ(d.text, "Dr Amira Khan: So tell me & the team about the hub.\nP08: We all used it — café\u00A0chats.");
    std::vector<std::string> expected = {"Dr Amira Khan|So tell me & the team about the hub.", "P08|We all used it — café\u00A0chats."};
    EXPECT_EQ(describe_turns(d.text, d.turns), expected);
    ASSERT_EQ(d.turns.size(), 2u);
    EXPECT_EQ(d.turns[0].start_ms, 1000);
    EXPECT_EQ(d.turns[0].end_ms, 5000);
    EXPECT_EQ(d.turns[1].start_ms, 5100);
    EXPECT_EQ(d.turns[1].end_ms, 69250);
    EXPECT_EQ(d.text.find("-->"), std::string::npos);
}

TEST(Vtt, ZoomNamePrefixesAndCuesWithoutSpeaker) {
    std::string vtt =
        "\xEF\xBB\xBFWEBVTT\r\n\r\n1\r\n00:00.000 --> 00:02.000\r\nJo Bloggs: Right, shall we start?\r\n\r\n"
        "2\r\n00:02.500 --> 00:04.000\r\nand carry on\r\n\r\n"
        "3\r\n00:04.500 --> 00:06.000\r\nSam: Yes.\r\n";
    ImportedDocument d = parse_vtt(vtt, "z.vtt", ImportOptions{});
    std::vector<std::string> expected = {"Jo Bloggs|Right, shall we start? and carry on", "Sam|Yes."};
    EXPECT_EQ(describe_turns(d.text, d.turns), expected);
    EXPECT_EQ(d.turns[1].start_ms, 4500);
}

TEST(Vtt, MissingHeaderAndBadTimingAreErrors) {
    EXPECT_THROW(parse_vtt("1\n00:00:01.000 --> 00:00:02.000\nHi\n", "x.vtt", {}), FormatError);
    try {
        parse_vtt("WEBVTT\n\n00:00:01.000 --> banana\nHi\n", "x.vtt", {});
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("x.vtt: line 3: malformed cue timing"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parse_vtt("WEBVTT\n\nNOTE nothing else\n", "x.vtt", {}), FormatError);
}

// Issue 13: a timing line without "-->" made the cue's block look like a comment, and the file
// failed with "no cue with any words" instead of naming the line.
TEST(Vtt, TimingLineWithoutArrowNamesItsLine) {
    const std::string vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\n2\n00:00:03.000 -> 00:00:04.000\nThere\n";
    try {
        parse_vtt(vtt, "x.vtt", {});
        FAIL() << "no error";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("x.vtt: line 7: malformed cue timing '00:00:03.000 -> 00:00:04.000'"),
                  std::string::npos)
            << e.what();
    }
    // A block without any time stamp is still only skipped (and noted).
    ImportedDocument d = parse_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\n10:30 we met\n", "y.vtt", {});
    EXPECT_EQ(d.text, "Hi");
}

TEST(Srt, NumberedCuesCrlfAndTags) {
    std::string srt =
        "1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>Interviewer:</i> Welcome.\r\n\r\n"
        "2\r\n00:00:02,100 --> 00:00:04,000\r\nP09: Thanks,\r\nhappy to help.\r\n\r\n"
        "3\r\n00:00:04,100 --> 00:00:05,000\r\n{\\an8}[Interviewer] Good.\r\n";
    ImportedDocument d = parse_srt(srt, "t.srt", ImportOptions{});
    EXPECT_EQ(d.text, "Interviewer: Welcome.\nP09: Thanks, happy to help.\nInterviewer: Good.");
    std::vector<std::string> expected = {"Interviewer|Welcome.", "P09|Thanks, happy to help.", "Interviewer|Good."};
    EXPECT_EQ(describe_turns(d.text, d.turns), expected);
    EXPECT_EQ(d.turns[1].start_ms, 2100);
    EXPECT_EQ(d.turns[1].end_ms, 4000);
}

TEST(Srt, Windows1252SubtitlesAreDecoded) {
    std::string srt;
    for (int i = 1; i <= 4; ++i)
        srt += std::to_string(i) + "\r\n00:00:0" + std::to_string(i) + ",000 --> 00:00:0" + std::to_string(i) +
               ",900\r\nAnn: Caf\xE9 \x93" "break\x94 n\xB0" + std::to_string(i) + " was na\xEFve.\r\n\r\n";
    ImportedDocument d = parse_srt(srt, "w.srt", ImportOptions{});
    EXPECT_EQ(d.turns.size(), 1u);
    EXPECT_NE(d.text.find("Ann: Café “break” n°1 was naïve. Café"), std::string::npos) << d.text;
    EXPECT_NE(d.import_note.find("windows-1252"), std::string::npos);
}

TEST(Srt, NoCuesIsAnError) {
    try {
        parse_srt("just some words\n", "n.srt", {});
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_STREQ(e.what(), "n.srt: not an SRT file (no cue timings found)");
    }
}

TEST(Cues, TextIsNfcAndTurnsCountCodePoints) {
    std::string vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Zoë>cafe\xCC\x81 😀 東京</v>\n\n00:02.000 --> 00:03.000\n<v Ωmega>ok</v>\n";
    ImportedDocument d = parse_vtt(vtt, "n.vtt", {});
    EXPECT_TRUE(text::is_nfc(d.text));
    EXPECT_EQ(text::prepare_for_store(d.text, "n"), d.text);
    std::vector<std::string> expected = {"Zoë|café 😀 東京", "Ωmega|ok"};
    EXPECT_EQ(describe_turns(d.text, d.turns), expected);
}

TEST(Detection, ContentFirstThenExtension) {
    EXPECT_EQ(detect_format("WEBVTT\n\n", "a.txt"), SourceFormat::Vtt);
    EXPECT_EQ(detect_format("1\n00:00:01,000 --> 00:00:02,000\nHi\n", "a.txt"), SourceFormat::Srt);
    EXPECT_EQ(detect_format("PK\x03\x04rest", "a.txt"), SourceFormat::Docx);
    EXPECT_EQ(detect_format("%PDF-1.4", "a.txt"), SourceFormat::Pdf);
    EXPECT_EQ(detect_format("hello", "a.DOCX"), SourceFormat::Docx);
    EXPECT_EQ(detect_format("hello", "a.vtt"), SourceFormat::Vtt);
    EXPECT_EQ(detect_format("hello", "a.md"), SourceFormat::Text);
    EXPECT_EQ(source_format_from_string("WebVTT"), SourceFormat::Vtt);
    EXPECT_THROW(source_format_from_string("odt"), InputError);
}
