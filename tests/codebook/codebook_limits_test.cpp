// codebook_limits_test.cpp — hostile codebook files: JSON and .qdc nested 100,000–200,000 deep (they
// overflowed the stack), more codes or longer paths than the documented limits, 40,000 codes of
// one name in a .qdc (renaming was quadratic), and loading work that must grow linearly with the
// number of codes (SQLite work counted, not time).
#include <gtest/gtest.h>
#include "codebook/codebook.hpp"
#include "codebook/codebook_project.hpp"
#include "codebook/refi_codebook.hpp"
#include "core/model/codes.hpp"
#include "core/error.hpp"
#include "support/hostile_input.hpp"
#include "support/test_support.hpp"

using namespace npt;
using namespace npt::codebook;

namespace {

using test::error_of;
using test::repeat;

// A JSON codebook whose one chain of codes is `depth` levels deep.
std::string deep_json(std::size_t depth) {
    return R"({"format":"nptcoder-codebook","schema_version":1,"name":"deep","codes":)" +
           repeat(R"([{"name":"a","codes":)", depth) + "[]" + repeat("}]", depth) + "}";
}

std::string flat_json(std::size_t codes) {
    std::string out = R"({"format":"nptcoder-codebook","schema_version":1,"name":"flat","codes":[)";
    for (std::size_t i = 0; i < codes; ++i) out += (i ? "," : "") + std::string(R"({"name":"c)") + std::to_string(i) + "\"}";
    return out + "]}";
}

const std::string kGuid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

std::string qdc(const std::string& codes) {
    return R"(<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>)" + codes +
           "</Codes></CodeBook>";
}

std::string deep_qdc(std::size_t depth) {
    return qdc(repeat(R"(<Code guid=")" + kGuid + R"(" name="a">)", depth) + repeat("</Code>", depth));
}

}  // namespace

TEST(CodebookLimits, JsonNested100000DeepIsRefusedNotACrash) {
    std::string message = error_of([] { parse_codebook_json(deep_json(100000), "deep.json"); });
    EXPECT_NE(message.find("deep.json: codes nest more than 256 levels deep"), std::string::npos) << message;
}

TEST(CodebookLimits, QdcNested200000DeepIsRefusedNotACrash) {
    std::string message = error_of([] { read_qdc(deep_qdc(200000), "deep.qdc"); });
    EXPECT_NE(message.find("deep.qdc: codes nest more than 256 levels deep"), std::string::npos) << message;
}

TEST(CodebookLimits, TwoHundredFiftySixLevelsAreReadAndLoaded) {
    Codebook cb = parse_codebook_json(deep_json(256), "ok.json");
    ASSERT_EQ(cb.codes.size(), 256u);
    EXPECT_EQ(split_code_path(cb.codes.back().path).size(), 256u);
    EXPECT_EQ(read_qdc(deep_qdc(256), "ok.qdc").codebook.codes.size(), 256u);
    EXPECT_NE(error_of([] { parse_codebook_json(deep_json(257), "x.json"); }).find("more than 256 levels"), std::string::npos);
    test::TempDir dir;
    Project p = Project::create(dir / "p.nptq", "Deep");
    EXPECT_EQ(load_codebook(p, cb).added, 256);
    EXPECT_EQ(list_codes(p).size(), 256u);
}

TEST(CodebookLimits, AddCodeRefusesPathsDeeperThanTheLimit) {
    test::TempDir dir;
    Project p = Project::create(dir / "p.nptq", "Deep");
    NewCode nc;
    nc.path = repeat("a/", 256) + "b";
    EXPECT_EQ(error_of([&] { add_code(p, nc); }), "code 'a/…/b' is 257 levels deep; codes nest at most 256 levels");
    EXPECT_TRUE(list_codes(p).empty());
}

TEST(CodebookLimits, TooManyCodesOrTooLongAPathAreRefused) {
    EXPECT_EQ(error_of([] { parse_codebook_json(flat_json(kMaxCodebookCodes + 1), "big.json"); }),
              "big.json: holds more than 100000 codes; a codebook may hold at most 100000");
    std::string long_name(kMaxCodePathBytes + 1, 'x');
    std::string json = R"({"format":"nptcoder-codebook","schema_version":1,"codes":[{"name":")" + long_name + "\"}]}";
    std::string message = error_of([&] { parse_codebook_json(json, "long.json"); });
    EXPECT_NE(message.find("long.json: code path 'xxxx"), std::string::npos) << message.substr(0, 200);
    EXPECT_NE(message.find("is 4097 bytes long; a code path may be at most 4096 bytes"), std::string::npos);
    std::string many;
    for (std::size_t i = 0; i <= kMaxCodebookCodes; ++i) many += R"(<Code guid=")" + kGuid + R"(" name="c"/>)";
    EXPECT_EQ(error_of([&] { read_qdc(qdc(many), "big.qdc"); }),
              "big.qdc: holds more than 100000 codes; a codebook may hold at most 100000");
}

TEST(CodebookLimits, FortyThousandCodesOfOneNameInAQdcAreRenamedInLinearTime) {
    std::string codes;
    for (int i = 0; i < 40000; ++i) codes += R"(<Code guid=")" + kGuid + R"(" name="same"/>)";
    QdcImport read = read_qdc(qdc(codes), "same.qdc");
    ASSERT_EQ(read.codebook.codes.size(), 40000u);
    EXPECT_EQ(read.codebook.codes[0].path, "same");
    EXPECT_EQ(read.codebook.codes[1].path, "same (2)");
    EXPECT_EQ(read.codebook.codes.back().path, "same (40000)");
}

namespace {

// SQLite work (sqlite_work.hpp) while loading a flat codebook of `codes` codes.
std::int64_t load_work(std::size_t codes) {
    test::TempDir dir;
    Project p = Project::create(dir / "p.nptq", "Flat");
    Codebook cb = parse_codebook_json(flat_json(codes), "flat.json");
    std::int64_t work = test::sqlite_work(p, [&] { load_codebook(p, cb); });
    EXPECT_EQ(list_codes(p).size(), codes);
    return work;
}

}  // namespace

TEST(CodebookLimits, LoadingWorkGrowsLinearlyWithTheNumberOfCodes) {
    double growth = test::work_growth([](int n) { return load_work(n); }, 1000, 4000, "codes");
    // Linear work is 4.0x (measured 4.03). Two count(*) per inserted code, each walking the whole
    // code table, made it 4.74x at these sizes and worse the larger the codebook.
    EXPECT_LT(growth, 4.4);
}
