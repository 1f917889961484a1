// segments_panel.cpp — the Segments panel.
#include "gui/segments_panel.hpp"

#include <imgui.h>

#include <set>

#include "core/error.hpp"
#include "gui/app.hpp"

namespace npt::gui {
namespace {

// A combo over `options` with "All" first; returns true when the choice changed.
bool filter_combo(const char* label, std::string& value, const std::vector<std::string>& options, const char* all) {
    bool changed = false;
    if (ImGui::BeginCombo(label, value.empty() ? all : value.c_str())) {
        if (ImGui::Selectable(all, value.empty())) value.clear(), changed = true;
        for (const std::string& o : options)
            if (ImGui::Selectable(o.c_str(), value == o)) value = o, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

void SegmentsPanel::reload(App& app) {
    loaded_revision_ = app.revision();
    loaded_code_ = app.selected_code();
    dirty_ = false;
    segments_.clear();
    problem_.clear();
    const Code* code = app.snapshot().code(app.selected_code());
    if (!code || !app.has_project()) return;
    RetrievalFilter filter;
    filter.segments.codes = {code->path};
    filter.segments.include_descendants = descendants_;
    if (!coder_.empty()) filter.segments.coders = {coder_};
    if (!case_.empty()) filter.segments.cases = {case_};
    if (!attribute_.empty() && !value_.empty()) filter.where = {{attribute_, value_}};
    try {
        segments_ = retrieve_segments(app.project(), filter);
    } catch (const Error& e) {
        problem_ = e.what();
    }
}

void SegmentsPanel::draw(App& app) {
    const ProjectSnapshot& s = app.snapshot();
    if (loaded_revision_ != app.revision() || loaded_code_ != app.selected_code() || dirty_) reload(app);
    const Code* code = s.code(app.selected_code());
    if (!code) {
        ImGui::TextDisabled("Select a code in the codebook to retrieve its segments.");
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextWrapped("%s", code->path.c_str());
    ImGui::PopFont();
    if (ImGui::Checkbox("Include sub-codes", &descendants_)) dirty_ = true;
    std::vector<std::string> coders, cases, attributes, values;
    for (const Coder& c : s.coders) coders.push_back(c.name);
    for (const CaseDetail& c : s.cases) cases.push_back(c.info.name);
    for (const Attribute& a : s.attributes) attributes.push_back(a.name);
    std::set<std::string> seen;
    for (const CaseDetail& c : s.cases)
        if (auto v = c.values.find(attribute_); v != c.values.end() && !v->second.empty() && seen.insert(v->second).second)
            values.push_back(v->second);
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::SetNextItemWidth(w);
    dirty_ |= filter_combo("##coder", coder_, coders, "All coders");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    dirty_ |= filter_combo("##case", case_, cases, "All cases");
    ImGui::SetNextItemWidth(w);
    if (filter_combo("##attr", attribute_, attributes, "Any attribute")) value_.clear(), dirty_ = true;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (!attribute_.empty()) dirty_ |= filter_combo("##value", value_, values, "Any value");
    if (dirty_) reload(app);

    if (!problem_.empty()) ImGui::TextColored({0.7f, 0.1f, 0.1f, 1}, "%s", problem_.c_str());
    ImGui::TextDisabled("%zu segment(s)", segments_.size());
    ImGui::BeginChild("##segment_list", {0, 0}, false);
    constexpr std::size_t kShown = 500;
    for (std::size_t i = 0; i < segments_.size() && i < kShown; ++i) {
        const RetrievedSegment& r = segments_[i];
        const CodedSegment& seg = r.segment;
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 start = ImGui::GetCursorPos();
        const ImVec2 screen = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        std::string text = seg.text.size() > 700 ? seg.text.substr(0, 700) + " ..." : seg.text;
        std::string head = seg.document + "  ·  " + (r.speaker.empty() ? "" : r.speaker + "  ·  ") + seg.coder;
        if (seg.code != code->path) head += "  ·  " + seg.code;
        const float wrap = width - em * 1.0f;
        const float h = ImGui::CalcTextSize(head.c_str(), nullptr, false, wrap).y + ImGui::GetStyle().ItemSpacing.y +
                        ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y +
                        (seg.memo.empty() ? 0 : ImGui::CalcTextSize(("Memo: " + seg.memo).c_str(), nullptr, false, wrap).y) +
                        em * 0.8f;
        const bool current = app.current_document() == seg.coding.document_id &&
                             app.transcript().selection() == Span{seg.coding.start, seg.coding.end};
        if (ImGui::Selectable("##segment", current, ImGuiSelectableFlags_AllowItemOverlap, {width, h}))
            app.act([&] { app.jump_to(seg.coding.document_id, {seg.coding.start, seg.coding.end}); });
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to show it in the transcript (%lld-%lld)",
                                                      static_cast<long long>(seg.coding.start), static_cast<long long>(seg.coding.end));
        const Code* sc = s.code(seg.coding.code_id);
        ImGui::GetWindowDrawList()->AddRectFilled({screen.x, screen.y + 2}, {screen.x + em * 0.25f, screen.y + h - 2},
                                                  parse_colour(sc ? sc->colour : ""), 2.0f);
        ImGui::SetCursorPos({start.x + em * 0.6f, start.y + em * 0.2f});
        ImGui::PushTextWrapPos(start.x + width - em * 0.4f);
        ImGui::TextDisabled("%s", head.c_str());
        ImGui::SetCursorPosX(start.x + em * 0.6f);
        ImGui::TextUnformatted(text.c_str());
        if (!seg.memo.empty()) {
            ImGui::SetCursorPosX(start.x + em * 0.6f);
            ImGui::TextColored({0.45f, 0.3f, 0.05f, 1}, "Memo: %s", seg.memo.c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::SetCursorPos({start.x, start.y + h + ImGui::GetStyle().ItemSpacing.y});
        ImGui::PopID();
    }
    if (segments_.size() > kShown) ImGui::TextDisabled("... %zu more (narrow the filter)", segments_.size() - kShown);
    ImGui::EndChild();
}

}  // namespace npt::gui
