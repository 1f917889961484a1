// importer.cpp — format names, format detection (content first, extension second) and the
// dispatch from parse_document() to one format's parser (refusing REFI-QDA projects by name).
#include "importers/importer.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/text/utf8_text.hpp"
#include "importers/formats.hpp"
#include "importers/refi_detect.hpp"
#include "importers/speaker_turns.hpp"

namespace npt::importers {

const char* to_string(SourceFormat format) {
    switch (format) {
        case SourceFormat::Auto: return "auto";
        case SourceFormat::Text: return "text";
        case SourceFormat::Docx: return "docx";
        case SourceFormat::Vtt: return "vtt";
        case SourceFormat::Srt: return "srt";
        case SourceFormat::Pdf: return "pdf";
    }
    return "text";
}

SourceFormat source_format_from_string(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "auto") return SourceFormat::Auto;
    if (lower == "text" || lower == "txt") return SourceFormat::Text;
    if (lower == "docx") return SourceFormat::Docx;
    if (lower == "vtt" || lower == "webvtt") return SourceFormat::Vtt;
    if (lower == "srt") return SourceFormat::Srt;
    if (lower == "pdf") return SourceFormat::Pdf;
    throw InputError("unknown format '" + std::string(name) + "' (use auto, text, docx, vtt, srt or pdf)");
}

namespace {

bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1\n00:00:01,000 --> 00:00:02,500" at the start (after blank lines).
bool looks_like_srt(std::string_view text) {
    std::size_t i = text.find_first_not_of("\r\n \t");
    if (i == std::string_view::npos) return false;
    text = text.substr(i, 200);
    std::size_t eol = text.find_first_of("\r\n");
    if (eol == std::string_view::npos) return false;
    std::string_view first = text.substr(0, eol);
    while (!first.empty() && (first.back() == ' ' || first.back() == '\t')) first.remove_suffix(1);
    std::size_t next = text.find_first_not_of("\r\n", eol);
    if (!is_digits(first) || next == std::string_view::npos) return false;
    std::string_view second = text.substr(next);
    second = second.substr(0, second.find_first_of("\r\n"));
    std::size_t arrow = second.find("-->");
    if (arrow == std::string_view::npos) return false;
    std::string_view clock = second.substr(0, arrow);
    while (!clock.empty() && clock.back() == ' ') clock.remove_suffix(1);
    return parse_clock_ms(clock).has_value();
}

std::string extension_of(std::string_view file_name) {
    std::string ext = std::filesystem::path(file_name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

}  // namespace

SourceFormat detect_format(std::string_view bytes, std::string_view file_name) {
    if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return SourceFormat::Docx;
    if (bytes.starts_with("%PDF-")) return SourceFormat::Pdf;
    std::string_view text = text::strip_utf8_bom(bytes);
    if (text.starts_with("WEBVTT")) return SourceFormat::Vtt;
    if (looks_like_srt(text)) return SourceFormat::Srt;
    std::string ext = extension_of(file_name);
    if (ext == ".docx") return SourceFormat::Docx;
    if (ext == ".pdf") return SourceFormat::Pdf;
    if (ext == ".vtt") return SourceFormat::Vtt;
    if (ext == ".srt") return SourceFormat::Srt;
    return SourceFormat::Text;
}

ImportedDocument parse_document(std::string_view bytes, std::string_view source, const ImportOptions& options,
                                const ProgressSink* progress) {
    check_cancel(progress);
    SourceFormat format = options.format == SourceFormat::Auto ? detect_format(bytes, source) : options.format;
    // A REFI-QDA project is a zip (read as DOCX) or XML (read as text): say what it is instead.
    if ((format == SourceFormat::Docx || format == SourceFormat::Text) && is_refi_project(bytes))
        throw FormatError(refi_project_not_a_transcript(source));
    switch (format) {
        case SourceFormat::Docx: return parse_docx(bytes, source, options, progress);
        case SourceFormat::Pdf: return parse_pdf(bytes, source, options, progress);
        case SourceFormat::Vtt: return parse_vtt(bytes, source, options);
        case SourceFormat::Srt: return parse_srt(bytes, source, options);
        case SourceFormat::Auto:
        case SourceFormat::Text: break;
    }
    return parse_plain_text(bytes, source, options);
}

ImportedDocument finish_transcript(std::string raw, std::string_view source, const ImportOptions& options,
                                   SourceFormat format, std::string import_note, SpeakerLayout layout_hint) {
    ImportedDocument doc;
    doc.text = text::prepare_in_place(std::move(raw), source);
    if (doc.text.find_first_not_of(" \t\n\f\v") == std::string::npos)
        throw FormatError(std::string(source) + ": the file contains no text");
    doc.turns = detect_speakers(doc.text, options.speaker_layout, options.speaker_pattern, layout_hint).turns;
    doc.format = format;
    doc.import_note = std::move(import_note);
    return doc;
}

}  // namespace npt::importers
