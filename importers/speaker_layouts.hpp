// speaker_layouts.hpp — the built-in ways a transcript shows who speaks: "labels" (a label at a
// line start, "Interviewer:", "P01:"; the pattern is an ICU regex the researcher can replace),
// "otter" (Otter.ai's TXT export: "Name  0:03" alone on a line, what was said on the lines below,
// a blank line between turns) and "table" (a Word transcript table, Speaker | Text or
// Time | Speaker | Text, one row per line with its cells joined by tabs, as the DOCX importer
// writes it). "auto" picks one from the text. Offsets are code points, end-exclusive.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace npt::importers {

enum class SpeakerLayout { Auto, Labels, Otter, Table };
const char* to_string(SpeakerLayout layout);
// "auto", "labels", "otter", "table"; throws InputError naming the value (about "layout").
SpeakerLayout speaker_layout_from_string(std::string_view name);

// Longest speaker name (code points) the otter and table layouts accept.
constexpr std::size_t kMaxSpeakerLength = 64;

// True for a header row's cells: "Speaker"/"Name"/"Who" over "Text"/"Transcript"/"Utterance"...,
// and "Time"/"Timestamp"/"Start" (or nothing) over the time column (ASCII case-insensitive).
bool is_table_header(std::string_view speaker, std::string_view text, std::string_view time = {});
// A time cell: "0:03", "01:02:03", "00:01:02.500", optionally in [] or (); nullopt otherwise.
std::optional<std::int64_t> parse_cell_clock(std::string_view cell);

// Turns of the otter layout. A header is a line "Name 0:03" or "Name  1:02:03" (the name at most
// kMaxSpeakerLength code points and six words) at the start or after a blank line; its turn is the
// text of the lines below it up to the next header (start_ms from the header). A header with no
// text below it makes no turn; Otter's closing "Transcribed by https://otter.ai" belongs to none.
std::vector<SpeakerTurn> otter_turns(std::string_view text);
// True when at least half of the text's paragraphs (runs of lines after a blank line) open with an
// Otter header, and at least one header has text below it.
bool looks_like_otter(std::string_view text);

// Turns of the table layout: a line "speaker<TAB>text" or "time<TAB>speaker<TAB>text" starts a turn
// (an empty speaker cell continues the previous row's speaker); lines without a tab continue the
// open turn; a header row ("Speaker<TAB>Text") starts none.
std::vector<SpeakerTurn> table_turns(std::string_view text);

struct SpeakerDetection {
    SpeakerLayout layout = SpeakerLayout::Labels;  // the layout that produced `turns`
    std::vector<SpeakerTurn> turns;
};

// Turns of `text` (NFC, LF) in `layout`. A non-empty `pattern` is the labels layout's regex (with
// Auto or Labels only). Auto: `hint` first when it is Table (the DOCX importer found a transcript
// table), then otter when looks_like_otter, then labels when they find any turn, then table when
// tab-separated rows with returning speakers make up at least half of the lines, else no turns.
// Throws InputError for an invalid pattern or a pattern with the otter or table layout.
SpeakerDetection detect_speakers(std::string_view text, SpeakerLayout layout, std::string_view pattern = {},
                                 SpeakerLayout hint = SpeakerLayout::Auto);

}  // namespace npt::importers
