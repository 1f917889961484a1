// matrix_view_test.cpp — Write-up > Framework matrix in the headless workbench: a matrix created
// from the window's New dialog and drafted for one chosen coder, a cell's summary typed and saved
// (Ctrl+Enter, then Save) and found in the project file read back with load_matrix, undo bringing
// the previous summary back, a quote linked and unlinked by its buttons, a linked quote opening
// the transcript at its span, rename and delete (undone) from their dialogs, the export writing
// the CLI's file, a link to a deleted coding marked stale, and a 1,000 × 100 matrix read once per revision with only visible rows drawn.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/matrix/framework_matrix.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "gui/app.hpp"
#include "gui/headless.hpp"
#include "gui/matrix_view.hpp"
#include "gui/writeup_views.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {
namespace fs = std::filesystem;

const std::string kP01 =
    "Interviewer: What is the hub for?\n"
    "P01: It is where we see what is different about this way of working, and we agreed what it was for.\n";
const std::string kP02 = "Interviewer: Did you join in?\nP02: I signed up at once; it felt legitimate work for a nurse.\n";
const std::string kP03 = "Interviewer: Anything else?\nP03: Nobody told us the hub was for us too.\n";

// Three participants in two groups, coded by Amira and Ben against NPT's constructs.
struct Study {
    TempDir dir;
    fs::path file = dir / "study.nptq";
    Study() {
        Project p = Project::create(file, "matrix study");
        p.set_actor("Amira");
        p.action("study", [&] {
            const std::pair<const char*, const std::string*> docs[] = {{"p01.txt", &kP01}, {"p02.txt", &kP02}, {"p03.txt", &kP03}};
            for (const auto& [name, text] : docs) add_document(p, {name, *text, name, "text", "", {}});
            for (const char* path : {"Coherence/Differentiation", "Cognitive participation/Enrolment", "Collective action",
                                     "Reflexive monitoring"})
                ensure_code(p, path);
            const CoderId amira = ensure_coder(p, "Amira").id, ben = ensure_coder(p, "Ben").id;
            const Attribute group = ensure_attribute(p, "group", AttributeType::Text);
            const std::pair<const char*, const char*> cases[] = {{"P01", "Hub staff"}, {"P02", "Hub staff"}, {"P03", "Non-user"}};
            for (const auto& [name, value] : cases) {
                const Case c = ensure_case(p, name);
                set_case_value(p, c.id, group.id, value);
                std::string doc = name;
                std::transform(doc.begin(), doc.end(), doc.begin(), ::tolower);
                link_document_to_case(p, require_document(p, doc + ".txt").id, c.id);
            }
            const DocumentId d1 = require_document(p, "p01.txt").id, d2 = require_document(p, "p02.txt").id;
            const CodeId diff = require_code(p, "Coherence/Differentiation").id;
            apply_coding(p, d1, diff, ben, {39, 101});
            apply_coding(p, d1, diff, amira, {107, 133});
            apply_coding(p, d1, require_code(p, "Coherence").id, amira, {0, 33});
            apply_coding(p, d2, require_code(p, "Cognitive participation/Enrolment").id, ben, {35, 54});
            apply_coding(p, d2, require_code(p, "Collective action").id, amira, {56, 92});
        });
    }
    FrameworkMatrix read(const std::string& name) const {
        Project p = Project::open(file);
        return load_matrix(p, name);
    }
};

const MatrixRow& row_of(const FrameworkMatrix& m, const std::string& case_name) {
    for (const MatrixRow& r : m.rows)
        if (r.info.name == case_name) return r;
    throw std::runtime_error("no row " + case_name);
}
std::size_t column_of(const FrameworkMatrix& m, const std::string& path) {
    for (std::size_t c = 0; c < m.columns.size(); ++c)
        if (m.columns[c].path == path) return c;
    throw std::runtime_error("no column " + path);
}

struct Bench {
    Study s;
    gui::App app{s.dir / "cfg"};
    std::unique_ptr<Headless> ui;
    Bench() {
        app.set_coder("Amira");
        app.open_project(s.file);
        ui = std::make_unique<Headless>(app);
        view().open();
        ui->frames(3);
    }
    gui::MatrixView& view() { return app.writeup().matrix(); }
    void click(const std::string& label) {
        ui->frames(2);
        const auto at = view().item_centre(label);
        ASSERT_TRUE(at) << label << " is not drawn";
        ui->click(*at);
        ui->frames(2);
    }
    gui::MatrixCellKey cell(const std::string& case_name, const std::string& path) {
        const FrameworkMatrix& m = *view().matrix();
        return {row_of(m, case_name).info.id, m.columns[column_of(m, path)].code_id};
    }
    void click_cell(const std::string& case_name, const std::string& path) {
        const auto at = view().cell_centre(cell(case_name, path));
        ASSERT_TRUE(at) << case_name << " / " << path << " is not drawn";
        ui->click(*at);
        ui->frames(2);
    }
    // Creates "NPT" grouped by group from the New dialog, typing its name.
    void create_npt() {
        click("New...");
        ui->type("NPT");
        view().form().group_by = "group";  // the combo's choice
        click("Create");
        ASSERT_TRUE(app.error_message().empty()) << app.error_message();
        ASSERT_TRUE(view().matrix());
    }
};

TEST(MatrixView, CreateFromTheWindowDraftForOneCoderAndEditASummary) {
    Bench b;
    EXPECT_FALSE(b.view().matrix()) << "a project without matrices shows none";
    b.create_npt();
    FrameworkMatrix m = b.s.read("NPT");
    ASSERT_EQ(m.columns.size(), 4u) << "NPT's four constructs by default";
    EXPECT_EQ(m.columns[0].path, "Coherence");
    EXPECT_EQ(m.info.group_by, std::vector<std::string>{"group"});
    const auto& lines = b.view().lines();
    ASSERT_EQ(lines.size(), 5u) << "two group headers and three cases";
    EXPECT_EQ(lines[0].label, "group: Hub staff (2)");
    EXPECT_EQ(lines[3].label, "group: Non-user (1)");

    // Draft for Ben alone: untick "every coder", tick Ben.
    b.click("Draft empty cells...");
    b.click("Every coder's codings");
    b.click("Coder Ben");
    b.click("Draft");
    ASSERT_TRUE(b.view().draft_result());
    EXPECT_EQ(b.view().draft_result()->filled, 2) << "P01 / Coherence and P02 / Cognitive participation";
    m = b.s.read("NPT");
    const MatrixCell& drafted = row_of(m, "P01").cells[column_of(m, "Coherence")];
    ASSERT_EQ(drafted.links.size(), 1u);
    EXPECT_EQ(drafted.links[0].coder, "Ben");
    EXPECT_TRUE(row_of(m, "P01").cells[column_of(m, "Collective action")].empty());

    // Select the cell, type a summary, Ctrl+Enter saves it.
    b.click_cell("P01", "Coherence");
    ASSERT_TRUE(b.view().selected());
    EXPECT_EQ(b.view().segments().size(), 3u) << "both coders' codings of Coherence and the code below it";
    b.click("Summary");
    b.ui->type("Sees the hub as different work");
    EXPECT_TRUE(b.view().summary_unsaved());
    b.ui->named_key(ImGuiKey_Enter, true);
    b.ui->frames(2);
    EXPECT_FALSE(b.view().summary_unsaved());
    m = b.s.read("NPT");
    EXPECT_EQ(row_of(m, "P01").cells[column_of(m, "Coherence")].summary, "Sees the hub as different work");
    EXPECT_TRUE(row_of(m, "P01").cells[column_of(m, "Coherence")].edited);

    // More text, saved with the Save button.
    b.click("Summary");
    b.ui->named_key(ImGuiKey_End, true);  // Ctrl+End: after the last character
    b.ui->type(", agreed together");
    b.click("Save");
    m = b.s.read("NPT");
    EXPECT_EQ(row_of(m, "P01").cells[column_of(m, "Coherence")].summary, "Sees the hub as different work, agreed together");

    // Undo takes back the last save only; the window shows the summary before it.
    b.app.undo();
    b.ui->frames(2);
    m = b.s.read("NPT");
    EXPECT_EQ(row_of(m, "P01").cells[column_of(m, "Coherence")].summary, "Sees the hub as different work");
    EXPECT_EQ(b.view().summary_text(), "Sees the hub as different work");

    // A redraft leaves the edited cell alone.
    b.click("Draft empty cells...");
    b.click("Every coder's codings");
    b.click("Draft");
    ASSERT_TRUE(b.view().draft_result());
    EXPECT_EQ(b.view().draft_result()->kept_edited, 1);
    m = b.s.read("NPT");
    EXPECT_EQ(row_of(m, "P01").cells[column_of(m, "Coherence")].summary, "Sees the hub as different work");
    EXPECT_EQ(row_of(m, "P01").cells[column_of(m, "Coherence")].links.size(), 1u);
}

TEST(MatrixView, LinkAndUnlinkAQuoteAndJumpToIt) {
    Bench b;
    b.create_npt();
    b.click_cell("P01", "Coherence");
    const auto& segments = b.view().segments();
    ASSERT_EQ(segments.size(), 3u);
    std::size_t amira = segments.size();
    for (std::size_t i = 0; i < segments.size(); ++i)
        if (segments[i].segment.coder == "Amira" && segments[i].segment.coding.start == 107) amira = i;
    ASSERT_LT(amira, segments.size());
    const CodingId coding = segments[amira].segment.coding.id;
    b.click("Link " + std::to_string(amira));
    FrameworkMatrix m = b.s.read("NPT");
    const MatrixCell& linked = row_of(m, "P01").cells[column_of(m, "Coherence")];
    ASSERT_EQ(linked.links.size(), 1u);
    EXPECT_EQ(linked.links[0].coding_id, coding);
    EXPECT_EQ(linked.links[0].start, 107);
    EXPECT_TRUE(linked.edited) << "a linked cell is the analyst's";

    // The linked quote opens its transcript at the span.
    b.click("Quote 0");
    EXPECT_EQ(b.app.current_document(), b.app.snapshot().documents[0].id);
    EXPECT_EQ(b.app.transcript().selection(), (Span{107, 133}));

    b.click("Unlink 0");
    m = b.s.read("NPT");
    EXPECT_TRUE(row_of(m, "P01").cells[column_of(m, "Coherence")].links.empty());
    b.app.undo();
    b.ui->frames(2);
    m = b.s.read("NPT");
    EXPECT_EQ(row_of(m, "P01").cells[column_of(m, "Coherence")].links.size(), 1u) << "undo brings the link back";
}

TEST(MatrixView, RenameAndDeleteFromTheirDialogs) {
    Bench b;
    b.create_npt();
    b.click_cell("P03", "Reflexive monitoring");
    b.click("Summary");
    b.ui->type("Not reached yet");
    b.click("Save");

    b.click("Rename...");
    b.ui->key('A', true);
    b.ui->type("NPT by group");
    b.click("Rename");
    {
        Project p = Project::open(b.s.file);
        EXPECT_FALSE(find_matrix(p, "NPT"));
        ASSERT_TRUE(find_matrix(p, "NPT by group"));
    }
    ASSERT_TRUE(b.view().matrix());
    EXPECT_EQ(b.view().matrix()->info.name, "NPT by group");
    FrameworkMatrix m = b.s.read("NPT by group");
    EXPECT_EQ(row_of(m, "P03").cells[column_of(m, "Reflexive monitoring")].summary, "Not reached yet");

    b.click("Delete...");
    b.click("Delete");
    {
        Project p = Project::open(b.s.file);
        EXPECT_TRUE(list_matrices(p).empty());
    }
    EXPECT_FALSE(b.view().matrix());
    b.app.undo();
    b.ui->frames(2);
    ASSERT_TRUE(b.view().matrix()) << "undo brings the matrix back";
    m = b.s.read("NPT by group");
    EXPECT_EQ(row_of(m, "P03").cells[column_of(m, "Reflexive monitoring")].summary, "Not reached yet");
}

TEST(MatrixView, ExportWritesTheFileTheCliWrites) {
    Bench b;
    b.create_npt();
    b.click("Draft empty cells...");
    b.click("Draft");
    const fs::path gui_file = b.s.dir / "gui.csv", cli_file = b.s.dir / "cli.csv";
    b.click("Export...");
    b.click("File");
    b.ui->key('A', true);
    b.ui->type(gui_file.string());
    b.click("Export");
    EXPECT_FALSE(b.view().export_failed());
    EXPECT_EQ(b.view().export_message().rfind("Wrote " + gui_file.string(), 0), 0u) << b.view().export_message();
    EXPECT_EQ(b.view().export_attributes(), std::vector<std::string>{"group"}) << "the grouping attribute, ticked";
    const CommandResult r = run_cli({"matrix", "export", b.s.file.string(), "NPT", cli_file.string(), "--attributes", "group"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_bytes(gui_file), read_bytes(cli_file));

    // Unticked, the attribute leaves the file, as `--attributes none` leaves it out.
    b.view().export_attributes().clear();
    const fs::path gui_none = b.s.dir / "gui-none.csv", cli_none = b.s.dir / "cli-none.csv";
    ASSERT_TRUE(b.view().export_to(b.app, gui_none)) << b.view().export_message();
    ASSERT_EQ(run_cli({"matrix", "export", b.s.file.string(), "NPT", cli_none.string(), "--attributes", "none"}).exit_code, 0);
    EXPECT_EQ(read_bytes(gui_none), read_bytes(cli_none));
    EXPECT_EQ(read_bytes(gui_none).find("group"), std::string::npos);
    EXPECT_NE(read_bytes(gui_file).find("group"), std::string::npos);

    EXPECT_FALSE(b.view().export_to(b.app, b.s.dir / "missing" / "m.xlsx"));
    EXPECT_TRUE(b.view().export_failed());
    EXPECT_EQ(std::count(b.view().export_message().begin(), b.view().export_message().end(), '\n'), 0);
    EXPECT_FALSE(fs::exists(b.s.dir / "missing"));
}

TEST(MatrixView, ALinkWhoseCodingWasDeletedIsMarkedStale) {
    Bench b;
    b.create_npt();
    b.click("Draft empty cells...");
    b.click("Draft");
    FrameworkMatrix m = b.s.read("NPT");
    const MatrixCell& before = row_of(m, "P02").cells[column_of(m, "Cognitive participation")];
    ASSERT_EQ(before.links.size(), 1u);
    EXPECT_EQ(gui::quote_count_label(before), "1 quote");
    {  // another connection (the CLI, a second window) deletes the coding
        Project p = Project::open(b.s.file);
        delete_coding(p, *before.links[0].coding_id);
    }
    b.app.refresh();
    b.ui->frames(2);
    const FrameworkMatrix& shown = *b.view().matrix();
    const MatrixCell& after = row_of(shown, "P02").cells[column_of(shown, "Cognitive participation")];
    ASSERT_EQ(after.links.size(), 1u) << "the quote's snapshot stays";
    EXPECT_EQ(after.links[0].status, LinkStatus::Deleted);
    EXPECT_EQ(gui::stale_links(after), 1);
    EXPECT_EQ(gui::quote_count_label(after), "1 quote, 1 stale");
}

TEST(MatrixView, AThousandCasesByAHundredColumnsIsReadOncePerRevision) {
    TempDir dir;
    const fs::path file = dir / "big.nptq";
    {
        Project p = Project::create(file, "big");
        p.action("big", [&] {
            std::vector<std::string> codes;
            for (int c = 0; c < 100; ++c) codes.push_back(ensure_code(p, "Code " + std::to_string(c)).path);
            for (int i = 0; i < 1000; ++i) ensure_case(p, "P" + std::to_string(1000 + i));
            create_matrix(p, {"Big", "", codes, {}});
        });
    }
    gui::App app(dir / "cfg");
    app.set_coder("Amira");
    app.open_project(file);
    Headless ui(app);
    gui::MatrixView& view = app.writeup().matrix();
    view.open();
    ui.frames(10);
    ASSERT_TRUE(view.matrix());
    EXPECT_EQ(view.matrix()->rows.size(), 1000u);
    EXPECT_EQ(view.loads(), 1) << "not once per frame";
    EXPECT_GT(view.rows_drawn(), 3);
    EXPECT_LT(view.rows_drawn(), 60) << "only the visible rows are drawn";
    EXPECT_EQ(gui::matrix_column_pages(view.matrix()->columns.size()), 3);
    app.refresh();
    ui.frames(3);
    EXPECT_EQ(view.loads(), 2) << "a new revision reads it again";
}

}  // namespace
}  // namespace npt::test
