// docx_exports_test.cpp — every Word export read back from the .docx: the framework matrix (each
// cell's summary, quotes and references, the repeated header row, group rows, landscape pages for a
// wide matrix and portrait for a narrow one), the coded segments report, the codebook document and
// the agreement report; and LibreOffice turning one into a PDF where it is installed.
#include <gtest/gtest.h>

#include "codebook/codebook_project.hpp"
#include "codebook/npt_constructs.hpp"
#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/disagreements.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "exporters/agreement_report.hpp"
#include "exporters/codebook_document.hpp"
#include "exporters/docx_test_support.hpp"
#include "exporters/export_test_support.hpp"
#include "exporters/matrix_export.hpp"
#include "exporters/segments_report.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

namespace fs = std::filesystem;
using Row = std::vector<std::string>;

const std::string kSummary = "Sees the hub as \"safe\" & separate <b>\nfrom occupational health 👍🏽";

class DocxExports : public ::testing::Test {
protected:
    void SetUp() override {
        project = std::make_unique<Project>(test::make_export_study(dir.path()));
        create_matrix(*project, {"NPT", "Participants × constructs", codebook::npt_default_columns(*project, false), {"group"}});
        draft_matrix(*project, require_matrix(*project, "NPT").id);
        set_cell_summary(*project, require_matrix(*project, "NPT").id, require_case(*project, "P01").id, require_code(*project, "Coherence").id, kSummary);
    }

    // A cell as the Word table must show it: the summary, then each quote and its reference.
    static std::string expected_cell(const MatrixCell& cell) {
        std::vector<std::string> lines;
        if (!cell.summary.empty()) lines.push_back(cell.summary);
        for (const MatrixLink& l : cell.links) {
            lines.push_back("\xE2\x80\x9C" + l.quote + "\xE2\x80\x9D");
            std::string ref = link_reference(l);
            if (l.status == LinkStatus::Deleted) ref += " coding deleted";
            lines.push_back(ref);
        }
        std::string out;
        for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
        return out;
    }

    test::TempDir dir;
    std::unique_ptr<Project> project;
};

TEST_F(DocxExports, MatrixTableHoldsEveryCellOnLandscapePages) {
    // A deleted coding still shows its quote, flagged.
    MatrixLink gone;
    for (const MatrixRow& r : load_matrix(*project, "NPT").rows)
        for (const MatrixCell& c : r.cells)
            if (!c.links.empty() && !gone.coding_id) gone = c.links[0];
    ASSERT_TRUE(gone.coding_id);
    delete_coding(*project, *gone.coding_id);
    FrameworkMatrix m = load_matrix(*project, "NPT");
    fs::path out = dir / "matrix.docx";
    export_matrix(m, out);
    pugi::xml_document doc = test::docx_document(out);

    auto tables = test::docx_tables(doc);
    ASSERT_EQ(tables.size(), 1u);
    const auto& t = tables[0];
    EXPECT_EQ(t[0], (Row{"Case", "group", "site", "Coherence", "Cognitive participation", "Collective action", "Reflexive monitoring"}));
    // Group rows, then each case's row, in the matrix's order.
    std::vector<Row> want{t[0]};
    std::string last;
    for (const MatrixRow& r : m.rows) {
        std::string group = "group: " + (r.attributes[0].empty() ? std::string("(not set)") : r.attributes[0]);
        if (group != last) want.push_back({group});
        last = group;
        Row row{r.info.name};
        row.insert(row.end(), r.attributes.begin(), r.attributes.end());
        for (const MatrixCell& c : r.cells) row.push_back(expected_cell(c));
        want.push_back(row);
    }
    EXPECT_EQ(t, want);
    std::string all = test::docx_text(doc.child("w:document").child("w:body"));
    EXPECT_NE(all.find(kSummary), std::string::npos);
    EXPECT_NE(all.find("coding deleted"), std::string::npos);
    EXPECT_NE(all.find("\xE2\x80\x9C" + gone.quote + "\xE2\x80\x9D"), std::string::npos);

    pugi::xml_node tbl = doc.child("w:document").child("w:body").child("w:tbl");
    pugi::xml_node first = tbl.child("w:tr");
    EXPECT_TRUE(first.child("w:trPr").child("w:tblHeader"));
    EXPECT_FALSE(first.next_sibling("w:tr").child("w:trPr").child("w:tblHeader"));
    auto sections = test::docx_sections(doc);
    ASSERT_EQ(sections.size(), 1u);
    EXPECT_STREQ(sections[0].child("w:pgSz").attribute("w:orient").value(), "landscape");
    // A4 landscape unless the locale is US or Canadian.
    int width = sections[0].child("w:pgSz").attribute("w:w").as_int();
    EXPECT_TRUE(width == 16838 || width == 15840) << width;

    pugi::xml_document styles;
    ASSERT_TRUE(styles.load_string(test::unzip_entry(out, "word/styles.xml").c_str()));
    for (const char* id : {"Title", "Heading1", "Heading2", "Normal", "NptTable"})
        EXPECT_TRUE(styles.child("w:styles").find_child_by_attribute("w:style", "w:styleId", id)) << id;
    auto paragraphs = test::docx_paragraphs(doc);
    EXPECT_EQ(paragraphs.at(0), std::make_pair(std::string("Title"), std::string("Framework matrix: NPT")));
}

TEST_F(DocxExports, ANarrowMatrixStaysPortraitOnTheChosenPaper) {
    create_matrix(*project, {"One", "", {"Coherence"}, {}});
    ExportOptions options;
    options.attributes = std::vector<std::string>{};
    options.paper = Paper::A4;
    fs::path out = dir / "one.docx";
    export_matrix(load_matrix(*project, "One"), out, options);
    pugi::xml_document doc = test::docx_document(out);
    EXPECT_EQ(test::docx_tables(doc).at(0).at(0), (Row{"Case", "Coherence"}));
    pugi::xml_node size = test::docx_sections(doc).at(0).child("w:pgSz");
    EXPECT_STREQ(size.attribute("w:orient").value(), "portrait");
    EXPECT_EQ(size.attribute("w:w").as_int(), 11906);
    EXPECT_EQ(size.attribute("w:h").as_int(), 16838);
}

TEST_F(DocxExports, SegmentsReportHasAHeadingAndATablePerCode) {
    SegmentReport report = build_segment_report(*project, {});
    ASSERT_FALSE(report.rows.empty());
    fs::path out = dir / "segments.docx";
    export_segments(report, out);
    pugi::xml_document doc = test::docx_document(out);
    auto tables = test::docx_tables(doc);
    std::vector<std::string> headings;
    for (auto& [style, text] : test::docx_paragraphs(doc))
        if (style == "Heading2") headings.push_back(text);
    ASSERT_EQ(tables.size(), headings.size());
    std::size_t next = 0;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        EXPECT_EQ(tables[t][0], (Row{"Case", "Document", "Speaker, time", "Coder", "Text", "Memo"}));
        for (std::size_t r = 1; r < tables[t].size(); ++r, ++next) {
            ASSERT_LT(next, report.rows.size());
            const SegmentReportRow& row = report.rows[next];
            const CodedSegment& s = row.retrieved.segment;
            EXPECT_EQ(headings[t], s.code);
            EXPECT_EQ(tables[t][r][0].substr(0, tables[t][r][0].find('\n')), row.retrieved.cases.empty() ? "(no case)" : row.retrieved.cases[0]);
            EXPECT_EQ(tables[t][r][1], s.document + " " + std::to_string(s.coding.start) + "-" + std::to_string(s.coding.end));
            EXPECT_EQ(tables[t][r][3], s.coder);
            EXPECT_EQ(tables[t][r][4], s.text);
            EXPECT_EQ(tables[t][r][5], s.memo);
        }
    }
    EXPECT_EQ(next, report.rows.size());
    // The study's codings have memos: a sixth column, so landscape pages.
    EXPECT_STREQ(test::docx_sections(doc).at(0).child("w:pgSz").attribute("w:orient").value(), "landscape");
}

TEST_F(DocxExports, CodebookDocumentHasTheTreeAndEveryDefinition) {
    fs::path out = dir / "codebook.docx";
    exporters::write_codebook_document(*project, out, Paper::A4);
    codebook::Codebook cb = codebook::codebook_from_project(*project, project->name());
    auto use = codebook::code_use(*project);
    pugi::xml_document doc = test::docx_document(out);
    auto tables = test::docx_tables(doc);
    ASSERT_EQ(tables.size(), 1u);
    ASSERT_EQ(tables[0].size(), cb.codes.size() + 1);
    EXPECT_EQ(tables[0][0], (Row{"Code", "Definition", "Used"}));
    for (std::size_t i = 0; i < cb.codes.size(); ++i) {
        const auto& c = cb.codes[i];
        std::string name = tables[0][i + 1][0];
        EXPECT_EQ(name.substr(name.find_first_not_of("\xC2\xA0")), split_code_path(c.path).back());
        EXPECT_EQ(tables[0][i + 1][1], c.description);
        EXPECT_EQ(tables[0][i + 1][2], exporters::codebook_use_text(use, c.path));
    }
    auto paragraphs = test::docx_paragraphs(doc);
    auto has = [&](const std::string& style, const std::string& text) {
        return std::find(paragraphs.begin(), paragraphs.end(), std::make_pair(style, text)) != paragraphs.end();
    };
    EXPECT_TRUE(has("Heading1", "Code tree"));
    EXPECT_TRUE(has("Heading1", "Definitions"));
    std::size_t examples = 0;
    for (const auto& c : cb.codes) {
        EXPECT_TRUE(has(c.path.find('/') == std::string::npos ? "Heading2" : "Heading3", c.path)) << c.path;
        if (!c.inclusion.empty()) {
            EXPECT_TRUE(has("", "Include when. " + c.inclusion)) << c.path;
        }
        if (!c.exclusion.empty()) {
            EXPECT_TRUE(has("", "Exclude when. " + c.exclusion)) << c.path;
        }
        for (const std::string& e : c.examples) {
            EXPECT_TRUE(has("Quote", "\xE2\x80\x9C" + e + "\xE2\x80\x9D")) << e;
            ++examples;
        }
    }
    // The study's codes have no examples; a codebook that has them shows each as a quote.
    if (examples == 0) {
        codebook::Codebook with_examples;
        with_examples.name = "x";
        with_examples.codes.push_back({"Coherence", "Sense-making.", "Talk of what it is", "", {"It's a place to talk", "Not OH"}, "May 2009", "", ""});
        exporters::write_codebook_docx(with_examples, {}, dir / "examples.docx", Paper::A4);
        paragraphs = test::docx_paragraphs(test::docx_document(dir / "examples.docx"));
        EXPECT_TRUE(has("Quote", "\xE2\x80\x9CIt's a place to talk\xE2\x80\x9D"));
        EXPECT_TRUE(has("Quote", "\xE2\x80\x9CNot OH\xE2\x80\x9D"));
        EXPECT_TRUE(has("", "Include when. Talk of what it is"));
        EXPECT_TRUE(has("Reference", "Source: May 2009"));
        EXPECT_TRUE(has("Title", "Codebook x"));
    }
}

TEST_F(DocxExports, AgreementReportPutsItsTablesOnLandscapePages) {
    agreement::AgreementScope scope{{"Amira", "Ben"}, {}, {}, false};
    agreement::AgreementReport report = agreement::compute_agreement(agreement::load_agreement_input(*project, scope), {});
    auto top = agreement::longest_disagreements(agreement::find_disagreements(*project, scope), 20);
    fs::path out = dir / "agreement.docx";
    exporters::write_agreement_docx(report, top, {"Export study", {}, {}, 0, 1, 2}, out, Paper::A4);
    pugi::xml_document doc = test::docx_document(out);
    auto tables = test::docx_tables(doc);
    ASSERT_GE(tables.size(), 1u);
    EXPECT_EQ(tables[0][0], (Row{"Code", "Percent agreement", "Cohen's κ", "Scott's π", "Fleiss' κ", "Krippendorff's α",
                                 "Brennan–Prediger", "Coded by all", "Disputed", "Coded by none"}));
    ASSERT_EQ(tables[0].size(), report.codes.size() + 2);
    for (std::size_t i = 0; i < report.codes.size(); ++i) {
        EXPECT_EQ(tables[0][i + 1][0], report.codes[i].name);
        EXPECT_EQ(tables[0][i + 1][5], exporters::agreement_shown(report.codes[i].stats.krippendorff_alpha));
        EXPECT_EQ(tables[0][i + 1][7], std::to_string(exporters::presence_split(report.codes[i]).all));
    }
    EXPECT_EQ(tables[0].back()[0], "Overall (all codes pooled)");
    EXPECT_EQ(tables[0].back()[1], exporters::agreement_shown(report.overall.stats.percent_agreement));
    // Method (portrait), tables (landscape), disagreements and references (portrait).
    auto sections = test::docx_sections(doc);
    ASSERT_EQ(sections.size(), 3u);
    EXPECT_STREQ(sections[0].child("w:pgSz").attribute("w:orient").value(), "portrait");
    EXPECT_STREQ(sections[1].child("w:pgSz").attribute("w:orient").value(), "landscape");
    EXPECT_STREQ(sections[2].child("w:pgSz").attribute("w:orient").value(), "portrait");
    std::string body = test::docx_text(doc.child("w:document").child("w:body"));
    for (const agreement::Disagreement& d : top) EXPECT_NE(body.find("\xE2\x80\x9C" + d.text + "\xE2\x80\x9D"), std::string::npos);
    EXPECT_NE(body.find("Krippendorff, K. (2011)"), std::string::npos);
}

TEST_F(DocxExports, LibreOfficeConvertsTheMatrixToPdf) {
    fs::path docx = dir / "matrix.docx";
    export_matrix(load_matrix(*project, "NPT"), docx);
    fs::path pdf = test::convert_with_libreoffice(docx, dir.path());
    if (pdf.empty()) GTEST_SKIP() << "soffice (LibreOffice) is not on PATH";
    ASSERT_TRUE(fs::exists(pdf)) << pdf;
    EXPECT_GT(fs::file_size(pdf), 1000u);
    EXPECT_EQ(test::read_bytes(pdf).rfind("%PDF-", 0), 0u);
}

}  // namespace
}  // namespace npt
