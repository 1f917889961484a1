// speaker_layouts_test.cpp — the otter and table speaker layouts and auto detection, on an Otter
// TXT export written for the suite (tests/data/otter) and on DOCX transcript tables built with
// libzip: turns, their exact text, start times, and the files that must not give turns.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "importers/formats.hpp"
#include "importers/import_fixtures.hpp"
#include "importers/speaker_layouts.hpp"
#include "support/test_support.hpp"

using namespace npt;
using namespace npt::importers;
using test::describe_turns;
using test::docx_paragraph;
using test::make_docx;

namespace {

std::string otter_file(const std::string& name) { return test::read_bytes(std::string(NPT_SOURCE_DIR "/tests/data/otter/") + name); }

std::string cell(const std::vector<std::string>& paragraphs) {
    std::string out = "<w:tc>";
    for (const std::string& p : paragraphs) out += docx_paragraph({p});
    return out + "</w:tc>";
}

std::string table(const std::vector<std::vector<std::vector<std::string>>>& rows) {
    std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr>";
    for (const auto& row : rows) {
        out += "<w:tr><w:trPr/>";
        for (const auto& c : row) out += cell(c);
        out += "</w:tr>";
    }
    return out + "</w:tbl>";
}

std::vector<std::int64_t> start_times(const std::vector<SpeakerTurn>& turns) {
    std::vector<std::int64_t> out;
    for (const SpeakerTurn& t : turns) out.push_back(t.start_ms.value_or(-1));
    return out;
}

}  // namespace

TEST(OtterLayout, TheExportIsDetectedAndGivesOneTurnPerHeader) {
    ImportedDocument d = parse_plain_text(otter_file("discharge-interview.txt"), "otter.txt", {});
    std::vector<std::string> expected = {
        "Interviewer|Thanks for making the time. Could you start by telling me what your role involves day to day?",
        "Priya Raman|Sure. I coordinate the discharge team on two wards, so most mornings I am\nchasing beds and talking to families.",
        "Interviewer|When the new referral form arrived, how did you first hear about it?",
        "Priya Raman|Honestly, through a colleague rather than any briefing. Nobody explained why it had changed.",
        "Unknown Speaker|Sorry, can I just check the recording is still going?",
        "Interviewer|It is, thank you. Last question: would you keep using it?",
    };
    EXPECT_EQ(describe_turns(d.text, d.turns), expected);  // the Otter footer is in no turn
    EXPECT_EQ(start_times(d.turns), (std::vector<std::int64_t>{3000, 11000, 27000, 35000, 768000, 3603000}));
    EXPECT_TRUE(looks_like_otter(d.text));
    EXPECT_EQ(detect_speakers(d.text, SpeakerLayout::Auto).layout, SpeakerLayout::Otter);
}

TEST(OtterLayout, AHeaderWithNothingBelowItMakesNoTurn) {
    std::string text = otter_file("header-without-text.txt");
    std::vector<std::string> expected = {"Priya Raman|Yes, I can hear you now."};
    EXPECT_EQ(describe_turns(text, otter_turns(text)), expected);
    EXPECT_EQ(describe_turns(text, parse_plain_text(text, "h.txt", {}).turns), expected);
    EXPECT_TRUE(otter_turns("Interviewer  0:03\n").empty());
}

TEST(OtterLayout, OrdinaryTranscriptsAreNotTakenForOtter) {
    std::string text = "Interviewer: When did you start?\nP01: We started at 10:30\nand it ran late.\n\nWe met at 10:30\n";
    EXPECT_FALSE(looks_like_otter(text));
    SpeakerDetection found = detect_speakers(text, SpeakerLayout::Auto);
    EXPECT_EQ(found.layout, SpeakerLayout::Labels);
    EXPECT_EQ(found.turns.size(), 2u);
}

TEST(TableLayout, ASpeakerTextTableWithAHeaderGivesOneTurnPerRow) {
    std::string body = docx_paragraph({"Interview 3, ward 7"}) +
                       table({{{"Speaker"}, {"Text"}},
                              {{"Interviewer"}, {"How did you hear about the form?"}},
                              {{"P01"}, {"From a colleague.", "Nobody briefed us."}},
                              {{"Interviewer"}, {"Would you keep it?"}}});
    ImportedDocument d = parse_docx(make_docx(body), "table.docx", {});
    EXPECT_EQ(d.text,
              "Interview 3, ward 7\nSpeaker\tText\nInterviewer\tHow did you hear about the form?\n"
              "P01\tFrom a colleague. Nobody briefed us.\nInterviewer\tWould you keep it?");
    std::vector<std::string> expected = {"Interviewer|How did you hear about the form?", "P01|From a colleague. Nobody briefed us.",
                                         "Interviewer|Would you keep it?"};
    EXPECT_EQ(describe_turns(d.text, d.turns), expected);
    EXPECT_EQ(detect_speakers(d.text, SpeakerLayout::Auto).layout, SpeakerLayout::Table);
}

TEST(TableLayout, TimeSpeakerTextColumnsGiveStartTimes) {
    std::string body = table({{{"00:00:05"}, {"Interviewer"}, {"Tell me about the first week."}},
                              {{"00:00:12"}, {"Dr Amira Hassan"}, {"It was chaotic,"}},
                              {{""}, {""}, {"but we managed."}}});
    ImportedDocument d = parse_docx(make_docx(body), "timed.docx", {});
    EXPECT_EQ(d.text, "00:00:05\tInterviewer\tTell me about the first week.\n00:00:12\tDr Amira Hassan\tIt was chaotic,\n\t\tbut we managed.");
    std::vector<std::string> expected = {"Interviewer|Tell me about the first week.", "Dr Amira Hassan|It was chaotic,",
                                         "Dr Amira Hassan|but we managed."};
    EXPECT_EQ(describe_turns(d.text, d.turns), expected);
    EXPECT_EQ(start_times(d.turns), (std::vector<std::int64_t>{5000, 12000, -1}));
}

TEST(TableLayout, AMalformedTableStaysOneLinePerCellWithNoTurns) {
    // Rows of two and three cells are not a transcript table; nor is a table of facts.
    std::string ragged = table({{{"Interviewer"}, {"Hello"}}, {{"P01"}, {"Hi"}, {"extra"}}, {{"Interviewer"}, {"Bye"}}});
    ImportedDocument d = parse_docx(make_docx(ragged), "ragged.docx", {});
    EXPECT_EQ(d.text, "Interviewer\nHello\nP01\nHi\nextra\nInterviewer\nBye");
    EXPECT_TRUE(d.turns.empty());
    std::string facts = table({{{"Site"}, {"North"}}, {{"Role"}, {"Nurse"}}});
    EXPECT_EQ(parse_docx(make_docx(facts), "facts.docx", {}).text, "Site\nNorth\nRole\nNurse");
    // A table cut off in the middle is refused with the XML error, not read halfway.
    std::string cut = "<w:tbl><w:tr><w:tc>" + docx_paragraph({"Interviewer"}) + "</w:tc><w:tc>" + docx_paragraph({"Hello"});
    try {
        parse_docx(make_docx(cut), "cut.docx", {});
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("cut.docx: word/document.xml is not well-formed XML"), std::string::npos) << e.what();
    }
}

TEST(TableLayout, TabSeparatedRowsInPlainTextAndTheExplicitLayout) {
    std::string text = "Interviewer\tWhat changed?\nP02\tThe rota, mostly.\nand the handover\nInterviewer\tThanks.";
    std::vector<std::string> expected = {"Interviewer|What changed?", "P02|The rota, mostly.\nand the handover", "Interviewer|Thanks."};
    EXPECT_EQ(describe_turns(text, table_turns(text)), expected);
    EXPECT_EQ(describe_turns(text, detect_speakers(text, SpeakerLayout::Auto).turns), expected);
    EXPECT_TRUE(detect_speakers(text, SpeakerLayout::Labels).turns.empty());
}

TEST(SpeakerLayoutNames, NamesAndRefusals) {
    EXPECT_EQ(speaker_layout_from_string("Otter"), SpeakerLayout::Otter);
    EXPECT_EQ(speaker_layout_from_string("table"), SpeakerLayout::Table);
    EXPECT_STREQ(to_string(SpeakerLayout::Labels), "labels");
    EXPECT_THROW(speaker_layout_from_string("zoom"), InputError);
    EXPECT_THROW(detect_speakers("x", SpeakerLayout::Otter, "(?<speaker>Q):"), InputError);
    ImportOptions o;
    o.speaker_layout = SpeakerLayout::Otter;
    EXPECT_TRUE(parse_plain_text("Interviewer: Hello\n", "l.txt", o).turns.empty());
}
