// srt_importer.cpp — SubRip subtitles (Otter, transcription services): numbered cues with
// "00:00:01,000 --> 00:00:04,000" timings, merged into speaker turns like WebVTT.
#include "core/error.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/cue_transcript.hpp"
#include "importers/formats.hpp"
#include "importers/text_decoding.hpp"

namespace npt::importers {

ImportedDocument parse_srt(std::string_view bytes, std::string_view source, const ImportOptions& options) {
    if (bytes.empty()) throw FormatError(std::string(source) + ": the file is empty");
    DecodedText decoded = decode_text(bytes, source, options.encoding, options.repair);
    std::string text = text::normalize_line_endings(decoded.utf8);
    std::vector<std::string_view> lines = split_lines(text);

    std::vector<Cue> cues;
    std::size_t ignored = 0;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (lines[i].find_first_not_of(" \t") == std::string_view::npos) {
            ++i;
            continue;
        }
        std::size_t begin = i;
        while (i < lines.size() && lines[i].find_first_not_of(" \t") != std::string_view::npos) ++i;
        std::vector<std::string_view> block(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                            lines.begin() + static_cast<std::ptrdiff_t>(i));
        if (auto cue = parse_cue_block(block, begin + 1, source)) cues.push_back(std::move(*cue));
        else ++ignored;
    }
    if (cues.empty()) throw FormatError(std::string(source) + ": not an SRT file (no cue timings found)");
    std::string note = decoded.note();
    if (ignored) note += std::string(note.empty() ? "" : "; ") + std::to_string(ignored) + " block(s) without a cue timing ignored";
    return build_cue_transcript(cues, source, SourceFormat::Srt, note);
}

}  // namespace npt::importers
