// cue_transcript.cpp — cue payload cleaning and the merge of cues into speaker turns, shared by
// the WebVTT and SRT importers.
#include "importers/cue_transcript.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/error.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/speaker_turns.hpp"

namespace npt::importers {
namespace {

std::string_view trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

// The annotation of the first <v ...> tag: "<v Jane Smith>" or "<v.loud Jane>" -> the name.
std::string voice_of(std::string_view raw) {
    for (std::size_t at = raw.find("<v"); at != std::string_view::npos; at = raw.find("<v", at + 2)) {
        if (at + 2 >= raw.size() || (raw[at + 2] != ' ' && raw[at + 2] != '.' && raw[at + 2] != '\t')) continue;
        std::size_t close = raw.find('>', at);
        if (close == std::string_view::npos) return {};
        std::string_view inside = raw.substr(at + 2, close - at - 2);
        std::size_t space = inside.find_first_of(" \t");
        if (space == std::string_view::npos) return {};
        return std::string(trim(inside.substr(space)));
    }
    return {};
}

std::string strip_tags(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '<') {
            std::size_t close = raw.find('>', i);
            if (close != std::string_view::npos) {
                i = close;
                continue;
            }
        }
        // SubStation alignment overrides some SRT writers leave in: {\an8}
        if (raw[i] == '{' && i + 1 < raw.size() && raw[i + 1] == '\\') {
            std::size_t close = raw.find('}', i);
            if (close != std::string_view::npos) {
                i = close;
                continue;
            }
        }
        out += raw[i];
    }
    return out;
}

std::string decode_references(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        std::size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += '&';
            continue;
        }
        std::string_view name = s.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (name == "amp") cp = U'&';
        else if (name == "lt") cp = U'<';
        else if (name == "gt") cp = U'>';
        else if (name == "quot") cp = U'"';
        else if (name == "apos") cp = U'\'';
        else if (name == "nbsp") cp = U'\u00A0';
        else if (name == "lrm") cp = U'\u200E';
        else if (name == "rlm") cp = U'\u200F';
        else if (name.size() > 1 && name[0] == '#') {
            bool hex = name[1] == 'x' || name[1] == 'X';
            std::string digits(name.substr(hex ? 2 : 1));
            char* end = nullptr;
            unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (!digits.empty() && end && *end == '\0' && v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF))
                cp = static_cast<char32_t>(v);
        }
        if (cp == 0) {
            out += '&';
            continue;
        }
        text::append_utf8(out, cp);
        i = semi;
    }
    return out;
}

// "Jane Smith: words" -> "Jane Smith"; "[Jane] words" -> "Jane". Up to four words, starting with
// a letter, without sentence punctuation, so "Note, at 10:30: ..." is not taken for a name.
std::string name_prefix(std::string& words) {
    std::string_view w = words;
    if (w.starts_with('[')) {
        std::size_t close = w.find(']');
        if (close != std::string_view::npos && close > 1 && close < 50) {
            std::string name(trim(w.substr(1, close - 1)));
            words = std::string(trim(w.substr(close + 1)));
            return name;
        }
    }
    std::size_t colon = w.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 60) return {};
    if (colon + 1 < w.size() && w[colon + 1] != ' ' && w[colon + 1] != '\t') return {};
    std::string_view name = trim(w.substr(0, colon));
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return {};
    if (name.find_first_of(",;!?\"()[]{}<>/=") != std::string_view::npos) return {};
    if (std::count(name.begin(), name.end(), ' ') > 3) return {};
    std::string out(name);
    words = std::string(trim(w.substr(colon + 1)));
    return out;
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            if (start < text.size()) lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// True when the line's first word is a cue time stamp with milliseconds (00:01.000, 00:00:01,000).
static bool starts_with_time_stamp(std::string_view line) {
    line = trim(line);
    std::string_view word = line.substr(0, line.find_first_of(" \t"));
    std::size_t i = 0, colons = 0, digits = 0;
    for (; i < word.size() && ((word[i] >= '0' && word[i] <= '9') || word[i] == ':'); ++i) {
        if (word[i] == ':') {
            if (digits == 0) return false;
            ++colons;
            digits = 0;
        } else {
            ++digits;
        }
    }
    if (colons < 1 || colons > 2 || digits != 2 || i >= word.size() || (word[i] != '.' && word[i] != ',')) return false;
    std::size_t fraction = 0;
    for (++i; i < word.size() && word[i] >= '0' && word[i] <= '9'; ++i) ++fraction;
    return fraction >= 1 && fraction <= 3 && i == word.size() && parse_clock_ms(word).has_value();
}

std::optional<std::pair<std::int64_t, std::int64_t>> parse_cue_timing(std::string_view line) {
    std::size_t arrow = line.find("-->");
    if (arrow == std::string_view::npos) return std::nullopt;
    std::string_view left = trim(line.substr(0, arrow));
    std::string_view right = trim(line.substr(arrow + 3));
    right = right.substr(0, right.find_first_of(" \t"));
    auto start = parse_clock_ms(left), end = parse_clock_ms(right);
    if (!start || !end) return std::nullopt;
    return std::make_pair(*start, *end);
}

void fill_cue_payload(Cue& cue, const std::vector<std::string_view>& payload) {
    std::string raw;
    for (std::string_view line : payload) {
        line = trim(line);
        if (line.empty()) continue;
        if (!raw.empty()) raw += ' ';
        raw += line;
    }
    cue.speaker = decode_references(voice_of(raw));
    std::string words(trim(decode_references(strip_tags(raw))));
    if (cue.speaker.empty()) cue.speaker = name_prefix(words);
    cue.text = std::move(words);
}

ImportedDocument build_cue_transcript(const std::vector<Cue>& cues, std::string_view source, SourceFormat format,
                                      std::string import_note) {
    struct Paragraph {
        std::string speaker, words;
        std::int64_t start_ms = 0, end_ms = 0;
    };
    std::vector<Paragraph> paragraphs;
    for (const Cue& cue : cues) {
        if (cue.text.empty()) continue;
        bool continues = !paragraphs.empty() && (cue.speaker.empty() || paragraphs.back().speaker == cue.speaker);
        if (continues) {
            paragraphs.back().words += ' ' + cue.text;
            paragraphs.back().end_ms = cue.end_ms;
        } else {
            paragraphs.push_back({cue.speaker, cue.text, cue.start_ms, cue.end_ms});
        }
    }
    if (paragraphs.empty()) throw FormatError(std::string(source) + ": the file contains no cue with any words");

    ImportedDocument doc;
    doc.format = format;
    doc.import_note = std::move(import_note);
    std::int64_t cp = 0;
    for (const Paragraph& p : paragraphs) {
        if (!doc.text.empty()) {
            doc.text += '\n';
            ++cp;
        }
        std::string words = text::to_nfc(p.words);
        if (!p.speaker.empty()) {
            std::string speaker = text::to_nfc(p.speaker);
            doc.text += speaker + ": ";
            cp += static_cast<std::int64_t>(text::count_code_points(speaker)) + 2;
            std::int64_t length = static_cast<std::int64_t>(text::count_code_points(words));
            doc.turns.push_back({cp, cp + length, speaker, p.start_ms, p.end_ms});
            cp += length;
        } else {
            cp += static_cast<std::int64_t>(text::count_code_points(words));
        }
        doc.text += words;
    }
    return doc;
}

std::optional<Cue> parse_cue_block(const std::vector<std::string_view>& block, std::size_t block_first_line,
                                   std::string_view source) {
    std::size_t t = block[0].find("-->") != std::string_view::npos ? 0 : 1;
    if (t >= block.size() || block[t].find("-->") == std::string_view::npos) {
        // A block that starts with a time stamp but has no "-->" is a broken cue, not a comment.
        for (std::size_t k = 0; k < 2 && k < block.size(); ++k)
            if (starts_with_time_stamp(block[k]))
                throw FormatError(std::string(source) + ": line " + std::to_string(block_first_line + k) +
                                  ": malformed cue timing '" + std::string(trim(block[k])) + "' (expected START --> END)");
        return std::nullopt;
    }
    auto timing = parse_cue_timing(block[t]);
    if (!timing)
        throw FormatError(std::string(source) + ": line " + std::to_string(block_first_line + t) +
                          ": malformed cue timing '" + std::string(block[t]) + "'");
    if (timing->second < timing->first)
        throw FormatError(std::string(source) + ": line " + std::to_string(block_first_line + t) + ": cue '" +
                          std::string(trim(block[t])) + "' ends before it starts");
    Cue cue;
    cue.start_ms = timing->first;
    cue.end_ms = timing->second;
    cue.line = block_first_line + t;
    fill_cue_payload(cue, std::vector<std::string_view>(block.begin() + static_cast<std::ptrdiff_t>(t) + 1, block.end()));
    return cue;
}

}  // namespace npt::importers
