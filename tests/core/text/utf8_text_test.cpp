// utf8_text_test.cpp — UTF-8 validation and repair, NFC, line endings and CodePointIndex.
#include <gtest/gtest.h>

#include <random>

#include "core/error.hpp"
#include "core/text/utf8_text.hpp"

using namespace npt::text;

TEST(Utf8Validation, FindsTheFirstInvalidByte) {
    EXPECT_EQ(first_invalid_utf8("plain ascii"), std::nullopt);
    EXPECT_EQ(first_invalid_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80"), std::nullopt);
    EXPECT_EQ(first_invalid_utf8("abc\xFFxyz"), 3u);
    EXPECT_EQ(first_invalid_utf8("ab\xC0\xAF"), 2u);            // overlong '/'
    EXPECT_EQ(first_invalid_utf8("a\xED\xA0\x80"), 1u);         // UTF-16 surrogate encoded
    EXPECT_EQ(first_invalid_utf8("truncated \xE2\x82"), 10u);   // cut in the middle
}

TEST(Utf8Validation, RepairCountsReplacements) {
    std::size_t replaced = 0;
    std::string fixed = repair_utf8("a\xFF" "b\xC0\xAF" "c", &replaced);
    EXPECT_EQ(first_invalid_utf8(fixed), std::nullopt);
    EXPECT_GE(replaced, 2u);
    EXPECT_NE(fixed.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Nfc, ComposesCombiningMarks) {
    EXPECT_EQ(to_nfc("e\xCC\x81"), "\xC3\xA9");  // e + combining acute -> é
    EXPECT_TRUE(is_nfc("\xC3\xA9"));
    EXPECT_FALSE(is_nfc("e\xCC\x81"));
    EXPECT_THROW(to_nfc("bad \xFF"), npt::FormatError);
}

TEST(PrepareForStore, StripsBomNormalisesLineEndingsAndNfc) {
    EXPECT_EQ(prepare_for_store("\xEF\xBB\xBFone\r\ntwo\rthree\n", "x.txt"), "one\ntwo\nthree\n");
    EXPECT_EQ(prepare_for_store("Zoe\xCC\x88", "x.txt"), "Zo\xC3\xAB");
    try {
        prepare_for_store("ok\xFE", "p01.txt");
        FAIL() << "expected FormatError";
    } catch (const npt::FormatError& e) {
        EXPECT_STREQ(e.what(), "p01.txt: invalid UTF-8 at byte 2");
    }
}

TEST(CodePointIndex, AgreesWithADecodedCopyOnRandomText) {
    const std::vector<std::string> pieces = {"a", "é", "€", "😀", "支", "ש", "\n", "e\xCC\x81"};
    std::mt19937 rng(7);
    std::string text;
    for (int i = 0; i < 5000; ++i) text += pieces[rng() % pieces.size()];
    std::u32string decoded = to_u32(text);
    CodePointIndex index(text);
    ASSERT_EQ(index.size(), decoded.size());
    ASSERT_EQ(count_code_points(text), decoded.size());
    // Brute force: byte offset of every code point by walking the text.
    std::vector<std::size_t> offsets;
    for (std::size_t b = 0; b < text.size(); ++b)
        if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) offsets.push_back(b);
    offsets.push_back(text.size());
    for (std::size_t cp = 0; cp <= decoded.size(); ++cp) {
        ASSERT_EQ(index.byte_offset(cp), offsets[cp]) << cp;
        ASSERT_EQ(index.code_point_at(offsets[cp]), cp) << cp;
    }
    for (int k = 0; k < 200; ++k) {
        std::size_t a = rng() % decoded.size(), b = rng() % decoded.size();
        if (a > b) std::swap(a, b);
        EXPECT_EQ(to_u32(index.slice(a, b)), decoded.substr(a, b - a));
        EXPECT_EQ(index.at(a), decoded[a]);
    }
}

TEST(CodePointIndex, HandlesEmptyAndExactStrideLengths) {
    CodePointIndex empty("");
    EXPECT_EQ(empty.size(), 0u);
    EXPECT_EQ(empty.byte_offset(0), 0u);
    std::string sixty_four(64, 'x');
    CodePointIndex index(sixty_four);
    EXPECT_EQ(index.size(), 64u);
    EXPECT_EQ(index.byte_offset(64), 64u);
    EXPECT_EQ(index.slice(60, 64), "xxxx");
}

TEST(PrepareInPlace, SameResultAsPrepareForStoreWithoutCopyingPreparedText) {
    for (const char* in : {"\xEF\xBB\xBFone\r\ntwo\rthree\n", "Zoe\xCC\x88", "plain\n", "\r\r\n\r", "", "\xEF\xBB\xBF"})
        EXPECT_EQ(prepare_in_place(std::string(in), "x.txt"), prepare_for_store(in, "x.txt")) << in;
    // Text that is already prepared, or needs only its BOM or line endings fixed, keeps its buffer.
    std::string prepared(1 << 20, 'a');
    const char* buffer = prepared.data();
    std::string out = prepare_in_place(std::move(prepared), "big.txt");
    EXPECT_EQ(out.data(), buffer);
    EXPECT_EQ(out.size(), 1u << 20);
    std::string crlf = "\xEF\xBB\xBF" + std::string(1000, 'b') + "\r\n";
    buffer = crlf.data();
    out = prepare_in_place(std::move(crlf), "crlf.txt");
    EXPECT_EQ(out.data(), buffer);
    EXPECT_EQ(out, std::string(1000, 'b') + "\n");
    try {
        prepare_in_place(std::string("ok\xFE"), "p01.txt");
        FAIL() << "expected FormatError";
    } catch (const npt::FormatError& e) {
        EXPECT_STREQ(e.what(), "p01.txt: invalid UTF-8 at byte 2");
    }
}
