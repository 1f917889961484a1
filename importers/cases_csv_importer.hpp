// cases_csv_importer.hpp — participants' details from a spreadsheet saved as CSV: the first column
// names the case, every other column is an attribute whose type (number, date, boolean, text) is
// inferred from its values; documents are linked to cases by name or by a file name pattern.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"
#include "core/text/csv.hpp"

namespace npt::importers {

struct CaseRow {
    std::string name;
    std::vector<std::string> values;  // one per attribute, "" = no value
    std::size_t line = 0;             // 1-based line in the CSV
};

// Most attributes (columns after the first) a cases CSV may have; more is refused with an error
// naming the file (a real sheet has tens; 10,000 imports in seconds).
constexpr std::size_t kMaxCaseAttributes = 10000;

// A parsed attributes CSV (pure data, nothing stored yet).
struct CaseTable {
    std::vector<std::string> attributes;  // column headers after the first
    std::vector<AttributeType> types;     // inferred, one per attribute
    std::vector<CaseRow> rows;
    std::string encoding;                 // what the bytes were decoded from
};

// Number when every non-empty value is a decimal number, Date when every one is a date
// (as_iso_date), Boolean when every one is yes/no/true/false, else Text (also when all are empty).
AttributeType infer_attribute_type(const std::vector<std::string>& values);
// A date written YYYY-MM-DD, or day first as DD/MM/YYYY or D/M/YYYY (also with '.' or '-'), as
// YYYY-MM-DD; nullopt when `value` is no valid date in those forms. Dates are stored ISO.
std::optional<std::string> as_iso_date(const std::string& value);

// Parses CSV bytes (any encoding text_decoding.hpp reads; ',' ';' or tab detected; RFC 4180
// quoting). Fields are trimmed and NFC. Rows with every cell empty are skipped, and so are
// unnamed trailing columns with nothing in them. Throws FormatError naming `source` for: an empty
// file, a header without cases, a header cell without a name, a repeated attribute, a row whose
// field count differs from the header's (ragged), an empty or repeated case name, broken quoting,
// more than kMaxCaseAttributes attributes. Date columns are stored YYYY-MM-DD (as_iso_date).
CaseTable parse_cases_csv(std::string_view bytes, std::string_view source, std::string_view encoding = {}, bool repair = false);
// The same rules over rows already split into cells (an XLSX sheet's); errors name `line_word`
// and the row's line ("row 7").
CaseTable case_table_from_rows(std::vector<csv::Row> rows, const std::string& source, const std::string& line_word);

struct CasesImportOptions {
    // Links documents whose name or source file matches, "{case}" standing for the case name and
    // * ? as in file globs, case-insensitive, e.g. "{case}_*.docx". "" = link by name: the
    // document's name without extension is the case name, or starts with it followed by _ - . or
    // a space ("P07.docx", "P07_interview.txt" -> P07, but not "P070.txt").
    std::string match;
    bool link_documents = true;
};

struct CasesImportSummary {
    std::size_t cases_added = 0;
    std::size_t cases_updated = 0;
    std::size_t values_set = 0;
    std::size_t links_added = 0;
    std::vector<Attribute> attributes;  // as stored (an existing attribute keeps its type)
};

// True when a document (name or source file) belongs to `case_name` under options.match.
bool document_matches_case(const std::string& document_name, const std::string& case_name, const std::string& match);

// Stores a parsed table as one undoable action: cases added or updated, attribute values set,
// documents linked. Throws StoreError; on any error the project is unchanged.
CasesImportSummary import_cases(Project& project, const CaseTable& table, const CasesImportOptions& options,
                                std::string_view source);

// Reads (max_size bytes at most), parses and imports a CSV file. Errors as parse_cases_csv and
// read_file; the project is unchanged when anything fails.
CasesImportSummary import_cases_csv(Project& project, const std::filesystem::path& file, const CasesImportOptions& options,
                                    std::uint64_t max_size = 100ull * 1024 * 1024);

}  // namespace npt::importers
