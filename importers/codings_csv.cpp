// codings_csv.cpp — a codings CSV read into coding requests, each naming its file and line. The
// separator (',' ';' or tab) is detected from the header line, as for the cases CSV.
#include "importers/codings_csv.hpp"

#include <charconv>
#include <map>

#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/text/csv.hpp"

namespace npt::importers {

static std::int64_t parse_offset(const std::string& text, const std::string& what, const std::string& where) {
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        throw InputError(where + ": " + what + " '" + text + "' is not a whole number");
    return value;
}

std::vector<CodingRequest> read_codings_csv(const std::string& file) {
    std::vector<csv::Row> rows;
    try {
        rows = csv::parse(read_file(file));  // ',' ';' or tab, as the cases CSV
    } catch (const FormatError& e) {
        throw FormatError(file + ": " + e.what());
    }
    if (rows.empty()) throw InputError(file + ": empty file (expected a header doc,start,end,code,coder[,memo])");
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < rows[0].fields.size(); ++i) col[rows[0].fields[i]] = i;
    for (const char* need : {"doc", "start", "end", "code", "coder"})
        if (!col.count(need)) throw InputError(file + ": header has no '" + need + "' column (expected doc,start,end,code,coder[,memo])");
    std::vector<CodingRequest> out;
    out.reserve(rows.size());
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& f = rows[r].fields;
        std::string where = file + " line " + std::to_string(rows[r].line);
        if (f.size() != rows[0].fields.size())
            throw InputError(where + ": " + std::to_string(f.size()) + " fields, the header has " + std::to_string(rows[0].fields.size()));
        CodingRequest req;
        req.document = f[col["doc"]];
        req.start = parse_offset(f[col["start"]], "start", where);
        req.end = parse_offset(f[col["end"]], "end", where);
        req.code = f[col["code"]];
        req.coder = f[col["coder"]];
        if (col.count("memo")) req.memo = f[col["memo"]];
        req.origin = where;
        out.push_back(std::move(req));
    }
    return out;
}

}  // namespace npt::importers
