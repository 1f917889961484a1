// matrix_table.cpp — the framework matrix window's table: lines with group headers, the frozen
// header row and case column, rows clipped with ImGuiListClipper (all lines have one height, so
// only the visible ones are drawn), and each cell's summary with its quote count.
#include "gui/matrix_table.hpp"

#include <imgui.h>

#include <algorithm>

#include "gui/app.hpp"
#include "gui/matrix_view.hpp"

namespace npt::gui {

std::vector<MatrixLine> matrix_lines(const FrameworkMatrix& matrix) {
    std::vector<MatrixLine> lines;
    lines.reserve(matrix.rows.size() + 8);
    const bool grouped = !matrix.info.group_by.empty();
    std::vector<std::string> current;
    std::size_t header = 0;
    for (std::size_t r = 0; r < matrix.rows.size(); ++r) {
        std::vector<std::string> group = matrix.group_of(matrix.rows[r]);
        if (grouped && (r == 0 || group != current)) {
            if (r > 0) lines[header].label += " (" + std::to_string(lines.size() - header - 1) + ")";
            std::string label;
            for (std::size_t i = 0; i < group.size(); ++i) {
                if (!label.empty()) label += ", ";
                label += matrix.info.group_by[i] + ": " + (group[i].empty() ? "(not set)" : group[i]);
            }
            header = lines.size();
            lines.push_back({-1, label});
            current = std::move(group);
        }
        lines.push_back({static_cast<int>(r), {}});
    }
    if (grouped && !lines.empty()) lines[header].label += " (" + std::to_string(lines.size() - header - 1) + ")";
    return lines;
}

int stale_links(const MatrixCell& cell) {
    return static_cast<int>(std::count_if(cell.links.begin(), cell.links.end(),
                                          [](const MatrixLink& l) { return l.status != LinkStatus::Current; }));
}

std::string quote_count_label(const MatrixCell& cell) {
    const std::size_t n = cell.links.size();
    if (n == 0) return "no quotes";
    std::string label = std::to_string(n) + (n == 1 ? " quote" : " quotes");
    if (int stale = stale_links(cell)) label += ", " + std::to_string(stale) + " stale";
    return label;
}

int matrix_column_pages(std::size_t columns) {
    return std::max(1, static_cast<int>((columns + kMatrixPageColumns - 1) / kMatrixPageColumns));
}

namespace {
constexpr ImU32 kHeaderBg = IM_COL32(222, 230, 242, 255);
const ImVec4 kStale{0.78f, 0.36f, 0.0f, 1.0f};  // amber, legible on the row colours
}  // namespace

void MatrixView::draw_table(App& app, float height) {
    cell_centres_.clear();
    rows_drawn_ = 0;
    const FrameworkMatrix& m = *matrix_;
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    const float cell_height = line * 3 + ImGui::GetStyle().ItemSpacing.y;  // two lines of summary, one of counts
    const int first = page_ * kMatrixPageColumns;
    const int shown = std::clamp(static_cast<int>(m.columns.size()) - first, 0, kMatrixPageColumns);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInner | ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("##matrix", shown + 1, flags, {0, height})) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Case", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoHide, em * 9);
    for (int c = first; c < first + shown; ++c) {
        const MatrixColumn& col = m.columns[static_cast<std::size_t>(c)];
        ImGui::TableSetupColumn((col.name + "##" + std::to_string(c)).c_str(), ImGuiTableColumnFlags_WidthFixed, em * 15);
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c <= shown; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        if (c > 0 && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", m.columns[static_cast<std::size_t>(first + c - 1)].path.c_str());
    }

    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const MatrixLine& l = lines_[static_cast<std::size_t>(i)];
            ImGui::TableNextRow(ImGuiTableRowFlags_None, cell_height);
            ++rows_drawn_;
            ImGui::PushID(i);
            if (l.row < 0) {  // a group header
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, kHeaderBg);
                ImGui::TableSetColumnIndex(0);
                const ImVec2 p = ImGui::GetCursorScreenPos();
                ImGui::Dummy({1, cell_height});
                // The label runs on across the code columns (they hold nothing on this line).
                draw->PushClipRect({p.x, p.y}, {p.x + em * 60, p.y + cell_height}, false);
                draw->AddText(font, ImGui::GetFontSize(), {p.x, p.y + line}, text, l.label.c_str());
                draw->PopClipRect();
                ImGui::PopID();
                continue;
            }
            const MatrixRow& row = m.rows[static_cast<std::size_t>(l.row)];
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(row.info.name.c_str());
            if (ImGui::IsItemHovered() && !row.info.description.empty())
                ImGui::SetTooltip("%s", row.info.description.c_str());
            for (int c = first; c < first + shown; ++c) {
                if (!ImGui::TableSetColumnIndex(c - first + 1)) continue;
                const MatrixCell& cell = row.cells[static_cast<std::size_t>(c)];
                const MatrixCellKey key{row.info.id, m.columns[static_cast<std::size_t>(c)].code_id};
                ImGui::PushID(c);
                const bool is_selected = selected_ && *selected_ == key;
                if (ImGui::Selectable("##cell", is_selected, ImGuiSelectableFlags_None, {0, cell_height}))
                    select_cell(app, key);
                const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
                cell_centres_[key] = {(a.x + b.x) / 2, (a.y + b.y) / 2};
                const float width = b.x - a.x;
                const ImVec4 clip{a.x, a.y, b.x, a.y + line * 2};  // two whole lines
                // The summary; a cell with none shows its first quote, dimmed.
                const std::string& shown_text = !cell.summary.empty() ? cell.summary
                                                : cell.links.empty()   ? cell.summary
                                                                       : cell.links.front().quote;
                if (!shown_text.empty())
                    draw->AddText(font, ImGui::GetFontSize(), a, cell.summary.empty() ? dim : text, shown_text.c_str(),
                                  shown_text.c_str() + shown_text.size(), width, &clip);
                const std::string counts = quote_count_label(cell) + (cell.edited ? " · edited" : "");
                const ImU32 colour = stale_links(cell) ? ImGui::GetColorU32(kStale) : dim;
                draw->PushClipRect(a, b, true);
                draw->AddText({a.x, b.y - line}, colour, counts.c_str());
                draw->PopClipRect();
                if (ImGui::IsItemHovered() && !cell.summary.empty()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(em * 30);
                    ImGui::TextUnformatted(cell.summary.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                ImGui::PopID();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace npt::gui
