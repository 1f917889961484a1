// import_batch_test.cpp — import_paths over files, folders and globs: every format in one batch,
// skipped duplicates, failures that do not stop the batch, --rename, --case, --speaker-case,
// cancellation through the ProgressSink.
#include <gtest/gtest.h>

#include "core/model/cases.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "importers/import_batch.hpp"
#include "importers/import_fixtures.hpp"
#include "support/test_support.hpp"

using namespace npt;
using namespace npt::importers;

namespace {

struct Study {
    test::TempDir dir;
    Project project = Project::create(dir / "study.nptq", "study");
    std::string path(const std::string& name) const { return (dir / name).string(); }
};

class CountingSink : public ProgressSink {
public:
    std::vector<std::string> outcomes;
    std::size_t stop_after = 1000;
    void file_finished(std::size_t, std::size_t, const std::string&, const std::string& outcome, std::uint64_t) override {
        outcomes.push_back(outcome);
    }
    bool cancelled() const override { return outcomes.size() >= stop_after; }
};

}  // namespace

TEST(ImportBatch, FolderWithEveryFormat) {
    Study s;
    test::write_bytes(s.dir / "in/p01.txt", "Interviewer: Hello\nP01: Hi there\n");
    test::write_bytes(s.dir / "in/p02.docx", test::make_docx(test::docx_paragraph({"P02: From Word"})));
    test::write_bytes(s.dir / "in/p03.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v P03>From Teams</v>\n");
    test::write_bytes(s.dir / "in/sub/p04.srt", "1\n00:00:01,000 --> 00:00:02,000\nP04: From Otter\n");
    test::write_bytes(s.dir / "in/p05.pdf", test::make_pdf({{"P05: From a PDF"}}));
    test::write_bytes(s.dir / "in/.hidden.txt", "not me");
    test::write_bytes(s.dir / "in/~$p02.docx", "lock file");
    test::write_bytes(s.dir / "in/notes.xlsx", "ignored extension");
    ImportSummary r = import_paths(s.project, {s.path("in")}, ImportOptions{});
    EXPECT_TRUE(r.failed.empty()) << (r.failed.empty() ? "" : r.failed[0].reason);
    ASSERT_EQ(r.imported.size(), 5u);
    std::vector<std::string> formats;
    for (const auto& f : r.imported) formats.push_back(f.format);
    EXPECT_EQ(formats, (std::vector<std::string>{"text", "docx", "vtt", "pdf", "srt"}));
    auto docs = list_documents(s.project);
    ASSERT_EQ(docs.size(), 5u);
    for (const DocumentInfo& d : docs) EXPECT_FALSE(speaker_turns(s.project, d.id).empty()) << d.name;
    EXPECT_EQ(document_text(s.project, require_document(s.project, "p03.vtt").id), "P03: From Teams");
}

TEST(ImportBatch, SameTextIsSkippedEvenUnderAnotherNameOrEncoding) {
    Study s;
    test::write_bytes(s.dir / "a.txt", "P01: café\r\n");
    test::write_bytes(s.dir / "b.txt", test::utf16("P01: café\n", true));
    ImportSummary r = import_paths(s.project, {s.path("a.txt"), s.path("b.txt")}, ImportOptions{});
    ASSERT_EQ(r.imported.size(), 1u);
    ASSERT_EQ(r.skipped.size(), 1u);
    EXPECT_EQ(r.skipped[0].same_as, "a.txt");
}

TEST(ImportBatch, BadFileFailsAloneAndTheBatchContinues) {
    Study s;
    test::write_bytes(s.dir / "good1.txt", "one");
    test::write_bytes(s.dir / "bad.txt", "naïve x\xC3\x28y");
    test::write_bytes(s.dir / "good2.txt", "two");
    ImportSummary r = import_paths(s.project, {s.path("good1.txt"), s.path("bad.txt"), s.path("good2.txt"), s.path("missing.txt")},
                                   ImportOptions{});
    EXPECT_EQ(r.imported.size(), 2u);
    ASSERT_EQ(r.failed.size(), 2u);
    EXPECT_EQ(r.failed[0].reason, s.path("missing.txt") + ": no such file");
    EXPECT_NE(r.failed[1].reason.find("bad.txt: invalid UTF-8 at byte 8"), std::string::npos) << r.failed[1].reason;
}

TEST(ImportBatch, GlobsExpand) {
    Study s;
    for (const char* n : {"p1.txt", "p2.txt", "q1.txt"}) test::write_bytes(s.dir / n, std::string("text of ") + n);
    ImportSummary r = import_paths(s.project, {s.path("p*.txt")}, ImportOptions{});
    EXPECT_EQ(r.imported.size(), 2u);
    ImportSummary none = import_paths(s.project, {s.path("z*.txt")}, ImportOptions{});
    ASSERT_EQ(none.failed.size(), 1u);
    EXPECT_NE(none.failed[0].reason.find("no file matches"), std::string::npos);
}

TEST(ImportBatch, SameNameDifferentTextNeedsRename) {
    Study s;
    test::write_bytes(s.dir / "x/p.txt", "first");
    test::write_bytes(s.dir / "y/p.txt", "second");
    test::write_bytes(s.dir / "z/p.txt", "third");
    import_paths(s.project, {s.path("x/p.txt")}, ImportOptions{});
    ImportSummary clash = import_paths(s.project, {s.path("y/p.txt")}, ImportOptions{});
    ASSERT_EQ(clash.failed.size(), 1u);
    EXPECT_NE(clash.failed[0].reason.find("use --rename"), std::string::npos);
    ImportOptions o;
    o.rename = true;
    ImportSummary renamed = import_paths(s.project, {s.path("y/p.txt"), s.path("z/p.txt")}, o);
    ASSERT_EQ(renamed.imported.size(), 2u);
    EXPECT_EQ(renamed.imported[0].document, "p (2).txt");
    EXPECT_EQ(renamed.imported[1].document, "p (3).txt");
}

TEST(ImportBatch, CaseAndSpeakerCasesAreLinkedInTheSameAction) {
    Study s;
    test::write_bytes(s.dir / "fg.txt", "Moderator: Welcome\nP01: Hi\nP02: Hello\nP01: Again\n");
    ImportOptions o;
    o.case_name = "Focus group 1";
    o.speaker_cases = true;
    o.document_name = "Focus group one";
    ImportSummary r = import_paths(s.project, {s.path("fg.txt")}, o);
    ASSERT_EQ(r.imported.size(), 1u);
    EXPECT_EQ(r.imported[0].turns, 4u);
    std::vector<std::string> names;
    for (const Case& c : cases_of_document(s.project, require_document(s.project, "Focus group one").id)) names.push_back(c.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Focus group 1", "Moderator", "P01", "P02"}));
    EXPECT_THROW(import_paths(s.project, {s.path("fg.txt"), s.path("fg.txt")}, o), InputError);
}

TEST(ImportBatch, CancellationStopsBetweenFiles) {
    Study s;
    for (int i = 0; i < 5; ++i) test::write_bytes(s.dir / ("f" + std::to_string(i) + ".txt"), "text " + std::to_string(i));
    CountingSink sink;
    sink.stop_after = 2;
    ImportSummary r = import_paths(s.project, {s.path("")}, ImportOptions{}, &sink);
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.imported.size(), 2u);
    EXPECT_EQ(list_documents(s.project).size(), 2u);
}

TEST(ImportBatch, ProgressKnowsTheBatchSizeInFilesAndBytes) {
    Study s;
    test::write_bytes(s.dir / "in/a.txt", "P01: one\n");              // 9 bytes
    test::write_bytes(s.dir / "in/b.txt", "P02: two, and more\n");    // 19 bytes
    struct Sink : ProgressSink {
        std::size_t files = 0;
        std::uint64_t bytes = 0, last_done = 0;
        void batch_started(std::size_t total, std::uint64_t bytes_total) override { files = total, bytes = bytes_total; }
        void file_finished(std::size_t, std::size_t, const std::string&, const std::string&, std::uint64_t done) override {
            last_done = done;
        }
    } sink;
    ImportSummary r = import_paths(s.project, {s.path("in")}, ImportOptions{}, &sink);
    EXPECT_EQ(r.imported.size(), 2u);
    EXPECT_EQ(sink.files, 2u);
    EXPECT_EQ(sink.bytes, 28u);
    EXPECT_EQ(sink.last_done, 28u);
    EXPECT_EQ(r.bytes, 28u);
}

TEST(ImportBatch, BytesImportLikeAFileOfTheSameText) {
    Study s;
    // Pasted text with a BOM, CRLF and a decomposed é: stored as a .txt file with it would be.
    const std::string pasted = "\xEF\xBB\xBFInterviewer: Hello\r\nP01: cafe\xCC\x81 at noon\r\n";
    ImportOptions text;
    text.format = SourceFormat::Text;
    ImportSummary r = import_bytes(s.project, pasted, "Pasted notes", "clipboard", text);
    ASSERT_EQ(r.imported.size(), 1u) << (r.failed.empty() ? "" : r.failed[0].reason);
    EXPECT_EQ(r.imported[0].document, "Pasted notes");
    EXPECT_EQ(r.imported[0].turns, 2u);
    const DocumentInfo d = require_document(s.project, "Pasted notes");
    EXPECT_EQ(document_text(s.project, d.id), "Interviewer: Hello\nP01: caf\xC3\xA9 at noon\n");
    EXPECT_EQ(speaker_turns(s.project, d.id).size(), 2u);

    // The same text as a file is skipped, as a second paste is; a taken name fails unless renamed.
    test::write_bytes(s.dir / "same.txt", pasted);
    EXPECT_EQ(import_paths(s.project, {s.path("same.txt")}, ImportOptions{}).skipped.size(), 1u);
    EXPECT_EQ(import_bytes(s.project, pasted, "Other name", "clipboard", text).skipped.size(), 1u);
    ImportSummary taken = import_bytes(s.project, "P02: different\n", "Pasted notes", "clipboard", text);
    ASSERT_EQ(taken.failed.size(), 1u);
    EXPECT_NE(taken.failed[0].reason.find("already in the project"), std::string::npos) << taken.failed[0].reason;
    text.rename = true;
    ImportSummary renamed = import_bytes(s.project, "P02: different\n", "Pasted notes", "clipboard", text);
    ASSERT_EQ(renamed.imported.size(), 1u);
    EXPECT_EQ(renamed.imported[0].document, "Pasted notes (2)");
    // Empty text and an empty name fail with a reason, and change nothing.
    EXPECT_EQ(import_bytes(s.project, "   \n", "Blank", "clipboard", text).failed.size(), 1u);
    EXPECT_EQ(import_bytes(s.project, "P03: x\n", "", "clipboard", text).failed.size(), 1u);
    EXPECT_EQ(list_documents(s.project).size(), 2u);
}
