// code_saturation_test.cpp — the saturation curve against one computed here from the random
// study's ground truth: import order, a date attribute, a number attribute (numeric order, a
// document without a value last), one coder only, and the CSV.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "core/error.hpp"
#include "core/query/code_saturation.hpp"
#include "core/random_study.hpp"
#include "core/text/csv.hpp"

namespace npt {
namespace {

struct Expected {
    std::vector<std::string> documents;
    std::vector<std::vector<std::string>> new_codes;
    std::vector<std::int64_t> so_far;
};

// Walks the documents in `order` (indexes into study.documents) and collects, per document, the
// codes of the study's codings (by `coder` when given) not met in an earlier document.
Expected walk(const test::RandomStudy& s, const std::vector<std::size_t>& order, const std::string& coder = {}) {
    Expected e;
    std::set<std::string> seen;
    for (std::size_t d : order) {
        e.documents.push_back(s.documents[d].name);
        std::vector<std::string> fresh;
        for (const std::string& code : s.codes) {  // tree order
            if (seen.count(code)) continue;
            bool here = false;
            for (const auto& c : s.codings) here = here || (c.doc == d && c.code == code && (coder.empty() || c.coder == coder));
            if (here) fresh.push_back(code);
        }
        seen.insert(fresh.begin(), fresh.end());
        e.new_codes.push_back(fresh);
        e.so_far.push_back(static_cast<std::int64_t>(seen.size()));
    }
    return e;
}

void expect_curve(const CodeSaturation& got, const Expected& want) {
    ASSERT_EQ(got.points.size(), want.documents.size());
    for (std::size_t i = 0; i < want.documents.size(); ++i) {
        EXPECT_EQ(got.points[i].document, want.documents[i]) << i;
        EXPECT_EQ(got.points[i].new_codes, want.new_codes[i]) << i;
        EXPECT_EQ(got.points[i].codes_so_far, want.so_far[i]) << i;
    }
}

class CodeSaturationTest : public ::testing::Test {
protected:
    void SetUp() override {
        project_.emplace(Project::create(dir_ / "s.nptq", "Saturation"));
        study_ = test::make_random_study(*project_, 4242, 7, 60, 14);
        // Interview dates out of import order; "visit" numbers that sort differently as text
        // (9 < 10 < 100), and the last document's case has no visit.
        const std::vector<std::string> dates = {"2021-11-19", "2021-11-08", "2022-01-04", "2021-12-01",
                                                "2021-11-15", "2021-12-20", "2021-11-30"};
        const std::vector<std::string> visits = {"10", "9", "100", "2", "33", "1"};
        project_->action("attributes", [&] {
            const Attribute date = ensure_attribute(*project_, "interview_date", AttributeType::Date);
            const Attribute visit = ensure_attribute(*project_, "visit", AttributeType::Number);
            for (std::size_t d = 0; d < study_.documents.size(); ++d) {
                const Case c = require_case(*project_, study_.documents[d].case_name);
                set_case_value(*project_, c.id, date.id, dates[d]);
                if (d < visits.size()) set_case_value(*project_, c.id, visit.id, visits[d]);
            }
        });
        dates_ = dates;
        visits_ = visits;
    }
    Project& p() { return *project_; }

    test::TempDir dir_;
    std::optional<Project> project_;
    test::RandomStudy study_;
    std::vector<std::string> dates_, visits_;
};

TEST_F(CodeSaturationTest, ImportOrderIsTheOrderDocumentsArrived) {
    std::vector<std::size_t> order(study_.documents.size());
    std::iota(order.begin(), order.end(), 0);
    const CodeSaturation got = code_saturation(p());
    expect_curve(got, walk(study_, order));
    // The curve is cumulative and ends at the number of distinct codes used.
    std::set<std::string> used;
    for (const auto& c : study_.codings) used.insert(c.code);
    EXPECT_EQ(got.points.back().codes_so_far, static_cast<std::int64_t>(used.size()));
    for (const auto& point : got.points) EXPECT_EQ(point.order_value, "");
}

TEST_F(CodeSaturationTest, DateAttributeOrdersByInterviewDate) {
    std::vector<std::size_t> order(study_.documents.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return dates_[a] < dates_[b]; });
    SaturationOptions o;
    o.order = "interview_date";
    const CodeSaturation got = code_saturation(p(), o);
    expect_curve(got, walk(study_, order));
    EXPECT_EQ(got.points.front().order_value, "2021-11-08");
}

TEST_F(CodeSaturationTest, NumberAttributeComparesNumbersAndPutsMissingValuesLast) {
    // visits 10, 9, 100, 2, 33, 1 and none: numeric order is documents 5, 3, 1, 0, 4, 2, then 6.
    const std::vector<std::size_t> order = {5, 3, 1, 0, 4, 2, 6};
    SaturationOptions o;
    o.order = "visit";
    const CodeSaturation got = code_saturation(p(), o);
    expect_curve(got, walk(study_, order));
    EXPECT_EQ(got.points.back().order_value, "");
}

TEST_F(CodeSaturationTest, OneCoderCountsOnlyTheirCodings) {
    std::vector<std::size_t> order(study_.documents.size());
    std::iota(order.begin(), order.end(), 0);
    SaturationOptions o;
    o.coders = {"K2"};
    expect_curve(code_saturation(p(), o), walk(study_, order, "K2"));
}

TEST_F(CodeSaturationTest, UnknownAttributeOrCoderIsNotFound) {
    SaturationOptions o;
    o.order = "shoe size";
    EXPECT_THROW(code_saturation(p(), o), NotFoundError);
    o.order = "import";
    o.coders = {"Nobody"};
    EXPECT_THROW(code_saturation(p(), o), NotFoundError);
}

TEST_F(CodeSaturationTest, CsvHasOneRowPerDocumentWithTheCounts) {
    SaturationOptions o;
    o.order = "interview_date";
    const CodeSaturation got = code_saturation(p(), o);
    const std::string csv = code_saturation_csv(got);
    std::vector<std::string> lines;
    std::size_t start = 0;
    // Rows end in CRLF (RFC 4180), as csv::format_row writes them.
    for (std::size_t nl; (nl = csv.find("\r\n", start)) != std::string::npos; start = nl + 2) lines.push_back(csv.substr(start, nl - start));
    ASSERT_EQ(lines.size(), got.points.size() + 1);
    EXPECT_EQ(lines[0], "document,interview_date,new_codes,codes_so_far,new_code_paths");
    for (std::size_t i = 0; i < got.points.size(); ++i) {
        const auto& pt = got.points[i];
        std::string paths;
        for (std::size_t k = 0; k < pt.new_codes.size(); ++k) paths += (k ? "; " : "") + pt.new_codes[k];
        EXPECT_EQ(lines[i + 1] + "\r\n", csv::format_row({pt.document, pt.order_value, std::to_string(pt.new_codes.size()),
                                                        std::to_string(pt.codes_so_far), paths}));
    }
}

}  // namespace
}  // namespace npt
