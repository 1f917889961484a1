// agreement_view.cpp — the agreement window: scope controls, the worker run with progress and
// Cancel, the banded per-code tree table, the per-document table and the report export.
#include "gui/agreement_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "gui/app.hpp"
#include "gui/team_window.hpp"

namespace npt::gui {
namespace fs = std::filesystem;
namespace {

ImU32 band_colour(AlphaBand band) {
    switch (band) {
    case AlphaBand::Reliable: return IM_COL32(196, 232, 196, 255);
    case AlphaBand::Tentative: return IM_COL32(252, 234, 184, 255);
    case AlphaBand::Unreliable: return IM_COL32(248, 205, 200, 255);
    case AlphaBand::Undefined: return 0;
    }
    return 0;
}

void legend() {
    for (AlphaBand b : {AlphaBand::Reliable, AlphaBand::Tentative, AlphaBand::Unreliable}) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(p, {p.x + h, p.y + h}, band_colour(b), 2);
        ImGui::Dummy({h, h});
        ImGui::SameLine();
        ImGui::TextUnformatted(band_name(b));
        ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    }
    ImGui::TextDisabled("(Krippendorff 2004, p. 241)");
}

const char* unit_label(agreement::Unit u) {
    switch (u) {
    case agreement::Unit::Character: return "Character (code point)";
    case agreement::Unit::Document: return "Document";
    case agreement::Unit::Segment: return "Segment (overlap threshold)";
    }
    return "";
}

}  // namespace

AgreementView::AgreementView() = default;
AgreementView::~AgreementView() = default;

std::string AgreementView::progress_label() const {
    if (job_) return job_->control().label();
    if (export_job_) return export_job_->control().label();
    return {};
}

float AgreementView::progress() const { return job_ ? job_->control().fraction() : 0.0f; }

void AgreementView::run(App& app) {
    if (!app.has_project()) return;
    cancel();
    const fs::path path = app.project().path();
    job_ = std::make_unique<TeamJob<AgreementRun>>(
        [path, request = request_](JobControl& control) { return run_agreement(path, request, control); });
}

void AgreementView::cancel() { retired_.retire(std::move(job_)); }

void AgreementView::show_passages(App& app, std::size_t row, std::size_t column) {
    if (!result_ || !result_->confusion || !app.has_project()) return;
    retired_.retire(std::move(passages_job_));
    cell_ = {row, column};
    passages_.clear();
    const fs::path path = app.project().path();
    passages_job_ = std::make_unique<TeamJob<std::vector<agreement::ConfusionPassage>>>(
        [path, run = *result_, row, column](JobControl& control) {
            control.step(0, 1, "Finding the passages");
            return confusion_cell_passages(path, run, row, column);
        });
}

void AgreementView::adopt(AgreementRun run, App& app) {
    cell_.reset();
    passages_.clear();
    table_ = make_agreement_table(run.report, app.snapshot().codes, run.request.options.bootstrap > 0);
    result_ = std::move(run);
}

void AgreementView::poll(App& app) {
    retired_.poll();
    if (job_) {
        if (auto outcome = job_->take_result()) {
            job_.reset();
            if (outcome->result) adopt(std::move(*outcome->result), app);
            else if (!outcome->cancelled) app.show_error(outcome->error);
        }
    }
    if (passages_job_) {
        if (auto outcome = passages_job_->take_result()) {
            passages_job_.reset();
            if (outcome->result) passages_ = std::move(*outcome->result);
            else if (!outcome->cancelled) app.show_error(outcome->error);
        }
    }
    if (export_job_) {
        if (auto outcome = export_job_->take_result()) {
            export_job_.reset();
            if (outcome->result) last_export_ = *outcome->result;
            else if (!outcome->cancelled) app.show_error(outcome->error);
        }
    }
}

std::vector<int> AgreementView::visible_rows() const {
    return visible_code_rows(table_, sort_column_, sort_ascending_, closed_);
}

void AgreementView::set_folded(const std::string& code_path, bool folded) {
    if (folded) closed_.insert(code_path);
    else closed_.erase(code_path);
}

void AgreementView::export_to(App& app, const fs::path& file, ReportFormat format) {
    if (!result_ || export_job_ || !app.has_project()) return;
    const fs::path project = app.project().path();
    export_job_ = std::make_unique<TeamJob<fs::path>>([project, run = *result_, file, format](JobControl& control) {
        control.step(0, 1, "Writing " + file.filename().string());
        write_file_atomic(file, agreement_report_text(project, run, format));
        return file;
    });
}

void AgreementView::draw_scope(App& app) {
    const ProjectSnapshot& s = app.snapshot();
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted("Coders");
    ImGui::SameLine(em * 7);
    for (const Coder& c : s.coders) {
        auto& chosen = request_.coders;
        bool on = std::find(chosen.begin(), chosen.end(), c.name) != chosen.end();
        if (ImGui::Checkbox(c.name.c_str(), &on)) {
            std::vector<std::string> next;  // in the project's coder order
            for (const Coder& k : s.coders)
                if (k.name == c.name ? on : std::find(chosen.begin(), chosen.end(), k.name) != chosen.end())
                    next.push_back(k.name);
            chosen = std::move(next);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();

    ImGui::TextUnformatted("Unit");
    ImGui::SameLine(em * 7);
    ImGui::SetNextItemWidth(em * 14);
    if (ImGui::BeginCombo("##unit", unit_label(request_.options.unit))) {
        for (auto u : {agreement::Unit::Character, agreement::Unit::Document, agreement::Unit::Segment})
            if (ImGui::Selectable(unit_label(u), request_.options.unit == u)) request_.options.unit = u;
        ImGui::EndCombo();
    }
    if (request_.options.unit == agreement::Unit::Segment) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 10);
        float overlap = static_cast<float>(request_.options.overlap);
        if (ImGui::SliderFloat("overlap (IoU)", &overlap, 0.05f, 1.0f, "%.2f"))
            request_.options.overlap = std::clamp(static_cast<double>(overlap), 0.05, 1.0);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Two segments of a code agree when their intersection over union is at least this");
    }

    using Codes = AgreementRequest::Codes;
    ImGui::TextUnformatted("Codes");
    ImGui::SameLine(em * 7);
    int codes = static_cast<int>(request_.codes);
    ImGui::RadioButton("All", &codes, static_cast<int>(Codes::All));
    ImGui::SameLine();
    ImGui::RadioButton("One code", &codes, static_cast<int>(Codes::One));
    ImGui::SameLine();
    ImGui::RadioButton("A construct with its sub-codes", &codes, static_cast<int>(Codes::WithDescendants));
    request_.codes = static_cast<Codes>(codes);
    if (request_.codes != Codes::All) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 16);
        if (ImGui::BeginCombo("##code", request_.code.empty() ? "(choose a code)" : request_.code.c_str())) {
            for (const Code& c : s.codes)
                if (ImGui::Selectable(c.path.c_str(), request_.code == c.path)) request_.code = c.path;
            ImGui::EndCombo();
        }
    }

    using Docs = AgreementRequest::Documents;
    ImGui::TextUnformatted("Documents");
    ImGui::SameLine(em * 7);
    int docs = static_cast<int>(request_.documents);
    ImGui::RadioButton("All##docs", &docs, static_cast<int>(Docs::All));
    ImGui::SameLine();
    ImGui::RadioButton("A case's", &docs, static_cast<int>(Docs::Case));
    ImGui::SameLine();
    ImGui::RadioButton("Those every chosen coder coded", &docs, static_cast<int>(Docs::CodedByAll));
    request_.documents = static_cast<Docs>(docs);
    if (request_.documents == Docs::Case) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 12);
        if (ImGui::BeginCombo("##case", request_.case_name.empty() ? "(choose a case)" : request_.case_name.c_str())) {
            for (const CaseDetail& c : s.cases)
                if (ImGui::Selectable(c.info.name.c_str(), request_.case_name == c.info.name)) request_.case_name = c.info.name;
            ImGui::EndCombo();
        }
    }

    bool bootstrap = request_.options.bootstrap > 0;
    if (ImGui::Checkbox("Bootstrap interval for α", &bootstrap)) request_.options.bootstrap = bootstrap ? replicates_ : 0;
    if (bootstrap) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 6);
        if (ImGui::InputInt("replicates", &replicates_, 0)) {
            replicates_ = std::clamp(replicates_, 10, 1000000);
            request_.options.bootstrap = replicates_;
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 6);
        int seed = static_cast<int>(request_.options.seed);
        if (ImGui::InputInt("seed", &seed, 0)) request_.options.seed = static_cast<std::uint64_t>(std::max(0, seed));
    }

    const bool ready = request_.coders.size() >= 2 && (request_.codes == Codes::All || !request_.code.empty()) &&
                       (request_.documents != Docs::Case || !request_.case_name.empty());
    ImGui::BeginDisabled(!ready || job_ != nullptr);
    if (ImGui::Button("Run", {em * 6, 0})) run(app);
    ImGui::EndDisabled();
    if (!ready && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Choose at least two coders (and the code or case asked for)");
    if (job_) {
        ImGui::SameLine();
        ImGui::ProgressBar(progress(), {em * 12, 0}, progress_label().c_str());
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) cancel();
    }
}

void AgreementView::draw_code_table(App& app) {
    (void)app;
    const int n = static_cast<int>(table_.columns.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##agreement_codes", n, flags, {0, ImGui::GetContentRegionAvail().y})) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortAscending);
    for (const AgreementColumn& c : table_.columns) ImGui::TableSetupColumn(c.header.c_str(), ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < n; ++i) {
        ImGui::TableSetColumnIndex(i);
        ImGui::TableHeader(ImGui::TableGetColumnName(i));
        if (i > 0 && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", table_.columns[static_cast<std::size_t>(i - 1)].tooltip.c_str());
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            const ImGuiTableColumnSortSpecs& c = specs->Specs[0];
            sort_column_ = c.ColumnIndex == 0 ? -1 : c.ColumnIndex - 1;
            sort_ascending_ = c.SortDirection == ImGuiSortDirection_Ascending;
        }
        specs->SpecsDirty = false;
    }
    const float indent = ImGui::GetFontSize();
    auto cells = [&](const AgreementTableRow& row) {
        if (row.band != AlphaBand::Undefined) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, band_colour(row.band));
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
            ImGui::TextUnformatted(row.cells[c].c_str());
        }
    };
    for (int index : visible_rows()) {
        const AgreementTableRow& row = table_.codes[static_cast<std::size_t>(index)];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(index);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent * static_cast<float>(row.depth));
        ImGuiTreeNodeFlags tf = ImGuiTreeNodeFlags_NoTreePushOnOpen | ImGuiTreeNodeFlags_SpanFullWidth;
        if (!row.has_children) tf |= ImGuiTreeNodeFlags_Leaf;
        const bool was_open = !closed_.count(row.path);
        ImGui::SetNextItemOpen(was_open);
        const bool open = ImGui::TreeNodeEx(row.label.c_str(), tf);
        if (row.has_children && open != was_open) set_folded(row.path, !open);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s%s\n%s", row.path.c_str(), row.heading ? "\n(no codings of this code itself in scope)" : "",
                              band_name(row.band));
        ImGui::PopID();
        cells(row);
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted("Overall (every code pooled)");
    cells(table_.overall);
    ImGui::EndTable();
}

void AgreementView::draw_document_table() {
    const int n = static_cast<int>(table_.columns.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##agreement_documents", n, flags, {0, ImGui::GetContentRegionAvail().y})) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Document");
    for (const AgreementColumn& c : table_.columns) ImGui::TableSetupColumn(c.header.c_str());
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(table_.documents.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const AgreementTableRow& row = table_.documents[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            if (row.band != AlphaBand::Undefined) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, band_colour(row.band));
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(row.label.c_str());
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
                ImGui::TextUnformatted(row.cells[c].c_str());
            }
        }
    ImGui::EndTable();
}

void AgreementView::draw_confusion(App& app) {
    const agreement::ConfusionMatrix& m = *result_->confusion;
    const float em = ImGui::GetFontSize();
    ImGui::TextWrapped("Code points %s coded with the row's code where %s coded the column's (%lld code points in %zu "
                       "document(s)). The diagonal is agreement; a large cell off it is two codes the coders confuse. "
                       "Click a cell for its passages.",
                       m.coder_a.c_str(), m.coder_b.c_str(), static_cast<long long>(m.code_points), m.documents);
    const std::size_t n = m.codes.size() + 1;
    auto label = [&](std::size_t i) { return i == m.not_coded() ? std::string("(not coded)") : m.codes[i]; };
    std::int64_t largest_off = 1;
    for (std::size_t x = 0; x < m.codes.size(); ++x)
        for (std::size_t y = 0; y < m.codes.size(); ++y)
            if (x != y) largest_off = std::max(largest_off, m.cells[x][y]);
    const float table_h = std::min(ImGui::GetContentRegionAvail().y * 0.6f, em * 1.7f * static_cast<float>(n + 2));
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (n + 1 <= 64 && ImGui::BeginTable("##confusion", static_cast<int>(n + 1), flags, {0, table_h})) {
        ImGui::TableSetupScrollFreeze(1, 1);
        const std::string corner = m.coder_a + " \\ " + m.coder_b;
        ImGui::TableSetupColumn(corner.c_str());
        for (std::size_t y = 0; y < n; ++y) ImGui::TableSetupColumn(label(y).c_str());
        ImGui::TableHeadersRow();
        for (std::size_t x = 0; x < n; ++x) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(label(x).c_str());
            for (std::size_t y = 0; y < n; ++y) {
                ImGui::TableSetColumnIndex(static_cast<int>(y) + 1);
                const std::int64_t v = m.cells[x][y];
                if (x == y && x != m.not_coded() && v > 0)
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, band_colour(AlphaBand::Reliable));
                else if (x != y && x != m.not_coded() && y != m.not_coded() && v > 0) {
                    const float t = 0.25f + 0.75f * static_cast<float>(v) / static_cast<float>(largest_off);
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(240, 120, 100, static_cast<int>(t * 150)));
                }
                ImGui::PushID(static_cast<int>(x * n + y));
                const std::string text = std::to_string(v);
                const bool selected = cell_ && cell_->first == x && cell_->second == y;
                if (ImGui::Selectable(text.c_str(), selected) && v > 0) show_passages(app, x, y);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s: %s\n%s: %s\n%lld code points", m.coder_a.c_str(), label(x).c_str(),
                                      m.coder_b.c_str(), label(y).c_str(), static_cast<long long>(v));
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Confusion CSV...")) {
        export_format_ = ReportFormat::ConfusionCsv;
        browser_.open("Export the construct confusion table", FileBrowser::Mode::Save, {{"CSV (.csv)", {".csv"}}, {"All files", {}}},
                      app.settings(), app.project().path().parent_path(), app.project().path().stem().string() + "-confusion.csv");
    }
    ImGui::SameLine();
    if (ImGui::Button("Confusion JSON...")) {
        export_format_ = ReportFormat::ConfusionJson;
        browser_.open("Export the construct confusion table", FileBrowser::Mode::Save, {{"JSON (.json)", {".json"}}, {"All files", {}}},
                      app.settings(), app.project().path().parent_path(), app.project().path().stem().string() + "-confusion.json");
    }
    if (!cell_) return;
    ImGui::Text("%s: %s, %s: %s — %zu passage(s)%s", m.coder_a.c_str(), label(cell_->first).c_str(), m.coder_b.c_str(),
                label(cell_->second).c_str(), passages_.size(), passages_job_ ? " (reading...)" : "");
    if (ImGui::BeginTable("##passages", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                          {0, ImGui::GetContentRegionAvail().y})) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Document", ImGuiTableColumnFlags_WidthFixed, em * 10);
        ImGui::TableSetupColumn("Span", ImGuiTableColumnFlags_WidthFixed, em * 6);
        ImGui::TableSetupColumn("Speaker", ImGuiTableColumnFlags_WidthFixed, em * 6);
        ImGui::TableSetupColumn("Text", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(passages_.size()));
        std::optional<std::size_t> clicked;
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const agreement::ConfusionPassage& p = passages_[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::PushID(i);
                if (ImGui::Selectable(p.document.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
                    clicked = static_cast<std::size_t>(i);
                ImGui::PopID();
                ImGui::TableSetColumnIndex(1);
                ImGui::Text("%lld-%lld", static_cast<long long>(p.start), static_cast<long long>(p.end));
                ImGui::TableSetColumnIndex(2);
                ImGui::TextUnformatted(p.speaker.c_str());
                ImGui::TableSetColumnIndex(3);
                ImGui::TextUnformatted(p.text.c_str());
            }
        ImGui::EndTable();
        if (clicked) {
            const agreement::ConfusionPassage& p = passages_[*clicked];
            try {
                app.jump_to(p.document_id, {p.start, p.end});
            } catch (const Error& e) {
                app.show_error(e.what());
            }
        }
    }
}

void AgreementView::draw_results(App& app) {
    if (!result_) {
        ImGui::TextDisabled("Choose coders and press Run.");
        return;
    }
    const AgreementRun& r = *result_;
    std::string who;
    for (const std::string& c : r.report.coders) who += (who.empty() ? "" : ", ") + c;
    ImGui::Text("%s at the %s level%s, %zu document(s), %zu code(s)", who.c_str(), agreement::to_string(r.report.unit),
                r.report.unit == agreement::Unit::Segment ? (" (overlap >= " + format_statistic(r.report.overlap) + ")").c_str() : "",
                r.documents_in_scope, r.report.codes.size());
    ImGui::SameLine();
    const float em = ImGui::GetFontSize();
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + em, ImGui::GetWindowContentRegionMax().x - em * 17));
    ImGui::BeginDisabled(export_job_ != nullptr);
    const fs::path folder = app.project().path().parent_path();
    const std::string stem = app.project().path().stem().string() + "-agreement";
    auto export_button = [&](const char* label, ReportFormat format, const char* filter) {
        if (ImGui::Button(label)) {
            export_format_ = format;
            browser_.open(std::string("Export the agreement report (") + filter + ")", FileBrowser::Mode::Save,
                          {{filter, {extension(format)}}, {"All files", {}}}, app.settings(), folder, stem + extension(format));
        }
        ImGui::SameLine();
    };
    export_button("HTML...", ReportFormat::Html, "HTML (.html)");
    export_button("CSV...", ReportFormat::Csv, "CSV (.csv)");
    export_button("JSON...", ReportFormat::Json, "JSON (.json)");
    ImGui::EndDisabled();
    ImGui::NewLine();
    if (last_export_) ImGui::TextDisabled("Wrote %s", last_export_->string().c_str());
    legend();
    if (ImGui::BeginTabBar("##agreement_tabs")) {
        if (ImGui::BeginTabItem("Per code")) {
            draw_code_table(app);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Per document")) {
            draw_document_table();
            ImGui::EndTabItem();
        }
        const ImGuiTabItemFlags confusion_flags = confusion_tab_wanted_ ? ImGuiTabItemFlags_SetSelected : 0;
        if (r.confusion) confusion_tab_wanted_ = false;
        if (r.confusion && ImGui::BeginTabItem("Construct confusion", nullptr, confusion_flags)) {
            draw_confusion(app);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

void AgreementView::draw(App& app) {
    if (auto chosen = browser_.draw(app.settings()); chosen && !chosen->empty()) {
        fs::path file = chosen->front();
        if (file.extension() != extension(export_format_)) file += extension(export_format_);
        app.save_settings();
        export_to(app, file, export_format_);
    }
    if (!visible_) return;
    {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.04f, vp->WorkPos.y + vp->WorkSize.y * 0.07f}, ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize({vp->WorkSize.x * 0.92f, vp->WorkSize.y * 0.86f}, ImGuiCond_FirstUseEver);
    }
    if (!begin_team_window("Agreement###team_agreement", &visible_)) {
        ImGui::End();
        return;
    }
    if (!app.has_project()) {
        ImGui::TextDisabled("Open a project first.");
        ImGui::End();
        return;
    }
    if (ImGui::CollapsingHeader("Scope", ImGuiTreeNodeFlags_DefaultOpen)) draw_scope(app);
    ImGui::Separator();
    draw_results(app);
    ImGui::End();
}

}  // namespace npt::gui
