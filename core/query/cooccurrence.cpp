// cooccurrence.cpp — a sweep over each document's segments in start order, pairing each new
// segment with the segments still open at its start.
#include "core/query/cooccurrence.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/detail/db_access.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"

namespace npt {

CooccurrenceTable code_cooccurrence(Project& project, const CooccurrenceOptions& options) {
    CooccurrenceTable table;
    std::unordered_map<CodeId, std::size_t> column;  // code id -> index
    if (options.codes.empty()) {
        for (const Code& c : list_codes(project)) {
            column.emplace(c.id, table.codes.size());
            table.codes.push_back(c.path);
        }
    } else {
        for (const std::string& path : options.codes) {
            Code c = require_code(project, path);
            if (column.count(c.id)) continue;
            column.emplace(c.id, table.codes.size());
            table.codes.push_back(c.path);
        }
    }
    const std::size_t n = table.codes.size();
    table.counts.assign(n, std::vector<std::int64_t>(n, 0));
    std::vector<CoderId> coder_ids;
    for (const auto& name : options.coders) coder_ids.push_back(require_coder(project, name).id);
    auto scope = documents_in_scope(project, options.documents, options.cases, options.where);

    struct Segment { std::int64_t start, end; std::size_t code; };
    std::unordered_map<DocumentId, std::vector<Segment>> by_doc;
    {
        std::string sql = "SELECT document_id, code_id, start, end FROM coding";
        if (!coder_ids.empty()) {
            sql += " WHERE coder_id IN (";
            for (std::size_t i = 0; i < coder_ids.size(); ++i) sql += (i ? "," : "") + to_string(coder_ids[i]);
            sql += ")";
        }
        sqlite::Statement st(project.db(), sql);
        while (st.step()) {
            DocumentId doc = st.id<DocumentId>(0);
            auto col = column.find(st.id<CodeId>(1));
            if (col == column.end() || (scope && !scope->count(doc))) continue;
            by_doc[doc].push_back({st.int64(2), st.int64(3), col->second});
        }
    }
    std::vector<Segment> open;
    for (auto& [doc, segments] : by_doc) {
        std::sort(segments.begin(), segments.end(), [](const Segment& a, const Segment& b) { return a.start < b.start; });
        open.clear();
        for (const Segment& s : segments) {
            ++table.counts[s.code][s.code];
            open.erase(std::remove_if(open.begin(), open.end(), [&](const Segment& o) { return o.end <= s.start; }), open.end());
            for (const Segment& o : open) {
                if (o.code == s.code) continue;
                ++table.counts[s.code][o.code];
                ++table.counts[o.code][s.code];
            }
            open.push_back(s);
        }
    }
    return table;
}

}  // namespace npt
