// qdpx_offsets.cpp — position units of REFI-QDA selections and their mapping onto stored text.
#include "importers/qdpx_offsets.hpp"

#include <algorithm>

#include "core/text/utf8_text.hpp"

namespace npt::importers {
namespace {

// Whitespace-insensitive comparison form: NFC, every run of whitespace (including U+2028/U+2029,
// which Qt writes for line breaks) one space, trimmed.
std::string comparable(std::string_view text) {
    std::u32string in = text::to_u32(text::to_nfc(text::repair_utf8(text)));
    std::u32string out;
    bool space = false;
    for (char32_t c : in) {
        bool ws = c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029 || c == 0xA0;
        if (ws) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(U' ');
        space = false;
        out.push_back(c);
    }
    return text::to_utf8(out);
}

}  // namespace

const char* to_string(PositionUnit unit) {
    switch (unit) {
        case PositionUnit::CodePoints: return "code points";
        case PositionUnit::CodePointsCrlfAsOne: return "code points with CRLF counted as one";
        case PositionUnit::Utf16: return "UTF-16 code units";
        case PositionUnit::Utf8Bytes: return "UTF-8 bytes";
    }
    return "code points";
}

SourceOffsets::SourceOffsets(std::string_view raw) {
    raw = text::strip_utf8_bom(raw);
    raw_ = text::to_u32(raw);
    stored_ = text::prepare_for_store(raw, "source");
    const std::size_t n = raw_.size();
    bool has_cr = false, non_ascii = false;
    for (char32_t c : raw_) {
        has_cr |= c == U'\r';
        non_ascii |= c >= 0x80;
    }
    units_differ_ = has_cr || non_ascii;
    if (!units_differ_) return;
    crlf_units_.resize(n + 1);
    utf16_units_.resize(n + 1);
    utf8_units_.resize(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
        char32_t c = raw_[i];
        bool cr_of_crlf = c == U'\r' && i + 1 < n && raw_[i + 1] == U'\n';
        crlf_units_[i + 1] = crlf_units_[i] + (cr_of_crlf ? 0 : 1);
        utf16_units_[i + 1] = utf16_units_[i] + (c >= 0x10000 ? 2 : 1);
        utf8_units_[i + 1] = utf8_units_[i] + (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);
    }
    // Line endings: raw code point -> index in the LF text.
    std::u32string lf;
    lf.reserve(n);
    if (has_cr) {
        raw_to_lf_.resize(n + 1);
        for (std::size_t i = 0; i < n; ++i) {
            raw_to_lf_[i] = static_cast<std::int64_t>(lf.size());
            if (raw_[i] == U'\r' && i + 1 < n && raw_[i + 1] == U'\n') continue;  // the LF follows
            lf.push_back(raw_[i] == U'\r' ? U'\n' : raw_[i]);
        }
        raw_to_lf_[n] = static_cast<std::int64_t>(lf.size());
    } else {
        lf = raw_;
    }
    std::string lf_utf8 = text::to_utf8(lf);
    if (text::is_nfc(lf_utf8)) return;
    // NFC changed the text: cut it before ASCII characters (nothing composes with what precedes
    // one) once a segment holds a non-ASCII character, normalise each segment on its own.
    std::string rebuilt;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        if (end <= start) return;
        std::u32string piece = lf.substr(start, end - start);
        std::size_t ascii = 0;
        while (ascii < piece.size() && piece[ascii] < 0x80) ++ascii;
        std::string nfc = text::to_nfc(text::to_utf8(piece));
        std::int64_t out_len = static_cast<std::int64_t>(text::count_code_points(nfc));
        std::int64_t out_start = segments_.empty() ? 0 : segments_.back().out_start + segments_.back().out_len;
        std::int64_t exact = out_len == static_cast<std::int64_t>(piece.size()) ? static_cast<std::int64_t>(piece.size())
                                                                                 : static_cast<std::int64_t>(ascii ? ascii - 1 : 0);
        segments_.push_back({static_cast<std::int64_t>(start), static_cast<std::int64_t>(piece.size()), out_start, out_len, exact});
        rebuilt += nfc;
        start = end;
    };
    bool seen_non_ascii = false;
    for (std::size_t i = 0; i < lf.size(); ++i) {
        if (lf[i] < 0x80 && seen_non_ascii) {
            flush(i);
            seen_non_ascii = false;
        }
        seen_non_ascii |= lf[i] >= 0x80;
    }
    flush(lf.size());
    if (rebuilt != stored_) segments_.clear();  // cannot happen for valid segments; fall back to identity
}

std::optional<std::int64_t> SourceOffsets::raw_index(std::int64_t position, PositionUnit unit) const {
    const auto n = static_cast<std::int64_t>(raw_.size());
    if (position < 0) return std::nullopt;
    if (unit == PositionUnit::CodePoints || !units_differ_) {
        if (position > n) return std::nullopt;
        return position;
    }
    const std::vector<std::int64_t>& units =
        unit == PositionUnit::Utf16 ? utf16_units_ : unit == PositionUnit::Utf8Bytes ? utf8_units_ : crlf_units_;
    auto it = std::lower_bound(units.begin(), units.end(), position);
    if (it == units.end() || *it != position) return std::nullopt;
    return static_cast<std::int64_t>(it - units.begin());
}

std::int64_t SourceOffsets::stored_index(std::int64_t raw, bool round_up) const {
    std::int64_t lf = raw_to_lf_.empty() ? raw : raw_to_lf_[static_cast<std::size_t>(raw)];
    if (segments_.empty()) return lf;
    auto it = std::upper_bound(segments_.begin(), segments_.end(), lf,
                               [](std::int64_t v, const Segment& s) { return v < s.lf_start; });
    if (it == segments_.begin()) return 0;
    const Segment& s = *(it - 1);
    std::int64_t d = lf - s.lf_start;
    if (d >= s.lf_len) return s.out_start + s.out_len;
    if (d <= s.exact) return s.out_start + d;
    return round_up ? s.out_start + s.out_len : s.out_start + s.exact;
}

std::optional<Span> SourceOffsets::map(std::int64_t start, std::int64_t end, PositionUnit unit) const {
    if (end <= start) return std::nullopt;
    auto a = raw_index(start, unit);
    auto b = raw_index(end, unit);
    if (!a || !b) return std::nullopt;
    Span span{stored_index(*a, false), stored_index(*b, true)};
    if (span.end <= span.start) return std::nullopt;
    return span;
}

UnitChoice choose_unit(const SourceOffsets& offsets, const std::vector<SelectionSample>& samples) {
    UnitChoice best;
    std::vector<std::pair<const SelectionSample*, std::string>> wanted;
    for (const SelectionSample& s : samples) {
        if (wanted.size() >= 200) break;
        std::string t = comparable(s.text);
        if (!t.empty()) wanted.emplace_back(&s, std::move(t));
    }
    best.samples = wanted.size();
    if (wanted.empty()) return best;
    text::CodePointIndex index(offsets.stored());
    auto score = [&](PositionUnit unit) {
        std::size_t n = 0;
        for (const auto& [s, t] : wanted) {
            auto span = offsets.map(s->start, s->end, unit);
            if (!span) continue;
            std::string got = comparable(index.slice(static_cast<std::size_t>(span->start), static_cast<std::size_t>(span->end)));
            if (got == t || (t.size() >= 20 && got.rfind(t, 0) == 0)) ++n;
        }
        return n;
    };
    best.matches = score(PositionUnit::CodePoints);
    if (!offsets.units_differ()) return best;
    for (PositionUnit u : {PositionUnit::CodePointsCrlfAsOne, PositionUnit::Utf16, PositionUnit::Utf8Bytes}) {
        std::size_t n = score(u);
        if (n > best.matches) {
            best.matches = n;
            best.unit = u;
        }
    }
    return best;
}

}  // namespace npt::importers
