// transcript_document.hpp — everything the transcript view shows about one document, loaded
// through the core: its text with a code point index, paragraphs, speaker turns, and its codings
// with their code and coder names and colours and whether each has memos. Offsets are code
// points, end-exclusive.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::gui {

// A run of text between newlines (the newline itself excluded). Empty lines are paragraphs too.
struct Paragraph {
    std::int64_t start = 0;  // code points
    std::int64_t end = 0;
    std::size_t byte_start = 0;
    std::size_t byte_end = 0;
};

// One coding as the view draws it.
struct CodingMark {
    CodingId coding_id;
    CodeId code_id;
    CoderId coder_id;
    Span span;
    ImU32 code_colour = 0;
    ImU32 coder_colour = 0;
    std::string code;   // path
    std::string coder;  // name
    std::string memo;   // the first memo's title or first line, "" when the coding has no memo
    int memos = 0;      // memos on this coding
};

class TranscriptDocument {
public:
    // Loads the document's text, turns and codings. Throws NotFoundError for an unknown id.
    TranscriptDocument(Project& project, DocumentId document_id);
    TranscriptDocument(const TranscriptDocument&) = delete;
    TranscriptDocument& operator=(const TranscriptDocument&) = delete;

    // Re-reads the codings and their memos (after coding, uncoding, undo, a memo saved...).
    void reload_codings(Project& project);
    // The same with the project's codes and coders already at hand (the panels' snapshot), so
    // only this document's codings are read.
    void reload_codings(Project& project, const std::vector<Code>& codes, const std::vector<Coder>& coders);
    // Grows by one on every reload_codings (lets views cache what they derive from codings).
    std::uint64_t revision() const { return revision_; }

    const DocumentInfo& info() const { return info_; }
    const std::string& text() const { return text_; }
    const text::CodePointIndex& index() const { return *index_; }
    std::int64_t length() const { return static_cast<std::int64_t>(index_->size()); }
    const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }
    const std::vector<SpeakerTurn>& turns() const { return turns_; }
    const std::vector<CodingMark>& codings() const { return codings_; }  // by start, then end

    // Indices (into codings()) of the codings overlapping [span.start, span.end), in start order.
    void codings_overlapping(Span span, std::vector<std::size_t>& out) const;
    // The paragraph holding code point `cp` (the last one for cp == length()).
    std::size_t paragraph_of(std::int64_t cp) const;
    // The word around `cp` (ICU word rules within its paragraph); an empty span at cp when the
    // position is not in a word.
    Span word_at(std::int64_t cp) const;
    // Grapheme-cluster boundaries after / before `cp` (ICU character breaks within its paragraph),
    // so the caret steps over 👍🏽 or a letter with its marks in one move.
    std::int64_t next_grapheme(std::int64_t cp) const;
    std::int64_t previous_grapheme(std::int64_t cp) const;
    // The text of a span, as UTF-8 (span clamped to the document).
    std::string_view slice(Span span) const;
    // The first turn starting in [start, end), or nullptr.
    const SpeakerTurn* turn_starting_in(std::int64_t start, std::int64_t end) const;

private:
    DocumentInfo info_;
    std::string text_;
    std::unique_ptr<text::CodePointIndex> index_;
    std::vector<Paragraph> paragraphs_;
    std::vector<SpeakerTurn> turns_;
    std::vector<CodingMark> codings_;
    std::vector<std::int64_t> max_end_;
    std::uint64_t revision_ = 0;  // max_end_[i] = max(codings_[0..i].span.end)
};

// "#rrggbb" as an opaque ImGui colour; grey for anything else.
ImU32 parse_colour(const std::string& hex);
// The same colour with its alpha replaced (0..1).
ImU32 with_alpha(ImU32 colour, float alpha);

}  // namespace npt::gui
