// speaker_turns.cpp — speaker label detection with an ICU RegexMatcher, one line at a time,
// counting code points so turn offsets match the stored text exactly.
#include "importers/speaker_turns.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "core/error.hpp"

namespace npt::importers {

const std::string_view kDefaultSpeakerPattern =
    R"([ \t]*(?:\[(?<time>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\][ \t]*)?)"
    R"((?<speaker>(?:Interviewer|Interviewee|Moderator|Facilitator|Researcher|Respondent|Participant|Speaker)(?: ?\d{1,3})?)"
    R"(|[A-Z]{1,3}\d{0,3})[ \t]*:(?:[ \t]+|$))";

std::optional<std::int64_t> parse_clock_ms(std::string_view clock) {
    std::int64_t parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = 0;
    while (count < 3) {
        std::size_t digits = 0;
        std::int64_t value = 0;
        while (i < clock.size() && clock[i] >= '0' && clock[i] <= '9' && digits < 6) {
            value = value * 10 + (clock[i] - '0');
            ++i, ++digits;
        }
        if (digits == 0) return std::nullopt;
        parts[count++] = value;
        if (i < clock.size() && clock[i] == ':') {
            ++i;
            continue;
        }
        break;
    }
    if (count < 2) return std::nullopt;
    std::int64_t ms = 0;
    if (i < clock.size() && (clock[i] == '.' || clock[i] == ',')) {
        ++i;
        int digits = 0;
        while (i < clock.size() && clock[i] >= '0' && clock[i] <= '9' && digits < 3) {
            ms = ms * 10 + (clock[i] - '0');
            ++i, ++digits;
        }
        if (digits == 0) return std::nullopt;
        while (digits++ < 3) ms *= 10;
    }
    if (i != clock.size()) return std::nullopt;
    std::int64_t h = count == 3 ? parts[0] : 0, m = count == 3 ? parts[1] : parts[0], s = count == 3 ? parts[2] : parts[1];
    if (m > 59 || s > 59) return std::nullopt;
    return ((h * 60 + m) * 60 + s) * 1000 + ms;
}

namespace {

struct CompiledPattern {
    std::unique_ptr<icu::RegexPattern> pattern;
    int speaker_group = 0;  // 0 = the whole match
    int time_group = -1;
};

int group_named(const icu::RegexPattern& p, const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = p.groupNumberFromName(icu::UnicodeString::fromUTF8(name), status);
    return U_SUCCESS(status) ? n : -1;
}

CompiledPattern compile(std::string_view source) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    CompiledPattern out;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(source.data(), static_cast<int32_t>(source.size())));
    out.pattern.reset(icu::RegexPattern::compile(text, 0, where, status));
    if (U_FAILURE(status) || !out.pattern)
        throw InputError("--speaker-pattern: invalid regular expression '" + std::string(source) + "' (" +
                         std::string(u_errorName(status)) + " at offset " + std::to_string(where.offset) + ")");
    int named = group_named(*out.pattern, "speaker");
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> probe(out.pattern->matcher(status));
    int groups = U_SUCCESS(status) && probe ? probe->groupCount() : 0;
    out.speaker_group = named > 0 ? named : (groups >= 1 ? 1 : 0);
    out.time_group = group_named(*out.pattern, "time");
    return out;
}

bool is_blank(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000; }

std::string trim_label(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    std::size_t b = out.find_first_not_of(" \t:");
    if (b == std::string::npos) return {};
    std::size_t e = out.find_last_not_of(" \t:");
    return out.substr(b, e - b + 1);
}

}  // namespace

std::vector<SpeakerTurn> detect_speaker_turns(std::string_view text, std::string_view pattern_text) {
    CompiledPattern pattern = compile(pattern_text.empty() ? kDefaultSpeakerPattern : pattern_text);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(pattern.pattern->matcher(status));
    if (U_FAILURE(status)) throw InputError(std::string("--speaker-pattern: cannot use the pattern (") + u_errorName(status) + ")");

    std::vector<SpeakerTurn> turns;
    std::optional<SpeakerTurn> open;
    bool open_has_text = false;
    auto close = [&] {
        if (open && open_has_text && open->end > open->start) turns.push_back(*open);
        open.reset();
        open_has_text = false;
    };

    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int64_t>(text.size());
    int64_t line_byte = 0;
    std::int64_t line_cp = 0;
    while (line_byte < n) {
        int64_t line_end = line_byte;
        while (line_end < n && s[line_end] != '\n') ++line_end;
        std::string_view line = text.substr(static_cast<std::size_t>(line_byte), static_cast<std::size_t>(line_end - line_byte));
        icu::UnicodeString uline = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
        int32_t content_from = 0;  // UTF-16 index where the spoken text of this line starts
        matcher->reset(uline);
        status = U_ZERO_ERROR;
        if (!line.empty() && matcher->lookingAt(status) && U_SUCCESS(status) && matcher->end(status) > 0) {
            int32_t label_end = matcher->end(status);
            std::string speaker = trim_label(matcher->group(pattern.speaker_group, status));
            if (U_SUCCESS(status) && !speaker.empty()) {
                close();
                SpeakerTurn t;
                t.speaker = speaker;
                if (pattern.time_group > 0) {
                    std::string clock;
                    matcher->group(pattern.time_group, status).toUTF8String(clock);
                    if (U_SUCCESS(status) && !clock.empty()) t.start_ms = parse_clock_ms(clock);
                }
                open = t;
                content_from = label_end;
            }
        }
        if (open) {
            // Walk the line's spoken part in code points: the first and last non-blank characters.
            std::int64_t cp = line_cp + uline.countChar32(0, content_from);
            int32_t i = content_from;
            while (i < uline.length()) {
                UChar32 c = uline.char32At(i);
                i += U16_LENGTH(c);
                if (!is_blank(c)) {
                    if (!open_has_text) open->start = cp;
                    open_has_text = true;
                    open->end = cp + 1;
                }
                ++cp;
            }
        }
        line_cp += uline.countChar32() + (line_end < n ? 1 : 0);
        line_byte = line_end + 1;
    }
    close();
    return turns;
}

}  // namespace npt::importers
