// csv_test.cpp — RFC 4180 parsing and writing, table-driven.
#include <gtest/gtest.h>

#include "core/text/csv.hpp"
#include "core/error.hpp"

using namespace npt;

TEST(Csv, ParsesQuotedFieldsNewlinesAndDoubledQuotes) {
    auto rows = csv::parse("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\nagain\"\n2,,z\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1", "x, y", "say \"hi\"\nagain"}));
    EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"2", "", "z"}));
    EXPECT_EQ(rows[2].line, 4u);
}

TEST(Csv, DetectsSemicolonsAndSkipsBom) {
    auto rows = csv::parse("\xEF\xBB\xBFname;site\nP01;\"North; East\"\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields[0], "name");
    EXPECT_EQ(rows[1].fields[1], "North; East");
}

TEST(Csv, ReportsAnUnclosedQuoteWithItsLine) {
    try {
        csv::parse("a,b\n1,\"open\n2,3\n");
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_STREQ(e.what(), "line 2: a quoted field is never closed");
    }
}

TEST(Csv, RoundTripsWhatItWrites) {
    std::vector<std::string> fields = {"plain", "comma,here", "quote\"here", "line\nbreak", "😀 ש"};
    auto rows = csv::parse(csv::format_row(fields) + csv::format_row(fields), ',');
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields, fields);
    EXPECT_EQ(rows[1].fields, fields);
}

TEST(Csv, EmptyInputHasNoRows) { EXPECT_TRUE(csv::parse("").empty()); }
