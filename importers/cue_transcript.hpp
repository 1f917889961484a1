// cue_transcript.hpp — what WebVTT and SRT share: a cue (times, speaker, words), cleaning a cue's
// payload (markup tags, character references, "Name:" prefixes), and merging cues into a
// transcript with one speaker turn per paragraph ("Name: what was said").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.hpp"

namespace npt::importers {

struct Cue {
    std::int64_t start_ms = 0;
    std::int64_t end_ms = 0;
    std::string speaker;  // "" when the cue names nobody
    std::string text;     // one line, tags and references resolved
    std::size_t line = 0; // where the cue's timing line is (1-based), for errors
};

// The text lines of a file after decoding, BOM removal and line-ending normalisation.
std::vector<std::string_view> split_lines(std::string_view text);

// Parses "start --> end [settings]"; nullopt when the line is no timing line.
std::optional<std::pair<std::int64_t, std::int64_t>> parse_cue_timing(std::string_view line);

// Cleans one cue's payload lines: the speaker from a <v Name> voice tag, else from a leading
// "Name:" (up to four words) or "[Name]"; other tags removed; &amp; &lt; &gt; &nbsp; &lrm; &rlm;
// and numeric references decoded; lines joined with spaces.
void fill_cue_payload(Cue& cue, const std::vector<std::string_view>& payload);

// Reads one blank-line-separated cue block (SRT or WebVTT): an optional identifier line, the
// timing line, then the payload. nullopt when the block has no timing line (the caller counts it
// as ignored). Throws FormatError naming `source` and the line (block_first_line + index, 1-based)
// for a malformed timing line.
std::optional<Cue> parse_cue_block(const std::vector<std::string_view>& block, std::size_t block_first_line,
                                   std::string_view source);

// Merges consecutive cues of one speaker (a cue naming nobody continues the current turn) into
// paragraphs "Name: words" joined by LF, each turn covering the words (not the "Name: " prefix)
// with start_ms of its first cue and end_ms of its last. Throws FormatError when no cue has words.
ImportedDocument build_cue_transcript(const std::vector<Cue>& cues, std::string_view source, SourceFormat format,
                                      std::string import_note);

}  // namespace npt::importers
