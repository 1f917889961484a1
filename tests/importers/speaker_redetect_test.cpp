// speaker_redetect_test.cpp — finding a stored document's speakers again: the turns are replaced
// in one undoable step while the text and every coding stay as they were; a dry run and a layout
// that finds nothing change nothing.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/store/undo.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/formats.hpp"
#include "importers/speaker_redetect.hpp"
#include "support/test_support.hpp"

using namespace npt;
using namespace npt::importers;

namespace {

struct OtterStudy {
    test::TempDir dir;
    Project p = Project::create(dir / "p.nptq", "P");
    DocumentInfo doc;
    std::string text;
    OtterStudy() {
        ImportOptions labels;
        labels.speaker_layout = SpeakerLayout::Labels;  // imported before the layout was known: no turns
        std::string bytes = test::read_bytes(NPT_SOURCE_DIR "/tests/data/otter/discharge-interview.txt");
        ImportedDocument d = parse_plain_text(bytes, "otter.txt", labels);
        text = d.text;
        doc = add_document(p, {"otter.txt", d.text, "otter.txt", "text", "", d.turns});
        auto code = ensure_code(p, "Coherence/Differentiation").id;
        auto coder = ensure_coder(p, "Amira").id;
        std::int64_t at = static_cast<std::int64_t>(text::count_code_points(text.substr(0, text.find("Nobody explained"))));
        apply_coding(p, doc.id, code, coder, {at, at + 16});
    }
};

}  // namespace

TEST(SpeakerRedetect, TurnsAreReplacedCodingsAndTextStayAndUndoRestores) {
    OtterStudy s;
    ASSERT_TRUE(speaker_turns(s.p, s.doc.id).empty());
    std::vector<Coding> before = codings_in_document(s.p, s.doc.id);
    ASSERT_EQ(before.size(), 1u);

    SpeakerRedetection r = redetect_speakers(s.p, s.doc.id, SpeakerLayout::Auto, {}, false);
    EXPECT_TRUE(r.applied);
    EXPECT_EQ(r.layout, SpeakerLayout::Otter);
    EXPECT_EQ(r.previous_turns, 0u);
    using Speakers = std::vector<std::pair<std::string, std::size_t>>;
    EXPECT_EQ(r.speakers, (Speakers{{"Interviewer", 3}, {"Priya Raman", 2}, {"Unknown Speaker", 1}}));
    std::vector<SpeakerTurn> stored = speaker_turns(s.p, s.doc.id);
    ASSERT_EQ(stored.size(), 6u);
    EXPECT_EQ(stored[1].speaker, "Priya Raman");
    EXPECT_EQ(stored[1].start_ms, 11000);

    EXPECT_EQ(document_text(s.p, s.doc.id), s.text);
    std::vector<Coding> after = codings_in_document(s.p, s.doc.id);
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].id, before[0].id);
    EXPECT_EQ(after[0].start, before[0].start);
    EXPECT_EQ(after[0].end, before[0].end);

    // Another pattern replaces them again; one undo goes back one step.
    redetect_speakers(s.p, s.doc.id, SpeakerLayout::Labels, R"((?<speaker>Interviewer)\s+\d+(?::\d+)+\s*$)", false);
    EXPECT_EQ(speaker_turns(s.p, s.doc.id).size(), 3u);
    ASSERT_TRUE(undo(s.p).has_value());
    EXPECT_EQ(speaker_turns(s.p, s.doc.id).size(), 6u);
    ASSERT_TRUE(undo(s.p).has_value());
    EXPECT_TRUE(speaker_turns(s.p, s.doc.id).empty());
    EXPECT_EQ(codings_in_document(s.p, s.doc.id).size(), 1u);
    EXPECT_EQ(document_text(s.p, s.doc.id), s.text);
}

TEST(SpeakerRedetect, DryRunAndNothingFoundChangeNothing) {
    OtterStudy s;
    redetect_speakers(s.p, s.doc.id, SpeakerLayout::Otter, {}, false);
    SpeakerRedetection dry = redetect_speakers(s.p, s.doc.id, SpeakerLayout::Table, {}, true);
    EXPECT_FALSE(dry.applied);
    EXPECT_TRUE(dry.turns.empty());
    EXPECT_EQ(dry.previous_turns, 6u);
    EXPECT_EQ(speaker_turns(s.p, s.doc.id).size(), 6u);
    try {
        redetect_speakers(s.p, s.doc.id, SpeakerLayout::Table, {}, false);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), "otter.txt: the table layout finds no speaker turns in the text; its 6 turn(s) are unchanged");
    }
    EXPECT_EQ(speaker_turns(s.p, s.doc.id).size(), 6u);
    try {
        redetect_speakers(s.p, s.doc.id, SpeakerLayout::Auto, "(unclosed", false);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("invalid regular expression '(unclosed'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(speaker_turns(s.p, s.doc.id).size(), 6u);
}
