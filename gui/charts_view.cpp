// charts_view.cpp — the Charts window: the tabs, their controls, the chart drawn from its
// primitive list with hover tooltips, and PNG / CSV export. The numbers come from the core
// (matrix_query, code_frequency, code_saturation), re-read when the project or a setting changes.
#include "gui/charts_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "codebook/npt_constructs.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "exporters/counts_export.hpp"
#include "gui/app.hpp"
#include "gui/chart_colours.hpp"
#include "gui/chart_layouts.hpp"
#include "gui/chart_raster.hpp"
#include "gui/team_window.hpp"

namespace npt::gui {
namespace fs = std::filesystem;
namespace {

constexpr int kCharts = 3;
int index_of(ChartKind k) { return static_cast<int>(k); }

const char* codes_label(ChartCodes c) {
    switch (c) {
    case ChartCodes::Constructs: return "NPT constructs (with the codes below)";
    case ChartCodes::SubConstructs: return "NPT sub-constructs (with the codes below)";
    case ChartCodes::EveryCode: return "Every code (its own codings)";
    }
    return "";
}

const char* count_noun(MatrixCount c) {
    switch (c) {
    case MatrixCount::Segments: return "coded segments";
    case MatrixCount::Cases: return "cases coded";
    case MatrixCount::Words: return "words coded";
    }
    return "";
}

// The first text attribute whose values group the cases (some value shared by two cases).
std::string first_grouping_attribute(const ProjectSnapshot& s) {
    for (const Attribute& a : s.attributes) {
        if (a.type != AttributeType::Text) continue;
        std::set<std::string> seen;
        for (const CaseDetail& c : s.cases) {
            auto it = c.values.find(a.name);
            if (it != c.values.end() && !seen.insert(it->second).second) return a.name;
        }
    }
    return "case";
}

// The first date attribute (interview dates), else import order.
std::string first_date_attribute(const ProjectSnapshot& s) {
    for (const Attribute& a : s.attributes)
        if (a.type == AttributeType::Date) return a.name;
    return "import";
}

// The code paths a chart counts, and whether with their descendants.
std::vector<std::string> chart_codes(Project& project, ChartCodes codes) {
    if (codes == ChartCodes::EveryCode) return {};
    std::vector<std::string> paths = codebook::npt_default_columns(project, codes == ChartCodes::SubConstructs);
    if (paths.empty())
        throw InputError("the codebook has none of NPT's constructs: choose \"Every code\" to chart the codes it has");
    return paths;
}

std::vector<std::string> coder_list(const std::string& coder) {
    return coder.empty() ? std::vector<std::string>{} : std::vector<std::string>{coder};
}

}  // namespace

struct ChartsView::Cache {
    std::uint64_t revision = ~0ull;
    Settings settings;
    std::optional<MatrixQueryResult> heatmap;
    std::optional<CodeFrequency> frequency;
    std::optional<CodeSaturation> saturation;
    ChartScene scenes[kCharts];
    bool scene_valid[kCharts] = {false, false, false};
    float scene_width[kCharts] = {0, 0, 0};
    ImFont* scene_font[kCharts] = {nullptr, nullptr, nullptr};
    std::string error[kCharts];
    float width = 1000;  // the chart area's width in the last frame
};

ChartsView::ChartsView() : cache_(std::make_unique<Cache>()) {}
ChartsView::~ChartsView() = default;

void ChartsView::show(ChartKind chart) {
    shown_ = chart;
    tab_wanted_ = true;
    visible_ = true;
}

void ChartsView::refresh(App& app) {
    Settings effective = settings_;
    if (effective.rows.empty()) effective.rows = first_grouping_attribute(app.snapshot());
    if (effective.order.empty()) effective.order = first_date_attribute(app.snapshot());
    if (cache_->revision == app.revision() && cache_->settings == effective) return;
    const float width = cache_->width;
    cache_ = std::make_unique<Cache>();
    cache_->revision = app.revision();
    cache_->settings = effective;
    cache_->width = width;
}

const MatrixQueryResult& ChartsView::heatmap(App& app) {
    refresh(app);
    if (!cache_->heatmap) {
        const Settings& s = cache_->settings;
        MatrixQueryOptions o;
        o.rows = s.rows;
        o.count = s.count;
        o.codes = chart_codes(app.project(), s.heatmap_codes);
        o.include_descendants = s.heatmap_codes != ChartCodes::EveryCode;
        o.coders = coder_list(s.coder);
        cache_->heatmap = matrix_query(app.project(), o);
    }
    return *cache_->heatmap;
}

const CodeFrequency& ChartsView::frequency(App& app) {
    refresh(app);
    if (!cache_->frequency) {
        const Settings& s = cache_->settings;
        CodeFrequencyOptions o;
        o.codes = chart_codes(app.project(), s.frequency_codes);
        o.include_descendants = s.frequency_codes != ChartCodes::EveryCode;
        o.used_only = s.frequency_codes == ChartCodes::EveryCode;
        o.coders = coder_list(s.coder);
        cache_->frequency = code_frequency(app.project(), o);
    }
    return *cache_->frequency;
}

const CodeSaturation& ChartsView::saturation(App& app) {
    refresh(app);
    if (!cache_->saturation) {
        SaturationOptions o;
        o.order = cache_->settings.order;
        o.coders = coder_list(cache_->settings.coder);
        cache_->saturation = code_saturation(app.project(), o);
    }
    return *cache_->saturation;
}

const ChartScene& ChartsView::scene(App& app, ChartKind chart) {
    refresh(app);
    const int i = index_of(chart);
    ImFont* font = ImGui::GetFont();
    if (cache_->scene_valid[i] && cache_->scene_font[i] == font && (chart == ChartKind::Heatmap || cache_->scene_width[i] == cache_->width))
        return cache_->scenes[i];
    const ProjectSnapshot& snap = app.snapshot();
    std::map<std::string, ImU32> code_colour;
    for (const Code& c : snap.codes) code_colour[c.path] = chart_colour(c.colour);
    auto colours_of = [&](const std::vector<std::string>& paths) {
        std::vector<ImU32> out;
        for (const std::string& p : paths) out.push_back(code_colour.count(p) ? code_colour[p] : chart_colour(""));
        return out;
    };
    const ChartFont f{font};
    ChartScene built;
    if (chart == ChartKind::Heatmap) {
        const MatrixQueryResult& m = heatmap(app);
        const char* noun = count_noun(cache_->settings.count);
        std::string title = cache_->settings.count == MatrixCount::Cases ? "Cases coded, per " + m.row_label
                                                                         : std::string(noun) + " per " + m.row_label;
        title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
        if (!cache_->settings.coder.empty()) title += " (" + cache_->settings.coder + ")";
        built = heatmap_chart(m, colours_of(m.columns), title, noun, f);
    } else if (chart == ChartKind::Frequency) {
        const CodeFrequency& fr = frequency(app);
        std::vector<ImU32> coder_colours;
        for (const std::string& name : fr.coders) {
            ImU32 c = chart_colour("");
            for (const Coder& k : snap.coders)
                if (k.name == name) c = chart_colour(k.colour);
            coder_colours.push_back(c);
        }
        built = frequency_chart(fr, colours_of(fr.codes), coder_colours, f, cache_->width);
    } else {
        built = saturation_chart(saturation(app), code_colour, f, cache_->width);
    }
    cache_->scenes[i] = std::move(built);
    cache_->scene_valid[i] = true;
    cache_->scene_width[i] = cache_->width;
    cache_->scene_font[i] = font;
    return cache_->scenes[i];
}

void ChartsView::export_png(App& app, ChartKind chart, const fs::path& file) {
    write_chart_png(scene(app, chart), ImGui::GetFont(), file);
    last_export_ = file;
}

void ChartsView::export_csv(App& app, ChartKind chart, const fs::path& file) {
    std::string text;
    if (chart == ChartKind::Heatmap) text = counts_csv(heatmap(app), false);
    else if (chart == ChartKind::Frequency) text = code_frequency_csv(frequency(app));
    else text = code_saturation_csv(saturation(app));
    write_file_atomic(file, text);
    last_export_ = file;
}

void ChartsView::draw_controls(App& app, ChartKind chart) {
    const ProjectSnapshot& snap = app.snapshot();
    const float em = ImGui::GetFontSize();
    auto codes_combo = [&](const char* id, ChartCodes& codes) {
        ImGui::SetNextItemWidth(em * 20);
        if (ImGui::BeginCombo(id, codes_label(codes))) {
            for (ChartCodes c : {ChartCodes::Constructs, ChartCodes::SubConstructs, ChartCodes::EveryCode})
                if (ImGui::Selectable(codes_label(c), codes == c)) codes = c;
            ImGui::EndCombo();
        }
    };
    if (chart == ChartKind::Heatmap) {
        ImGui::TextUnformatted("Rows");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 10);
        const std::string rows = cache_->settings.rows;
        if (ImGui::BeginCombo("##rows", rows.c_str())) {
            if (ImGui::Selectable("case", rows == "case")) settings_.rows = "case";
            for (const Attribute& a : snap.attributes)
                if (ImGui::Selectable(a.name.c_str(), rows == a.name)) settings_.rows = a.name;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::TextUnformatted("Columns");
        ImGui::SameLine();
        codes_combo("##heatmap_codes", settings_.heatmap_codes);
        ImGui::SameLine();
        ImGui::TextUnformatted("Count");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 9);
        if (ImGui::BeginCombo("##count", count_noun(settings_.count))) {
            for (MatrixCount c : {MatrixCount::Segments, MatrixCount::Cases, MatrixCount::Words})
                if (ImGui::Selectable(count_noun(c), settings_.count == c)) settings_.count = c;
            ImGui::EndCombo();
        }
    } else if (chart == ChartKind::Frequency) {
        ImGui::TextUnformatted("Codes");
        ImGui::SameLine();
        codes_combo("##frequency_codes", settings_.frequency_codes);
    } else {
        ImGui::TextUnformatted("Documents in");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 12);
        const std::string order = cache_->settings.order;
        if (ImGui::BeginCombo("##order", order == "import" ? "import order" : order.c_str())) {
            if (ImGui::Selectable("import order", order == "import")) settings_.order = "import";
            for (const Attribute& a : snap.attributes)
                if (ImGui::Selectable(a.name.c_str(), order == a.name)) settings_.order = a.name;
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Order the documents by a case attribute (an interview date) or as imported");
    }
    ImGui::SameLine(0, em * 2);
    static const char* const kNames[] = {"heatmap", "code-frequency", "saturation"};
    const std::string stem = kNames[index_of(chart)];
    if (ImGui::Button("Export PNG...")) {
        export_png_ = true;
        browser_.open("Export the chart as PNG", FileBrowser::Mode::Save, {{"PNG image (.png)", {".png"}}, {"All files", {}}},
                      app.settings(), {}, stem + ".png");
    }
    ImGui::SameLine();
    if (ImGui::Button("Export CSV...")) {
        export_png_ = false;
        browser_.open("Export the chart's numbers as CSV", FileBrowser::Mode::Save, {{"CSV (.csv)", {".csv"}}, {"All files", {}}},
                      app.settings(), {}, stem + ".csv");
    }
    if (last_export_) {
        ImGui::SameLine();
        ImGui::TextDisabled("Wrote %s", last_export_->filename().string().c_str());
    }
}

void ChartsView::draw_chart_area(App& app, ChartKind chart) {
    const int i = index_of(chart);
    cache_->width = std::max(ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize, ImGui::GetFontSize() * 30);
    if (cache_->error[i].empty()) {
        try {
            scene(app, chart);
        } catch (const Error& e) {
            cache_->error[i] = e.what();
        }
    }
    if (!cache_->error[i].empty()) {
        ImGui::TextColored({0.7f, 0.1f, 0.1f, 1}, "%s", cache_->error[i].c_str());
        return;
    }
    const ChartScene& s = cache_->scenes[i];
    ImGui::BeginChild("##chart", {0, 0}, false, ImGuiWindowFlags_HorizontalScrollbar);
    origin_ = ImGui::GetCursorScreenPos();
    draw_chart(s, *ImGui::GetWindowDrawList(), ImGui::GetFont(), origin_);
    ImGui::Dummy(s.size);
    hovered_.clear();
    if (ImGui::IsItemHovered()) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        if (const ChartHover* h = chart_hover_at(s, {mouse.x - origin_.x, mouse.y - origin_.y})) {
            hovered_ = h->text;
            ImGui::SetTooltip("%s", h->text.c_str());
        }
    }
    ImGui::EndChild();
}

void ChartsView::draw(App& app) {
    if (auto chosen = browser_.draw(app.settings()); chosen && !chosen->empty() && app.has_project()) {
        fs::path file = chosen->front();
        const char* ext = export_png_ ? ".png" : ".csv";
        if (file.extension() != ext) file += ext;
        app.save_settings();
        try {
            if (export_png_) export_png(app, shown_, file);
            else export_csv(app, shown_, file);
        } catch (const Error& e) {
            app.show_error(e.what());
        }
    }
    if (!visible_) return;
    {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.05f, vp->WorkPos.y + vp->WorkSize.y * 0.07f}, ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize({vp->WorkSize.x * 0.9f, vp->WorkSize.y * 0.86f}, ImGuiCond_FirstUseEver);
    }
    if (!begin_team_window("Charts###writeup_charts", &visible_)) {
        ImGui::End();
        return;
    }
    if (!app.has_project()) {
        ImGui::TextDisabled("Open a project first.");
        ImGui::End();
        return;
    }
    refresh(app);
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted("Coder");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 10);
    if (ImGui::BeginCombo("##coder", settings_.coder.empty() ? "every coder" : settings_.coder.c_str())) {
        if (ImGui::Selectable("every coder", settings_.coder.empty())) settings_.coder.clear();
        for (const Coder& c : app.snapshot().coders)
            if (ImGui::Selectable(c.name.c_str(), settings_.coder == c.name)) settings_.coder = c.name;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Count the codings of every coder, or of one");
    if (ImGui::BeginTabBar("##charts")) {
        static const char* const kTabs[] = {"Heatmap", "Code frequency", "Saturation"};
        for (ChartKind kind : {ChartKind::Heatmap, ChartKind::Frequency, ChartKind::Saturation}) {
            const bool wanted = tab_wanted_ && shown_ == kind;
            if (!ImGui::BeginTabItem(kTabs[index_of(kind)], nullptr, wanted ? ImGuiTabItemFlags_SetSelected : 0)) continue;
            if (wanted) tab_wanted_ = false;
            if (!tab_wanted_) shown_ = kind;
            refresh(app);  // a control changed a setting this frame
            draw_controls(app, kind);
            refresh(app);
            draw_chart_area(app, kind);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace npt::gui
