// matrix_query.cpp — rows → cases → documents, columns → code ids, then one pass over the codings.
#include "core/query/matrix_query.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/query/coding_query_spans.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/text_breaks.hpp"

namespace npt {

const char* to_string(MatrixCount count) {
    switch (count) {
        case MatrixCount::Segments: return "segments";
        case MatrixCount::Cases: return "cases";
        case MatrixCount::Words: return "words";
    }
    return "segments";
}

MatrixCount matrix_count_from_string(const std::string& name) {
    if (name == "segments") return MatrixCount::Segments;
    if (name == "cases") return MatrixCount::Cases;
    if (name == "words") return MatrixCount::Words;
    throw InputError("matrix count '" + name + "' is not one of segments, cases, words");
}

MatrixQueryResult matrix_query(Project& project, const MatrixQueryOptions& options) {
    MatrixQueryResult result;
    result.row_label = options.rows;

    // Rows: each a set of case ids.
    std::vector<Case> cases = list_cases(project);
    std::optional<std::set<CaseId>> allowed_cases = cases_where(project, options.where);
    if (allowed_cases)
        cases.erase(std::remove_if(cases.begin(), cases.end(), [&](const Case& c) { return !allowed_cases->count(c.id); }),
                    cases.end());
    std::vector<std::vector<CaseId>> row_cases;
    if (options.rows == "case") {
        for (const Case& c : cases) {
            result.rows.push_back(c.name);
            row_cases.push_back({c.id});
        }
    } else {
        auto attribute = find_attribute(project, options.rows);
        if (!attribute) throw NotFoundError("no case attribute '" + options.rows + "' in the project to make rows of", "rows");
        std::map<std::string, std::vector<CaseId>> by_value;
        sqlite::Statement st(project.db(), "SELECT case_id, value FROM case_value WHERE attribute_id = ?");
        st.bind(1, attribute->id);
        while (st.step()) by_value[st.text(1)].push_back(st.id<CaseId>(0));
        for (auto& [value, ids] : by_value) {
            if (allowed_cases)
                ids.erase(std::remove_if(ids.begin(), ids.end(), [&](CaseId c) { return !allowed_cases->count(c); }), ids.end());
            if (ids.empty()) continue;
            result.rows.push_back(value);
            row_cases.push_back(std::move(ids));
        }
    }
    std::unordered_map<CaseId, std::vector<DocumentId>> case_docs;
    for (const Case& c : cases) case_docs[c.id] = documents_of_case(project, c.id);

    // Columns: code ids per column.
    std::vector<Code> column_codes;
    if (options.codes.empty()) column_codes = list_codes(project);
    else
        for (const auto& p : options.codes) column_codes.push_back(require_code(project, p));
    std::vector<std::vector<CodeId>> column_ids;
    for (const Code& c : column_codes) {
        result.columns.push_back(c.path);
        column_ids.push_back(options.include_descendants ? code_and_descendants(project, c.id) : std::vector<CodeId>{c.id});
    }
    std::vector<CoderId> coder_ids;
    for (const auto& name : options.coders) coder_ids.push_back(require_coder(project, name).id);

    result.counts.assign(result.rows.size(), std::vector<std::int64_t>(result.columns.size(), 0));
    std::unordered_map<DocumentId, std::vector<Span>> word_cache;
    auto words_of = [&](DocumentId doc) -> const std::vector<Span>& {
        auto it = word_cache.find(doc);
        if (it == word_cache.end()) it = word_cache.emplace(doc, text::words(document_text(project, doc))).first;
        return it->second;
    };

    for (std::size_t col = 0; col < column_ids.size(); ++col) {
        // Every coding of this column, per document.
        std::unordered_map<DocumentId, std::vector<Span>> codings;
        {
            std::string sql = "SELECT document_id, start, end FROM coding WHERE code_id IN (SELECT value FROM json_each(?))";
            std::string ids = "[";
            for (std::size_t i = 0; i < column_ids[col].size(); ++i) ids += (i ? "," : "") + to_string(column_ids[col][i]);
            ids += "]";
            if (!coder_ids.empty()) {
                sql += " AND coder_id IN (";
                for (std::size_t i = 0; i < coder_ids.size(); ++i) sql += (i ? "," : "") + to_string(coder_ids[i]);
                sql += ")";
            }
            sqlite::Statement st(project.db(), sql);
            st.bind(1, ids);
            while (st.step()) codings[st.id<DocumentId>(0)].push_back({st.int64(1), st.int64(2)});
        }
        for (std::size_t row = 0; row < row_cases.size(); ++row) {
            std::set<DocumentId> docs;
            std::int64_t cases_with = 0;
            for (CaseId c : row_cases[row]) {
                bool any = false;
                for (DocumentId d : case_docs[c]) {
                    docs.insert(d);
                    if (codings.count(d)) any = true;
                }
                if (any) ++cases_with;
            }
            std::int64_t value = 0;
            if (options.count == MatrixCount::Cases) {
                value = cases_with;
            } else {
                for (DocumentId d : docs) {
                    auto it = codings.find(d);
                    if (it == codings.end()) continue;
                    if (options.count == MatrixCount::Segments) {
                        value += static_cast<std::int64_t>(it->second.size());
                        continue;
                    }
                    SpanSet coded = normalise_spans(it->second);
                    std::size_t k = 0;
                    for (const Span& w : words_of(d)) {
                        while (k < coded.size() && coded[k].end <= w.start) ++k;
                        if (k < coded.size() && coded[k].start < w.end) ++value;
                    }
                }
            }
            result.counts[row][col] = value;
        }
    }
    return result;
}

}  // namespace npt
