// cases_csv_importer.cpp — attributes CSV: strict parsing (one clear error per problem), type
// inference, and the single action that stores cases, values and document links.
#include "importers/cases_csv_importer.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>

#include "core/model/attribute_values.hpp"
#include "core/model/cases.hpp"
#include "core/text/csv.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/text_decoding.hpp"

namespace npt::importers {
namespace {

std::string trimmed(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

}  // namespace

std::optional<std::string> as_iso_date(const std::string& value) { return iso_date_of(value); }

AttributeType infer_attribute_type(const std::vector<std::string>& values) {
    bool any = false, number = true, date = true, boolean = true;
    for (const std::string& v : values) {
        if (v.empty()) continue;
        any = true;
        number = number && is_decimal_number(v);
        date = date && iso_date_of(v).has_value();
        boolean = boolean && is_yes_no(v);
    }
    if (!any) return AttributeType::Text;
    if (number) return AttributeType::Number;
    if (date) return AttributeType::Date;
    if (boolean) return AttributeType::Boolean;
    return AttributeType::Text;
}

CaseTable parse_cases_csv(std::string_view bytes, std::string_view source_view, std::string_view encoding, bool repair) {
    const std::string source(source_view);
    if (bytes.empty()) throw FormatError(source + ": the file is empty (expected a header row: case, attribute, ...)");
    DecodedText decoded = decode_text(bytes, source, encoding, repair);
    std::string text = text::to_nfc(text::normalize_line_endings(decoded.utf8));
    std::vector<csv::Row> rows;
    try {
        rows = csv::parse(text);
    } catch (const FormatError& e) {
        throw FormatError(source + ": " + e.what());
    }
    CaseTable table = case_table_from_rows(std::move(rows), source, "line");
    table.encoding = decoded.encoding;
    return table;
}

CaseTable case_table_from_rows(std::vector<csv::Row> rows, const std::string& source, const std::string& line_word) {
    auto at = [&](std::size_t line) { return source + ": " + line_word + " " + std::to_string(line); };
    // A spreadsheet's blank rows (every cell empty) are no cases; drop them wherever they are.
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [](const csv::Row& r) {
                                  return std::all_of(r.fields.begin(), r.fields.end(),
                                                     [](const std::string& f) { return trimmed(f).empty(); });
                              }),
               rows.end());
    if (rows.empty()) throw FormatError(source + ": the file holds no rows (expected a header row: case, attribute, ...)");
    // Columns after the last named one that hold nothing (a trailing ',' or ';' on every line) are
    // no attributes either.
    while (rows[0].fields.size() > 1 && trimmed(rows[0].fields.back()).empty()) {
        const std::size_t last = rows[0].fields.size() - 1;
        bool empty = true;
        for (std::size_t r = 1; r < rows.size() && empty; ++r)
            empty = rows[r].fields.size() <= last || trimmed(rows[r].fields[last]).empty();
        if (!empty) break;
        for (csv::Row& r : rows)
            if (r.fields.size() > last) r.fields.resize(last);
    }
    CaseTable table;
    const csv::Row& header = rows[0];
    if (header.fields.size() > kMaxCaseAttributes + 1)
        throw FormatError(at(header.line) + ": the header has " + std::to_string(header.fields.size() - 1) +
                          " attribute columns; a cases " + (line_word == "line" ? "CSV" : "sheet") + " may have at most " +
                          std::to_string(kMaxCaseAttributes));
    std::map<std::string, std::size_t> seen_attribute;
    for (std::size_t c = 1; c < header.fields.size(); ++c) {
        std::string name = trimmed(header.fields[c]);
        if (name.empty()) throw FormatError(at(header.line) + ": column " + std::to_string(c + 1) + " has no name in the header row");
        if (!seen_attribute.emplace(name, c).second)
            throw FormatError(at(header.line) + ": attribute '" + name + "' appears twice in the header row");
        table.attributes.push_back(name);
    }
    if (rows.size() < 2) throw FormatError(source + ": the file has a header row but no cases");
    std::map<std::string, std::size_t> seen_case;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        csv::Row& row = rows[r];
        // Missing cells at the end of a row are empty values once the trailing columns are gone.
        if (row.fields.size() > header.fields.size()) {
            bool extra_empty = true;
            for (std::size_t c = header.fields.size(); c < row.fields.size(); ++c) extra_empty = extra_empty && trimmed(row.fields[c]).empty();
            if (extra_empty) row.fields.resize(header.fields.size());
        }
        if (row.fields.size() != header.fields.size())
            throw FormatError(at(row.line) + " has " + std::to_string(row.fields.size()) + " field(s) but the header has " +
                              std::to_string(header.fields.size()));
        CaseRow out;
        out.name = trimmed(row.fields[0]);
        out.line = row.line;
        if (out.name.empty()) throw FormatError(at(row.line) + ": the case name (first column) is empty");
        if (auto [it, fresh] = seen_case.emplace(out.name, row.line); !fresh)
            throw FormatError(at(row.line) + ": case '" + out.name + "' appears twice (first on " + line_word + " " +
                              std::to_string(it->second) + ")");
        for (std::size_t c = 1; c < row.fields.size(); ++c) out.values.push_back(trimmed(row.fields[c]));
        table.rows.push_back(std::move(out));
    }
    for (std::size_t a = 0; a < table.attributes.size(); ++a) {
        std::vector<std::string> column;
        for (const CaseRow& row : table.rows) column.push_back(row.values[a]);
        table.types.push_back(infer_attribute_type(column));
        if (table.types.back() == AttributeType::Date)
            for (CaseRow& row : table.rows)
                if (!row.values[a].empty()) row.values[a] = *as_iso_date(row.values[a]);
    }
    return table;
}

bool document_matches_case(const std::string& document_name, const std::string& case_name, const std::string& match) {
    if (!match.empty()) {
        std::string pattern = match;
        for (std::size_t at = pattern.find("{case}"); at != std::string::npos; at = pattern.find("{case}", at + case_name.size()))
            pattern.replace(at, 6, case_name);
        return ::fnmatch(pattern.c_str(), document_name.c_str(), FNM_CASEFOLD) == 0;
    }
    std::string stem = lower(std::filesystem::path(document_name).stem().string());
    std::string name = lower(case_name);
    if (stem == name || lower(document_name) == name) return true;
    return stem.size() > name.size() && stem.starts_with(name) && std::string("_-. ").find(stem[name.size()]) != std::string::npos;
}

CasesImportSummary import_cases(Project& project, const CaseTable& table, const CasesImportOptions& options,
                                std::string_view source) {
    CasesImportSummary summary;
    project.action("Import cases from " + std::filesystem::path(source).filename().string(), [&] {
        for (std::size_t a = 0; a < table.attributes.size(); ++a)
            summary.attributes.push_back(ensure_attribute(project, table.attributes[a], table.types[a]));
        std::vector<DocumentInfo> documents = options.link_documents ? list_documents(project) : std::vector<DocumentInfo>{};
        for (const CaseRow& row : table.rows) {
            bool existed = find_case(project, row.name).has_value();
            Case c = ensure_case(project, row.name);
            ++(existed ? summary.cases_updated : summary.cases_added);
            for (std::size_t a = 0; a < row.values.size(); ++a) {
                if (row.values[a].empty()) continue;
                set_case_value(project, c.id, summary.attributes[a].id, row.values[a]);
                ++summary.values_set;
            }
            if (documents.empty()) continue;
            std::vector<DocumentId> linked = documents_of_case(project, c.id);
            for (const DocumentInfo& d : documents) {
                bool matches = document_matches_case(d.name, row.name, options.match) ||
                               (!d.source_file.empty() && document_matches_case(d.source_file, row.name, options.match));
                if (!matches || std::find(linked.begin(), linked.end(), d.id) != linked.end()) continue;
                link_document_to_case(project, d.id, c.id);
                ++summary.links_added;
            }
        }
    });
    return summary;
}

CasesImportSummary import_cases_csv(Project& project, const std::filesystem::path& file, const CasesImportOptions& options,
                                    std::uint64_t max_size) {
    std::string bytes = read_file(file, max_size);
    CaseTable table = parse_cases_csv(bytes, file.string());
    return import_cases(project, table, options, file.string());
}

}  // namespace npt::importers
