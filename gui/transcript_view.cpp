// transcript_view.cpp — the transcript view's frame: toolbar, find bar, the scrolling text area,
// the context menu, and the selection and find API.
#include "gui/transcript_view.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/text/text_search.hpp"

namespace npt::gui {

void TranscriptView::set_document(std::shared_ptr<TranscriptDocument> doc) {
    // The layout and lane caches know their document by address; a new document may be allocated
    // where the old one was freed, so forget both rather than reuse another text's lines.
    layout_.clear();
    lanes_doc_ = nullptr;
    doc_ = std::move(doc);
    anchor_ = caret_ = 0;
    drag_ = Drag::None;
    hits_.clear();
    scroll_to_ = 0;
    focus_text_ = doc_ != nullptr;  // keys go to the new text at once (Shift+arrows, 1-9)
    if (doc_ && find_buffer_[0]) set_find_query(find_buffer_);
}

Span TranscriptView::selection() const { return {std::min(anchor_, caret_), std::max(anchor_, caret_)}; }

void TranscriptView::select(Span span, bool scroll_into_view) {
    const std::int64_t n = doc_ ? doc_->length() : 0;
    anchor_ = std::clamp<std::int64_t>(span.start, 0, n);
    caret_ = std::clamp<std::int64_t>(span.end, 0, n);
    if (scroll_into_view) scroll_to_ = anchor_;
}

std::vector<TranscriptRequest> TranscriptView::take_requests() { return std::exchange(requests_, {}); }

TranscriptRequest& TranscriptView::request(TranscriptRequest::Kind kind, Span span, int key) {
    TranscriptRequest r;
    r.kind = kind;
    r.key = key;
    r.span = span;
    return requests_.emplace_back(r);
}

bool TranscriptView::visible(const CodingMark& mark) const {
    return !hidden_codes.count(mark.code_id) && !hidden_coders.count(mark.coder_id);
}

void TranscriptView::open_find() {
    find_open_ = true;
    find_focus_ = true;
}

void TranscriptView::set_find_query(const std::string& query) {
    std::strncpy(find_buffer_, query.c_str(), sizeof find_buffer_ - 1);
    find_buffer_[sizeof find_buffer_ - 1] = '\0';
    hits_ = doc_ ? text::find_all(doc_->text(), find_buffer_) : std::vector<Span>{};
}

bool TranscriptView::find_next(bool backwards) {
    if (hits_.empty()) return false;
    const Span sel = selection();
    std::size_t pick = 0;
    if (!backwards) {
        auto it = std::find_if(hits_.begin(), hits_.end(), [&](const Span& h) {
            return sel.empty() ? h.start >= sel.start : h.start > sel.start;
        });
        pick = it == hits_.end() ? 0 : static_cast<std::size_t>(it - hits_.begin());
    } else {
        auto it = std::find_if(hits_.rbegin(), hits_.rend(), [&](const Span& h) { return h.start < sel.start; });
        pick = it == hits_.rend() ? hits_.size() - 1 : static_cast<std::size_t>(hits_.rend() - it) - 1;
    }
    select(hits_[pick]);
    return true;
}

ImVec2 TranscriptView::screen_position(std::int64_t cp) {
    const ImVec2 p = layout_.position_of(cp);
    return {origin_.x + p.x, origin_.y + p.y};
}

void TranscriptView::update_lanes(const TranscriptContext& context) {
    if (lanes_doc_ == doc_.get() && lanes_revision_ == doc_->revision()) return;
    lanes_doc_ = doc_.get();
    lanes_revision_ = doc_->revision();
    std::vector<CodeId> used;
    for (const CodingMark& m : doc_->codings()) used.push_back(m.code_id);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    lanes_.clear();
    int lane = 0;
    if (context.codes)
        for (const Code& c : *context.codes)
            if (std::binary_search(used.begin(), used.end(), c.id)) lanes_.push_back({c.id, lane++});
    std::sort(lanes_.begin(), lanes_.end());
}

int TranscriptView::lane_of(CodeId code_id) const {
    auto it = std::lower_bound(lanes_.begin(), lanes_.end(), std::pair<CodeId, int>{code_id, -1});
    return it != lanes_.end() && it->first == code_id ? it->second : -1;
}

void TranscriptView::draw_toolbar(const TranscriptContext& context) {
    ImGui::PushFont(context.fonts->bold);
    ImGui::TextUnformatted(doc_->info().name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%lld characters, %zu codings", static_cast<long long>(doc_->length()), doc_->codings().size());
    const float after_text = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
    const float buttons = ImGui::CalcTextSize("HighlightsFind").x + ImGui::GetStyle().FramePadding.x * 4 +
                          ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(std::max(after_text, ImGui::GetWindowContentRegionMax().x - buttons));
    if (ImGui::SmallButton("Highlights")) ImGui::OpenPopup("##highlights");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show or hide the codings of each coder and code");
    ImGui::SameLine();
    if (ImGui::SmallButton("Find")) open_find();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Find in document (Ctrl+F)");
    if (ImGui::BeginPopup("##highlights")) {
        ImGui::TextDisabled("Coders");
        std::vector<std::pair<CoderId, std::string>> coders;
        for (const CodingMark& m : doc_->codings())
            if (std::find_if(coders.begin(), coders.end(), [&](auto& c) { return c.first == m.coder_id; }) == coders.end())
                coders.push_back({m.coder_id, m.coder});
        for (const auto& [id, name] : coders) {
            bool shown = !hidden_coders.count(id);
            if (ImGui::Checkbox(name.c_str(), &shown)) shown ? (void)hidden_coders.erase(id) : (void)hidden_coders.insert(id);
        }
        ImGui::Separator();
        ImGui::TextDisabled("Codes");
        if (context.codes)
            for (const Code& c : *context.codes) {
                if (lane_of(c.id) < 0) continue;  // no codings of this code here
                bool shown = !hidden_codes.count(c.id);
                ImGui::PushID(static_cast<int>(c.id.value));
                if (ImGui::Checkbox(c.path.c_str(), &shown)) shown ? (void)hidden_codes.erase(c.id) : (void)hidden_codes.insert(c.id);
                ImGui::PopID();
            }
        ImGui::EndPopup();
    }
}

void TranscriptView::draw_find_bar() {
    if (find_focus_) {
        ImGui::SetKeyboardFocusHere();
        find_focus_ = false;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    const bool enter = ImGui::InputTextWithHint("##find", "Find in document", find_buffer_, sizeof find_buffer_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited()) set_find_query(find_buffer_);
    if (enter) {
        find_next(ImGui::GetIO().KeyShift);
        find_focus_ = true;
    }
    const bool escape = ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    ImGui::SameLine();
    const Span sel = selection();
    auto current = std::find(hits_.begin(), hits_.end(), sel);
    if (hits_.empty())
        ImGui::TextDisabled(find_buffer_[0] ? "no matches" : "");
    else if (current != hits_.end())
        ImGui::Text("%zu of %zu", static_cast<std::size_t>(current - hits_.begin()) + 1, hits_.size());
    else
        ImGui::Text("%zu matches", hits_.size());
    ImGui::SameLine();
    if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) find_next(true);
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Down)) find_next(false);
    ImGui::SameLine();
    if (ImGui::SmallButton("Close") || escape) {
        find_open_ = false;
        hits_.clear();
        find_buffer_[0] = '\0';
    }
}

void TranscriptView::draw(const TranscriptContext& context) {
    if (!doc_) {
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const char* hint = "Open a document from the Documents panel to start coding.";
        const ImVec2 size = ImGui::CalcTextSize(hint);
        ImGui::SetCursorPos({ImGui::GetCursorPosX() + std::max(0.0f, (avail.x - size.x) / 2),
                             ImGui::GetCursorPosY() + avail.y / 3});
        ImGui::TextDisabled("%s", hint);
        return;
    }
    update_lanes(context);
    draw_toolbar(context);
    if (find_open_) draw_find_bar();

    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(255, 255, 255, 255));
    // No keyboard navigation inside the text: its arrows move the caret (Tab and Ctrl+Tab still
    // leave it).
    ImGui::BeginChild("##transcript_text", ImVec2(0, 0), true, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNavInputs);
    ImGui::PopStyleColor();
    if (focus_text_ && !find_focus_ && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) {
        ImGui::SetWindowFocus();  // not while a dialog is up: it keeps the keys until it closes
        focus_text_ = false;
    }
    const float scale = context.fonts->size / 16.0f;
    const float width = ImGui::GetContentRegionAvail().x;
    gutter_ = doc_->turns().empty() ? 6.0f * scale : 104.0f * scale;
    // The stripe margin is reserved from the start (room for kReservedLanes codes' stripes and
    // their labels), so coding a first passage does not reflow the text.
    constexpr std::size_t kReservedLanes = 6;
    margin_ = std::min(static_cast<float>(std::max(lanes_.size(), kReservedLanes)) * 6.0f * scale + 100.0f * scale,
                       std::max(40.0f * scale, width * 0.22f));
    text_width_ = std::max(80.0f, width - gutter_ - margin_ - 8.0f * scale);
    layout_.reset(doc_.get(), *context.fonts, text_width_);

    float scroll_y = ImGui::GetScrollY();
    const float view_h = ImGui::GetWindowHeight();
    if (const float shift = layout_.ensure_visible(scroll_y, scroll_y + view_h); shift != 0) {
        scroll_y += shift;
        ImGui::SetScrollY(scroll_y);
        layout_.ensure_visible(scroll_y, scroll_y + view_h);
    }
    if (scroll_to_) {
        const ImVec2 p = layout_.position_of(*scroll_to_);
        if (p.y < scroll_y || p.y + layout_.line_height() > scroll_y + view_h * 0.9f) {
            scroll_y = std::max(0.0f, p.y - view_h * 0.3f);
            ImGui::SetScrollY(scroll_y);
            layout_.ensure_visible(scroll_y, scroll_y + view_h);
        }
        scroll_to_.reset();
    }

    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const float total = layout_.total_height();
    origin_ = {cursor.x + gutter_, cursor.y};
    ImGui::InvisibleButton("##text", ImVec2(width, std::max(total + layout_.line_height(), view_h - 20)),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    handle_mouse(context, origin_);
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload("NPT_CODE")) {
            CodeId code_id;
            std::memcpy(&code_id.value, payload->Data, sizeof code_id.value);
            if (!selection().empty()) request(TranscriptRequest::Kind::ApplyCode, selection()).code = code_id;
        }
        ImGui::EndDragDropTarget();
    }
    if (ImGui::IsWindowFocused()) handle_keyboard();

    const float y0 = ImGui::GetScrollY(), y1 = y0 + view_h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    paint(dl, context, origin_, y0, y1);
    paint_stripes(dl, context, origin_, y0, y1);
    draw_context_menu(context);
    ImGui::EndChild();
}

void TranscriptView::draw_context_menu(const TranscriptContext& context) {
    if (!ImGui::BeginPopup("##transcript_menu")) return;
    const Span sel = selection();
    if (sel.empty())
        ImGui::TextDisabled("No text selected");
    else
        ImGui::TextDisabled("Selection %lld-%lld (%lld characters)", static_cast<long long>(sel.start),
                            static_cast<long long>(sel.end), static_cast<long long>(sel.length()));
    ImGui::Separator();
    if (ImGui::BeginMenu("Code with", !sel.empty() && context.codes && !context.codes->empty())) {
        for (const Code& c : *context.codes) {
            const auto depth = static_cast<float>(std::count(c.path.begin(), c.path.end(), '/'));
            ImGui::PushID(static_cast<int>(c.id.value));
            ImGui::ColorButton("##swatch", ImGui::ColorConvertU32ToFloat4(parse_colour(c.colour)),
                               ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFontSize() * 0.7f, ImGui::GetFontSize() * 0.7f));
            ImGui::SameLine(0, 4 + depth * ImGui::GetFontSize());
            if (ImGui::MenuItem(c.name.c_str())) request(TranscriptRequest::Kind::ApplyCode, sel).code = c.id;
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
    // Codings of the active coder under the selection (or under the click when nothing is selected).
    std::vector<const CodingMark*> mine;
    for (const CodingMark& m : under_menu_)
        if (m.coder == context.coder) mine.push_back(&m);
    if (ImGui::BeginMenu("Uncode", !mine.empty())) {
        for (const CodingMark* m : mine) {
            ImGui::PushID(static_cast<int>(m->coding_id.value));
            if (ImGui::MenuItem(m->code.c_str())) request(TranscriptRequest::Kind::RemoveCode, sel.empty() ? m->span : sel).code = m->code_id;
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("In-vivo code", nullptr, false, !sel.empty()))
        request(TranscriptRequest::Kind::InVivoCode, sel);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Make a code named after the selected words and apply it");
    ImGui::Separator();
    for (const CodingMark& m : under_menu_) {
        ImGui::PushID(static_cast<int>(m.coding_id.value));
        const std::string label = "Memo on coding: " + m.code + " (" + m.coder + ")";
        if (ImGui::MenuItem(label.c_str())) request(TranscriptRequest::Kind::MemoOnCoding, m.span).coding = m.coding_id;
        ImGui::PopID();
    }
    if (ImGui::MenuItem("Memo on document")) request(TranscriptRequest::Kind::MemoOnDocument, sel).document = doc_->info().id;
    ImGui::Separator();
    if (ImGui::MenuItem("Copy", "Ctrl+C", false, !sel.empty())) ImGui::SetClipboardText(std::string(doc_->slice(sel)).c_str());
    ImGui::EndPopup();
}

}  // namespace npt::gui
