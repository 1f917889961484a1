// disagreements_view.cpp — the disagreement list (worker read, filters, clipped table), the
// transcript jump, and the decisions and rule pass through the core's reconcile.
#include "gui/disagreements_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <tuple>
#include <utility>

#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/store/project.hpp"
#include "exporters/decision_log.hpp"
#include "gui/app.hpp"
#include "gui/team_window.hpp"

namespace npt::gui {
namespace fs = std::filesystem;
namespace {

constexpr const char* kRules[] = {"union", "intersection", "majority", "A", "B"};
constexpr const char* kRuleWords[] = {
    "union: the consensus has a code wherever either coder has it",
    "intersection: only where both coders have it",
    "majority: where more than half of the compared coders have it",
    "A: the first coder's codings",
    "B: the second coder's codings",
};

// At most `n` bytes of UTF-8 text, cut before a character's continuation bytes, on one line.
std::string snippet(const std::string& text, std::size_t n) {
    std::string out = text.size() <= n ? text : text.substr(0, n);
    while (out.size() < text.size() && !out.empty() && (static_cast<unsigned char>(text[out.size()]) & 0xC0) == 0x80)
        out.pop_back();
    if (out.size() < text.size()) out += "…";
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

DisagreementsView::DisagreementsView() = default;
DisagreementsView::~DisagreementsView() = default;

void DisagreementsView::set_coders(const std::string& a, const std::string& b) {
    coder_a_ = a;
    coder_b_ = b;
}

void DisagreementsView::load(App& app) {
    if (!app.has_project() || coder_a_.empty() || coder_b_.empty()) return;
    retired_.retire(std::move(job_));
    reload_wanted_ = false;
    loaded_revision_ = app.revision();
    const fs::path path = app.project().path();
    job_ = std::make_unique<TeamJob<DisagreementList>>([path, a = coder_a_, b = coder_b_, into = consensus_](JobControl& control) {
        control.step(0, 3, "Opening the project");
        Project p = Project::open(path);
        DisagreementList list;
        list.coder_a = a;
        list.coder_b = b;
        list.consensus = into;
        control.step(1, 3, "Finding disagreements");
        list.items = agreement::find_disagreements(p, {{a, b}, {}, {}});
        control.step(2, 3, "Reading decisions");
        list.decisions = agreement::decisions_by_disagreement(p, {{a, b}, into});
        std::set<std::string> codes;
        std::set<std::string> seen;
        for (const auto& d : list.items) {
            codes.insert(d.code);
            if (seen.insert(d.document).second) list.documents.push_back(d.document);
        }
        list.codes.assign(codes.begin(), codes.end());
        return list;
    });
}

void DisagreementsView::poll(App& app) {
    retired_.poll();
    if (export_job_) {
        if (auto outcome = export_job_->take_result()) {
            export_job_.reset();
            if (outcome->result) last_export_ = *outcome->result;
            else if (!outcome->cancelled) app.show_error(outcome->error);
        }
    }
    if (job_) {
        if (auto outcome = job_->take_result()) {
            job_.reset();
            if (outcome->result) {
                list_ = std::move(*outcome->result);
                decided_ids_.clear();
                refilter();
                if (select_when_loaded_) select(app, *std::exchange(select_when_loaded_, std::nullopt));
            } else if (!outcome->cancelled) {
                app.show_error(outcome->error);
            }
        }
    }
    // Re-read when the project changed since the list was read (a decision, an undo, the CLI).
    if (list_ && app.revision() != loaded_revision_) reload_wanted_ = true;
    if (reload_wanted_ && !job_) load(app);
}

void DisagreementsView::set_filter(const std::string& code, const std::string& document) {
    code_filter_ = code;
    document_filter_ = document;
    refilter();
}

void DisagreementsView::refilter() {
    shown_.clear();
    selected_.reset();
    if (!list_) return;
    for (std::size_t i = 0; i < list_->items.size(); ++i) {
        const auto& d = list_->items[i];
        if (!code_filter_.empty() && d.code != code_filter_) continue;
        if (!document_filter_.empty() && d.document != document_filter_) continue;
        if (d.id == selected_id_) selected_ = shown_.size();
        shown_.push_back(i);
    }
}

bool DisagreementsView::decided(const agreement::Disagreement& d) const {
    return (list_ && list_->decisions.count(d.id)) || decided_ids_.count(d.id);
}

std::size_t DisagreementsView::decided_count() const {
    if (!list_) return 0;
    return static_cast<std::size_t>(
        std::count_if(shown_.begin(), shown_.end(), [&](std::size_t i) { return decided(list_->items[i]); }));
}

void DisagreementsView::select(App& app, std::size_t row) {
    if (!list_ || row >= shown_.size()) return;
    selected_ = row;
    const agreement::Disagreement& d = list_->items[shown_[row]];
    selected_id_ = d.id;
    // Only the two coders' (and the consensus coder's) highlights and stripes.
    app.transcript().hidden_coders.clear();
    for (const Coder& c : app.snapshot().coders)
        if (c.name != list_->coder_a && c.name != list_->coder_b && c.name != consensus_)
            app.transcript().hidden_coders.insert(c.id);
    try {  // not app.act: opening a document changes nothing, so nothing needs re-reading
        app.jump_to(d.document_id, {d.start, d.end});
    } catch (const Error& e) {
        app.show_error(e.what());
    }
}

const agreement::ReconcileDecision* DisagreementsView::selected_decision() const {
    if (!list_ || !selected_ || *selected_ >= shown_.size()) return nullptr;
    auto it = list_->decisions.find(list_->items[shown_[*selected_]].id);
    return it == list_->decisions.end() ? nullptr : &it->second;
}

bool DisagreementsView::decide(App& app, Decision decision, const std::string& note, Span span) {
    if (!list_ || !selected_ || *selected_ >= shown_.size()) return false;
    const std::string id = list_->items[shown_[*selected_]].id;
    const agreement::ReconcileTarget target{{list_->coder_a, list_->coder_b}, consensus_};
    const bool ok = app.act([&] {
        Project& p = app.project();
        switch (decision) {
        case Decision::AcceptA: agreement::accept_a(p, target, id, note); break;
        case Decision::AcceptB: agreement::accept_b(p, target, id, note); break;
        case Decision::AcceptBoth: agreement::accept_both(p, target, id, note); break;
        case Decision::RejectBoth: agreement::reject_both(p, target, id, note); break;
        case Decision::Span: agreement::set_consensus_span(p, target, id, span, note); break;
        }
    });
    if (ok) {
        decided_ids_.insert(id);
        note_[0] = '\0';
    }
    return ok;
}

void DisagreementsView::export_log(App& app, const fs::path& file, LogFormat format) {
    if (!app.has_project() || export_job_) return;
    const fs::path path = app.project().path();
    export_job_ = std::make_unique<TeamJob<fs::path>>([path, file, format, into = consensus_](JobControl& control) {
        control.step(0, 1, "Writing " + file.filename().string());
        Project p = Project::open(path);
        const auto decisions = agreement::list_reconcile_decisions(p, into);
        const exporters::DecisionLogOptions options{p.name()};
        std::string text;
        switch (format) {
        case LogFormat::Csv: text = exporters::decision_log_csv(decisions); break;
        case LogFormat::Html: text = exporters::decision_log_html(decisions, options); break;
        case LogFormat::Markdown: text = exporters::decision_log_markdown(decisions, options); break;
        case LogFormat::Json:
            text = exporters::decision_log_json(decisions).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
            break;
        }
        write_file_atomic(file, text);
        return file;
    });
}

bool DisagreementsView::apply_rule(App& app, const std::string& rule) {
    if (coder_a_.empty() || coder_b_.empty()) return false;
    agreement::ReconcileRequest request;
    request.coders = {coder_a_, coder_b_};
    request.into = consensus_;
    request.rule = rule;
    return app.act([&] { agreement::reconcile(app.project(), request); });
}

void DisagreementsView::draw_list(App& app) {
    rows_drawn_ = 0;
    if (!list_) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    const float em = ImGui::GetFontSize();
    if (!ImGui::BeginTable("##disagreements", 8, flags, {0, ImGui::GetContentRegionAvail().y - em * 7.5f})) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Document");
    ImGui::TableSetupColumn("Code");
    ImGui::TableSetupColumn("Span");
    ImGui::TableSetupColumn(list_->coder_a.c_str());
    ImGui::TableSetupColumn(list_->coder_b.c_str());
    ImGui::TableSetupColumn("Speaker");
    ImGui::TableSetupColumn("Decided");
    ImGui::TableSetupColumn("Text", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown_.size()));
    std::optional<std::size_t> clicked;
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const agreement::Disagreement& d = list_->items[shown_[static_cast<std::size_t>(r)]];
            ++rows_drawn_;
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(r);
            const bool is_selected = selected_ && *selected_ == static_cast<std::size_t>(r);
            if (ImGui::Selectable(d.document.c_str(), is_selected, ImGuiSelectableFlags_SpanAllColumns))
                clicked = static_cast<std::size_t>(r);
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(d.code.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::Text("%lld-%lld", static_cast<long long>(d.start), static_cast<long long>(d.end));
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(has(d.coders_with, list_->coder_a) ? "coded" : "—");
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(has(d.coders_with, list_->coder_b) ? "coded" : "—");
            ImGui::TableSetColumnIndex(5);
            ImGui::TextUnformatted(d.speaker.c_str());
            ImGui::TableSetColumnIndex(6);
            ImGui::TextUnformatted(decided(d) ? "yes" : "");
            ImGui::TableSetColumnIndex(7);
            const std::string s = snippet(d.text, 160);
            ImGui::TextUnformatted(s.c_str());
        }
    }
    ImGui::EndTable();
    if (clicked) select(app, *clicked);
}

void DisagreementsView::draw_decision(App& app) {
    const float em = ImGui::GetFontSize();
    if (!list_ || !selected_ || *selected_ >= shown_.size()) {
        ImGui::TextDisabled("Select a disagreement to open it in the transcript and decide it.");
    } else {
        const agreement::Disagreement& d = list_->items[shown_[*selected_]];
        const std::string s = snippet(d.text, 300);
        ImGui::TextWrapped("%s, %s, %lld-%lld: \"%s\"", d.document.c_str(), d.code.c_str(), static_cast<long long>(d.start),
                           static_cast<long long>(d.end), s.c_str());
        ImGui::SetNextItemWidth(em * 30);
        ImGui::InputTextWithHint("##note", "note (optional, kept with the decision)", note_, sizeof note_);
        const std::string note = note_;
        const std::string a = "Accept " + list_->coder_a, b = "Accept " + list_->coder_b;
        if (ImGui::Button(a.c_str())) decide(app, Decision::AcceptA, note);
        ImGui::SameLine();
        if (ImGui::Button(b.c_str())) decide(app, Decision::AcceptB, note);
        ImGui::SameLine();
        if (ImGui::Button("Accept both")) decide(app, Decision::AcceptBoth, note);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s gets the code on this span", consensus_.c_str());
        ImGui::SameLine();
        if (ImGui::Button("Reject both")) decide(app, Decision::RejectBoth, note);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s does not get the code on this span", consensus_.c_str());
        ImGui::SameLine();
        const Span sel = app.transcript().selection();
        const bool here = app.current_document() == d.document_id && !sel.empty();
        ImGui::BeginDisabled(!here);
        if (ImGui::Button("Use the selection as the span")) decide(app, Decision::Span, note, sel);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("Drag in the transcript to the span %s should have, then press this", consensus_.c_str());
        if (const agreement::ReconcileDecision* last = selected_decision())
            ImGui::TextDisabled("Decided: %s (%s, %s)", exporters::describe_decision(*last).c_str(), last->decided_by.c_str(),
                                last->time.c_str());
    }
    ImGui::TextUnformatted("First pass by rule:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 9);
    ImGui::Combo("##rule", &rule_, kRules, IM_ARRAYSIZE(kRules));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kRuleWords[rule_]);
    ImGui::SameLine();
    const std::string apply = "Apply into " + consensus_;
    if (ImGui::Button(apply.c_str())) apply_rule(app, kRules[rule_]);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Creates %s's codings by the rule (one undoable step); then walk the list", consensus_.c_str());
    ImGui::SameLine(0, em * 2);
    ImGui::TextUnformatted("Decision log:");
    const fs::path folder = app.project().path().parent_path();
    const std::string stem = app.project().path().stem().string() + "-decisions";
    ImGui::BeginDisabled(export_job_ != nullptr);
    for (auto [label, format, ext] : {std::tuple{"CSV...", LogFormat::Csv, ".csv"}, std::tuple{"HTML...", LogFormat::Html, ".html"},
                                      std::tuple{"Markdown...", LogFormat::Markdown, ".md"}}) {
        ImGui::SameLine();
        if (ImGui::Button(label)) {
            log_format_ = format;
            browser_.open("Export the decision log", FileBrowser::Mode::Save, {{std::string(ext), {ext}}, {"All files", {}}},
                          app.settings(), folder, stem + ext);
        }
    }
    ImGui::EndDisabled();
    if (last_export_) ImGui::TextDisabled("Wrote %s", last_export_->string().c_str());
}

void DisagreementsView::draw(App& app) {
    if (auto chosen = browser_.draw(app.settings()); chosen && !chosen->empty()) {
        app.save_settings();
        export_log(app, chosen->front(), log_format_);
    }
    if (!visible_) return;
    const float em = ImGui::GetFontSize();
    {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.02f, vp->WorkPos.y + vp->WorkSize.y * 0.47f}, ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize({vp->WorkSize.x * 0.96f, vp->WorkSize.y * 0.5f}, ImGuiCond_FirstUseEver);
    }
    if (!begin_team_window("Disagreements and reconciliation###team_disagreements", &visible_)) {
        ImGui::End();
        return;
    }
    if (!app.has_project()) {
        ImGui::TextDisabled("Open a project first.");
        ImGui::End();
        return;
    }
    const ProjectSnapshot& s = app.snapshot();
    auto coder_combo = [&](const char* id, std::string& value) {
        ImGui::SetNextItemWidth(em * 9);
        if (ImGui::BeginCombo(id, value.empty() ? "(coder)" : value.c_str())) {
            for (const Coder& c : s.coders)
                if (ImGui::Selectable(c.name.c_str(), value == c.name)) value = c.name;
            ImGui::EndCombo();
        }
    };
    ImGui::TextUnformatted("Coder A");
    ImGui::SameLine();
    coder_combo("##a", coder_a_);
    ImGui::SameLine();
    ImGui::TextUnformatted("Coder B");
    ImGui::SameLine();
    coder_combo("##b", coder_b_);
    ImGui::SameLine();
    ImGui::TextUnformatted("Consensus coder");
    ImGui::SameLine();
    char consensus[128];
    std::snprintf(consensus, sizeof consensus, "%s", consensus_.c_str());
    ImGui::SetNextItemWidth(em * 9);
    if (ImGui::InputText("##consensus", consensus, sizeof consensus)) consensus_ = consensus;
    ImGui::SameLine();
    ImGui::BeginDisabled(coder_a_.empty() || coder_b_.empty() || coder_a_ == coder_b_);
    if (ImGui::Button(list_ ? "Re-read" : "Find disagreements")) load(app);
    ImGui::EndDisabled();
    if (job_) {
        ImGui::SameLine();
        ImGui::ProgressBar(job_->control().fraction(), {em * 10, 0}, job_->control().label().c_str());
    }
    if (list_) {
        auto filter_combo = [&](const char* id, const char* all, const std::vector<std::string>& values, std::string& value) {
            ImGui::SetNextItemWidth(em * 14);
            if (ImGui::BeginCombo(id, value.empty() ? all : value.c_str())) {
                if (ImGui::Selectable(all, value.empty())) value.clear(), refilter();
                for (const std::string& v : values)
                    if (ImGui::Selectable(v.c_str(), value == v)) value = v, refilter();
                ImGui::EndCombo();
            }
        };
        filter_combo("##code_filter", "Every code", list_->codes, code_filter_);
        ImGui::SameLine();
        filter_combo("##document_filter", "Every document", list_->documents, document_filter_);
        ImGui::SameLine();
        ImGui::Text("%zu of %zu decided (%s and %s; decisions of %s)", decided_count(), shown_.size(), list_->coder_a.c_str(),
                    list_->coder_b.c_str(), consensus_.c_str());
    }
    draw_list(app);
    draw_decision(app);
    ImGui::End();
}

}  // namespace npt::gui
