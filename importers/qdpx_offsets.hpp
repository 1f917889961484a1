// qdpx_offsets.hpp — turning a REFI-QDA selection's start/end, in whatever unit its tool wrote,
// into code point offsets of the text as nptcoder stores it (BOM stripped, CRLF -> LF, NFC).
// The standard counts Unicode code points from 0, end exclusive (§10.2); in practice some tools
// count CRLF as one, Qt-based tools count UTF-16 units, Taguette counts UTF-8 bytes. The unit is
// chosen per source by comparing each selection's text, where the file gives it (its name), with
// the text each candidate unit would select.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/span.hpp"

namespace npt::importers {

enum class PositionUnit { CodePoints, CodePointsCrlfAsOne, Utf16, Utf8Bytes };
const char* to_string(PositionUnit unit);

class SourceOffsets {
public:
    // `raw` is the source's text as the tool wrote it (valid UTF-8; a BOM is not counted).
    explicit SourceOffsets(std::string_view raw);
    // The text as it will be stored (what add_document keeps).
    const std::string& stored() const { return stored_; }
    // The stored span for [start, end) in `unit`, or nullopt when it lies outside the text, is
    // empty, or falls inside a character. A start inside a composed character rounds down, an
    // end rounds up.
    std::optional<Span> map(std::int64_t start, std::int64_t end, PositionUnit unit) const;
    // True when the units can disagree on this text (CR, non-ASCII, non-BMP, non-NFC).
    bool units_differ() const { return units_differ_; }

private:
    std::optional<std::int64_t> raw_index(std::int64_t position, PositionUnit unit) const;
    std::int64_t stored_index(std::int64_t raw, bool round_up) const;

    std::u32string raw_;
    std::string stored_;
    bool units_differ_ = false;
    std::vector<std::int64_t> crlf_units_, utf16_units_, utf8_units_;  // units before each raw code point
    std::vector<std::int64_t> raw_to_lf_;  // empty: identity
    struct Segment { std::int64_t lf_start, lf_len, out_start, out_len, exact; };
    std::vector<Segment> segments_;  // empty: NFC changed nothing
};

// One selection whose text the file gives (e.g. QualCoder writes it as the selection's name).
struct SelectionSample {
    std::int64_t start = 0, end = 0;
    std::string text;
};

struct UnitChoice {
    PositionUnit unit = PositionUnit::CodePoints;
    std::size_t matches = 0;  // samples whose text the chosen unit reproduces
    std::size_t samples = 0;  // samples with a text to compare
};

// The unit that reproduces most sample texts; ties and no evidence keep the standard's
// (code points).
UnitChoice choose_unit(const SourceOffsets& offsets, const std::vector<SelectionSample>& samples);

}  // namespace npt::importers
