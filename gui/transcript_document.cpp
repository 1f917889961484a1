// transcript_document.cpp — loading a document and its codings for the transcript view.
#include "gui/transcript_document.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/memos.hpp"
#include "core/text/grapheme_breaks.hpp"
#include "core/text/text_breaks.hpp"

namespace npt::gui {

ImU32 parse_colour(const std::string& hex) {
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() != 7 || hex[0] != '#') return IM_COL32(128, 128, 128, 255);
    int v[6];
    for (int i = 0; i < 6; ++i)
        if ((v[i] = nibble(hex[static_cast<std::size_t>(i) + 1])) < 0) return IM_COL32(128, 128, 128, 255);
    return IM_COL32(v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5], 255);
}

ImU32 with_alpha(ImU32 colour, float alpha) {
    auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

TranscriptDocument::TranscriptDocument(Project& project, DocumentId document_id)
    : info_(document_info(project, document_id)), text_(document_text(project, document_id)) {
    index_ = std::make_unique<text::CodePointIndex>(text_);
    turns_ = speaker_turns(project, document_id);
    std::sort(turns_.begin(), turns_.end(), [](const SpeakerTurn& a, const SpeakerTurn& b) { return a.start < b.start; });
    std::int64_t cp = 0;
    std::size_t byte = 0;
    Paragraph current{0, 0, 0, 0};
    for (; byte < text_.size(); ++byte) {
        const auto c = static_cast<unsigned char>(text_[byte]);
        if (c == '\n') {
            current.end = cp;
            current.byte_end = byte;
            paragraphs_.push_back(current);
            current = Paragraph{cp + 1, cp + 1, byte + 1, byte + 1};
        }
        if ((c & 0xC0) != 0x80) ++cp;
    }
    current.end = cp;
    current.byte_end = byte;
    paragraphs_.push_back(current);
    reload_codings(project);
}

void TranscriptDocument::reload_codings(Project& project) {
    reload_codings(project, list_codes(project), list_coders(project));
}

void TranscriptDocument::reload_codings(Project& project, const std::vector<Code>& codes, const std::vector<Coder>& coders) {
    std::unordered_map<CodeId, ImU32> code_colours;
    std::unordered_map<CoderId, ImU32> coder_colours;
    std::unordered_map<CodeId, std::string> code_paths;
    std::unordered_map<CoderId, std::string> coder_names;
    for (const Code& c : codes) {
        code_colours[c.id] = parse_colour(c.colour);
        code_paths[c.id] = c.path;
    }
    for (const Coder& c : coders) {
        coder_colours[c.id] = parse_colour(c.colour);
        coder_names[c.id] = c.name;
    }
    codings_.clear();
    for (const Coding& c : codings_in_document(project, info_.id))
        codings_.push_back({c.id, c.code_id, c.coder_id, Span{c.start, c.end}, code_colours[c.code_id],
                            coder_colours[c.coder_id], code_paths[c.code_id], coder_names[c.coder_id], {}, 0});
    // Memos on codings: one query for the project's coding memos, matched to this document's.
    std::unordered_map<CodingId, CodingMark*> by_id;
    for (CodingMark& m : codings_) by_id[m.coding_id] = &m;
    for (const Memo& memo : list_memos(project, MemoTarget::Coding)) {
        if (!memo.target_id) continue;
        auto it = by_id.find(CodingId{memo.target_id->value});
        if (it == by_id.end()) continue;
        if (it->second->memos++ == 0)
            it->second->memo = !memo.title.empty() ? memo.title : memo.text.substr(0, memo.text.find('\n'));
    }
    // By start and end, then code path and coder name (the order retrieval lists segments in).
    std::stable_sort(codings_.begin(), codings_.end(), [](const CodingMark& a, const CodingMark& b) {
        return std::tie(a.span.start, a.span.end, a.code, a.coder) < std::tie(b.span.start, b.span.end, b.code, b.coder);
    });
    ++revision_;
    max_end_.resize(codings_.size());
    std::int64_t m = 0;
    for (std::size_t i = 0; i < codings_.size(); ++i) max_end_[i] = m = std::max(m, codings_[i].span.end);
}

void TranscriptDocument::codings_overlapping(Span span, std::vector<std::size_t>& out) const {
    out.clear();
    // First coding whose running max end passes span.start: nothing before it can overlap.
    auto lo = std::upper_bound(max_end_.begin(), max_end_.end(), span.start) - max_end_.begin();
    for (auto i = static_cast<std::size_t>(lo); i < codings_.size() && codings_[i].span.start < span.end; ++i)
        if (codings_[i].span.end > span.start) out.push_back(i);
}

std::size_t TranscriptDocument::paragraph_of(std::int64_t cp) const {
    auto it = std::upper_bound(paragraphs_.begin(), paragraphs_.end(), cp,
                               [](std::int64_t v, const Paragraph& p) { return v < p.start; });
    return it == paragraphs_.begin() ? 0 : static_cast<std::size_t>(it - paragraphs_.begin()) - 1;
}

Span TranscriptDocument::word_at(std::int64_t cp) const {
    const Paragraph& p = paragraphs_[paragraph_of(cp)];
    std::string_view para(text_.data() + p.byte_start, p.byte_end - p.byte_start);
    const Span w = text::word_or_cluster_at(para, cp - p.start);
    return {p.start + w.start, p.start + w.end};
}

std::int64_t TranscriptDocument::next_grapheme(std::int64_t cp) const {
    if (cp >= length()) return length();
    const Paragraph& p = paragraphs_[paragraph_of(cp)];
    if (cp >= p.end) return cp + 1;  // the newline
    std::string_view para(text_.data() + p.byte_start, p.byte_end - p.byte_start);
    return p.start + text::next_grapheme(para, cp - p.start);
}

std::int64_t TranscriptDocument::previous_grapheme(std::int64_t cp) const {
    if (cp <= 0) return 0;
    const Paragraph& p = paragraphs_[paragraph_of(cp)];
    if (cp <= p.start) return cp - 1;  // back over the newline
    std::string_view para(text_.data() + p.byte_start, p.byte_end - p.byte_start);
    return p.start + text::previous_grapheme(para, cp - p.start);
}

std::string_view TranscriptDocument::slice(Span span) const {
    const std::int64_t n = length();
    const auto s = static_cast<std::size_t>(std::clamp<std::int64_t>(span.start, 0, n));
    const auto e = static_cast<std::size_t>(std::clamp<std::int64_t>(span.end, 0, n));
    return index_->slice(s, std::max(s, e));
}

const SpeakerTurn* TranscriptDocument::turn_starting_in(std::int64_t start, std::int64_t end) const {
    auto it = std::lower_bound(turns_.begin(), turns_.end(), start,
                               [](const SpeakerTurn& t, std::int64_t v) { return t.start < v; });
    if (it != turns_.end() && it->start < std::max(end, start + 1)) return &*it;
    return nullptr;
}

}  // namespace npt::gui
