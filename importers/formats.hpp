// formats.hpp — one parser per transcript format, each a pure function from a file's bytes to an
// ImportedDocument (NFC text, LF line endings, speaker turns in code points). parse_document()
// in importer.hpp picks one; tests and benchmarks may call them directly. Every parser names
// `source` in its errors and throws FormatError when the text would be empty.
#pragma once
#include <string>
#include <string_view>

#include "importers/importer.hpp"

namespace npt::importers {

// Plain text in any encoding (see text_decoding.hpp); speaker turns from labels at line starts.
ImportedDocument parse_plain_text(std::string_view bytes, std::string_view source, const ImportOptions& options);

// Word .docx (libzip + libxml2's streaming reader): body paragraphs, breaks, tabs, table cells one
// per line (a transcript table one row per line), tracked insertions kept and deletions dropped;
// headers, footers, comments and notes left out.
ImportedDocument parse_docx(std::string_view bytes, std::string_view source, const ImportOptions& options,
                            const ProgressSink* progress = nullptr);

// WebVTT (Teams, Zoom): cues merged into speaker turns from <v Name> tags or "Name:" prefixes.
ImportedDocument parse_vtt(std::string_view bytes, std::string_view source, const ImportOptions& options);

// SubRip .srt (Otter and others): numbered cues merged into speaker turns like WebVTT.
ImportedDocument parse_srt(std::string_view bytes, std::string_view source, const ImportOptions& options);

// PDF text (poppler-cpp); each page break becomes a paragraph break.
ImportedDocument parse_pdf(std::string_view bytes, std::string_view source, const ImportOptions& options,
                           const ProgressSink* progress = nullptr);

// The last step of every paragraph-based parser: prepare `raw` for the store (BOM, line endings,
// NFC), refuse empty text, and detect speaker turns with options.speaker_layout and
// speaker_pattern (`layout_hint`: what the parser saw, for auto; see detect_speakers). `raw` is
// taken by value so that callers move their text in: it is prepared in its own buffer, not copied.
ImportedDocument finish_transcript(std::string raw, std::string_view source, const ImportOptions& options,
                                   SourceFormat format, std::string import_note,
                                   SpeakerLayout layout_hint = SpeakerLayout::Auto);

}  // namespace npt::importers
