// utf8_text.cpp — UTF-8 validation and repair, NFC through ICU, and CodePointIndex.
#include "core/text/utf8_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace npt::text {

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const int64_t n = static_cast<int64_t>(bytes.size());
    int64_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {  // ASCII fast path
            ++i;
            continue;
        }
        int64_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::nullopt;
}

std::string repair_utf8(std::string_view bytes, std::size_t* replaced) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t count = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const int64_t n = static_cast<int64_t>(bytes.size());
    int64_t i = 0;
    while (i < n) {
        int64_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) {
            append_utf8(out, U'\uFFFD');
            ++count;
        } else {
            out.append(bytes.substr(start, i - start));
        }
    }
    if (replaced) *replaced = count;
    return out;
}

static const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !n) throw Error(std::string("ICU NFC normaliser unavailable: ") + u_errorName(status));
    return *n;
}

std::string to_nfc(std::string_view utf8) {
    if (auto bad = first_invalid_utf8(utf8))
        throw FormatError("invalid UTF-8 at byte " + std::to_string(*bad));
    const auto& norm = nfc();
    UErrorCode status = U_ZERO_ERROR;
    icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (norm.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
    norm.normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) throw FormatError(std::string("NFC normalisation failed: ") + u_errorName(status));
    return out;
}

bool is_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    bool ok = nfc().isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
    return U_SUCCESS(status) && ok;
}

std::string normalize_line_endings(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string_view strip_utf8_bom(std::string_view text) {
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
        static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
        return text.substr(3);
    return text;
}

std::string prepare_for_store(std::string_view bytes, std::string_view source) {
    return prepare_in_place(std::string(bytes), source);
}

std::string prepare_in_place(std::string&& text, std::string_view source) {
    if (auto bad = first_invalid_utf8(text))
        throw FormatError(std::string(source) + ": invalid UTF-8 at byte " + std::to_string(*bad));
    std::string out = std::move(text);
    const std::size_t bom = out.size() - strip_utf8_bom(out).size();
    // Line endings and the BOM in place: the write position never passes the read position.
    std::size_t w = 0;
    for (std::size_t r = bom; r < out.size(); ++r) {
        char c = out[r];
        if (c == '\r') {
            c = '\n';
            if (r + 1 < out.size() && out[r + 1] == '\n') ++r;
        }
        out[w++] = c;
    }
    out.resize(w);
    if (is_nfc(out)) return out;
    std::string normalised = to_nfc(out);
    return normalised;
}

std::size_t count_code_points(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::u32string to_u32(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const int64_t n = static_cast<int64_t>(utf8.size());
    int64_t i = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT_OR_FFFD(s, i, n, c);
        out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

std::string to_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) append_utf8(out, c);
    return out;
}

// ---- CodePointIndex --------------------------------------------------------------------------

static inline bool is_lead(unsigned char c) { return (c & 0xC0) != 0x80; }

CodePointIndex::CodePointIndex(std::string_view utf8) : text_(utf8) {
    samples_.reserve(utf8.size() / kStride + 2);
    std::size_t cp = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (is_lead(static_cast<unsigned char>(utf8[i]))) {
            if (cp % kStride == 0) samples_.push_back(i);
            ++cp;
        }
    }
    length_ = cp;
    if (cp % kStride == 0) samples_.push_back(utf8.size());
}

std::size_t CodePointIndex::byte_offset(std::size_t code_point) const {
    if (code_point >= length_) return text_.size();
    std::size_t b = samples_[code_point / kStride];
    std::size_t remaining = code_point % kStride;
    while (remaining > 0) {
        ++b;
        while (b < text_.size() && !is_lead(static_cast<unsigned char>(text_[b]))) ++b;
        --remaining;
    }
    return b;
}

std::size_t CodePointIndex::code_point_at(std::size_t byte) const {
    if (byte >= text_.size()) return length_;
    auto it = std::upper_bound(samples_.begin(), samples_.end(), byte);
    std::size_t k = static_cast<std::size_t>(it - samples_.begin()) - 1;
    std::size_t cp = k * kStride;
    for (std::size_t b = samples_[k] + 1; b <= byte; ++b)
        if (is_lead(static_cast<unsigned char>(text_[b]))) ++cp;
    return cp;
}

std::string_view CodePointIndex::slice(std::size_t start, std::size_t end) const {
    std::size_t b0 = byte_offset(start);
    std::size_t b1 = byte_offset(end);
    return text_.substr(b0, b1 - b0);
}

char32_t CodePointIndex::at(std::size_t code_point) const {
    std::size_t b = byte_offset(code_point);
    const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
    int64_t i = static_cast<int64_t>(b);
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, static_cast<int64_t>(text_.size()), c);
    return static_cast<char32_t>(c);
}

}  // namespace npt::text
