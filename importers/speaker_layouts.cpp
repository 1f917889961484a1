// speaker_layouts.cpp — the otter and table layouts (line by line over UTF-8, counting code points
// so turn offsets match the stored text), the header words of transcript tables, and the choice
// "auto" makes between the layouts.
#include "importers/speaker_layouts.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "core/error.hpp"
#include "importers/speaker_turns.hpp"

namespace npt::importers {

const char* to_string(SpeakerLayout layout) {
    switch (layout) {
        case SpeakerLayout::Auto: return "auto";
        case SpeakerLayout::Labels: return "labels";
        case SpeakerLayout::Otter: return "otter";
        case SpeakerLayout::Table: return "table";
    }
    return "auto";
}

SpeakerLayout speaker_layout_from_string(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "auto") return SpeakerLayout::Auto;
    if (lower == "labels") return SpeakerLayout::Labels;
    if (lower == "otter") return SpeakerLayout::Otter;
    if (lower == "table") return SpeakerLayout::Table;
    throw InputError("unknown speaker layout '" + std::string(name) + "' (use auto, labels, otter or table)", "layout");
}

namespace {

std::string lower_trimmed(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    s = s.substr(b, s.find_last_not_of(" \t") - b + 1);
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool is_word(const std::string& s, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), s) != words.end();
}

std::int64_t code_points(std::string_view s) {
    std::int64_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// Length in bytes of the blank code point at the start of `s` (space, tab, CR, U+00A0, U+3000), or 0.
std::size_t blank_at(std::string_view s) {
    if (s.empty()) return 0;
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r') return 1;
    if (s.starts_with("\xC2\xA0")) return 2;
    if (s.starts_with("\xE3\x80\x80")) return 3;
    return 0;
}

std::string_view trim_blanks(std::string_view s) {
    while (std::size_t n = blank_at(s)) s.remove_prefix(n);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

struct Line {
    std::string_view text;
    std::int64_t start = 0;  // code point offset of the line in the whole text
};

std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> lines;
    std::int64_t cp = 0;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        Line line{text.substr(at, end - at), cp};
        cp += code_points(line.text) + 1;
        lines.push_back(line);
        if (end == text.size()) break;
        at = end + 1;
    }
    return lines;
}

// A turn being built: it covers the first to the last non-blank code point of what is added.
class OpenTurns {
public:
    void open(std::string speaker, std::optional<std::int64_t> start_ms) {
        close();
        turn_ = SpeakerTurn{};
        turn_->speaker = std::move(speaker);
        turn_->start_ms = start_ms;
    }
    // The part of a line from byte `from` on, the line starting at code point `line_start`.
    void add(const Line& line, std::size_t from) {
        if (!turn_) return;
        std::int64_t cp = line.start + code_points(line.text.substr(0, from));
        std::string_view rest = line.text.substr(from);
        while (!rest.empty()) {
            std::size_t blank = blank_at(rest);
            std::size_t len = blank ? blank : 1;
            if (!blank) {
                while (len < rest.size() && (static_cast<unsigned char>(rest[len]) & 0xC0) == 0x80) ++len;
                if (!has_text_) turn_->start = cp;
                has_text_ = true;
                turn_->end = cp + 1;
            }
            rest.remove_prefix(len);
            ++cp;
        }
    }
    void close() {
        if (turn_ && has_text_) turns_.push_back(std::move(*turn_));
        turn_.reset();
        has_text_ = false;
    }
    bool is_open() const { return turn_.has_value(); }
    std::vector<SpeakerTurn> take() {
        close();
        return std::move(turns_);
    }

private:
    std::optional<SpeakerTurn> turn_;
    bool has_text_ = false;
    std::vector<SpeakerTurn> turns_;
};

struct OtterHeader {
    std::string speaker;
    std::int64_t ms = 0;
};

std::optional<OtterHeader> otter_header(std::string_view line) {
    line = trim_blanks(line);
    std::size_t space = line.find_last_of(' ');
    if (space == std::string_view::npos || line.find('\t') != std::string_view::npos) return std::nullopt;
    std::string_view clock = line.substr(space + 1);
    if (clock.find(':') == std::string_view::npos || clock.find_first_of(".,") != std::string_view::npos) return std::nullopt;
    std::optional<std::int64_t> ms = parse_clock_ms(clock);
    if (!ms) return std::nullopt;
    std::string_view name = trim_blanks(line.substr(0, space));
    if (name.empty() || code_points(name) > static_cast<std::int64_t>(kMaxSpeakerLength)) return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(name.front())) || std::ispunct(static_cast<unsigned char>(name.back())))
        return std::nullopt;
    if (std::count(name.begin(), name.end(), ' ') > 5) return std::nullopt;  // six words at most
    return OtterHeader{std::string(name), *ms};
}

bool is_otter_footer(std::string_view line) { return trim_blanks(line).starts_with("Transcribed by https://otter.ai"); }

bool is_blank_line(std::string_view line) { return trim_blanks(line).empty(); }

struct TableRow {
    std::optional<std::int64_t> ms;
    std::string speaker;
    std::size_t text_from = 0;  // byte in the line where the text cell starts
    bool header = false;
};

std::optional<TableRow> table_row(std::string_view line) {
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return std::nullopt;
    TableRow row;
    std::string_view first = line.substr(0, tab);
    std::size_t second = line.find('\t', tab + 1);
    if (is_table_header(first, line.substr(tab + 1)) ||
        (second != std::string_view::npos &&
         is_table_header(line.substr(tab + 1, second - tab - 1), line.substr(second + 1), first))) {
        row.header = true;
        return row;
    }
    std::string_view speaker = first;
    if (second != std::string_view::npos && (trim_blanks(first).empty() || parse_cell_clock(first))) {
        row.ms = parse_cell_clock(first);
        speaker = line.substr(tab + 1, second - tab - 1);
        tab = second;
    }
    speaker = trim_blanks(speaker);
    while (!speaker.empty() && speaker.back() == ':') speaker.remove_suffix(1);
    if (code_points(speaker) > static_cast<std::int64_t>(kMaxSpeakerLength)) return std::nullopt;
    row.speaker = std::string(trim_blanks(speaker));
    row.text_from = tab + 1;
    return row;
}

struct TableScan {
    std::vector<SpeakerTurn> turns;
    std::size_t rows = 0, lines = 0, repeats = 0, speakers = 0;
};

TableScan scan_table(std::string_view text) {
    TableScan scan;
    OpenTurns turns;
    std::string last_speaker;
    std::map<std::string, std::size_t> seen;
    for (const Line& line : lines_of(text)) {
        if (!is_blank_line(line.text)) ++scan.lines;
        std::optional<TableRow> row = table_row(line.text);
        if (!row) {
            turns.add(line, 0);
            continue;
        }
        if (row->header) {
            turns.close();
            continue;
        }
        ++scan.rows;
        std::string speaker = row->speaker.empty() ? last_speaker : row->speaker;
        if (speaker.empty()) {
            turns.close();
            continue;
        }
        if (++seen[speaker] == 2) ++scan.repeats;
        last_speaker = speaker;
        turns.open(std::move(speaker), row->ms);
        turns.add(line, row->text_from);
    }
    scan.speakers = seen.size();
    scan.turns = turns.take();
    return scan;
}

}  // namespace

bool is_table_header(std::string_view speaker, std::string_view text, std::string_view time) {
    std::string s = lower_trimmed(speaker), t = lower_trimmed(text), c = lower_trimmed(time);
    return is_word(s, {"speaker", "speakers", "speaker name", "name", "who", "person"}) &&
           is_word(t, {"text", "transcript", "transcription", "utterance", "speech", "dialogue", "content", "what was said",
                       "words"}) &&
           (c.empty() || is_word(c, {"time", "timestamp", "time stamp", "start", "start time", "timecode"}));
}

std::optional<std::int64_t> parse_cell_clock(std::string_view cell) {
    cell = trim_blanks(cell);
    if (cell.size() >= 2 && ((cell.front() == '[' && cell.back() == ']') || (cell.front() == '(' && cell.back() == ')')))
        cell = trim_blanks(cell.substr(1, cell.size() - 2));
    return parse_clock_ms(cell);
}

std::vector<SpeakerTurn> otter_turns(std::string_view text) {
    OpenTurns turns;
    bool after_blank = true;
    for (const Line& line : lines_of(text)) {
        if (is_blank_line(line.text)) {
            after_blank = true;
            continue;
        }
        if (is_otter_footer(line.text)) {
            turns.close();
        } else if (std::optional<OtterHeader> header = after_blank ? otter_header(line.text) : std::nullopt) {
            turns.open(std::move(header->speaker), header->ms);
        } else {
            turns.add(line, 0);
        }
        after_blank = false;
    }
    return turns.take();
}

bool looks_like_otter(std::string_view text) {
    std::vector<Line> lines = lines_of(text);
    std::size_t paragraphs = 0, headed = 0;
    bool with_text = false;
    bool after_blank = true;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_blank_line(lines[i].text)) {
            after_blank = true;
            continue;
        }
        if (after_blank && !is_otter_footer(lines[i].text)) {
            ++paragraphs;
            if (otter_header(lines[i].text)) {
                ++headed;
                if (i + 1 < lines.size() && !is_blank_line(lines[i + 1].text)) with_text = true;
            }
        }
        after_blank = false;
    }
    return with_text && headed * 2 >= paragraphs;
}

std::vector<SpeakerTurn> table_turns(std::string_view text) { return scan_table(text).turns; }

SpeakerDetection detect_speakers(std::string_view text, SpeakerLayout layout, std::string_view pattern, SpeakerLayout hint) {
    if (!pattern.empty() && layout != SpeakerLayout::Auto && layout != SpeakerLayout::Labels)
        throw InputError(std::string("a speaker pattern applies to the labels layout, not to '") + to_string(layout) + "'",
                         "pattern");
    switch (layout) {
        case SpeakerLayout::Labels: return {SpeakerLayout::Labels, detect_speaker_turns(text, pattern)};
        case SpeakerLayout::Otter: return {SpeakerLayout::Otter, otter_turns(text)};
        case SpeakerLayout::Table: return {SpeakerLayout::Table, table_turns(text)};
        case SpeakerLayout::Auto: break;
    }
    if (!pattern.empty()) return {SpeakerLayout::Labels, detect_speaker_turns(text, pattern)};
    if (hint == SpeakerLayout::Table) {
        std::vector<SpeakerTurn> rows = table_turns(text);
        if (!rows.empty()) return {SpeakerLayout::Table, std::move(rows)};
    }
    if (looks_like_otter(text)) return {SpeakerLayout::Otter, otter_turns(text)};
    std::vector<SpeakerTurn> labels = detect_speaker_turns(text);
    if (!labels.empty()) return {SpeakerLayout::Labels, std::move(labels)};
    TableScan table = scan_table(text);
    if (table.rows >= 2 && table.repeats > 0 && table.speakers * 2 <= table.rows + 1 && table.rows * 2 >= table.lines)
        return {SpeakerLayout::Table, std::move(table.turns)};
    return {SpeakerLayout::Labels, std::move(labels)};
}

}  // namespace npt::importers
