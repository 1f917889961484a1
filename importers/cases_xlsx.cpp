// cases_xlsx.cpp — an XLSX sheet read through ZipArchive and pugixml: the workbook's sheet list and
// relationships, shared strings, the cell styles that make a number a date, and the sheet's cells.
#include "importers/cases_xlsx.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/importer.hpp"
#include "importers/zip_archive.hpp"

namespace npt::importers {
namespace {

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Children of `node` with local name `name` (namespace prefixes vary between writers).
std::vector<pugi::xml_node> children(const pugi::xml_node& node, std::string_view name) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c : node.children())
        if (local_name(c) == name) out.push_back(c);
    return out;
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_node c : node.children())
        if (local_name(c) == name) return c;
    return {};
}

std::string attribute(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_attribute a : node.attributes()) {
        std::string_view n = a.name();
        std::size_t colon = n.find(':');
        if ((colon == std::string_view::npos ? n : n.substr(colon + 1)) == name) return a.value();
    }
    return {};
}

class Workbook {
public:
    Workbook(std::string_view bytes, std::string_view source) : source_(source), zip_(bytes, source, ZipLimits{}) {}

    pugi::xml_document part(const std::string& name, bool required) {
        pugi::xml_document doc;
        std::optional<std::string> xml = zip_.read(name);
        if (!xml) {
            if (required) throw FormatError(source_ + ": not an XLSX workbook (no " + name + ")");
            return doc;
        }
        pugi::xml_parse_result ok = doc.load_buffer(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata);
        if (!ok) throw FormatError(source_ + ": " + name + " is not well-formed XML (" + ok.description() + ")");
        return doc;
    }
    const std::string& source() const { return source_; }

private:
    std::string source_;
    ZipArchive zip_;
};

// The text of a shared string or inline string: its <t> runs joined (rich text has several).
std::string string_item(const pugi::xml_node& si) {
    std::string out;
    for (pugi::xml_node n : si.children()) {
        if (local_name(n) == "t") out += n.text().get();
        else if (local_name(n) == "r")
            if (pugi::xml_node t = child(n, "t")) out += t.text().get();
    }
    return out;
}

// True for a number format that shows a date: the built-in date formats, or a format code with a
// day or year field outside quotes, brackets and escapes.
bool is_date_format(int id, const std::string& code) {
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
    bool quoted = false, bracket = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == '\\' || c == '_' || c == '*') {
            ++i;
            continue;
        }
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '[') bracket = true;
        else if (!quoted && c == ']') bracket = false;
        else if (!quoted && !bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
    }
    return false;
}

// A serial day number of the workbook's date system as YYYY-MM-DD (the time of day dropped).
std::string serial_to_iso(double serial, bool date1904) {
    long days = static_cast<long>(std::floor(serial));
    // Days from 1970-01-01: Excel's 1900 system counts 1900-02-29, which never was (serial 60).
    long z = date1904 ? days - 24107 : (days < 60 ? days - 25568 : days - 25569);
    // Howard Hinnant's civil_from_days.
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char out[64];
    std::snprintf(out, sizeof out, "%04ld-%02ld-%02ld", y, m, d);
    return out;
}

// Column index (0-based) of a cell reference such as "AB12"; -1 when it has no letters.
long column_of(const std::string& ref) {
    long col = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
    return i == 0 ? -1 : col - 1;
}

}  // namespace

bool looks_like_xlsx(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

std::vector<csv::Row> read_xlsx_sheet(std::string_view bytes, std::string_view source, const std::string& sheet) {
    Workbook book(bytes, source);
    pugi::xml_document workbook = book.part("xl/workbook.xml", true);
    pugi::xml_node root = workbook.first_child();
    const bool date1904 = [&] {
        std::string v = attribute(child(root, "workbookPr"), "date1904");
        return v == "1" || v == "true";
    }();
    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    for (pugi::xml_node s : children(child(root, "sheets"), "sheet")) sheets.emplace_back(attribute(s, "name"), attribute(s, "id"));
    if (sheets.empty()) throw FormatError(book.source() + ": the workbook has no sheets");
    auto chosen = sheets.begin();
    if (!sheet.empty()) {
        while (chosen != sheets.end() && chosen->first != sheet) ++chosen;
        if (chosen == sheets.end()) {
            std::string names;
            for (const auto& [name, id] : sheets) names += (names.empty() ? "'" : ", '") + name + "'";
            throw FormatError(book.source() + ": no sheet named '" + sheet + "' (the workbook has " + names + ")");
        }
    }
    std::string target;
    pugi::xml_document rels = book.part("xl/_rels/workbook.xml.rels", true);
    for (pugi::xml_node r : children(rels.first_child(), "Relationship"))
        if (attribute(r, "Id") == chosen->second) target = attribute(r, "Target");
    if (target.empty()) throw FormatError(book.source() + ": sheet '" + chosen->first + "' has no part in the workbook");
    if (target.front() == '/') target.erase(0, 1);
    else target = "xl/" + target;

    std::vector<std::string> shared;
    pugi::xml_document strings = book.part("xl/sharedStrings.xml", false);
    for (pugi::xml_node si : children(strings.first_child(), "si")) shared.push_back(string_item(si));

    std::vector<bool> date_style;  // by cellXfs index
    pugi::xml_document styles = book.part("xl/styles.xml", false);
    std::map<int, std::string> formats;
    for (pugi::xml_node f : children(child(styles.first_child(), "numFmts"), "numFmt"))
        formats[std::atoi(attribute(f, "numFmtId").c_str())] = attribute(f, "formatCode");
    for (pugi::xml_node xf : children(child(styles.first_child(), "cellXfs"), "xf")) {
        int id = std::atoi(attribute(xf, "numFmtId").c_str());
        date_style.push_back(is_date_format(id, formats.count(id) ? formats[id] : std::string()));
    }

    pugi::xml_document part = book.part(target, true);
    std::map<long, std::map<long, std::string>> cells;  // row number -> column -> value
    long next_row = 1;
    for (pugi::xml_node row : children(child(part.first_child(), "sheetData"), "row")) {
        long r = attribute(row, "r").empty() ? next_row : std::atol(attribute(row, "r").c_str());
        if (r < 1 || r > 1048576) throw FormatError(book.source() + ": sheet '" + chosen->first + "' has a row numbered " + std::to_string(r));
        next_row = r + 1;
        long next_col = 0;
        for (pugi::xml_node c : children(row, "c")) {
            long col = column_of(attribute(c, "r"));
            if (col < 0) col = next_col;
            if (col > 16383) throw FormatError(book.source() + ": sheet '" + chosen->first + "' has a cell beyond column XFD");
            next_col = col + 1;
            const std::string type = attribute(c, "t");
            const std::string v = child(c, "v").text().get();
            std::string value;
            if (type == "s") {
                std::size_t k = static_cast<std::size_t>(std::atol(v.c_str()));
                if (v.empty() || k >= shared.size())
                    throw FormatError(book.source() + ": cell " + attribute(c, "r") + " refers to a shared string that is not there");
                value = shared[k];
            } else if (type == "inlineStr") {
                value = string_item(child(c, "is"));
            } else if (type == "b") {
                value = v == "1" ? "TRUE" : "FALSE";
            } else if (type == "str" || type == "e") {
                value = v;
            } else {
                std::size_t style = static_cast<std::size_t>(std::atol(attribute(c, "s").c_str()));
                char* end = nullptr;
                double number = std::strtod(v.c_str(), &end);
                bool numeric = !v.empty() && end && *end == '\0';
                value = numeric && style < date_style.size() && date_style[style] ? serial_to_iso(number, date1904) : v;
            }
            if (text::first_invalid_utf8(value)) throw FormatError(book.source() + ": cell " + attribute(c, "r") + " is not valid UTF-8");
            if (!value.empty()) cells[r][col] = text::to_nfc(value);
        }
    }
    long width = 0;
    for (const auto& [r, row] : cells) width = std::max(width, row.rbegin()->first + 1);
    std::vector<csv::Row> out;
    long last = cells.empty() ? 0 : cells.rbegin()->first;
    for (long r = 1; r <= last; ++r) {
        csv::Row row;
        row.line = static_cast<std::size_t>(r);
        row.fields.assign(static_cast<std::size_t>(width), std::string());
        if (auto it = cells.find(r); it != cells.end())
            for (const auto& [col, value] : it->second) row.fields[static_cast<std::size_t>(col)] = value;
        out.push_back(std::move(row));
    }
    return out;
}

CasesImportSummary import_cases_xlsx(Project& project, const std::filesystem::path& file, const CasesImportOptions& options,
                                     const std::string& sheet, std::uint64_t max_size) {
    std::string bytes = read_file(file, max_size);
    CaseTable table = case_table_from_rows(read_xlsx_sheet(bytes, file.string(), sheet), file.string(), "row");
    table.encoding = "xlsx";
    return import_cases(project, table, options, file.string());
}

}  // namespace npt::importers
