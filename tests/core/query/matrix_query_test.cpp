// matrix_query_test.cpp — the matrix coding query (segments, cases, words) against brute force.
#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"
#include "core/query/matrix_query.hpp"
#include "core/random_study.hpp"

namespace npt {
namespace {

// Rows as lists of document indexes (one document per case in the random study).
std::int64_t brute_cell(const test::RandomStudy& s, const std::vector<std::size_t>& docs, const std::vector<std::string>& codes,
                        MatrixCount count) {
    std::int64_t value = 0;
    for (std::size_t d : docs) {
        std::int64_t segments = 0;
        for (const auto& c : s.codings)
            if (c.doc == d && std::find(codes.begin(), codes.end(), c.code) != codes.end()) ++segments;
        if (count == MatrixCount::Segments) value += segments;
        if (count == MatrixCount::Cases) value += segments > 0 ? 1 : 0;
        if (count == MatrixCount::Words) {
            auto bits = s.covered(d, codes);
            for (const auto& w : s.documents[d].words) {
                bool hit = false;
                for (auto i = w.span.start; i < w.span.end; ++i) hit = hit || bits[static_cast<std::size_t>(i)];
                value += hit ? 1 : 0;
            }
        }
    }
    return value;
}

TEST(MatrixQuery, RowsByCaseAndByAttributeMatchBruteForce) {
    test::TempDir dir;
    Project p = Project::create(dir / "m.nptq", "Matrix query");
    auto study = test::make_random_study(p, 555, 6, 180, 180);
    for (MatrixCount count : {MatrixCount::Segments, MatrixCount::Cases, MatrixCount::Words}) {
        for (bool descendants : {false, true}) {
            for (const std::string rows : {"case", "group"}) {
                MatrixQueryOptions o;
                o.rows = rows;
                o.count = count;
                o.codes = {"A", "B/b1", "C"};
                o.include_descendants = descendants;
                auto m = matrix_query(p, o);
                ASSERT_EQ(m.columns, o.codes);
                std::map<std::string, std::vector<std::size_t>> row_docs;
                for (std::size_t d = 0; d < study.documents.size(); ++d) {
                    const auto& doc = study.documents[d];
                    row_docs[rows == "case" ? doc.case_name : study.case_values[doc.case_name]["group"]].push_back(d);
                }
                std::vector<std::string> want_rows;
                for (auto& [r, docs] : row_docs) want_rows.push_back(r);
                ASSERT_EQ(m.rows, want_rows);
                for (std::size_t r = 0; r < m.rows.size(); ++r)
                    for (std::size_t c = 0; c < m.columns.size(); ++c) {
                        auto codes = descendants ? study.with_descendants(o.codes[c]) : std::vector<std::string>{o.codes[c]};
                        EXPECT_EQ(m.counts[r][c], brute_cell(study, row_docs[m.rows[r]], codes, count))
                            << to_string(count) << " rows=" << rows << " " << m.rows[r] << " x " << m.columns[c];
                    }
            }
        }
    }
}

TEST(MatrixQuery, WhereNarrowsCasesAndUnknownAttributeIsNamed) {
    test::TempDir dir;
    Project p = Project::create(dir / "m.nptq", "Matrix query");
    auto study = test::make_random_study(p, 77, 6, 100, 60);
    MatrixQueryOptions o;
    o.where = {parse_attribute_condition("site=North")};
    auto m = matrix_query(p, o);
    std::set<std::string> want;
    for (auto& [c, values] : study.case_values)
        if (values["site"] == "North") want.insert(c);
    EXPECT_EQ(std::set<std::string>(m.rows.begin(), m.rows.end()), want);
    o.rows = "ethnicity";
    try {
        matrix_query(p, o);
        FAIL() << "no error";
    } catch (const NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("ethnicity"), std::string::npos);
    }
    EXPECT_THROW(matrix_count_from_string("pages"), InputError);
}

}  // namespace
}  // namespace npt
