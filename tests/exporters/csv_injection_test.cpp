// csv_injection_test.cpp — a transcript, case name, attribute value or code that starts like a
// spreadsheet formula (`=cmd|' /C calc'!A0`, `@SUM`, `+`, `-`) reaches every CSV nptcoder writes
// (cases list, matrix export, export segments, export counts, code list) as text: the cell gets a
// leading "'" (OWASP), plain numbers stay numbers, and --raw writes cells as stored. XLSX keeps
// such text in inline strings, never formulas.
#include <gtest/gtest.h>

#include "core/text/csv.hpp"
#include "exporters/export_test_support.hpp"
#include "support/test_support.hpp"

using namespace npt;
namespace fs = std::filesystem;

namespace {

const std::string kPayload = "=cmd|' /C calc'!A0";

class CsvInjection : public ::testing::Test {
protected:
    void SetUp() override {
        project = (dir / "study.nptq").string();
        run({"init", project});
        test::write_bytes(dir / "p01.txt", kPayload + " and then the interview went on.\n");
        run({"import", project, (dir / "p01.txt").string(), "--quiet"});
        test::write_bytes(dir / "cases.csv", "case,group,score\r\n\"=HYPERLINK(\"\"http://x\"\")\",@SUM(A1),-0.5\r\n");
        run({"cases", "import", project, (dir / "cases.csv").string(), "--match", "p01*"});
        run({"code", "add", project, "--doc", "p01.txt", "--start", "0", "--end", "18", "--code", "Coherence/+Payload",
             "--coder", "-Amira"});
        run({"matrix", "create", project, "M", "--codes", "Coherence", "--group-by", "group"});
        run({"matrix", "draft", project, "M", "--coder", "-Amira"});
    }

    test::CommandResult run(const std::vector<std::string>& args) {
        test::CommandResult r = test::run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r;
    }

    // Every field of every row of a CSV text.
    static std::vector<std::string> fields(const std::string& text) {
        std::vector<std::string> out;
        for (const csv::Row& row : csv::parse(text, ','))
            for (const std::string& f : row.fields) out.push_back(f);
        return out;
    }

    // No field starts a formula; each formula-like value the study holds appears with its "'".
    static void expect_neutralised(const std::string& text, const std::vector<std::string>& expected) {
        for (const std::string& f : fields(text))
            EXPECT_TRUE(f.empty() || std::string("=+@\t\r").find(f.front()) == std::string::npos ||
                        (f.front() == '-' && f == "-0.5"))
                << "bare formula cell: " << f;
        std::vector<std::string> all = fields(text);
        for (const std::string& e : expected)
            EXPECT_NE(std::find(all.begin(), all.end(), e), all.end()) << "missing cell " << e << " in\n" << text;
    }

    test::TempDir dir;
    std::string project;
};

}  // namespace

TEST_F(CsvInjection, CasesListCsvPrefixesFormulaCellsAndRawOptsOut) {
    std::string out = run({"cases", "list", project, "--format", "csv"}).out;
    expect_neutralised(out, {"'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "-0.5"});
    std::string raw = run({"cases", "list", project, "--format", "csv", "--raw"}).out;
    std::vector<std::string> all = fields(raw);
    EXPECT_NE(std::find(all.begin(), all.end(), "=HYPERLINK(\"http://x\")"), all.end()) << raw;
    EXPECT_NE(std::find(all.begin(), all.end(), "@SUM(A1)"), all.end()) << raw;
}

TEST_F(CsvInjection, MatrixSegmentsAndCountsCsvFilesAreNeutralisedEvenWithExcel) {
    run({"matrix", "export", project, "M", (dir / "m.csv").string(), "--excel"});
    std::string matrix = test::read_bytes(dir / "m.csv");
    ASSERT_EQ(matrix.substr(0, 3), "\xEF\xBB\xBF");
    expect_neutralised(matrix.substr(3), {"'=HYPERLINK(\"http://x\")", "'@SUM(A1)"});

    run({"export", "segments", project, (dir / "s.csv").string(), "--excel"});
    std::string segments = test::read_bytes(dir / "s.csv").substr(3);
    expect_neutralised(segments, {"'" + kPayload, "'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'-Amira", "Coherence/+Payload"});

    run({"export", "counts", project, (dir / "c.csv").string(), "--codes", "Coherence"});
    expect_neutralised(test::read_bytes(dir / "c.csv"), {"'=HYPERLINK(\"http://x\")"});

    std::string listed = run({"code", "list", project, "--format", "csv"}).out;
    expect_neutralised(listed, {"'" + kPayload, "'-Amira"});
}

TEST_F(CsvInjection, RawWritesCellsAsStored) {
    run({"export", "segments", project, (dir / "s.csv").string(), "--raw"});
    std::vector<std::string> all = fields(test::read_bytes(dir / "s.csv"));
    EXPECT_NE(std::find(all.begin(), all.end(), kPayload), all.end());
    EXPECT_NE(std::find(all.begin(), all.end(), "-Amira"), all.end());
    run({"matrix", "export", project, "M", (dir / "m.csv").string(), "--raw"});
    all = fields(test::read_bytes(dir / "m.csv"));
    EXPECT_NE(std::find(all.begin(), all.end(), "=HYPERLINK(\"http://x\")"), all.end());
}

TEST_F(CsvInjection, XlsxHoldsFormulaLikeTextAsInlineStringsNotFormulas) {
    run({"export", "segments", project, (dir / "s.xlsx").string()});
    run({"matrix", "export", project, "M", (dir / "m.xlsx").string()});
    for (const char* file : {"s.xlsx", "m.xlsx"}) {
        std::string sheet = test::unzip_entry(dir / file, "xl/worksheets/sheet1.xml");
        EXPECT_EQ(sheet.find("<f>"), std::string::npos) << file << " has a formula";
        EXPECT_EQ(sheet.find("<f "), std::string::npos) << file << " has a formula";
        EXPECT_NE(sheet.find("t=\"inlineStr\""), std::string::npos) << file;
        bool found = false;
        for (const auto& row : test::sheet_text(dir / file, 1))
            for (const std::string& cell : row) found = found || cell == "=HYPERLINK(\"http://x\")" || cell.starts_with(kPayload);
        EXPECT_TRUE(found) << file << ": the text is kept exactly, without a \"'\"";
    }
}

TEST(CsvCells, NeutraliseFormulaLeavesPlainNumbersAndOrdinaryText) {
    EXPECT_EQ(csv::neutralise_formula("=1+2"), "'=1+2");
    EXPECT_EQ(csv::neutralise_formula("+44 20 7946"), "'+44 20 7946");
    EXPECT_EQ(csv::neutralise_formula("-2+3"), "'-2+3");
    EXPECT_EQ(csv::neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv::neutralise_formula("\t=1"), "'\t=1");
    EXPECT_EQ(csv::neutralise_formula("\r=1"), "'\r=1");
    for (const char* number : {"-0.25", "+3", "-1e-5", "12", "-.5"}) EXPECT_EQ(csv::neutralise_formula(number), number);
    for (const char* text : {"", "Hub client", "a=b", "'quoted", "03:12"}) EXPECT_EQ(csv::neutralise_formula(text), text);
    EXPECT_EQ(csv::format_row({"=x", "-1", "a,b"}), "'=x,-1,\"a,b\"\r\n");
    EXPECT_EQ(csv::format_row({"=x"}, ',', csv::Cells::Raw), "=x\r\n");
}
