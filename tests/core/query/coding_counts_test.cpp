// coding_counts_test.cpp — coding counts per document, code and coder (and their per-document
// splits) against counts made here from each document's codings, and recount_document bringing
// them up to date after codings of one document change.
#include <gtest/gtest.h>

#include <random>

#include "core/model/codes.hpp"
#include "core/model/coders.hpp"
#include "core/model/codings.hpp"
#include "core/query/coding_counts.hpp"
#include "core/random_study.hpp"

namespace npt {
namespace {

// The counts, made independently: every document's codings, read one document at a time.
CodingCounts counted_here(Project& p, const std::vector<DocumentId>& documents) {
    CodingCounts c;
    for (DocumentId d : documents)
        for (const Coding& k : codings_in_document(p, d)) {
            ++c.total;
            ++c.per_document[d];
            ++c.per_code[k.code_id];
            ++c.per_coder[k.coder_id];
            ++c.per_document_code[{d, k.code_id}];
            ++c.per_document_coder[{d, k.coder_id}];
        }
    return c;
}

void expect_same(const CodingCounts& got, const CodingCounts& want) {
    EXPECT_EQ(got.total, want.total);
    EXPECT_EQ(got.per_document, want.per_document);
    EXPECT_EQ(got.per_code, want.per_code);
    EXPECT_EQ(got.per_coder, want.per_coder);
    EXPECT_EQ(got.per_document_code, want.per_document_code);
    EXPECT_EQ(got.per_document_coder, want.per_document_coder);
}

TEST(CodingCounts, MatchCountsMadeFromEachDocumentsCodings) {
    test::TempDir dir;
    Project p = Project::create(dir / "c.nptq", "Counts");
    auto study = test::make_random_study(p, 99, 5, 150, 140);
    std::vector<DocumentId> docs;
    for (const auto& d : study.documents) docs.push_back(d.id);
    CodingCounts counts = coding_counts(p);
    EXPECT_EQ(counts.total, static_cast<std::int64_t>(study.codings.size()));
    EXPECT_GT(counts.per_document_code.size(), 5u);
    expect_same(counts, counted_here(p, docs));
    EXPECT_EQ(counts.of_document(DocumentId{999999}), 0);
}

TEST(CodingCounts, RecountDocumentEqualsAFreshCountAfterChangesToThatDocument) {
    test::TempDir dir;
    Project p = Project::create(dir / "r.nptq", "Recount");
    auto study = test::make_random_study(p, 4242, 4, 150, 120);
    std::vector<DocumentId> docs;
    for (const auto& d : study.documents) docs.push_back(d.id);
    std::vector<CodeId> codes;
    std::vector<CoderId> coders;
    for (const Code& c : list_codes(p)) codes.push_back(c.id);
    for (const Coder& c : list_coders(p)) coders.push_back(c.id);
    coders.push_back(add_coder(p, "New coder").id);  // a coder with no codings yet

    CodingCounts counts = coding_counts(p);
    std::mt19937 rng(17);
    for (int round = 0; round < 40; ++round) {
        const std::size_t d = rng() % docs.size();
        const std::int64_t length = study.documents[d].length;
        const std::int64_t start = static_cast<std::int64_t>(rng() % static_cast<unsigned>(length - 1));
        const Span span{start, std::min<std::int64_t>(length, start + 1 + static_cast<std::int64_t>(rng() % 40))};
        const CodeId code = codes[rng() % codes.size()];
        const CoderId coder = coders[rng() % coders.size()];
        if (round % 3 == 2)
            remove_coding(p, docs[d], code, coder, span);
        else
            apply_coding(p, docs[d], code, coder, span);
        recount_document(p, counts, docs[d]);
        expect_same(counts, coding_counts(p));
    }
    expect_same(counts, counted_here(p, docs));

    // A document that loses all its codings leaves no zero counts behind.
    const auto emptied = docs[0];
    for (const Coding& c : codings_in_document(p, emptied)) delete_coding(p, c.id);
    recount_document(p, counts, emptied);
    expect_same(counts, coding_counts(p));
    EXPECT_EQ(counts.of_document(emptied), 0);
    EXPECT_FALSE(counts.per_document.count(emptied));
}

}  // namespace
}  // namespace npt
