// autocode_test.cpp — coding search hits, query results and speaker turns in one undoable
// action: the passages (hit, sentence, paragraph, turn) against offsets found here
// independently, the coding rule, "already coded", and undo.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/query/autocode.hpp"
#include "core/store/undo.hpp"
#include "core/text/utf8_text.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

// Two speakers; an emoji and an accent put code points and bytes apart.
const std::string kText =
    "Interviewer: How did the référral go? 👍\n"
    "P07: The referral was slow. We waited weeks.\n"
    "And then the Referral came back.\n"
    "\n"
    "Interviewer: Anything else?\n"
    "P07: No, nothing else.\n";

// Code point offsets of `needle` (ASCII) in kText, found on the UTF-32 text.
Span where(const std::string& needle, std::size_t from = 0) {
    const std::u32string text = text::to_u32(kText), n = text::to_u32(needle);
    const std::size_t at = text.find(n, from);
    EXPECT_NE(at, std::u32string::npos) << needle;
    return {static_cast<std::int64_t>(at), static_cast<std::int64_t>(at + n.size())};
}

class Autocode : public ::testing::Test {
protected:
    void SetUp() override {
        project.emplace(Project::create(dir / "a.nptq", "Autocode"));
        // Turns as a transcript importer gives them: one per speaker line, label included.
        const Span t1{0, where("\nP07:").start};
        const Span t2{where("P07: The").start, where("\n\nInterviewer").start};
        const Span t3{where("Interviewer: Anything").start, where("\nP07: No").start};
        const Span t4{where("P07: No").start, static_cast<std::int64_t>(text::to_u32(kText).size()) - 1};
        doc = add_document(*project, {"p07.txt", kText, "p07.txt", "text", "",
                                      {{t1.start, t1.end, "Interviewer", {}, {}},
                                       {t2.start, t2.end, "P07", {}, {}},
                                       {t3.start, t3.end, "Interviewer", {}, {}},
                                       {t4.start, t4.end, "P07", {}, {}}}})
                  .id;
        code = ensure_code(*project, "Coherence/Differentiation").id;
        coder = ensure_coder(*project, "Ngozi A").id;
    }

    std::vector<Span> spans(const AutocodePlan& plan) {
        std::vector<Span> out;
        for (const AutocodePassage& p : plan.passages) out.push_back(p.span);
        return out;
    }
    std::vector<Span> coded() {
        std::vector<Span> out;
        for (const Coding& c : codings_in_document(*project, doc))
            if (c.code_id == code && c.coder_id == coder) out.push_back({c.start, c.end});
        return out;
    }

    test::TempDir dir;
    std::optional<Project> project;
    DocumentId doc;
    CodeId code;
    CoderId coder;
};

TEST_F(Autocode, SearchHitsAreCodedAsOneUndoableStep) {
    AutocodeRequest r;
    r.pattern = "referral";
    AutocodePlan plan = plan_autocode(*project, r, code, coder);
    const std::vector<Span> want = {where("référral"), where("referral"), where("Referral")};
    EXPECT_EQ(spans(plan), want);
    EXPECT_EQ(plan.hits, 3);
    EXPECT_EQ(plan.passages[1].text, "referral");
    EXPECT_EQ(plan.passages[0].text, "référral");
    for (const AutocodePassage& p : plan.passages) EXPECT_FALSE(p.covered);
    EXPECT_TRUE(coded().empty());  // planning changes nothing

    const auto before = next_undo(*project);
    AutocodeResult result = apply_autocode(*project, plan.passages, code, coder, plan.description);
    EXPECT_EQ(result.passages, 3);
    EXPECT_EQ(result.codings, 3);
    EXPECT_EQ(result.code_points_added, 8 * 3);
    EXPECT_EQ(coded(), want);
    const auto step = next_undo(*project);
    ASSERT_TRUE(step);
    EXPECT_NE(before ? before->id : UndoStepId{}, step->id);
    EXPECT_NE(step->label.find("Autocode: search \"referral\""), std::string::npos) << step->label;
    undo(*project);
    EXPECT_TRUE(coded().empty());  // one step took every coding back
}

TEST_F(Autocode, HitsGrowToTheirSentenceParagraphOrTurn) {
    AutocodeRequest r;
    r.pattern = "referral";
    r.extend = AutocodeExtent::Sentence;
    EXPECT_EQ(spans(plan_autocode(*project, r)),
              (std::vector<Span>{where("Interviewer: How did the référral go?"), where("P07: The referral was slow."),
                                 where("And then the Referral came back.")}));
    r.extend = AutocodeExtent::Paragraph;
    EXPECT_EQ(spans(plan_autocode(*project, r)),
              (std::vector<Span>{where("Interviewer: How did the référral go? 👍"),
                                 where("P07: The referral was slow. We waited weeks."),
                                 where("And then the Referral came back.")}));
    // Two hits in one turn make one passage; the turn's trailing line break is left out.
    r.extend = AutocodeExtent::Turn;
    AutocodePlan turns = plan_autocode(*project, r);
    EXPECT_EQ(spans(turns), (std::vector<Span>{where("Interviewer: How did the référral go? 👍"),
                                               where("P07: The referral was slow. We waited weeks.\nAnd then the Referral came back.")}));
    EXPECT_EQ(turns.passages[1].hits, 2);
}

TEST_F(Autocode, SpeakerTurnsAndWhatIsAlreadyCoded) {
    AutocodeRequest r;
    r.source = AutocodeSource::Speaker;
    r.pattern = "p07";  // case and white space do not matter
    AutocodePlan plan = plan_autocode(*project, r, code, coder);
    ASSERT_EQ(plan.passages.size(), 2u);
    EXPECT_EQ(plan.passages[1].span, where("P07: No, nothing else."));
    // Code part of the first turn by hand: that turn is not yet covered; the whole turn is.
    apply_coding(*project, doc, code, coder, where("The referral"));
    plan = plan_autocode(*project, r, code, coder);
    EXPECT_FALSE(plan.passages[0].covered);
    apply_autocode(*project, plan.passages, code, coder, plan.description);
    // The coding rule joined the hand-made coding into the turn's.
    EXPECT_EQ(coded().size(), 2u);
    plan = plan_autocode(*project, r, code, coder);
    EXPECT_TRUE(plan.passages[0].covered && plan.passages[1].covered);
    EXPECT_EQ(apply_autocode(*project, plan.passages, code, coder, plan.description).passages, 0);

    r.pattern = "P08";  // another participant, not a typo: no suggestion
    try {
        plan_autocode(*project, r);
        FAIL() << "no P08";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(std::string(e.what()), "no speaker 'P08' has a turn in the project");
    }
    r.pattern = "Interviewr";
    try {
        plan_autocode(*project, r);
        FAIL() << "no Interviewr";
    } catch (const NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean 'Interviewer'?"), std::string::npos) << e.what();
    }
}

TEST_F(Autocode, QueryResultsAndBadRequests) {
    const CodeId other = ensure_code(*project, "Collective action").id;
    apply_coding(*project, doc, other, coder, where("We waited weeks."));
    AutocodeRequest r;
    r.source = AutocodeSource::Query;
    r.pattern = "Collective action";
    r.extend = AutocodeExtent::Sentence;
    AutocodePlan plan = plan_autocode(*project, r, code, coder);
    EXPECT_EQ(spans(plan), (std::vector<Span>{where("We waited weeks.")}));
    apply_autocode(*project, plan.passages, code, coder, plan.description);
    EXPECT_EQ(coded(), (std::vector<Span>{where("We waited weeks.")}));

    r.pattern = "  ";
    EXPECT_THROW(plan_autocode(*project, r), InputError);
    r.pattern = "Coherence AND (";
    EXPECT_THROW(plan_autocode(*project, r), InputError);
    r.source = AutocodeSource::Search;
    r.pattern = "referral";
    r.documents = {"nope.txt"};
    EXPECT_THROW(plan_autocode(*project, r), NotFoundError);
    EXPECT_THROW(autocode_extent_from_string("chapter"), InputError);
}

}  // namespace
}  // namespace npt
