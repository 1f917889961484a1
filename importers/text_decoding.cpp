// text_decoding.cpp — byte order marks, UTF-8 validation, ICU charset detection (ucsdet) and ICU
// conversion (ucnv) with byte-exact error offsets or U+FFFD repair.
#include "importers/text_decoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/error.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::importers {
namespace {

constexpr const char* kHint = " (use --repair to replace invalid bytes with U+FFFD, or --encoding NAME)";

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

std::string src(std::string_view source) { return std::string(source); }

// Converts with an ICU converter; stops at the first invalid sequence (FormatError naming its byte
// offset) unless `repair`, which writes U+FFFD for each and counts them.
std::string convert(std::string_view bytes, std::size_t base_offset, const std::string& name, std::string_view source,
                    bool repair, std::size_t& replaced) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status) || !cnv) throw InputError(src(source) + ": unknown encoding '" + name + "'");
    ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::u16string utf16;
    utf16.reserve(bytes.size());
    std::array<UChar, 16384> buffer{};
    const char* from = bytes.data();
    const char* limit = bytes.data() + bytes.size();
    for (;;) {
        UChar* target = buffer.data();
        status = U_ZERO_ERROR;
        ucnv_toUnicode(cnv.get(), &target, buffer.data() + buffer.size(), &from, limit, nullptr, true, &status);
        utf16.append(buffer.data(), static_cast<std::size_t>(target - buffer.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND ||
            status == U_ILLEGAL_ESCAPE_SEQUENCE) {
            std::array<char, 32> bad{};
            auto bad_len = static_cast<int8_t>(bad.size());
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv.get(), bad.data(), &bad_len, &ignored);
            std::size_t offset = base_offset + static_cast<std::size_t>(from - bytes.data()) - static_cast<std::size_t>(bad_len);
            if (!repair)
                throw FormatError(src(source) + ": invalid " + name + " at byte " + std::to_string(offset) + kHint);
            utf16.push_back(u'\uFFFD');
            ++replaced;
            continue;
        }
        if (U_FAILURE(status)) throw FormatError(src(source) + ": cannot convert from " + name + ": " + u_errorName(status));
        break;
    }
    if (!utf16.empty() && utf16.front() == u'\uFEFF') utf16.erase(0, 1);
    std::string out;
    icu::UnicodeString(false, utf16.data(), static_cast<int32_t>(utf16.size())).toUTF8String(out);
    return out;
}

// A NUL byte, or many other C0 control bytes, means this is not text.
void reject_binary(std::string_view bytes, std::string_view source) {
    std::size_t controls = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0)
            throw FormatError(src(source) + ": looks like binary data, not text (NUL byte at offset " + std::to_string(i) +
                              "; if it is UTF-16 or UTF-32 text without a byte order mark, pass --encoding UTF-16LE, "
                              "UTF-16BE, UTF-32LE or UTF-32BE)");
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
    }
    if (controls * 100 > bytes.size() + 100)
        throw FormatError(src(source) + ": looks like binary data, not text (" + std::to_string(controls) + " control bytes)");
}

// UTF-16 or UTF-32 without a byte order mark, told by where its NUL bytes fall: in text mostly
// written in Latin script every character has a zero high byte, so one byte lane is mostly NUL
// and the others almost never are. Looks at the first 64 KiB; nullptr when no lane pattern shows.
const char* wide_encoding_without_bom(std::string_view bytes) {
    std::string_view sample = bytes.substr(0, std::min<std::size_t>(bytes.size(), 64 * 1024) & ~std::size_t{3});
    if (sample.size() < 4 || sample.find('\0') == std::string_view::npos) return nullptr;
    std::array<std::size_t, 4> zeros{};
    for (std::size_t i = 0; i < sample.size(); ++i)
        if (sample[i] == '\0') ++zeros[i % 4];
    const std::size_t lane = sample.size() / 4;  // bytes per lane
    auto most = [&](std::size_t z) { return z * 10 >= lane * 4; };  // at least 40% NUL
    auto few = [&](std::size_t z) { return z * 100 <= lane; };      // at most 1% NUL
    if (bytes.size() % 4 == 0) {
        if (zeros[2] == lane && zeros[3] == lane && few(zeros[0])) return "UTF-32LE";
        if (zeros[0] == lane && zeros[1] == lane && few(zeros[3])) return "UTF-32BE";
    }
    if (bytes.size() % 2 != 0) return nullptr;
    std::size_t even = zeros[0] + zeros[2], odd = zeros[1] + zeros[3];
    if (most(odd / 2) && few(even / 2)) return "UTF-16LE";
    if (most(even / 2) && few(odd / 2)) return "UTF-16BE";
    return nullptr;
}

// Counts valid multi-byte UTF-8 sequences and invalid ones.
void count_utf8(std::string_view bytes, std::size_t& multibyte, std::size_t& invalid) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto n = static_cast<int64_t>(bytes.size());
    int64_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, n, c);
        (c < 0 ? invalid : multibyte) += 1;
    }
}

// The legacy single-byte encoding ICU's detector prefers (a non-Latin-1 code page only when it is
// at least 50% confident), or windows-1252.
std::string detect_legacy(std::string_view bytes, int& confidence) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
    confidence = 0;
    if (U_FAILURE(status)) return "windows-1252";
    // The detector needs a sample, not the whole file: 8 KiB from just before the first high byte.
    std::size_t first_high = 0;
    while (first_high < bytes.size() && static_cast<unsigned char>(bytes[first_high]) < 0x80) ++first_high;
    std::string_view sample = bytes.substr(first_high > 1024 ? first_high - 1024 : 0, 8 * 1024);
    ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &found, &status);
    if (U_FAILURE(status)) return "windows-1252";
    for (int32_t i = 0; i < found; ++i) {
        UErrorCode s2 = U_ZERO_ERROR;
        std::string name = ucsdet_getName(matches[i], &s2);
        int conf = ucsdet_getConfidence(matches[i], &s2);
        if (U_FAILURE(s2)) continue;
        bool single_byte = name.rfind("ISO-8859-", 0) == 0 || name.rfind("windows-125", 0) == 0 || name == "KOI8-R";
        // Short texts give weak guesses; Windows-1252 is what a Western editor most likely wrote.
        if (single_byte && (conf >= 50 || name == "ISO-8859-1" || name == "windows-1252")) {
            confidence = conf;
            // ICU calls Latin-1 text without C1 bytes ISO-8859-1; Windows-1252 is a superset and
            // what Windows editors actually write.
            return name == "ISO-8859-1" ? "windows-1252" : name;
        }
    }
    return "windows-1252";
}

}  // namespace

std::string DecodedText::note() const {
    std::string out;
    if (encoding != "UTF-8") out = "encoding " + encoding + (detected ? " detected" : "");
    if (replaced) out += std::string(out.empty() ? "" : "; ") + std::to_string(replaced) + " invalid byte sequence(s) replaced with U+FFFD";
    return out;
}

DecodedText decode_text(std::string_view bytes, std::string_view source, std::string_view encoding, bool repair) {
    DecodedText out;
    if (!encoding.empty()) {
        out.encoding = std::string(encoding);
        out.utf8 = convert(bytes, 0, out.encoding, source, repair, out.replaced);
        return out;
    }
    auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
    using namespace std::string_view_literals;
    struct Bom { std::string_view bytes; const char* name; };
    static constexpr std::array<Bom, 4> kBoms{{{"\xFF\xFE\0\0"sv, "UTF-32LE"}, {"\0\0\xFE\xFF"sv, "UTF-32BE"},
                                               {"\xFF\xFE"sv, "UTF-16LE"}, {"\xFE\xFF"sv, "UTF-16BE"}}};
    for (const Bom& bom : kBoms) {
        if (!starts(bom.bytes)) continue;
        out.encoding = bom.name;
        out.utf8 = convert(bytes.substr(bom.bytes.size()), bom.bytes.size(), out.encoding, source, repair, out.replaced);
        return out;
    }
    std::size_t skip = starts("\xEF\xBB\xBF") ? 3 : 0;
    std::string_view body = bytes.substr(skip);
    if (const char* wide = skip ? nullptr : wide_encoding_without_bom(body)) {
        // Decoded strictly, and kept only if the result reads as text; otherwise it is binary.
        try {
            std::size_t replaced = 0;
            std::string utf8 = convert(body, 0, wide, source, false, replaced);
            reject_binary(utf8, source);
            out.encoding = wide;
            out.detected = true;
            out.utf8 = std::move(utf8);
            return out;
        } catch (const FormatError&) {
        }
    }
    reject_binary(body, source);
    std::size_t multibyte = 0, invalid = 0;
    count_utf8(body, multibyte, invalid);
    // Windows-1252 text practically never contains valid multi-byte UTF-8 sequences, so a file that
    // has them (at least one per four bad ones) is UTF-8 with damage, not a legacy encoding.
    if (invalid == 0 || skip || (multibyte > 0 && multibyte * 4 >= invalid)) {
        out.encoding = "UTF-8";
        if (invalid == 0) {
            out.utf8 = std::string(body);
            return out;
        }
        std::size_t at = *text::first_invalid_utf8(body) + skip;
        if (!repair) throw FormatError(src(source) + ": invalid UTF-8 at byte " + std::to_string(at) + kHint);
        out.utf8 = text::repair_utf8(body, &out.replaced);
        return out;
    }
    int confidence = 0;
    out.encoding = detect_legacy(body, confidence);
    out.detected = true;
    try {
        std::size_t ignored = 0;
        out.utf8 = convert(body, skip, out.encoding, source, false, ignored);
    } catch (const FormatError&) {
        // A byte the guessed code page leaves undefined: Latin-1 defines every byte.
        out.encoding = "ISO-8859-1";
        out.utf8 = convert(body, skip, out.encoding, source, repair, out.replaced);
    }
    return out;
}

}  // namespace npt::importers
