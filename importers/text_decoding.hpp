// text_decoding.hpp — turning the bytes of a text file (a transcript, a subtitle file, a CSV) into
// UTF-8: byte order marks, UTF-8, UTF-16/32, and legacy 8-bit encodings (Windows-1252,
// ISO-8859-1, ...) detected with ICU's charset detector and converted with ICU.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace npt::importers {

struct DecodedText {
    std::string utf8;        // valid UTF-8, line endings and normalisation untouched, no BOM
    std::string encoding;    // e.g. "UTF-8", "UTF-16LE", "windows-1252"
    std::size_t replaced = 0;  // invalid sequences replaced with U+FFFD (repair only)
    bool detected = false;     // true when a legacy encoding was guessed by the detector
    // One line for the document's import note ("" for plain UTF-8).
    std::string note() const;
};

// Decodes `bytes`. `encoding` (an ICU converter name or alias) overrides detection; "" detects:
// a BOM wins; UTF-16/UTF-32 without a BOM is told by its NUL byte lanes (and kept only if it
// decodes cleanly to text); valid UTF-8 is UTF-8; text with valid multi-byte UTF-8 sequences (at least one per
// four invalid ones) is damaged UTF-8; otherwise ICU's detector picks a single-byte encoding
// (Windows-1252 when unsure).
// Throws FormatError naming `source` and the byte offset of an invalid sequence (unless `repair`,
// which substitutes U+FFFD and counts), or for binary data (a NUL byte outside UTF-16/32);
// InputError for an unknown encoding name.
DecodedText decode_text(std::string_view bytes, std::string_view source, std::string_view encoding, bool repair);

}  // namespace npt::importers
