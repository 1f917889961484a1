// retrieval_test.cpp — segment retrieval with attribute filters, speakers and context.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/query/retrieval.hpp"
#include "core/random_study.hpp"

namespace npt {
namespace {

TEST(Retrieval, WhereSpeakerAndContextMatchTheGroundTruth) {
    test::TempDir dir;
    Project p = Project::create(dir / "r.nptq", "Retrieval");
    auto study = test::make_random_study(p, 2718, 6, 150, 120);
    RetrievalFilter f;
    f.segments.codes = {"A"};
    f.segments.include_descendants = true;
    f.where = {parse_attribute_condition("group=Hub client"), parse_attribute_condition("group=Non-user")};
    f.context = 15;
    auto got = retrieve_segments(p, f);
    std::size_t want = 0;
    for (const auto& c : study.codings) {
        auto group = study.case_values[study.documents[c.doc].case_name]["group"];
        if (c.code.rfind("A", 0) == 0 && (group == "Hub client" || group == "Non-user")) ++want;
    }
    ASSERT_EQ(got.size(), want);
    ASSERT_GT(want, 0u);
    for (const auto& r : got) {
        const auto& doc = study.documents[study.doc_index(r.segment.document)];
        std::u32string text = text::to_u32(doc.text);
        auto s = r.segment.coding.start, e = r.segment.coding.end;
        EXPECT_EQ(text::to_u32(r.before), text.substr(static_cast<std::size_t>(std::max<std::int64_t>(0, s - 15)),
                                                       static_cast<std::size_t>(s - std::max<std::int64_t>(0, s - 15))));
        EXPECT_EQ(text::to_u32(r.after), text.substr(static_cast<std::size_t>(e), static_cast<std::size_t>(std::min<std::int64_t>(15, doc.length - e))));
        // Speakers: every turn the segment overlaps, in order, once each.
        std::vector<std::string> names;
        for (const auto& t : doc.turns)
            if (t.start < e && s < t.end && std::find(names.begin(), names.end(), t.speaker) == names.end()) names.push_back(t.speaker);
        std::string joined;
        for (std::size_t i = 0; i < names.size(); ++i) joined += (i ? ", " : "") + names[i];
        EXPECT_EQ(r.speaker, joined);
        EXPECT_EQ(r.cases, std::vector<std::string>{doc.case_name});
    }
}

TEST(Retrieval, ConditionsOnTwoAttributesMustBothHold) {
    test::TempDir dir;
    Project p = Project::create(dir / "r.nptq", "Retrieval");
    auto study = test::make_random_study(p, 11, 6, 80, 40);
    auto docs = documents_where(p, {parse_attribute_condition("group=Hub staff"), parse_attribute_condition("site=East")});
    ASSERT_TRUE(docs);
    std::set<DocumentId> want;
    for (const auto& d : study.documents)
        if (study.case_values[d.case_name]["group"] == "Hub staff" && study.case_values[d.case_name]["site"] == "East") want.insert(d.id);
    EXPECT_EQ(*docs, want);
    EXPECT_FALSE(documents_where(p, {}));
}

TEST(Retrieval, BadConditionsAreNamed) {
    EXPECT_THROW(parse_attribute_condition("group"), InputError);
    EXPECT_THROW(parse_attribute_condition("=x"), InputError);
    AttributeCondition c = parse_attribute_condition("  group =  Hub client ");
    EXPECT_EQ(c.attribute, "group");
    EXPECT_EQ(c.value, "Hub client");
    test::TempDir dir;
    Project p = Project::create(dir / "r.nptq", "Retrieval");
    try {
        documents_where(p, {c});
        FAIL();
    } catch (const NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("'group'"), std::string::npos);
    }
}


// Issue 13: `--where Group=gp` silently matched nothing.
TEST(Retrieval, ConditionsIgnoreCaseAndNameAValueNoCaseHas) {
    test::TempDir dir;
    Project p = Project::create(dir / "r.nptq", "Retrieval");
    auto study = test::make_random_study(p, 11, 6, 80, 40);
    auto exact = documents_where(p, {parse_attribute_condition("group=Hub staff")});
    auto folded = documents_where(p, {parse_attribute_condition("GROUP=hub  STAFF")});
    ASSERT_TRUE(exact && folded);
    EXPECT_FALSE(exact->empty());
    EXPECT_EQ(*exact, *folded);
    try {
        documents_where(p, {parse_attribute_condition("Group=gp")});
        FAIL() << "no error";
    } catch (const NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("no case has group=gp"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace npt
