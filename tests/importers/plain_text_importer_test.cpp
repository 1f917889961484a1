// plain_text_importer_test.cpp — plain text in UTF-8 (with and without BOM), UTF-16 LE/BE,
// Windows-1252 and ISO-8859-1 written byte by byte; --encoding, --repair, line endings and NFC.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/formats.hpp"
#include "importers/import_fixtures.hpp"
#include "importers/text_decoding.hpp"

using namespace npt;
using namespace npt::importers;

namespace {
const std::string kSample = "Interviewer: Was the hub “normal” work?\nP01: Yes — café staff, naïve at first. 😀\n";

ImportedDocument parse(const std::string& bytes, ImportOptions o = {}) { return parse_plain_text(bytes, "t.txt", o); }
}  // namespace

TEST(PlainText, Utf8WithAndWithoutBomGiveTheSameText) {
    ImportedDocument plain = parse(kSample);
    ImportedDocument bom = parse("\xEF\xBB\xBF" + kSample);
    EXPECT_EQ(plain.text, kSample);
    EXPECT_EQ(bom.text, kSample);
    EXPECT_EQ(plain.import_note, "");
}

TEST(PlainText, Utf16LittleAndBigEndianWithBom) {
    for (bool le : {true, false}) {
        ImportedDocument d = parse(test::utf16(kSample, le));
        EXPECT_EQ(d.text, kSample) << (le ? "LE" : "BE");
        EXPECT_EQ(d.import_note, le ? "encoding UTF-16LE" : "encoding UTF-16BE");
    }
}

TEST(PlainText, Windows1252IsDetectedAndConverted) {
    // "Résumé: the “hub” – £5" in Windows-1252, byte by byte, with enough text for the detector.
    std::string bytes;
    for (int i = 0; i < 5; ++i)
        bytes += "R\xE9sum\xE9 of the \x93hub\x94 \x96 it cost \xA3" "5 and staff were na\xEFve about it.\r\n";
    ImportedDocument d = parse(bytes);
    std::string line = "Résumé of the “hub” – it cost £5 and staff were naïve about it.\n";
    std::string expected;
    for (int i = 0; i < 5; ++i) expected += line;
    EXPECT_EQ(d.text, expected);
    EXPECT_NE(d.import_note.find("windows-1252 detected"), std::string::npos) << d.import_note;
}

TEST(PlainText, Latin1WithoutC1BytesReadsTheSame) {
    std::string bytes = "Caf\xE9 cr\xE8me, se\xF1or, \xFC" "ber, gar\xE7on \xE0 la carte. Les employ\xE9s du centre.\n";
    EXPECT_EQ(parse(bytes).text, "Café crème, señor, über, garçon à la carte. Les employés du centre.\n");
}

TEST(PlainText, EncodingOptionOverridesDetection) {
    ImportOptions o;
    o.encoding = "ISO-8859-7";  // Greek: 0xE1 is alpha
    EXPECT_EQ(parse("\xE1\xE2\xE3\n", o).text, "αβγ\n");
    o.encoding = "no-such-encoding";
    EXPECT_THROW(parse("abc", o), InputError);
}

TEST(PlainText, InvalidUtf8NamesTheByteOffset) {
    std::string bytes = "naïve café — the hub 😀 started\n" + std::string("bad \xC3\x28 here");
    std::size_t bad = bytes.find("\xC3\x28");
    try {
        parse(bytes);
        FAIL() << "expected FormatError";
    } catch (const FormatError& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("t.txt: invalid UTF-8 at byte " + std::to_string(bad)), std::string::npos) << what;
        EXPECT_EQ(what.find('\n'), std::string::npos);
    }
}

TEST(PlainText, RepairReplacesEachInvalidSequenceAndCounts) {
    std::string bytes = "naïve café — ok\n\xFF one \xC3\x28 two \xE2\x82 end";
    ImportOptions o;
    o.repair = true;
    ImportedDocument d = parse(bytes, o);
    EXPECT_EQ(d.text, "naïve café — ok\n\uFFFD one \uFFFD( two \uFFFD end");
    EXPECT_NE(d.import_note.find("3 invalid byte sequence(s) replaced"), std::string::npos) << d.import_note;
}

TEST(PlainText, ExplicitEncodingErrorNamesTheByteAndRepairCounts) {
    ImportOptions o;
    o.encoding = "UTF-8";
    try {
        parse("abc\xFFxyz", o);
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("at byte 3"), std::string::npos) << e.what();
    }
    o.repair = true;
    DecodedText d = decode_text("abc\xFFxyz\xFE", "x", "UTF-8", true);
    EXPECT_EQ(d.utf8, "abc\uFFFDxyz\uFFFD");
    EXPECT_EQ(d.replaced, 2u);
}

TEST(PlainText, StrayHighBytesInAsciiTextAreWindows1252) {
    // No valid multi-byte UTF-8 at all: the file is a legacy encoding, not damaged UTF-8.
    ImportedDocument d = parse("bad \xC3\x28 and \x80 here");
    EXPECT_EQ(d.text, "bad Ã( and € here");
    EXPECT_NE(d.import_note.find("windows-1252"), std::string::npos) << d.import_note;
}

TEST(PlainText, LineEndingsBecomeLfAndTextBecomesNfc) {
    // "e" + combining acute (NFD) must be stored as precomposed "é".
    ImportedDocument d = parse("one\r\ntwo\rthree\ncafe\xCC\x81\r\n");
    EXPECT_EQ(d.text, "one\ntwo\nthree\ncafé\n");
    EXPECT_TRUE(text::is_nfc(d.text));
}

TEST(PlainText, Utf16SurrogatePairsSurvive) {
    std::string s = "emoji 😀 and 𝄞 music\n";
    EXPECT_EQ(parse(test::utf16(s, true)).text, s);
}

TEST(PlainText, TruncatedUtf16IsAnError) {
    std::string bytes = test::utf16("hello", true) + "x";  // odd byte count
    EXPECT_THROW(parse(bytes), FormatError);
    ImportOptions o;
    o.repair = true;
    EXPECT_EQ(parse(bytes, o).text, "hello\uFFFD");
}
