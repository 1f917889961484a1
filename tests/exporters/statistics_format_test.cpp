// statistics_format_test.cpp — how agreement statistics are written: a value that rounds to zero
// is "0.000", never "-0.000" (issue 13: alpha a rounding error below zero printed as -0.000).
#include <gtest/gtest.h>

#include "exporters/agreement_report.hpp"

namespace npt {

TEST(StatisticsFormat, NoNegativeZero) {
    agreement::ReliabilityTable table;
    table.coders = {"A", "B"};
    agreement::ReliabilityResult r;
    r.percent_agreement = 0.5;
    r.krippendorff_alpha = -1e-17;  // 1 - D_o / D_e with D_o == D_e up to rounding
    r.brennan_prediger = -0.0;
    r.alpha_ci_low = -0.0004;
    r.alpha_ci_high = 0.25;
    std::string text = exporters::reliability_text(r, table, agreement::Level::Nominal);
    EXPECT_EQ(text.find("-0.000"), std::string::npos) << text;
    EXPECT_NE(text.find("Krippendorff's alpha     0.000"), std::string::npos) << text;
    EXPECT_NE(text.find("[0.000, 0.250]"), std::string::npos) << text;
    nlohmann::json j = exporters::reliability_json(r, table, agreement::Level::Nominal);
    EXPECT_EQ(j["brennan_prediger"].dump(), "0.0");
    r.krippendorff_alpha = -0.0125;  // a real negative value keeps its sign
    EXPECT_NE(exporters::reliability_text(r, table, agreement::Level::Nominal).find("-0.013"), std::string::npos);
}

}  // namespace npt
