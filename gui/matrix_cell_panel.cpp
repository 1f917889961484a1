// matrix_cell_panel.cpp — the selected cell of the framework matrix window: its summary edited in
// place (Save or Ctrl+Enter: one undoable step), its linked quotes (click to open the transcript
// there, Unlink), and the case's coded segments for the column's code and the codes below it
// (click to open, Link).
#include <imgui.h>

#include <algorithm>
#include <set>

#include "exporters/matrix_export.hpp"
#include "gui/app.hpp"
#include "gui/matrix_view.hpp"

namespace npt::gui {
namespace {

const ImVec4 kStale{0.78f, 0.36f, 0.0f, 1.0f};

// A passage as one short line: at most `limit` bytes, cut at a character boundary, no line breaks.
std::string one_line(const std::string& text, std::size_t limit = 160) {
    std::string out;
    for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (out.size() <= limit) return out;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    return out.substr(0, cut) + "...";
}

}  // namespace

void MatrixView::draw_cell_panel(App& app) {
    const MatrixRow* row = selected_row();
    const int column = selected_column();
    const MatrixCell* cell = selected_cell();
    if (!row || column < 0 || !cell) return;
    const MatrixColumn& col = matrix_->columns[static_cast<std::size_t>(column)];
    const float em = ImGui::GetFontSize();
    ImGui::BeginChild("##cell_panel", {0, 0}, true);
    ImGui::Text("%s  /  %s", row->info.name.c_str(), col.path.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled(cell->edited ? "(edited: draft leaves it alone)" : "(not edited: draft may refill it)");

    const float left = ImGui::GetContentRegionAvail().x * 0.45f;
    ImGui::BeginChild("##summary_side", {left, 0}, false);
    ImGui::TextUnformatted("Summary");
    const bool ctrl_enter = ImGui::GetIO().KeyCtrl && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
    const float field = std::max(em * 4, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 1.5f);
    input_text_wrapped("##summary", &summary_text_, {-1, field}, summary_field_);
    remember("Summary");
    const bool was_active = summary_active_;
    summary_active_ = ImGui::IsItemActive();
    bool save = was_active && ctrl_enter && summary_unsaved();
    ImGui::BeginDisabled(!summary_unsaved());
    save |= ImGui::Button("Save");
    remember("Save");
    ImGui::SameLine();
    if (ImGui::Button("Revert")) {
        summary_text_ = summary_base_;
        summary_field_ = {};
    }
    remember("Revert");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(cell->empty() && !cell->edited);
    if (ImGui::Button("Reset cell")) reset_selected(app);
    remember("Reset cell");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Empty the cell and hand it back to draft");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled(summary_unsaved() ? "unsaved (Ctrl+Enter saves)" : "");
    if (save) save_summary(app);
    ImGui::EndChild();

    ImGui::SameLine();
    ImGui::BeginChild("##quotes_side", {0, 0}, false);
    // Copies: Link and Unlink replace the matrix this frame.
    const std::vector<MatrixLink> links = cell->links;
    const std::vector<RetrievedSegment> segments = segments_;
    std::set<CodingId> linked;
    for (const MatrixLink& l : links)
        if (l.coding_id) linked.insert(*l.coding_id);

    ImGui::Text("Linked quotes (%zu)", links.size());
    if (links.empty()) ImGui::TextDisabled("None: link a coded segment below, or draft the matrix.");
    for (std::size_t i = 0; i < links.size(); ++i) {
        const MatrixLink& l = links[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("Unlink")) unlink(app, l.id);
        remember("Unlink " + std::to_string(i));
        ImGui::SameLine();
        const std::string label = one_line(matrix_quote_line(l));
        if (l.status != LinkStatus::Current) ImGui::PushStyleColor(ImGuiCol_Text, kStale);
        const bool can_jump = !l.document.empty();
        if (ImGui::Selectable(label.c_str(), false, can_jump ? 0 : ImGuiSelectableFlags_Disabled)) jump_to_link(app, l);
        remember("Quote " + std::to_string(i));
        if (l.status != LinkStatus::Current) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(em * 32);
            ImGui::TextUnformatted(l.quote.c_str());
            ImGui::TextDisabled("%s%s", link_reference(l).c_str(),
                                l.status == LinkStatus::Deleted   ? "; coding deleted since linked"
                                : l.status == LinkStatus::Changed ? "; coding changed since linked"
                                                                  : "");
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }

    ImGui::Spacing();
    ImGui::Text("%s's coded segments for %s and the codes below it (%zu)", row->info.name.c_str(), col.name.c_str(), segments.size());
    if (segments.empty()) ImGui::TextDisabled("None: the case's documents have no codings of this column's codes.");
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const RetrievedSegment& s = segments[i];
        const Coding& c = s.segment.coding;
        ImGui::PushID(static_cast<int>(i) + 100000);
        const bool is_linked = linked.count(c.id) != 0;
        ImGui::BeginDisabled(is_linked);
        if (ImGui::SmallButton(is_linked ? "Linked" : "Link")) link(app, c.id);
        remember("Link " + std::to_string(i));
        ImGui::EndDisabled();
        ImGui::SameLine();
        const std::string label = one_line("\xE2\x80\x9C" + s.segment.text + "\xE2\x80\x9D (" + s.segment.document + " " +
                                           std::to_string(c.start) + "-" + std::to_string(c.end) + ", " + s.segment.code + ", " +
                                           s.segment.coder + ")");
        if (ImGui::Selectable(label.c_str())) app.jump_to(c.document_id, {c.start, c.end});
        remember("Segment " + std::to_string(i));
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(em * 32);
            ImGui::TextUnformatted(s.segment.text.c_str());
            if (!s.speaker.empty()) ImGui::TextDisabled("%s", s.speaker.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace npt::gui
