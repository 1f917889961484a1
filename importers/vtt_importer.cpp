// vtt_importer.cpp — WebVTT transcripts (Microsoft Teams, Zoom): the WEBVTT header, NOTE, STYLE
// and REGION blocks skipped, each cue's timing and payload read, cues merged into speaker turns.
#include "core/error.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/cue_transcript.hpp"
#include "importers/formats.hpp"
#include "importers/text_decoding.hpp"

namespace npt::importers {

ImportedDocument parse_vtt(std::string_view bytes, std::string_view source, const ImportOptions& options) {
    if (bytes.empty()) throw FormatError(std::string(source) + ": the file is empty");
    DecodedText decoded = decode_text(bytes, source, options.encoding, options.repair);
    std::string text = text::normalize_line_endings(decoded.utf8);
    std::vector<std::string_view> lines = split_lines(text);
    auto is_keyword = [](std::string_view line, std::string_view word) {
        return line.starts_with(word) && (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t');
    };
    if (lines.empty() || !is_keyword(lines[0], "WEBVTT"))
        throw FormatError(std::string(source) + ": not a WebVTT file (the first line must be WEBVTT)");

    std::vector<Cue> cues;
    std::size_t ignored = 0;
    std::size_t i = 1;
    while (i < lines.size() && !lines[i].empty()) ++i;  // header metadata
    while (i < lines.size()) {
        if (lines[i].empty()) {
            ++i;
            continue;
        }
        std::size_t begin = i;
        while (i < lines.size() && !lines[i].empty()) ++i;
        std::vector<std::string_view> block(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                            lines.begin() + static_cast<std::ptrdiff_t>(i));
        if (is_keyword(block[0], "NOTE") || is_keyword(block[0], "STYLE") || is_keyword(block[0], "REGION")) continue;
        if (auto cue = parse_cue_block(block, begin + 1, source)) cues.push_back(std::move(*cue));
        else ++ignored;
    }
    std::string note = decoded.note();
    if (ignored) note += std::string(note.empty() ? "" : "; ") + std::to_string(ignored) + " block(s) without a cue timing ignored";
    return build_cue_transcript(cues, source, SourceFormat::Vtt, note);
}

}  // namespace npt::importers
