// charts_view.hpp — Write-up > Charts: three charts of the project on tabs, drawn with ImDrawList
// from one primitive list per chart (chart_scene.hpp, laid out in chart_layouts.hpp):
//   Heatmap     the matrix coding query (core/query/matrix_query.hpp, as `nptcoder matrix-query`):
//               rows are a case attribute's values or cases, columns the NPT constructs, their
//               sub-constructs or every code; cells count segments, cases or words;
//   Frequency   codings per code per coder (core/query/code_frequency.hpp, `nptcoder code-frequency`);
//   Saturation  new codes per document, cumulative, in a case attribute's order (interview_date)
//               or import order (core/query/code_saturation.hpp, `nptcoder saturation`).
// Hovering a mark shows its exact value. Each chart exports to PNG (rasterised on the CPU from the
// same primitive list, chart_raster.hpp) and its numbers to CSV (the files the CLI's --format csv
// and `export counts` write). The numbers are re-read when the project changes.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/query/code_frequency.hpp"
#include "core/query/code_saturation.hpp"
#include "core/query/matrix_query.hpp"
#include "gui/chart_scene.hpp"
#include "gui/file_browser.hpp"

namespace npt::gui {

class App;

enum class ChartKind { Heatmap, Frequency, Saturation };

// Which codes a chart counts: the NPT constructs (each with the codes below it), their
// sub-constructs (each with the codes below it), or every code (its own codings).
enum class ChartCodes { Constructs, SubConstructs, EveryCode };

class ChartsView {
public:
    ChartsView();
    ~ChartsView();

    void open() { visible_ = true; }
    bool visible() const { return visible_; }
    void poll(App&) {}
    void draw(App& app);
    bool busy() const { return false; }

    // What the controls edit (tests set them directly; the numbers follow on the next frame).
    struct Settings {
        std::string rows;  // heatmap rows: "case" or an attribute; "" = the first grouping attribute
        MatrixCount count = MatrixCount::Segments;
        ChartCodes heatmap_codes = ChartCodes::Constructs;
        ChartCodes frequency_codes = ChartCodes::SubConstructs;
        std::string coder;  // "" = every coder
        std::string order;  // saturation: "import" or an attribute; "" = the first date attribute
        bool operator==(const Settings&) const = default;
    };
    Settings& settings() { return settings_; }
    void show(ChartKind chart);  // brings the chart's tab to the front
    ChartKind shown() const { return shown_; }

    // The shown numbers and their chart, brought up to date with the project (throws npt::Error).
    const MatrixQueryResult& heatmap(App& app);
    const CodeFrequency& frequency(App& app);
    const CodeSaturation& saturation(App& app);
    const ChartScene& scene(App& app, ChartKind chart);
    // Where the last frame drew the chart's top-left corner (screen), and the hovered mark's text.
    ImVec2 chart_origin() const { return origin_; }
    const std::string& hovered() const { return hovered_; }

    // Writes the chart as PNG, or its numbers as CSV. Throw npt::Error.
    void export_png(App& app, ChartKind chart, const std::filesystem::path& file);
    void export_csv(App& app, ChartKind chart, const std::filesystem::path& file);
    const std::optional<std::filesystem::path>& last_export() const { return last_export_; }

private:
    struct Cache;
    void refresh(App& app);
    void draw_controls(App& app, ChartKind chart);
    void draw_chart_area(App& app, ChartKind chart);

    bool visible_ = false;
    Settings settings_;
    ChartKind shown_ = ChartKind::Heatmap;
    bool tab_wanted_ = false;
    std::unique_ptr<Cache> cache_;
    ImVec2 origin_{};
    std::string hovered_;
    FileBrowser browser_;
    bool export_png_ = true;  // what the open browser saves
    std::optional<std::filesystem::path> last_export_;
};

}  // namespace npt::gui
