// refi_exchange_test.cpp — REFI-QDA exchange through the workbench: File > Export > REFI-QDA
// project writes the .qdpx on a worker and shows the loss report; File > Open REFI-QDA project
// imports that file into a new project on a worker, opens it in the workbench and shows what was
// in the file against what was kept; a failing import shows the core's error and no report.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "gui/app.hpp"
#include "gui/frames_until.hpp"
#include "gui/headless.hpp"
#include "gui/refi_dialog.hpp"
#include "support/test_support.hpp"

namespace npt::test {
namespace {
namespace fs = std::filesystem;

const gui::RefiReportRow* row(const gui::RefiReportView& v, const std::string& what) {
    for (const auto& r : v.rows)
        if (r.what == what) return &r;
    return nullptr;
}

bool any_line_has(const std::vector<std::string>& lines, const std::string& words) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(words) != std::string::npos; });
}

// Two interviews (one with a combining mark and an emoji), two codes, five codings by Tess.
void make_study(const fs::path& file) {
    Project p = Project::create(file, "exchange");
    p.set_actor("Tess");
    p.action("study", [&] {
        const DocumentId a = add_document(p, {"p01.txt", "Interviewer: why?\nP01: the hub felt quiet, cafe\u0301 and all.\n", "p01.txt", "text", "", {}}).id;
        const DocumentId b = add_document(p, {"p02.txt", "Interviewer: and then?\nP02: I went in my own time \U0001F600 honestly.\n", "p02.txt", "text", "", {}}).id;
        const CodeId coherence = ensure_code(p, "Coherence").id, action = ensure_code(p, "Collective action").id;
        const CoderId tess = ensure_coder(p, "Tess").id;
        apply_coding(p, a, coherence, tess, {0, 11});
        apply_coding(p, a, action, tess, {18, 40});
        apply_coding(p, b, coherence, tess, {0, 11});
        apply_coding(p, b, action, tess, {23, 45});
        apply_coding(p, b, coherence, tess, {30, 48});
    });
}

TEST(RefiExchange, ExportThenOpenThroughTheWorkbenchShowsEachLossReport) {
    TempDir dir;
    make_study(dir / "study.nptq");
    // Tess codes in the project the import makes, too (settings that name a coder per project;
    // otherwise "Who is coding?" comes first and the report waits behind it).
    write_bytes(dir / "cfg" / "settings.json",
                nlohmann::json{{"coder", "Tess"}, {"project_coders", {{fs::absolute(dir / "again.nptq").lexically_normal().string(), "Tess"}}}}.dump());
    gui::App app(dir / "cfg");
    app.set_coder("Tess");
    app.open_project(dir / "study.nptq");
    Headless ui(app);
    ui.frames(2);
    gui::RefiDialog& refi = app.refi_dialog();

    // File > Export > REFI-QDA project: the browser's choice starts the worker.
    refi.export_to(app, dir / "study.qdpx");
    EXPECT_TRUE(refi.running());
    EXPECT_TRUE(app.busy());  // the main loop keeps drawing while it runs
    ASSERT_TRUE(frames_until(ui, [&] { return !refi.running() && refi.report_visible(); }, 60));
    EXPECT_TRUE(app.error_message().empty()) << app.error_message();
    ASSERT_TRUE(fs::exists(dir / "study.qdpx"));
    ASSERT_TRUE(refi.last_report().has_value());
    {
        const gui::RefiReportView& v = refi.report_view();
        EXPECT_EQ(v.title, "REFI-QDA export");
        EXPECT_EQ(v.file, "study.qdpx");
        EXPECT_EQ(v.schema, "Schema: valid");
        ASSERT_NE(row(v, "codings"), nullptr);
        EXPECT_EQ(row(v, "codings")->kept, "5");
        ASSERT_NE(row(v, "sources"), nullptr);
        EXPECT_EQ(row(v, "sources")->kept, "2");
        EXPECT_EQ(row(v, "codes")->kept, "2");
        // The document details REFI-QDA has no place for are listed with count and reason.
        EXPECT_TRUE(any_line_has(v.losses, "2 document import details")) << refi.last_report()->to_text();
        EXPECT_NE(v.headline.find("kind(s) of loss"), std::string::npos) << v.headline;
    }
    // Esc closes the report.
    ui.named_key(ImGuiKey_Escape);
    ui.frames(2);
    EXPECT_FALSE(refi.report_visible());

    // File > Open REFI-QDA project: the file, then the new project's name.
    refi.import_into(app, dir / "study.qdpx", dir / "again.nptq");
    EXPECT_TRUE(refi.running());
    ASSERT_TRUE(frames_until(ui, [&] { return !refi.running() && refi.report_visible(); }, 60)) << app.error_message();
    EXPECT_TRUE(app.error_message().empty()) << app.error_message();
    ASSERT_TRUE(app.has_project());
    EXPECT_EQ(app.project().path().filename().string(), "again.nptq");  // opened in the workbench
    EXPECT_EQ(app.snapshot().documents.size(), 2u);
    EXPECT_EQ(app.snapshot().summary.codings, 5);
    {
        const gui::RefiReportView& v = refi.report_view();
        EXPECT_EQ(v.title, "REFI-QDA import");
        EXPECT_EQ(v.file, "study.qdpx");
        EXPECT_NE(v.origin.find("nptcoder"), std::string::npos) << v.origin;
        EXPECT_EQ(v.schema, "Schema: valid");
        for (const char* what : {"sources", "codes", "codings"}) {
            const gui::RefiReportRow* r = row(v, what);
            ASSERT_NE(r, nullptr) << what;
            EXPECT_EQ(r->in_file, r->kept) << what;
            EXPECT_FALSE(r->short_of) << what;
        }
        EXPECT_EQ(row(v, "codings")->in_file, "5");
        EXPECT_EQ(v.losses.empty(), refi.last_report()->losses.empty());
    }
    ui.named_key(ImGuiKey_Escape);
    ui.frames(2);

    // The same target again: the core refuses, the error modal says so, no report, nothing changes.
    const std::string hash = file_sha256(dir / "again.nptq");
    refi.import_into(app, dir / "study.qdpx", dir / "study.nptq");
    ASSERT_TRUE(frames_until(ui, [&] { return !refi.running(); }, 60));
    ui.frames(2);
    EXPECT_NE(app.error_message(), "");
    EXPECT_FALSE(refi.report_visible());
    EXPECT_EQ(app.project().path().filename().string(), "again.nptq");
    EXPECT_EQ(file_sha256(dir / "again.nptq"), hash);
}

TEST(RefiExchange, ReportViewCountsShortfallsAndListsLossesWithExamples) {
    RefiReport r;
    r.operation = "import";
    r.file = "x.qdpx";
    r.origin = "MAXQDA 24";
    r.schema_valid = false;
    r.schema_errors = {"line 3: element 'Sets' is not expected"};
    r.in_file = {{"sources", 10}, {"codes", 307}};
    r.kept = {{"sources", 0}, {"codes", 307}, {"coders", 2}};
    r.lose("text sources", "their text is missing from the package: not imported", "a.txt", 1);
    r.lose("text sources", "their text is missing from the package: not imported", "b.txt", 9);
    r.warn("namespace is odd");
    const gui::RefiReportView v = gui::make_report_view(r);
    EXPECT_EQ(v.origin, "Written by MAXQDA 24");
    EXPECT_FALSE(v.schema_valid);
    EXPECT_NE(v.schema.find("NOT valid"), std::string::npos);
    ASSERT_EQ(v.rows.size(), 3u);
    EXPECT_TRUE(row(v, "sources")->short_of);
    EXPECT_FALSE(row(v, "codes")->short_of);
    EXPECT_EQ(row(v, "coders")->in_file, "");
    ASSERT_EQ(v.losses.size(), 1u);
    EXPECT_EQ(v.losses[0], "10 text sources: their text is missing from the package: not imported (e.g. a.txt, b.txt)");
    EXPECT_EQ(v.headline, "1 kind(s) of loss (10 item(s)); each is listed below with its reason.");
    EXPECT_EQ(v.warnings, std::vector<std::string>{"namespace is odd"});
}

}  // namespace
}  // namespace npt::test
