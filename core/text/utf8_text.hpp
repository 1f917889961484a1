// utf8_text.hpp — UTF-8 validation, NFC normalisation, line-ending normalisation, and the
// code point <-> byte offset index. All offsets in public APIs are Unicode code points,
// end-exclusive; byte offsets appear only inside this module and the store.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace npt::text {

// Byte offset of the first invalid UTF-8 sequence (overlong, surrogate, truncated,
// out of range), or nullopt when the whole input is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// Replaces each invalid sequence with U+FFFD; returns how many were replaced through `replaced`.
std::string repair_utf8(std::string_view bytes, std::size_t* replaced = nullptr);

// NFC form of valid UTF-8 text (ICU Normalizer2). Throws npt::FormatError on invalid UTF-8.
std::string to_nfc(std::string_view utf8);
bool is_nfc(std::string_view utf8);

// CRLF and lone CR become LF.
std::string normalize_line_endings(std::string_view text);

// Strips a leading UTF-8 byte order mark, if present.
std::string_view strip_utf8_bom(std::string_view text);

// Everything text must go through before it is stored: validate (FormatError naming `source`
// and the byte offset when invalid), strip BOM, normalise line endings, NFC.
std::string prepare_for_store(std::string_view bytes, std::string_view source);
// The same, in place: the BOM and line endings are fixed inside `text`'s own buffer and text that
// is already NFC is returned as it came, so a 500 MB transcript is not copied (a copy is made
// only when NFC changes the text). The importers and add_document pass their text through this.
std::string prepare_in_place(std::string&& text, std::string_view source);

// Number of code points in valid UTF-8.
std::size_t count_code_points(std::string_view utf8);

// Appends the UTF-8 encoding of one code point.
void append_utf8(std::string& out, char32_t cp);
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

// Maps code point offsets to byte offsets and back in O(log n) (a sample every 64 code points),
// so a 5 MB document answers lookups without scanning. Views `text`: keep it alive.
class CodePointIndex {
public:
    explicit CodePointIndex(std::string_view utf8);
    std::size_t size() const { return length_; }              // in code points
    std::size_t byte_offset(std::size_t code_point) const;    // code_point <= size()
    std::size_t code_point_at(std::size_t byte_offset) const; // byte_offset <= bytes; rounds down
    // The text between two code point offsets (start <= end <= size()).
    std::string_view slice(std::size_t start, std::size_t end) const;
    char32_t at(std::size_t code_point) const;
    std::string_view text() const { return text_; }

private:
    static constexpr std::size_t kStride = 64;
    std::string_view text_;
    std::size_t length_ = 0;
    std::vector<std::size_t> samples_;  // byte offset of code point k*kStride
};

}  // namespace npt::text
