// query_view.cpp — the query window: the form, the passages found, coding them, co-occurrence.
#include "gui/query_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/model/coders.hpp"
#include "gui/app.hpp"
#include "gui/team_window.hpp"

namespace npt::gui {
namespace {

constexpr const char* kTitle = "Query and autocode";

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string upper(std::string s) {  // ASCII: the query's operator words are ASCII
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Where the code path being typed at the end of a query starts: after the last "(" or
// operator word (AND, OR, NOT, NEAR n, NEAR/n, SAME TURN), leading spaces skipped.
std::size_t last_path_start(const std::string& query) {
    std::size_t start = 0;
    const std::string up = upper(query);
    auto after_word = [&](const std::string& word) {
        for (std::size_t at = up.find(word); at != std::string::npos; at = up.find(word, at + 1)) {
            const bool left = at == 0 || up[at - 1] == ' ' || up[at - 1] == '(';
            std::size_t end = at + word.size();
            if (word == "NEAR") {  // NEAR n or NEAR/n
                if (end < up.size() && up[end] == '/') ++end;
                while (end < up.size() && up[end] == ' ') ++end;
                while (end < up.size() && std::isdigit(static_cast<unsigned char>(up[end]))) ++end;
            }
            const bool right = end == up.size() || up[end] == ' ';
            if (left && right && end > start) start = end;
        }
    };
    for (const char* w : {"AND", "OR", "NOT", "NEAR", "SAME TURN", "SAMETURN"}) after_word(w);
    if (std::size_t paren = query.find_last_of("()"); paren != std::string::npos && paren + 1 > start) start = paren + 1;
    while (start < query.size() && (query[start] == ' ' || query[start] == '"')) ++start;
    return start;
}

bool needs_quotes(const std::string& path) {
    const std::string up = " " + upper(path) + " ";
    for (const char* w : {" AND ", " OR ", " NOT ", " NEAR", " SAME TURN ", " SAMETURN "})
        if (up.find(w) != std::string::npos) return true;
    return path.find_first_of("()\"") != std::string::npos;
}

std::string one_line(std::string s, std::size_t limit) {
    for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
    if (s.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
        s = s.substr(0, cut) + "…";
    }
    return s;
}

}  // namespace

std::vector<std::string> QueryView::completions(const std::vector<Code>& codes, const std::string& query, std::size_t limit) {
    const std::string typed = lower(query.substr(last_path_start(query)));
    std::vector<std::string> out;
    if (typed.empty()) return out;
    // Paths that start with what was typed first, then paths that contain it.
    for (int pass = 0; pass < 2 && out.size() < limit; ++pass)
        for (const Code& c : codes) {
            const std::string path = lower(c.path);
            const std::size_t at = path.find(typed);
            if (at == std::string::npos || (pass == 0) != (at == 0) || path == typed) continue;
            out.push_back(c.path);
            if (out.size() == limit) break;
        }
    return out;
}

std::string QueryView::complete(const std::string& query, const std::string& path) {
    std::size_t start = last_path_start(query);
    if (start > 0 && query[start - 1] == '"') --start;  // replace an opened quote too
    return query.substr(0, start) + (needs_quotes(path) ? "\"" + path + "\"" : path);
}

std::optional<ImVec2> QueryView::button_centre(const std::string& label) const {
    auto it = buttons_.find(label);
    if (!visible_ || it == buttons_.end()) return std::nullopt;
    return it->second;
}

void QueryView::note_button(const std::string& label) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    buttons_[label] = {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

const Code* QueryView::chosen_code(App& app) const {
    const CodeId id = code_.value ? code_ : app.selected_code();
    return id.value ? app.snapshot().code(id) : nullptr;
}

void QueryView::keep(std::size_t passage, bool kept) {
    if (passage < kept_.size()) kept_[passage] = kept;
}

void QueryView::run(App& app) {
    error_.clear();
    status_.clear();
    plan_.reset();
    kept_.clear();
    if (!app.has_project()) return;
    request_.pattern = pattern_;
    const Code* code = chosen_code(app);
    CoderId coder;
    for (const Coder& c : app.snapshot().coders)
        if (c.name == app.coder()) coder = c.id;
    try {
        plan_ = plan_autocode(app.project(), request_, code ? code->id : CodeId{}, coder);
        kept_.assign(plan_->passages.size(), 1);
        planned_revision_ = app.revision();
    } catch (const Error& e) {
        error_ = e.what();
    }
}

bool QueryView::code_results(App& app) {
    if (!plan_ || !app.has_project()) return false;
    const Code* code = chosen_code(app);
    if (!code) {
        error_ = "choose the code to apply (in the window, or select one in the codebook)";
        return false;
    }
    std::vector<AutocodePassage> chosen;
    for (std::size_t i = 0; i < plan_->passages.size(); ++i)
        if (kept_[i] && !plan_->passages[i].covered) chosen.push_back(plan_->passages[i]);
    if (chosen.empty()) {
        status_ = "Nothing to code: every kept passage is already coded " + code->path + ".";
        return false;
    }
    const CodeId code_id = code->id;
    const std::string path = code->path, coder = app.coder(), description = plan_->description;
    AutocodeResult result;
    const bool ok = app.act([&] {
        Project& p = app.project();
        p.action(autocode_step_label(description, path, coder), [&] {
            result = apply_autocode(p, chosen, code_id, ensure_coder(p, coder).id, description);
        });
    });
    if (!ok) return false;
    run(app);  // what is covered now
    status_ = "Coded " + std::to_string(result.passages) + " passage(s) as " + path + " for " + coder + " (+" +
              std::to_string(result.code_points_added) + " characters). Edit > Undo takes it back in one step.";
    return true;
}

void QueryView::poll(App& app) {
    if (!app.has_project()) {
        plan_.reset();
        kept_.clear();
        cooccurrence_.reset();
        return;
    }
    // Another window, the CLI or an undo changed the project: the list must not show stale offsets.
    if (plan_ && planned_revision_ != app.revision()) {
        std::vector<char> kept = kept_;
        const std::size_t before = plan_->passages.size();
        run(app);
        if (plan_ && plan_->passages.size() == before) kept_ = kept;
        if (plan_) status_ = "The project changed (an undo, another window or the command line): the list was read again.";
    }
}

void QueryView::draw(App& app) {
    if (!visible_) return;
    ImGui::SetNextWindowSize({ImGui::GetFontSize() * 58, ImGui::GetFontSize() * 38}, ImGuiCond_FirstUseEver);
    if (!begin_team_window(kTitle, &visible_)) {
        ImGui::End();
        return;
    }
    if (!app.has_project()) {
        ImGui::TextDisabled("Open a project to query it.");
        ImGui::End();
        return;
    }
    draw_form(app);
    ImGui::Separator();
    draw_results(app);
    draw_cooccurrence(app);
    ImGui::End();
}

void QueryView::draw_form(App& app) {
    const float em = ImGui::GetFontSize();
    int source = static_cast<int>(request_.source);
    ImGui::RadioButton("Coding query", &source, static_cast<int>(AutocodeSource::Query));
    ImGui::SameLine();
    ImGui::RadioButton("Text search", &source, static_cast<int>(AutocodeSource::Search));
    ImGui::SameLine();
    ImGui::RadioButton("Speaker's turns", &source, static_cast<int>(AutocodeSource::Speaker));
    request_.source = static_cast<AutocodeSource>(source);

    const char* hint = request_.source == AutocodeSource::Query    ? "Coherence AND NOT \"Collective action\""
                       : request_.source == AutocodeSource::Search ? "waiting list"
                                                                   : "P07";
    ImGui::SetNextItemWidth(-em * 6);
    const bool entered = ImGui::InputTextWithHint("##pattern", hint, &pattern_, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool typing = ImGui::IsItemActive();
    ImGui::SameLine();
    if (ImGui::Button("Run", {em * 5, 0}) || entered) run(app);
    note_button("Run");

    // Completion of the code path being typed.
    if (request_.source == AutocodeSource::Query && (typing || ImGui::IsItemHovered())) {
        const std::vector<std::string> offers = completions(app.snapshot().codes, pattern_);
        if (!offers.empty()) {
            ImGui::TextDisabled("Complete:");
            for (const std::string& path : offers) {
                ImGui::SameLine();
                if (ImGui::SmallButton(path.c_str())) pattern_ = complete(pattern_, path);
            }
        }
    }
    if (request_.source == AutocodeSource::Query)
        ImGui::TextDisabled("Operators: AND, OR, NOT, NEAR n (words), SAME TURN, parentheses; quote a path with an operator word.");

    ImGui::SetNextItemWidth(em * 8);
    int extend = static_cast<int>(request_.extend);
    const char* extents[] = {"the hit", "its sentence", "its paragraph", "its speaker turn"};
    if (request_.source != AutocodeSource::Speaker &&
        ImGui::Combo("Passage", &extend, extents, IM_ARRAYSIZE(extents))) {
        request_.extend = static_cast<AutocodeExtent>(extend);
        if (plan_) run(app);
    }
    if (request_.source == AutocodeSource::Search) {
        ImGui::SameLine();
        bool substring = !request_.whole_words;
        if (ImGui::Checkbox("Inside words too", &substring)) {
            request_.whole_words = !substring;
            if (plan_) run(app);
        }
    }
}

void QueryView::draw_results(App& app) {
    const float em = ImGui::GetFontSize();
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1));
        ImGui::TextWrapped("%s", error_.c_str());
        ImGui::PopStyleColor();
    }
    if (!status_.empty()) ImGui::TextWrapped("%s", status_.c_str());
    if (!plan_) return;

    // The code to apply: chosen here, else the codebook's selection.
    const Code* code = chosen_code(app);
    ImGui::SetNextItemWidth(em * 18);
    if (ImGui::BeginCombo("##code", code ? code->path.c_str() : "(choose a code)")) {
        for (const Code& c : app.snapshot().codes) {
            ImGui::PushID(static_cast<int>(c.id.value));
            if (ImGui::Selectable(c.path.c_str(), code && c.id == code->id)) {
                code_ = c.id;
                run(app);  // "already coded" depends on the code
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    code = chosen_code(app);
    std::size_t to_code = 0, kept = 0;
    for (std::size_t i = 0; i < plan_->passages.size(); ++i) {
        kept += kept_[i] != 0;
        to_code += kept_[i] && !plan_->passages[i].covered;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(to_code == 0 || !code || app.read_only());
    const std::string label = "Code " + std::to_string(to_code) + " passage(s) for " + app.coder();
    if (ImGui::Button(label.c_str())) code_results(app);
    note_button("Code results");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("All")) std::fill(kept_.begin(), kept_.end(), 1);
    ImGui::SameLine();
    if (ImGui::SmallButton("None")) std::fill(kept_.begin(), kept_.end(), 0);
    ImGui::Text("%lld hit(s) in %zu passage(s), %zu kept", static_cast<long long>(plan_->hits), plan_->passages.size(), kept);

    const float list_height = std::max(em * 8, ImGui::GetContentRegionAvail().y - em * 9);
    if (ImGui::BeginTable("passages", 4,
                          ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                              ImGuiTableFlags_Resizable,
                          {0, list_height})) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Keep", ImGuiTableColumnFlags_WidthFixed, em * 2.5f);
        ImGui::TableSetupColumn("Document", ImGuiTableColumnFlags_WidthFixed, em * 9);
        ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthFixed, em * 6);
        ImGui::TableSetupColumn("Passage", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(plan_->passages.size()));
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const AutocodePassage& p = plan_->passages[static_cast<std::size_t>(row)];
                ImGui::PushID(row);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                bool keep_it = kept_[static_cast<std::size_t>(row)] != 0;
                if (ImGui::Checkbox("##keep", &keep_it)) kept_[static_cast<std::size_t>(row)] = keep_it;
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(p.document.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%lld-%lld", static_cast<long long>(p.span.start), static_cast<long long>(p.span.end));
                ImGui::TableNextColumn();
                const std::string shown = (p.covered ? "(already coded) " : "") + one_line(p.text, 300);
                if (p.covered) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                if (ImGui::Selectable(shown.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick))
                    app.jump_to(p.document_id, p.span);
                if (p.covered) ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
                    ImGui::TextUnformatted(p.text.c_str());
                    ImGui::TextDisabled("%d hit(s). Click to show it in the transcript.", p.hits);
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
}

void QueryView::draw_cooccurrence(App& app) {
    if (!ImGui::CollapsingHeader("Code co-occurrence")) return;
    if (!cooccurrence_ || cooccurrence_revision_ != app.revision()) {
        try {
            cooccurrence_ = code_cooccurrence(app.project());
        } catch (const Error& e) {
            cooccurrence_.reset();
            ImGui::TextWrapped("%s", e.what());
            return;
        }
        cooccurrence_revision_ = app.revision();
    }
    const CooccurrenceTable& t = *cooccurrence_;
    ImGui::TextDisabled("Segments of the row's code that overlap a segment of the column's code (as `nptcoder cooccurrence`).");
    const int n = static_cast<int>(t.codes.size());
    if (n == 0 || n > 62) {
        ImGui::TextDisabled(n == 0 ? "No codings yet." : "Too many codes for a table here: use `nptcoder cooccurrence --code ...`.");
        return;
    }
    const float em = ImGui::GetFontSize();
    if (ImGui::BeginTable("cooccurrence", n + 1,
                          ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg,
                          {0, em * 14})) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthFixed, em * 14);
        for (const std::string& c : t.codes) ImGui::TableSetupColumn(c.c_str(), ImGuiTableColumnFlags_WidthFixed, em * 5);
        ImGui::TableHeadersRow();
        for (int i = 0; i < n; ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t.codes[static_cast<std::size_t>(i)].c_str());
            for (int j = 0; j < n; ++j) {
                ImGui::TableNextColumn();
                const std::int64_t v = t.counts[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
                if (v) ImGui::Text("%lld", static_cast<long long>(v));
                else ImGui::TextDisabled("·");
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace npt::gui
