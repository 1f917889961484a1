// charts_view_test.cpp — Write-up > Charts in the headless workbench: the heatmap opens on the
// first grouping attribute × NPT constructs with the numbers of `nptcoder matrix-query`; its PNG
// has the chart's size and every cell the scale's colour for its count (read back with
// stb_image); its CSV holds the core's counts; the bar chart's numbers and CSV are the CLI's
// `code-frequency`, its bars in the codebook's colours; the saturation curve follows the
// interview dates as `nptcoder saturation` does; hovering shows the exact value; a change to the
// project or a setting redraws the numbers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "core/model/code_edits.hpp"
#include "core/query/code_saturation.hpp"
#include "core/store/file_io.hpp"
#include "exporters/counts_export.hpp"
#include "gui/app.hpp"
#include "gui/chart_colours.hpp"
#include "gui/charts_view.hpp"
#include "gui/headless.hpp"
#include "gui/team_study.hpp"
#include "gui/writeup_views.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

namespace npt::test {
namespace {
namespace fs = std::filesystem;
using gui::ChartKind;

struct Png {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
    ImU32 at(int x, int y) const {
        const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
        return IM_COL32(rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
    }
};

Png read_png(const fs::path& file) {
    Png png;
    int channels = 0;
    unsigned char* data = stbi_load(file.string().c_str(), &png.width, &png.height, &channels, 4);
    EXPECT_NE(data, nullptr) << file;
    if (!data) return png;
    png.rgba.assign(data, data + static_cast<std::size_t>(png.width) * static_cast<std::size_t>(png.height) * 4);
    stbi_image_free(data);
    return png;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF rows
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream fields(line);
        while (std::getline(fields, cell, ',')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

// The team study plus participants: P01 and P03 "Hub staff", P02 "Hub client", interviewed in
// the order p02, p03, p01; Differentiation coloured red, Legitimation green.
struct Charts {
    TempDir dir;
    fs::path file = dir / "charts.nptq";
    std::unique_ptr<gui::App> app;
    std::unique_ptr<Headless> ui;
    Charts() {
        make_team_study(file);
        {
            Project p = Project::open(file);
            p.action("participants", [&] {
                const Attribute group = ensure_attribute(p, "group", AttributeType::Text);
                const Attribute date = ensure_attribute(p, "interview_date", AttributeType::Date);
                const std::vector<std::tuple<std::string, std::string, std::string>> people = {
                    {"P01", "Hub staff", "2021-12-01"}, {"P02", "Hub client", "2021-11-08"}, {"P03", "Hub staff", "2021-11-20"}};
                for (const auto& [name, g, d] : people) {
                    const Case c = ensure_case(p, name);
                    set_case_value(p, c.id, group.id, g);
                    set_case_value(p, c.id, date.id, d);
                    std::string doc = name + ".txt";
                    doc[0] = 'p';
                    link_document_to_case(p, require_document(p, doc).id, c.id);
                }
                set_code_colour(p, require_code(p, "Coherence/Differentiation").id, "#d62728");
                set_code_colour(p, require_code(p, "Cognitive participation/Legitimation").id, "#2ca02c");
            });
        }
        app = std::make_unique<gui::App>(dir / "cfg");
        app->set_coder("Lead");
        app->open_project(file);
        ui = std::make_unique<Headless>(*app);
        view().open();
        ui->frames(3);
    }
    gui::ChartsView& view() { return app->writeup().charts(); }
    std::string path() const { return file.string(); }
};

TEST(ChartsView, HeatmapOfGroupsByConstructsIsTheMatrixQueryAndExportsItsColours) {
    Charts t;
    ASSERT_EQ(t.view().shown(), ChartKind::Heatmap);
    const MatrixQueryResult& m = t.view().heatmap(*t.app);
    EXPECT_EQ(m.row_label, "group");
    const auto cli = cli_json({"matrix-query", t.path(), "--rows", "group", "--code", "Coherence", "--code",
                               "Cognitive participation", "--descendants", "--json"});
    EXPECT_EQ(nlohmann::json(m.rows), cli["rows"]);
    EXPECT_EQ(nlohmann::json(m.columns), cli["columns"]);
    EXPECT_EQ(nlohmann::json(m.counts), cli["counts"]);
    ASSERT_EQ(m.rows, (std::vector<std::string>{"Hub client", "Hub staff"}));
    // Hub staff: p01 (6 codings under Coherence) and p03 (1); Hub client: p02 (6 under Cognitive participation).
    EXPECT_EQ(m.counts, (std::vector<std::vector<std::int64_t>>{{0, 6}, {7, 0}}));

    const gui::ChartScene& scene = t.view().scene(*t.app, ChartKind::Heatmap);
    ASSERT_EQ(scene.hovers.size(), 4u);
    const fs::path png_file = t.dir / "heatmap.png";
    t.view().export_png(*t.app, ChartKind::Heatmap, png_file);
    const Png png = read_png(png_file);
    EXPECT_EQ(png.width, static_cast<int>(scene.size.x));
    EXPECT_EQ(png.height, static_cast<int>(scene.size.y));
    std::int64_t max = 7;
    for (std::size_t r = 0; r < 2; ++r)
        for (std::size_t c = 0; c < 2; ++c) {
            const gui::ChartHover& cell = scene.hovers[r * 2 + c];
            const ImU32 want = gui::heat_colour(m.counts[r][c], max);
            EXPECT_EQ(png.at(static_cast<int>(cell.min.x) + 3, static_cast<int>(cell.min.y) + 3), want) << r << "," << c;
            EXPECT_EQ(png.at(static_cast<int>(cell.max.x) - 4, static_cast<int>(cell.max.y) - 4), want) << r << "," << c;
        }
    // The count is printed in the cell: its middle has pixels of the text colour's kind.
    const gui::ChartHover& darkest = scene.hovers[1 * 2 + 0];
    int light = 0;
    for (int y = static_cast<int>(darkest.min.y); y < static_cast<int>(darkest.max.y); ++y)
        for (int x = static_cast<int>(darkest.min.x); x < static_cast<int>(darkest.max.x); ++x)
            light += gui::luminance(png.at(x, y)) > 0.5f ? 1 : 0;
    EXPECT_GT(light, 5) << "white digits on the darkest cell";
    // The scale stays legible in grey: luminance falls as the count rises.
    for (std::int64_t v = 1; v <= 20; ++v) EXPECT_LT(gui::luminance(gui::heat_colour(v, 20)), gui::luminance(gui::heat_colour(v - 1, 20)));

    const fs::path csv_file = t.dir / "heatmap.csv";
    t.view().export_csv(*t.app, ChartKind::Heatmap, csv_file);
    const auto rows = csv_rows(read_file(csv_file));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"group", "Coherence", "Cognitive participation"}));
    for (std::size_t r = 0; r < 2; ++r) {
        EXPECT_EQ(rows[r + 1][0], m.rows[r]);
        for (std::size_t c = 0; c < 2; ++c) EXPECT_EQ(std::stoll(rows[r + 1][c + 1]), m.counts[r][c]);
    }
    EXPECT_EQ(*t.view().last_export(), csv_file);

    // Hovering a cell shows its exact value.
    const gui::ChartHover& cell = scene.hovers[1 * 2 + 0];
    t.ui->move({t.view().chart_origin().x + (cell.min.x + cell.max.x) / 2, t.view().chart_origin().y + (cell.min.y + cell.max.y) / 2});
    t.ui->frame();
    EXPECT_EQ(t.view().hovered(), "group Hub staff\nCoherence\n7 coded segments");
}

TEST(ChartsView, SettingsAndProjectChangesRedrawTheNumbers) {
    Charts t;
    t.view().settings().coder = "Ben";
    t.view().settings().count = MatrixCount::Cases;
    t.ui->frames(2);
    const auto cli = cli_json({"matrix-query", t.path(), "--rows", "group", "--count", "cases", "--coder", "Ben", "--code",
                               "Coherence", "--code", "Cognitive participation", "--descendants", "--json"});
    EXPECT_EQ(nlohmann::json(t.view().heatmap(*t.app).counts), cli["counts"]);
    // Ben codes p03 (a Hub staff interview) in the workbench: the chart follows.
    ASSERT_EQ(t.view().heatmap(*t.app).rows[1], "Hub staff");
    EXPECT_EQ(t.view().heatmap(*t.app).counts[1][0], 1);  // P01
    ASSERT_TRUE(t.app->act([&] {
        Project& p = t.app->project();
        apply_coding(p, require_document(p, "p03.txt").id, require_code(p, "Coherence/Differentiation").id,
                     require_coder(p, "Ben").id, {0, 11});
    }));
    t.ui->frames(2);
    EXPECT_EQ(t.view().heatmap(*t.app).counts[1][0], 2);  // P01 and now P03
    EXPECT_TRUE(t.app->error_message().empty()) << t.app->error_message();
}

TEST(ChartsView, CodeFrequencyBarsAreTheCliNumbersInCodebookColours) {
    Charts t;
    t.view().show(ChartKind::Frequency);
    t.ui->frames(3);
    EXPECT_EQ(t.view().shown(), ChartKind::Frequency);
    const CodeFrequency& f = t.view().frequency(*t.app);
    const std::vector<std::string> args = {"code-frequency", t.path(), "--code", "Coherence/Differentiation", "--code",
                                           "Coherence/Communal specification", "--code", "Cognitive participation/Enrolment",
                                           "--code", "Cognitive participation/Legitimation", "--descendants"};
    auto json_args = args;
    json_args.push_back("--json");
    const auto cli = cli_json(json_args);
    EXPECT_EQ(nlohmann::json(f.coders), cli["coders"]);
    ASSERT_EQ(f.codes.size(), cli["rows"].size());
    for (std::size_t r = 0; r < f.codes.size(); ++r) {
        EXPECT_EQ(f.codes[r], cli["rows"][r]["code"]);
        EXPECT_EQ(nlohmann::json(f.counts[r]), cli["rows"][r]["counts"]);
    }
    const fs::path csv_file = t.dir / "frequency.csv";
    t.view().export_csv(*t.app, ChartKind::Frequency, csv_file);
    auto csv_args = args;
    csv_args.insert(csv_args.end(), {"--format", "csv"});
    const CommandResult r = run_cli(csv_args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_file(csv_file), r.out);

    // Amira's Differentiation bar (2 codings) is red, Ben's Legitimation bar green, in the PNG.
    const gui::ChartScene& scene = t.view().scene(*t.app, ChartKind::Frequency);
    const fs::path png_file = t.dir / "frequency.png";
    t.view().export_png(*t.app, ChartKind::Frequency, png_file);
    const Png png = read_png(png_file);
    EXPECT_EQ(png.width, static_cast<int>(scene.size.x));
    EXPECT_EQ(png.height, static_cast<int>(scene.size.y));
    const std::size_t coders = f.coders.size();
    auto bar_pixel = [&](std::size_t code, std::size_t coder) {
        const gui::ChartHover& bar = scene.hovers[code * coders + coder];
        return png.at(static_cast<int>(bar.max.x - scene.font_size * 3) - 3, static_cast<int>(bar.min.y) + 4);
    };
    ASSERT_GT(f.counts[0][0], 0);
    EXPECT_EQ(bar_pixel(0, 0), gui::chart_colour("#d62728"));
    ASSERT_GT(f.counts[3][1], 0);
    EXPECT_EQ(bar_pixel(3, 1), gui::chart_colour("#2ca02c"));

    const gui::ChartHover& bar = scene.hovers[0];
    t.ui->move({t.view().chart_origin().x + bar.min.x + 2, t.view().chart_origin().y + bar.min.y + 2});
    t.ui->frame();
    EXPECT_EQ(t.view().hovered(), "Coherence/Differentiation\nAmira: " + std::to_string(f.counts[0][0]) + " codings");
}

TEST(ChartsView, SaturationFollowsTheInterviewDates) {
    Charts t;
    t.view().show(ChartKind::Saturation);
    t.ui->frames(3);
    const CodeSaturation& s = t.view().saturation(*t.app);
    EXPECT_EQ(s.order, "interview_date");
    ASSERT_EQ(s.points.size(), 3u);
    EXPECT_EQ(s.points[0].document, "p02.txt");
    EXPECT_EQ(s.points[1].document, "p03.txt");
    EXPECT_EQ(s.points[2].document, "p01.txt");
    // p02: Enrolment, Legitimation; p03: Differentiation; p01: Coherence, Communal specification.
    EXPECT_EQ(s.points[0].codes_so_far, 2);
    EXPECT_EQ(s.points[1].codes_so_far, 3);
    EXPECT_EQ(s.points[2].codes_so_far, 5);
    const fs::path csv_file = t.dir / "saturation.csv";
    t.view().export_csv(*t.app, ChartKind::Saturation, csv_file);
    const CommandResult r = run_cli({"saturation", t.path(), "--order", "interview_date", "--format", "csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_file(csv_file), r.out);

    const gui::ChartScene& scene = t.view().scene(*t.app, ChartKind::Saturation);
    const fs::path png_file = t.dir / "saturation.png";
    t.view().export_png(*t.app, ChartKind::Saturation, png_file);
    const Png png = read_png(png_file);
    EXPECT_EQ(png.width, static_cast<int>(scene.size.x));
    EXPECT_EQ(png.height, static_cast<int>(scene.size.y));
    ASSERT_EQ(scene.hovers.size(), 3u);
    const gui::ChartHover& second = scene.hovers[1];
    t.ui->move({t.view().chart_origin().x + (second.min.x + second.max.x) / 2 + 1, t.view().chart_origin().y + second.min.y + 3});
    t.ui->frame();
    EXPECT_EQ(t.view().hovered(), "2. p03.txt (interview_date 2021-11-20)\n1 new code: Coherence/Differentiation\n3 distinct codes so far");

    t.view().settings().order = "import";
    t.ui->frames(2);
    EXPECT_EQ(t.view().saturation(*t.app).points[0].document, "p01.txt");
}

}  // namespace
}  // namespace npt::test
