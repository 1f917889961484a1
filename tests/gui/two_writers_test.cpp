// two_writers_test.cpp — the workbench beside another writer on the same project file: clicking
// through every document while another connection adds codings (the snapshot a row was drawn
// from must outlive the click that replaces it), other writers' codings and memos appearing
// without a refresh, undo taking back the active coder's own step (and "anyone's" on request),
// the undo conflict shown in the error modal, a read-only project, and files imported on request.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/memos.hpp"
#include "core/store/undo.hpp"
#include "gui/app.hpp"
#include "gui/coding_commands.hpp"
#include "gui/documents_panel.hpp"
#include "gui/frames_until.hpp"
#include "gui/headless.hpp"
#include "gui/import_dialog.hpp"
#include "gui/memo_panel.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {
namespace fs = std::filesystem;

// A study of ten interviews p01.txt .. p10.txt of a few paragraphs each, and one code.
std::vector<DocumentId> make_study(const fs::path& file) {
    Project p = Project::create(file, "two writers");
    std::vector<DocumentId> ids;
    for (int i = 1; i <= 10; ++i) {
        NewDocument d;
        d.name = (i < 10 ? "p0" : "p") + std::to_string(i) + ".txt";
        for (int k = 0; k < 3 + i % 4; ++k)
            d.text += "Interviewer: question " + std::to_string(k) + " to participant " + std::to_string(i) +
                      "?\nP: an answer that runs over a few words, number " + std::to_string(k) + ".\n\n";
        ids.push_back(add_document(p, d).id);
    }
    ensure_code(p, "Coherence");
    return ids;
}

std::int64_t codings_in(const fs::path& file, std::optional<DocumentId> document = std::nullopt) {
    Project p = Project::open(file);
    SegmentFilter f;
    std::int64_t n = 0;
    for (const CodedSegment& s : list_segments(p, f))
        if (!document || s.coding.document_id == *document) ++n;
    return n;
}

// A study on disk and the workbench open on it as Tess, polling every `poll` for other writers.
struct OpenStudy {
    explicit OpenStudy(OpenMode mode = OpenMode::Auto, std::chrono::milliseconds poll = std::chrono::milliseconds(0))
        : hash_before(file_sha256(file)) {
        app.set_coder("Tess");
        app.open_project(file, mode);
        app.set_poll_interval(poll);
    }
    TempDir dir;
    fs::path file = dir / "s.nptq";
    std::vector<DocumentId> docs = make_study(file);
    std::string hash_before;  // of the file before the workbench opened it
    gui::App app{dir / "cfg"};
};

TEST(TwoWriters, ClickingThroughEveryDocumentWhileCodingsLoadNeverCrashes) {
    OpenStudy study{OpenMode::Auto, std::chrono::milliseconds(0)};
    gui::App& app = study.app;
    const fs::path& file = study.file;
    const std::vector<DocumentId>& docs = study.docs;
    Headless ui(app, {1400, 1400});
    ui.frames(3);

    // Another connection (as the CLI would be) codes all ten documents while we click.
    std::atomic<bool> writing{true};
    std::thread writer([&] {
        Project w = Project::open(file);
        w.set_actor("Ben");
        const CoderId ben = w.action("coder", [&] { return ensure_coder(w, "Ben").id; });
        const CodeId code = ensure_code(w, "Coherence").id;
        for (int i = 0; i < 120; ++i) {
            const std::int64_t start = (i / 10) * 12;  // disjoint spans: every coding stays its own
            w.action("Code Coherence", [&] { apply_coding(w, docs[static_cast<std::size_t>(i % 10)], code, ben, {start, start + 6}); });
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        writing = false;
    });
    int rounds = 0;
    for (; rounds < 3 || writing; ++rounds) {
        for (DocumentId id : docs) {
            const auto row = app.documents_panel().row_centre(id);
            ASSERT_TRUE(row.has_value()) << "document " << id << " has no visible row";
            ui.click(*row);  // hovered (tooltip) in the same frame the click replaces the snapshot
            EXPECT_EQ(app.current_document(), id);
            EXPECT_TRUE(app.error_message().empty()) << app.error_message();
        }
        if (rounds > 50) break;
    }
    writer.join();
    EXPECT_GE(rounds, 3);

    // Every coding the other writer committed shows up without F5, in the panels' snapshot and in
    // the open transcript.
    const std::int64_t total = codings_in(file);
    EXPECT_EQ(total, 120);
    EXPECT_TRUE(frames_until(ui, [&] { return app.snapshot().summary.codings == total; }))
        << app.snapshot().summary.codings << " of " << total;
    const DocumentId open = app.current_document();
    EXPECT_EQ(static_cast<std::int64_t>(app.transcript().document()->codings().size()), codings_in(file, open));
    std::int64_t per_document = 0;
    for (const auto& [doc, n] : app.snapshot().counts.per_document) per_document += n;
    EXPECT_EQ(per_document, total);
}

TEST(TwoWriters, CommandLineCodingsAndMemoAppearWithoutRefresh) {
    OpenStudy study{OpenMode::Auto, std::chrono::milliseconds(50)};
    gui::App& app = study.app;
    const fs::path& file = study.file;
    app.open_document_named("p01.txt");
    app.focus_memos({MemoTarget::Document, app.current_document(), "Document p01.txt"});
    Headless ui(app);
    ui.frames(3);
    const std::uint64_t before = app.revision();

    std::thread cli([&] {
        for (int i = 0; i < 5; ++i)
            EXPECT_EQ(run_cli({"code", "add", file.string(), "--doc", "p01.txt", "--start", std::to_string(i * 20), "--end",
                               std::to_string(i * 20 + 8), "--code", "Coherence", "--coder", "Ben"})
                          .exit_code,
                      0);
        EXPECT_EQ(run_cli({"memo", "add", file.string(), "--on", "document", "--target", "p01.txt", "--text", "From the shell"})
                      .exit_code,
                  0);
    });
    // The GUI keeps drawing (and polling) while the other process writes.
    EXPECT_TRUE(frames_until(ui, [&] {
        return app.snapshot().summary.codings == 5 && app.memo_panel().memos().size() == 1;
    }, 60));
    cli.join();
    EXPECT_GT(app.revision(), before);
    EXPECT_EQ(app.transcript().document()->codings().size(), 5u);
    ASSERT_EQ(app.memo_panel().memos().size(), 1u);
    EXPECT_EQ(app.memo_panel().memos()[0].text, "From the shell");
    // Nothing changed since: polling does not refresh again.
    ui.frames(2);
    const std::uint64_t settled = app.revision();
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    ui.frames(3);
    EXPECT_EQ(app.revision(), settled);
}

TEST(TwoWriters, UndoTakesBackTheActiveCodersOwnStep) {
    OpenStudy study{OpenMode::Auto, std::chrono::milliseconds(0)};
    gui::App& app = study.app;
    const fs::path& file = study.file;
    const std::vector<DocumentId>& docs = study.docs;
    Headless ui(app);
    const CodeId code = app.snapshot().codes.at(0).id;
    ASSERT_TRUE(app.act([&] { gui::code_selection(app.project(), docs[0], code, "Tess", {0, 11}, false); }));
    {
        Project ben = Project::open(file);
        ben.set_actor("Ben");
        ben.action("Code Coherence", [&] { apply_coding(ben, docs[0], code, ensure_coder(ben, "Ben").id, {40, 50}); });
    }
    ASSERT_TRUE(frames_until(ui, [&] { return app.snapshot().summary.codings == 2; }));
    const auto& s = app.snapshot();
    ASSERT_TRUE(s.undo.has_value());
    EXPECT_EQ(s.undo->actor, "Tess");
    EXPECT_EQ(gui::step_label("Undo", s.undo), "Undo Tess: " + s.undo->label);
    ASSERT_TRUE(s.undo_any.has_value());
    EXPECT_EQ(s.undo_any->actor, "Ben");
    EXPECT_EQ(gui::step_description(*s.undo_any), "Ben: " + s.undo_any->label);

    app.undo();  // Tess's own coding goes; Ben's, made later, stays
    EXPECT_TRUE(app.error_message().empty()) << app.error_message();
    {
        Project p = Project::open(file);
        const auto segs = list_segments(p);
        ASSERT_EQ(segs.size(), 1u);
        EXPECT_EQ(segs[0].coder, "Ben");
    }
    EXPECT_FALSE(app.snapshot().undo.has_value() && app.snapshot().undo->actor != "Tess");
    app.redo();
    EXPECT_EQ(codings_in(file), 2);
    app.undo_any();  // the newest step of anyone: Ben's coding
    EXPECT_TRUE(app.error_message().empty()) << app.error_message();
    {
        Project p = Project::open(file);
        const auto segs = list_segments(p);
        ASSERT_EQ(segs.size(), 1u);
        EXPECT_EQ(segs[0].coder, "Tess");
    }
}

TEST(TwoWriters, UndoOverAnotherWritersLaterChangeIsRefusedInTheErrorModal) {
    OpenStudy study{OpenMode::Auto, std::chrono::milliseconds(250)};
    gui::App& app = study.app;
    const fs::path& file = study.file;
    const std::vector<DocumentId>& docs = study.docs;
    Headless ui(app);
    const CodeId code = app.snapshot().codes.at(0).id;
    Coding mine;
    ASSERT_TRUE(app.act([&] { mine = gui::code_selection(app.project(), docs[0], code, "Tess", {0, 11}, false); }));
    {
        Project ben = Project::open(file);
        ben.set_actor("Ben");
        ben.action("Delete coding", [&] { delete_coding(ben, mine.id); });  // touches Tess's row
    }
    const std::string before = table_counts(app.project());
    app.undo();
    EXPECT_NE(app.error_message(), "");  // shown in the "Problem" modal
    ui.frames(2);
    EXPECT_EQ(table_counts(app.project()), before);
}

TEST(TwoWriters, ReadOnlyProjectRefusesEditsWithTheCoresMessage) {
    OpenStudy study{OpenMode::ReadOnly, std::chrono::milliseconds(250)};
    gui::App& app = study.app;
    const fs::path& file = study.file;
    const std::vector<DocumentId>& docs = study.docs;
    EXPECT_TRUE(app.read_only());
    Headless ui(app);
    ui.frames(2);  // the status bar says "read-only"
    const CodeId code = app.snapshot().codes.at(0).id;
    EXPECT_FALSE(app.act([&] { gui::code_selection(app.project(), docs[0], code, "Tess", {0, 11}, false); }));
    EXPECT_NE(app.error_message().find("read-only"), std::string::npos) << app.error_message();
    ui.frames(2);
    app.close_project();
    EXPECT_EQ(file_sha256(file), study.hash_before);
}

TEST(TwoWriters, FilesGivenAtStartOrDroppedAreImportedByTheWorker) {
    TempDir dir;
    const fs::path file = dir / "s.nptq";
    Project::create(file, "drop");
    write_bytes(dir / "in" / "a.txt", "P01: the first file.\n");
    write_bytes(dir / "in" / "b.txt", "P02: the second file.\n");
    write_bytes(dir / "in" / "c.txt", "P03: dropped later.\n");
    gui::App app(dir / "cfg");
    app.set_coder("Tess");
    Headless ui(app);
    app.import_files({(dir / "in" / "a.txt").string()});
    EXPECT_NE(app.error_message(), "");  // no project open yet
    app.drop_files({file.string()});     // a dropped project opens
    ASSERT_TRUE(app.has_project());
    app.import_files({(dir / "in" / "a.txt").string(), (dir / "in" / "b.txt").string()});
    app.drop_files({(dir / "in" / "c.txt").string()});  // queued behind the running batch
    EXPECT_TRUE(frames_until(ui, [&] { return !app.import_dialog().running(); }, 60));
    ui.frame();
    EXPECT_EQ(app.snapshot().documents.size(), 3u);
}

}  // namespace
}  // namespace npt::test
