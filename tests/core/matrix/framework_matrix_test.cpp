// framework_matrix_test.cpp — framework matrices: columns and rows, drafting checked against a
// brute-force gathering of segments, edited cells surviving re-drafts, deleted and changed
// codings shown on their links, grouping of rows, and undo.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/store/undo.hpp"
#include "core/text/utf8_text.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

using test::TempDir;

// NPT's constructs, the columns most matrices here take (the CLI resolves them from the codebook).
const std::vector<std::string> kConstructs = {"Coherence", "Cognitive participation", "Collective action",
                                              "Reflexive monitoring"};

// Row counts of the user tables only (the undo log and event log grow with every action).
std::string user_counts(Project& p) {
    std::string out;
    for (const char* t : {"coding", "framework_matrix", "matrix_column", "matrix_cell", "matrix_link", "cases", "code"})
        out += std::string(t) + "=" + std::to_string(p.db().scalar_int(std::string("SELECT count(*) FROM ") + t)) + " ";
    return out;
}

const std::string kP01 =
    "Interviewer: What did the hub mean to you?\n"
    "P01: It was a place, \"safe\", where I could say anything, even about the ward.\n"
    "Interviewer: And your manager?\n"
    "P01: She backed it 👍🏽 from day one; مرحبا بالجميع was on the poster.\n";
const std::string kP02 =
    "Interviewer: How did you hear about it?\n"
    "P02: Through an email, then a colleague, then the intranet — three times.\n"
    "P02: Waiting for the first call took weeks; naïve of me to expect days.\n";

class MatrixTest : public ::testing::Test {
protected:
    void SetUp() override {
        project = std::make_unique<Project>(Project::create(dir / "m.nptq", "Matrix test"));
        Project& p = *project;
        p.action("Set up", [&] {
            std::vector<SpeakerTurn> turns01;
            std::int64_t pos = 0;
            std::int64_t ms = 0;
            for (const std::string& line : split_lines(kP01)) {
                std::int64_t len = static_cast<std::int64_t>(text::count_code_points(line));
                turns01.push_back({pos, pos + len, line.substr(0, line.find(':')), ms, ms + 9000});
                pos += len + 1;
                ms += 65000;
            }
            doc1 = add_document(p, {"p01.txt", kP01, "p01.txt", "text", "", turns01}).id;
            doc2 = add_document(p, {"p02.txt", kP02, "p02.txt", "text", "", {}}).id;
            for (const char* c : {"Coherence/Differentiation", "Coherence/Internalisation", "Cognitive participation/Legitimation",
                                  "Collective action", "Reflexive monitoring", "Inductive/Waiting times"})
                ensure_code(p, c);
            amira = add_coder(p, "Amira").id;
            ben = add_coder(p, "Ben").id;
            Attribute group = ensure_attribute(p, "group", AttributeType::Text);
            Attribute age = ensure_attribute(p, "age", AttributeType::Number);
            for (auto [name, g, a] : {std::tuple{"P01", "Hub client", "9"}, std::tuple{"P02", "Hub client", "10"},
                                      std::tuple{"P03", "", "40"}, std::tuple{"S01", "Hub staff", "31"}}) {
                Case c = ensure_case(p, name);
                if (*g) set_case_value(p, c.id, group.id, g);
                set_case_value(p, c.id, age.id, a);
            }
            link_document_to_case(p, doc1, require_case(p, "P01").id);
            link_document_to_case(p, doc2, require_case(p, "P02").id);
        });
    }

    static std::vector<std::string> split_lines(const std::string& text) {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') {
                out.push_back(text.substr(start, i - start));
                start = i + 1;
            }
        return out;
    }

    CodeId code(const std::string& path) { return require_code(*project, path).id; }
    Coding add(DocumentId doc, const std::string& path, CoderId coder, std::int64_t s, std::int64_t e) {
        return apply_coding(*project, doc, code(path), coder, {s, e});
    }

    // Random codings by both coders over both documents, with a fixed seed.
    void random_codings(unsigned seed, int n) {
        std::mt19937 rng(seed);
        std::vector<std::string> paths;
        for (const Code& c : list_codes(*project)) paths.push_back(c.path);
        project->action("Random codings", [&] {
            for (int i = 0; i < n; ++i) {
                DocumentId doc = rng() % 2 ? doc1 : doc2;
                std::int64_t len = document_info(*project, doc).length;
                std::int64_t s = static_cast<std::int64_t>(rng() % static_cast<unsigned>(len - 1));
                std::int64_t e = std::min<std::int64_t>(len, s + 1 + static_cast<std::int64_t>(rng() % 30));
                add(doc, paths[rng() % paths.size()], rng() % 2 ? amira : ben, s, e);
            }
        });
    }

    // What a drafted cell must hold, computed independently: segments of the case's documents
    // whose code is the column's code or below it, by the coders given, one per distinct span.
    std::vector<std::pair<std::string, std::string>> expected_cell(const std::string& case_name, const std::string& column,
                                                                   const std::vector<std::string>& coders = {}) {
        std::set<std::string> doc_names;
        for (DocumentId d : documents_of_case(*project, require_case(*project, case_name).id))
            doc_names.insert(document_info(*project, d).name);
        std::vector<CodedSegment> all = list_segments(*project);
        std::vector<std::pair<std::string, std::string>> out;  // (doc start-end, text)
        std::set<std::string> seen;
        for (const CodedSegment& s : all) {
            bool under = s.code == column || s.code.rfind(column + "/", 0) == 0;
            bool by = coders.empty() || std::find(coders.begin(), coders.end(), s.coder) != coders.end();
            if (!under || !by || !doc_names.count(s.document)) continue;
            std::string where = s.document + " " + std::to_string(s.coding.start) + "-" + std::to_string(s.coding.end);
            if (seen.insert(where).second) out.emplace_back(where, s.text);
        }
        std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.first < b.first; });
        return out;
    }

    static std::vector<std::pair<std::string, std::string>> actual_cell(const MatrixCell& cell) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const MatrixLink& l : cell.links)
            out.emplace_back(l.document + " " + std::to_string(l.start) + "-" + std::to_string(l.end), l.quote);
        std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.first < b.first; });
        return out;
    }

    static const MatrixRow& row(const FrameworkMatrix& m, const std::string& name) {
        for (const MatrixRow& r : m.rows)
            if (r.info.name == name) return r;
        throw std::runtime_error("no row " + name);
    }
    static std::size_t column(const FrameworkMatrix& m, const std::string& path) {
        for (std::size_t i = 0; i < m.columns.size(); ++i)
            if (m.columns[i].path == path) return i;
        throw std::runtime_error("no column " + path);
    }

    TempDir dir;
    std::unique_ptr<Project> project;
    DocumentId doc1, doc2;
    CoderId amira, ben;
};

TEST_F(MatrixTest, ColumnsAreTheNamedCodesInOrderAndRowsEveryCase) {
    create_matrix(*project, {"NPT", "", kConstructs, {}});
    FrameworkMatrix m = load_matrix(*project, "NPT");
    std::vector<std::string> paths;
    for (auto& c : m.columns) paths.push_back(c.path);
    EXPECT_EQ(paths, kConstructs);

    const std::vector<std::string> subs = {"Coherence/Differentiation", "Coherence/Internalisation",
                                           "Cognitive participation/Legitimation"};
    create_matrix(*project, {"Sub", "", subs, {}});
    FrameworkMatrix sub = load_matrix(*project, "Sub");
    paths.clear();
    for (auto& c : sub.columns) paths.push_back(c.path);
    EXPECT_EQ(paths, (std::vector<std::string>{"Coherence/Differentiation", "Coherence/Internalisation",
                                               "Cognitive participation/Legitimation"}));
    EXPECT_EQ(m.rows.size(), 4u);
    EXPECT_EQ(m.attributes, (std::vector<std::string>{"group", "age"}));
}

TEST_F(MatrixTest, BadCreateLeavesTheProjectUnchanged) {
    create_matrix(*project, {"NPT", "", kConstructs, {}});
    std::string before = test::table_counts(*project);
    EXPECT_THROW(create_matrix(*project, {"NPT", "", kConstructs, {}}), InputError);
    EXPECT_THROW(create_matrix(*project, {"", "", kConstructs, {}}), InputError);
    EXPECT_THROW(create_matrix(*project, {"X", "", {"Coherence", "Nope"}, {}}), NotFoundError);
    EXPECT_THROW(create_matrix(*project, {"X", "", {"Coherence", "Coherence"}, {}}), InputError);
    EXPECT_THROW(create_matrix(*project, {"X", "", kConstructs, {"site"}}), NotFoundError);
    EXPECT_EQ(test::table_counts(*project), before);

    TempDir other;
    Project empty = Project::create(other / "e.nptq", "Empty");
    ensure_code(empty, "Inductive/Other");
    EXPECT_THROW(create_matrix(empty, {"NPT", "", {}, {}}), InputError);  // no columns
}

TEST_F(MatrixTest, DraftMatchesBruteForceForAllCoders) {
    random_codings(7, 80);
    create_matrix(*project, {"NPT", "", kConstructs, {}});
    DraftResult r = draft_matrix(*project, require_matrix(*project, "NPT").id);
    FrameworkMatrix m = load_matrix(*project, "NPT");
    int filled = 0;
    for (const MatrixRow& row : m.rows)
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            auto want = expected_cell(row.info.name, m.columns[c].path);
            EXPECT_EQ(actual_cell(row.cells[c]), want) << row.info.name << " / " << m.columns[c].path;
            EXPECT_FALSE(row.cells[c].edited);
            filled += !want.empty();
            for (const MatrixLink& l : row.cells[c].links) EXPECT_EQ(l.status, LinkStatus::Current);
        }
    EXPECT_GT(filled, 2);
    EXPECT_EQ(r.filled, filled);
    EXPECT_EQ(r.filled + r.without_segments, static_cast<int>(m.rows.size() * m.columns.size()));
}

TEST_F(MatrixTest, DraftByOneCoderUsesOnlyThatCodersSegments) {
    random_codings(11, 60);
    create_matrix(*project, {"Amira only", "", {"Coherence", "Inductive"}, {}});
    draft_matrix(*project, require_matrix(*project, "Amira only").id, {{"Amira"}});
    FrameworkMatrix m = load_matrix(*project, "Amira only");
    for (const MatrixRow& row : m.rows)
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            EXPECT_EQ(actual_cell(row.cells[c]), expected_cell(row.info.name, m.columns[c].path, {"Amira"}));
            for (const MatrixLink& l : row.cells[c].links) EXPECT_EQ(l.coder, "Amira");
        }
    EXPECT_THROW(draft_matrix(*project, require_matrix(*project, "Amira only").id, {{"Nobody"}}), NotFoundError);
    EXPECT_THROW(draft_matrix(*project, require_matrix(*project, "Missing").id), NotFoundError);
}

TEST_F(MatrixTest, EditedCellsSurviveRedraftsAndOthersRefresh) {
    add(doc1, "Coherence/Differentiation", amira, 44, 60);
    add(doc2, "Collective action", amira, 40, 60);
    create_matrix(*project, {"NPT", "", kConstructs, {}});
    draft_matrix(*project, require_matrix(*project, "NPT").id);
    set_cell_summary(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Coherence").id, "Safe space, \"anything\" goes");

    add(doc1, "Coherence/Internalisation", ben, 100, 120);  // new material for the edited cell
    add(doc2, "Collective action", ben, 0, 10);             // and for an unedited one
    DraftResult r = draft_matrix(*project, require_matrix(*project, "NPT").id);
    EXPECT_EQ(r.kept_edited, 1);
    FrameworkMatrix m = load_matrix(*project, "NPT");
    const MatrixCell& edited = row(m, "P01").cells[column(m, "Coherence")];
    EXPECT_TRUE(edited.edited);
    EXPECT_EQ(edited.summary, "Safe space, \"anything\" goes");
    ASSERT_EQ(edited.links.size(), 1u);  // the one linked before the edit
    EXPECT_EQ(edited.links[0].start, 44);
    const MatrixCell& fresh = row(m, "P02").cells[column(m, "Collective action")];
    EXPECT_EQ(actual_cell(fresh), expected_cell("P02", "Collective action"));
    EXPECT_EQ(fresh.links.size(), 2u);

    // Nothing new: the draft changes nothing and leaves no undo step.
    auto before = next_undo(*project);
    DraftResult again = draft_matrix(*project, require_matrix(*project, "NPT").id);
    EXPECT_EQ(again.filled, 0);
    EXPECT_EQ(again.unchanged, 1);
    EXPECT_EQ(next_undo(*project)->id, before->id);

    // Reset hands the cell back to draft.
    EXPECT_TRUE(reset_cell(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Coherence").id));
    draft_matrix(*project, require_matrix(*project, "NPT").id);
    m = load_matrix(*project, "NPT");
    EXPECT_EQ(actual_cell(row(m, "P01").cells[column(m, "Coherence")]), expected_cell("P01", "Coherence"));
    EXPECT_EQ(row(m, "P01").cells[column(m, "Coherence")].links.size(), 2u);
}

TEST_F(MatrixTest, DeletedAndChangedCodingsShowOnTheirLinks) {
    Coding gone = add(doc1, "Collective action", amira, 130, 170);
    Coding shrunk = add(doc2, "Collective action", amira, 0, 30);
    ensure_case(*project, "P01");
    link_document_to_case(*project, doc2, require_case(*project, "P01").id);
    create_matrix(*project, {"NPT", "", {"Collective action"}, {}});
    draft_matrix(*project, require_matrix(*project, "NPT").id);
    std::string quote = document_text(*project, doc1);
    quote = std::string(text::CodePointIndex(quote).slice(130, 170));

    delete_coding(*project, gone.id);
    remove_coding(*project, doc2, code("Collective action"), amira, {20, 30});
    FrameworkMatrix m = load_matrix(*project, "NPT");
    const MatrixCell& cell = row(m, "P01").cells[0];
    ASSERT_EQ(cell.links.size(), 2u);
    const MatrixLink& deleted = cell.links[0].document == "p01.txt" ? cell.links[0] : cell.links[1];
    const MatrixLink& changed = cell.links[0].document == "p01.txt" ? cell.links[1] : cell.links[0];
    EXPECT_EQ(deleted.status, LinkStatus::Deleted);
    EXPECT_FALSE(deleted.coding_id);
    EXPECT_EQ(deleted.quote, quote);
    EXPECT_EQ(changed.status, LinkStatus::Changed);
    EXPECT_EQ(changed.coding_id, shrunk.id);

    undo(*project);  // the shrink
    undo(*project);  // the delete
    m = load_matrix(*project, "NPT");
    for (const MatrixLink& l : row(m, "P01").cells[0].links) EXPECT_EQ(l.status, LinkStatus::Current);
}

TEST_F(MatrixTest, RowsAreGroupedByAttributesWithNumbersInNumericOrder) {
    create_matrix(*project, {"By group", "", kConstructs, {"group", "age"}});
    FrameworkMatrix m = load_matrix(*project, "By group");
    std::vector<std::string> order;
    for (auto& r : m.rows) order.push_back(r.info.name);
    // Hub client (age 9 before 10), Hub staff, then the case with no group last.
    EXPECT_EQ(order, (std::vector<std::string>{"P01", "P02", "S01", "P03"}));
    EXPECT_EQ(m.group_of(m.rows[0]), (std::vector<std::string>{"Hub client", "9"}));

    create_matrix(*project, {"By age", "", kConstructs, {"age"}});
    m = load_matrix(*project, "By age");
    order.clear();
    for (auto& r : m.rows) order.push_back(r.info.name);
    EXPECT_EQ(order, (std::vector<std::string>{"P01", "P02", "S01", "P03"}));
    EXPECT_EQ(m.attributes, (std::vector<std::string>{"age", "group"}));
}

TEST_F(MatrixTest, LinkAndUnlinkMarkTheCellEditedAndCheckTheCase) {
    Coding c1 = add(doc1, "Reflexive monitoring", ben, 44, 80);
    Coding c2 = add(doc2, "Reflexive monitoring", ben, 44, 80);
    create_matrix(*project, {"NPT", "", kConstructs, {}});
    std::string before = test::table_counts(*project);
    EXPECT_THROW(link_coding(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Reflexive monitoring").id, c2.id), InputError);  // P02's document
    EXPECT_THROW(link_coding(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Inductive/Waiting times").id, c1.id), InputError);  // not a column
    EXPECT_THROW(link_coding(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Reflexive monitoring").id, CodingId{99999}), NotFoundError);
    EXPECT_THROW(link_coding(*project, require_matrix(*project, "NPT").id, require_case(*project, "P99").id, require_code(*project, "Reflexive monitoring").id, c1.id), NotFoundError);
    EXPECT_EQ(test::table_counts(*project), before);

    MatrixLinkId link = link_coding(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Reflexive monitoring").id, c1.id);
    EXPECT_THROW(link_coding(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Reflexive monitoring").id, c1.id), InputError);
    FrameworkMatrix m = load_matrix(*project, "NPT");
    const MatrixCell& cell = row(m, "P01").cells[column(m, "Reflexive monitoring")];
    EXPECT_TRUE(cell.edited);
    ASSERT_EQ(cell.links.size(), 1u);
    EXPECT_EQ(cell.links[0].id, link);
    EXPECT_EQ(cell.links[0].speaker, "P01");
    ASSERT_TRUE(cell.links[0].time_ms);
    EXPECT_EQ(*cell.links[0].time_ms, 65000);
    EXPECT_EQ(cell.links[0].document, "p01.txt");
    EXPECT_EQ(cell.links[0].start, 44);
    EXPECT_EQ(cell.links[0].end, 80);
    EXPECT_EQ(cell.links[0].coder, "Ben");

    EXPECT_THROW(unlink_from_cell(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Reflexive monitoring").id, MatrixLinkId{link.value + 100}, std::nullopt), NotFoundError);
    EXPECT_EQ(unlink_from_cell(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Reflexive monitoring").id, std::nullopt, c1.id), 1);
    m = load_matrix(*project, "NPT");
    EXPECT_TRUE(row(m, "P01").cells[column(m, "Reflexive monitoring")].links.empty());
    EXPECT_TRUE(row(m, "P01").cells[column(m, "Reflexive monitoring")].edited);
    draft_matrix(*project, require_matrix(*project, "NPT").id);  // the analyst removed it on purpose: draft must not bring it back
    m = load_matrix(*project, "NPT");
    EXPECT_TRUE(row(m, "P01").cells[column(m, "Reflexive monitoring")].links.empty());
}

TEST_F(MatrixTest, DraftIsOneUndoStepAndDeleteRemovesEverything) {
    random_codings(3, 40);
    create_matrix(*project, {"NPT", "", kConstructs, {}});
    std::string before = user_counts(*project);
    draft_matrix(*project, require_matrix(*project, "NPT").id);
    EXPECT_NE(user_counts(*project), before);
    undo(*project);
    EXPECT_EQ(user_counts(*project), before);
    redo(*project);
    delete_matrix(*project, require_matrix(*project, "NPT").id);
    EXPECT_EQ(project->db().scalar_int("SELECT count(*) FROM matrix_cell"), 0);
    EXPECT_EQ(project->db().scalar_int("SELECT count(*) FROM matrix_link"), 0);
    EXPECT_THROW(load_matrix(*project, "NPT"), NotFoundError);
    EXPECT_THROW(delete_matrix(*project, require_matrix(*project, "NPT").id), NotFoundError);
}

TEST_F(MatrixTest, RenameKeepsCellsAndLinksAndIsOneUndoStep) {
    random_codings(5, 40);
    const MatrixId id = create_matrix(*project, {"NPT", "first pass", kConstructs, {}}).id;
    draft_matrix(*project, id);
    const FrameworkMatrix before = load_matrix(*project, "NPT");
    const std::string counts = user_counts(*project);

    const MatrixInfo renamed = rename_matrix(*project, id, "NPT by site");
    EXPECT_EQ(renamed.id, id);
    EXPECT_EQ(renamed.name, "NPT by site");
    EXPECT_EQ(renamed.description, "first pass");
    EXPECT_FALSE(find_matrix(*project, "NPT"));
    const FrameworkMatrix after = load_matrix(*project, "NPT by site");
    EXPECT_EQ(user_counts(*project), counts) << "only the name changes";
    ASSERT_EQ(after.rows.size(), before.rows.size());
    for (std::size_t r = 0; r < after.rows.size(); ++r)
        for (std::size_t c = 0; c < after.columns.size(); ++c) {
            EXPECT_EQ(after.rows[r].cells[c].summary, before.rows[r].cells[c].summary);
            EXPECT_EQ(after.rows[r].cells[c].links.size(), before.rows[r].cells[c].links.size());
        }
    ASSERT_TRUE(next_undo(*project));
    EXPECT_EQ(next_undo(*project)->label, "Rename matrix NPT to NPT by site");
    undo(*project);
    EXPECT_TRUE(find_matrix(*project, "NPT"));
    EXPECT_FALSE(find_matrix(*project, "NPT by site"));
    redo(*project);
    EXPECT_TRUE(find_matrix(*project, "NPT by site"));
}

TEST_F(MatrixTest, RenameRefusesATakenOrEmptyNameAndChangesNothing) {
    const MatrixId a = create_matrix(*project, {"A", "", kConstructs, {}}).id;
    create_matrix(*project, {"B", "", kConstructs, {}});
    const std::string counts = user_counts(*project);
    const auto step = next_undo(*project);
    EXPECT_THROW(rename_matrix(*project, a, "B"), InputError);
    EXPECT_THROW(rename_matrix(*project, a, ""), InputError);
    EXPECT_THROW(rename_matrix(*project, MatrixId{a.value + 100}, "C"), NotFoundError);
    EXPECT_EQ(rename_matrix(*project, a, "A").name, "A") << "its own name: nothing to do";
    EXPECT_EQ(user_counts(*project), counts);
    ASSERT_TRUE(next_undo(*project));
    EXPECT_EQ(next_undo(*project)->label, step->label) << "no undo step for a refused or empty rename";
    EXPECT_EQ(list_matrices(*project).front().name, "A");
}

}  // namespace
}  // namespace npt
