// transcript_view.hpp — the centre of the workbench: a custom ImDrawList widget that shows one
// transcript wrapped with ICU line breaking, speaker names and times at turn starts, coloured
// highlights for codings (per code and coder, each toggleable), coding stripes in a right margin
// (with a memo mark beside each coding that has a memo; clicking it opens the memo),
// a selection made with mouse or keyboard, and find-in-document hits. It changes nothing itself:
// what the researcher asks for (code, uncode, memo...) is queued as TranscriptRequests that the
// App carries out through the core. Offsets are code points, end-exclusive.
#pragma once
#include <imgui.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "gui/fonts.hpp"
#include "gui/transcript_document.hpp"
#include "gui/transcript_layout.hpp"

namespace npt::gui {

// Where the memo marks start in the right margin, past the text column (× the font scale). A
// click from there rightwards goes to the margin, not the text.
constexpr float kMemoMarkLeft = 5.0f;

struct TranscriptRequest {
    enum class Kind { ApplyCode, RemoveCode, InVivoCode, MemoOnCoding, MemoOnDocument, Hotkey };
    Kind kind = Kind::ApplyCode;
    CodeId code;        // ApplyCode, RemoveCode
    CodingId coding;    // MemoOnCoding
    DocumentId document;  // MemoOnDocument
    int key = 0;        // 1..9 (Hotkey)
    Span span;          // the selection when asked
};

// What the view needs from the rest of the workbench for one frame.
struct TranscriptContext {
    const Fonts* fonts = nullptr;
    const std::vector<Code>* codes = nullptr;  // for the "Code with" menu, in tree order
    std::string coder;                         // the active coder (uncode acts on their codings)
    bool snap_to_words = true;
};

class TranscriptView {
public:
    void set_document(std::shared_ptr<TranscriptDocument> doc);  // nullptr: nothing open
    const std::shared_ptr<TranscriptDocument>& document() const { return doc_; }

    // Draws the view filling the current window's remaining space. Call inside an ImGui window.
    void draw(const TranscriptContext& context);

    // Selection: anchor and caret, in either order.
    Span selection() const;
    void select(Span span, bool scroll_into_view = true);
    std::int64_t caret() const { return caret_; }

    // Find in document (Ctrl+F): opens the find bar with keyboard focus.
    void open_find();
    void set_find_query(const std::string& query);  // runs the search now
    const std::vector<Span>& find_hits() const { return hits_; }
    // Selects the next (or previous) hit after the caret and scrolls to it. False if no hits.
    bool find_next(bool backwards = false);

    // Per-coder and per-code highlight toggles.
    std::set<CodeId> hidden_codes;
    std::set<CoderId> hidden_coders;

    // Screen position of the caret before `cp` after the last draw (for tests and tooltips).
    ImVec2 screen_position(std::int64_t cp);
    float line_height() const { return layout_.line_height(); }
    TranscriptLayout& layout() { return layout_; }

    std::vector<TranscriptRequest> take_requests();

    // A coding's memo mark in the margin (screen rectangle, last draw): clicking it opens its memos.
    struct MemoMark {
        CodingId coding_id;
        ImVec2 min, max;
    };
    const std::vector<MemoMark>& memo_marks() const { return memo_marks_; }

private:
    void draw_toolbar(const TranscriptContext& context);
    void draw_find_bar();
    void draw_context_menu(const TranscriptContext& context);
    void paint(ImDrawList* dl, const TranscriptContext& context, ImVec2 origin, float y0, float y1);
    void paint_stripes(ImDrawList* dl, const TranscriptContext& context, ImVec2 origin, float y0, float y1);
    void handle_mouse(const TranscriptContext& context, ImVec2 origin);
    void handle_keyboard();
    // Queues a request; the caller fills in the id its kind needs.
    TranscriptRequest& request(TranscriptRequest::Kind kind, Span span, int key = 0);
    void update_lanes(const TranscriptContext& context);
    int lane_of(CodeId code_id) const;  // -1 when the code has no codings here
    bool visible(const CodingMark& mark) const;

    std::shared_ptr<TranscriptDocument> doc_;
    TranscriptLayout layout_;
    std::int64_t anchor_ = 0;
    std::int64_t caret_ = 0;
    enum class Drag { None, Characters, Words, Paragraphs } drag_ = Drag::None;
    Span drag_origin_;                 // the word or paragraph a multi-click drag started on
    std::optional<std::int64_t> scroll_to_;  // code point to bring into view next frame
    std::vector<CodingMark> under_menu_;  // copies of the codings under the context menu position

    bool focus_text_ = false;          // give the text keyboard focus in the next draw
    bool find_open_ = false;
    bool find_focus_ = false;
    char find_buffer_[256] = {};
    std::vector<Span> hits_;

    ImVec2 origin_{0, 0};              // screen position of the text column's top-left, last draw
    float gutter_ = 0;
    float text_width_ = 0;
    std::vector<TranscriptRequest> requests_;
    std::vector<std::pair<CodeId, int>> lanes_;   // code id -> lane in the stripe margin, by code id
    std::uint64_t lanes_revision_ = ~0ull;
    const TranscriptDocument* lanes_doc_ = nullptr;
    float margin_ = 0;                 // stripe margin width
    std::optional<ImVec2> margin_click_;  // a click in the stripe margin, for paint_stripes
    std::vector<MemoMark> memo_marks_;
    std::vector<std::size_t> scratch_;
    std::vector<std::pair<float, float>> range_scratch_;
};

}  // namespace npt::gui
