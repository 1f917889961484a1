// speaker_turns.hpp — finding who speaks where in a transcript: lines that start with a speaker
// label ("Interviewer:", "IV:", "P01:", "R:", "[00:12:34] Speaker 1:") begin a turn. The pattern
// is an ICU regular expression the researcher can replace (--speaker-pattern).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace npt::importers {

// The default label pattern. Groups: `time` (optional [h:mm:ss] stamp) and `speaker`.
extern const std::string_view kDefaultSpeakerPattern;

// Milliseconds of "h:mm:ss", "mm:ss", "h:mm:ss.mmm" or "h:mm:ss,mmm"; nullopt when malformed.
std::optional<std::int64_t> parse_clock_ms(std::string_view clock);

// Turns in `text` (NFC, LF). A line whose beginning matches `pattern` (ICU regex, matched at the
// line start; "" = kDefaultSpeakerPattern) starts a turn for the speaker in group `speaker`
// (else group 1, else the whole match without spaces and ':'); group `time`, if present, gives
// start_ms. A turn covers what is said: from the first non-blank character after the label to the
// last non-blank character before the next label (code points, end-exclusive); a label with
// nothing after it makes no turn. Text before the first label belongs to no turn.
// Throws InputError for an invalid pattern.
std::vector<SpeakerTurn> detect_speaker_turns(std::string_view text, std::string_view pattern = {});

}  // namespace npt::importers
