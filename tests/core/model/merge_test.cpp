// merge_test.cpp — merging a coder's project into the lead: matching documents by text,
// codes by GUID then path, coders through the coder map; codings and memos brought over;
// conflicts listed; idempotent; one undoable step; refusals that leave the lead unchanged; the
// preview reports what the merge then does and leaves both files byte-for-byte as they were.
#include <gtest/gtest.h>

#include <set>

#include "core/detail/db_access.hpp"
#include "core/agreement_snapshot.hpp"
#include "core/model/codes.hpp"
#include "core/model/coders.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/model/memos.hpp"
#include "core/model/merge.hpp"
#include "core/store/backups.hpp"
#include "core/store/event_log.hpp"
#include "core/store/undo.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {
using agreement::test_snapshot::user_data;

const std::string kTextA = "Interviewer: what changed at the hub?\nP1: the staff knew us by name, café every Friday.\n";
const std::string kTextB = "P2: I never went, I did not know it was confidential.\n";
const std::string kTextB2 = "P2: I went twice; the psychologist was kind.\n";
const std::string kTextC = "P3: ψυχή — it helped with burnout.\n";

std::vector<std::string> segments_of(Project& p, const std::string& coder) {
    SegmentFilter f;
    f.coders = {coder};
    std::vector<std::string> out;
    for (const CodedSegment& s : list_segments(p, f))
        out.push_back(s.document + " " + std::to_string(s.coding.start) + "-" + std::to_string(s.coding.end) + " " + s.code);
    return out;
}

class MergeTest : public ::testing::Test {
protected:
    void SetUp() override {
        lead_.emplace(Project::create(dir_ / "lead.nptq", "lead"));
        Project& l = *lead_;
        add_document(l, {"a.txt", kTextA, "", "text", "", {}});
        add_document(l, {"b.txt", kTextB, "", "text", "", {}});
        add_coder(l, "Amira");
        ensure_code(l, "Coherence");
        action_guid_ = ensure_code(l, "Collective action").guid;
        apply_codings(l, {{"a.txt", 0, 12, "Coherence", "Amira", "", ""}, {"a.txt", 40, 60, "Coherence", "Amira", "", ""}});

        Project o = Project::create(dir_ / "ben.nptq", "ben");
        add_document(o, {"a-copy.txt", kTextA, "", "text", "", {}});  // same text, other name: matches a.txt
        add_document(o, {"b.txt", kTextB2, "", "text", "", {}});       // same name, other text: conflict
        add_document(o, {"c.txt", kTextC, "", "text", "", {{0, 3, "P3", {}, {}}}});
        add_coder(o, "Ben M");
        add_coder(o, "Amira");
        ensure_code(o, "Coherence");  // same path, its own GUID: matched by path
        NewCode renamed;
        renamed.path = "Collective action (renamed)";
        renamed.guid = action_guid_;  // same GUID as the lead's "Collective action"
        add_code(o, renamed);
        ensure_code(o, "Coherence/Differentiation");
        apply_codings(o, {{"a-copy.txt", 5, 30, "Coherence/Differentiation", "Ben M", "Ben's memo", ""},
                                         {"b.txt", 0, 10, "Collective action (renamed)", "Ben M", "", ""},
                                         {"c.txt", 4, 20, "Coherence", "Ben M", "", ""},
                                         {"a-copy.txt", 2, 8, "Coherence", "Amira", "", ""},     // covered by lead 0-12
                                         {"a-copy.txt", 55, 70, "Coherence", "Amira", "", ""}});  // joins lead 40-60
        add_memo(o, MemoTarget::Project, std::nullopt, "Ben's project memo");
        add_memo(o, MemoTarget::Document, require_document(o, "c.txt").id, "P3 was tired");
        o.db().exec("INSERT INTO cases(name, guid) VALUES('P9', 'c0ffee00-0000-4000-8000-000000000009')");
        add_memo(o, MemoTarget::Case, CaseId{o.db().last_insert_rowid()}, "P9 withdrew");
    }

    test::TempDir dir_;
    std::optional<Project> lead_;
    std::string action_guid_;
};

TEST_F(MergeTest, BringsEverythingAndListsConflicts) {
    Project& l = *lead_;
    MergeReport r = merge_project(l, dir_ / "ben.nptq", {{{"Ben M", "Ben"}}});
    EXPECT_EQ(r.coders_added, 1);
    EXPECT_EQ(r.coders_matched, 1);
    EXPECT_TRUE(find_coder(l, "Ben"));
    EXPECT_FALSE(find_coder(l, "Ben M"));
    EXPECT_EQ(r.documents_matched, 1);
    EXPECT_EQ(r.documents_added, 2);
    EXPECT_TRUE(find_document(l, "c.txt"));
    auto b2 = find_document(l, "b.txt (from ben.nptq)");
    ASSERT_TRUE(b2);
    EXPECT_EQ(document_text(l, b2->id), kTextB2);
    EXPECT_EQ(speaker_turns(l, find_document(l, "c.txt")->id).size(), 1u);
    EXPECT_EQ(r.codes_added, 1);  // Coherence/Differentiation
    EXPECT_EQ(r.codes_matched, 2);
    EXPECT_FALSE(find_code(l, "Collective action (renamed)"));

    std::map<std::string, int> kinds;
    for (const MergeConflict& c : r.conflicts) ++kinds[c.kind];
    EXPECT_EQ(kinds["document name"], 1);
    EXPECT_EQ(kinds["code path"], 1);
    EXPECT_EQ(kinds["code guid"], 1);
    EXPECT_EQ(kinds["memo"], 1);  // the case memo: no case P9 in the lead

    EXPECT_EQ(segments_of(l, "Ben"), (std::vector<std::string>{"a.txt 5-30 Coherence/Differentiation",
                                                                "b.txt (from ben.nptq) 0-10 Collective action",
                                                                "c.txt 4-20 Coherence"}));
    EXPECT_EQ(segments_of(l, "Amira"), (std::vector<std::string>{"a.txt 0-12 Coherence", "a.txt 40-70 Coherence"}));
    EXPECT_EQ(r.codings_added, 4);
    EXPECT_EQ(r.codings_present, 1);
    EXPECT_EQ(r.memos_added, 3);  // coding memo, project memo, document memo
    bool coding_memo = false;
    for (const CodedSegment& s : list_segments(l, {})) coding_memo = coding_memo || s.memo == "Ben's memo";
    EXPECT_TRUE(coding_memo);
}

// Issue 13: Ben M had the palette's first colour in his file, which the lead's Amira already has.
TEST_F(MergeTest, MergedCodersGetAColourNoLeadCoderHas) {
    Project& l = *lead_;
    ASSERT_EQ(require_coder(l, "Amira").colour, palette_colour(0));
    merge_project(l, dir_ / "ben.nptq", {{{"Ben M", "Ben"}}});
    std::set<std::string> colours;
    for (const Coder& c : list_coders(l)) EXPECT_TRUE(colours.insert(c.colour).second) << c.name << " " << c.colour;
    EXPECT_EQ(require_coder(l, "Ben").colour, palette_colour(1));
}

TEST_F(MergeTest, IsIdempotentAndOneUndoableStep) {
    Project& l = *lead_;
    std::string before = user_data(l);
    merge_project(l, dir_ / "ben.nptq", {{{"Ben M", "Ben"}}});
    std::string once = user_data(l);
    auto step = next_undo(l);
    ASSERT_TRUE(step);
    EXPECT_EQ(step->label, "Merge ben.nptq");
    MergeReport again = merge_project(l, dir_ / "ben.nptq", {{{"Ben M", "Ben"}}});
    EXPECT_EQ(user_data(l), once);
    EXPECT_EQ(again.codings_added, 0);
    EXPECT_EQ(again.documents_added, 0);
    EXPECT_EQ(again.codes_added, 0);
    EXPECT_EQ(again.coders_added, 0);
    EXPECT_EQ(again.memos_added, 0);
    EXPECT_EQ(next_undo(l)->id, step->id);  // the second merge changed nothing, so left no step
    ASSERT_TRUE(undo(l));
    EXPECT_EQ(user_data(l), before);
}

// Every field of a report, for comparing a preview with the merge.
std::string describe(const MergeReport& r) {
    std::string out = std::to_string(r.coders_added) + " " + std::to_string(r.coders_matched) + " " +
                      std::to_string(r.documents_added) + " " + std::to_string(r.documents_matched) + " " +
                      std::to_string(r.codes_added) + " " + std::to_string(r.codes_matched) + " " +
                      std::to_string(r.codings_added) + " " + std::to_string(r.codings_present) + " " +
                      std::to_string(r.memos_added) + " " + std::to_string(r.memos_present) + "\n";
    for (const auto* names : {&r.added_coders, &r.added_documents, &r.added_codes}) {
        for (const auto& n : *names) out += n + ";";
        out += "\n";
    }
    for (const MergeConflict& c : r.conflicts) out += c.kind + "|" + c.subject + "|" + c.resolution + "\n";
    return out;
}

TEST_F(MergeTest, PreviewReportsWhatTheMergeDoesAndChangesNothing) {
    const auto lead_path = dir_ / "lead.nptq", other_path = dir_ / "ben.nptq";
    const MergeOptions options{{{"Ben M", "Ben"}}};
    lead_.reset();  // closed: the file on disk is the whole project
    const std::string lead_hash = test::file_sha256(lead_path), other_hash = test::file_sha256(other_path);
    MergeReport preview;
    {
        Project l = Project::open(lead_path);
        const std::string before = user_data(l);
        const auto undo_before = next_undo(l);
        const auto events_before = list_events(l).size();
        preview = preview_merge(l, other_path, options);
        EXPECT_EQ(user_data(l), before);
        EXPECT_EQ(next_undo(l).has_value(), undo_before.has_value());
        if (undo_before) EXPECT_EQ(next_undo(l)->id, undo_before->id);
        EXPECT_EQ(list_events(l).size(), events_before);
        EXPECT_TRUE(list_backups(lead_path).empty());  // no backup for a preview
        // A second preview says the same.
        EXPECT_EQ(describe(preview_merge(l, other_path, options)), describe(preview));
    }
    EXPECT_EQ(test::file_sha256(lead_path), lead_hash);
    EXPECT_EQ(test::file_sha256(other_path), other_hash);
    EXPECT_FALSE(std::filesystem::exists(other_path.string() + "-wal"));

    EXPECT_EQ(preview.added_coders, std::vector<std::string>{"Ben"});
    EXPECT_EQ(preview.added_documents, (std::vector<std::string>{"b.txt (from ben.nptq)", "c.txt"}));
    EXPECT_EQ(preview.added_codes, std::vector<std::string>{"Coherence/Differentiation"});
    EXPECT_EQ(preview.codings_added, 4);
    EXPECT_EQ(preview.conflicts.size(), 4u);
    Project l = Project::open(lead_path);
    MergeReport real = merge_project(l, other_path, options);
    EXPECT_EQ(describe(real), describe(preview));
    EXPECT_EQ(test::file_sha256(other_path), other_hash);
    // After the merge, the preview of the same file finds nothing more to add.
    MergeReport after = preview_merge(l, other_path, options);
    EXPECT_EQ(after.codings_added, 0);
    EXPECT_TRUE(after.added_coders.empty());
}

TEST_F(MergeTest, PreviewRefusesAsTheMergeDoes) {
    Project& l = *lead_;
    EXPECT_THROW(preview_merge(l, dir_ / "missing.nptq"), NotFoundError);
    EXPECT_THROW(preview_merge(l, dir_ / "lead.nptq"), InputError);
    EXPECT_THROW(preview_merge(l, dir_ / "ben.nptq", {{{"Nobody", "Ben"}}}), InputError);
    // Not inside an action: the rehearsal would roll the action back.
    EXPECT_THROW(l.action("outer", [&] { preview_merge(l, dir_ / "ben.nptq"); }), StoreError);
}

TEST_F(MergeTest, RefusesWhatIsNotAProjectAndLeavesTheLeadUnchanged) {
    Project& l = *lead_;
    std::string before = user_data(l);
    test::write_bytes(dir_ / "notes.nptq", "these are my notes, not a project");
    EXPECT_THROW(merge_project(l, dir_ / "notes.nptq"), FormatError);
    {
        sqlite::Database other(dir_ / "other.db", sqlite::Database::Mode::ReadWriteCreate);
        other.exec("CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    }
    try {
        merge_project(l, dir_ / "other.db");
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("other.db"), std::string::npos) << e.what();
    }
    EXPECT_THROW(merge_project(l, dir_ / "missing.nptq"), NotFoundError);
    EXPECT_THROW(merge_project(l, dir_ / "lead.nptq"), InputError);
    EXPECT_THROW(merge_project(l, dir_ / "ben.nptq", {{{"Nobody", "Ben"}}}), InputError);
    EXPECT_EQ(user_data(l), before);
    EXPECT_THROW(parse_coder_map({"Ben"}), InputError);
    EXPECT_THROW(parse_coder_map({"=Ben"}), InputError);
    EXPECT_EQ(parse_coder_map({"Ben M=Ben"}).at("Ben M"), "Ben");
}

}  // namespace
}  // namespace npt
