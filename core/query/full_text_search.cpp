// full_text_search.cpp — FTS5 candidate documents, then find_all in each for code point offsets.
#include "core/query/full_text_search.hpp"

#include <algorithm>
#include <set>

#include "core/detail/db_access.hpp"
#include "core/model/documents.hpp"
#include "core/text/text_search.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {
namespace {

// FTS5's unicode61 tokeniser and ICU agree on ASCII words; beyond ASCII (ß, CJK runs without
// spaces) they can differ, so those queries scan every document instead.
bool fts_can_narrow(const std::string& query) {
    bool has_alnum = false;
    for (unsigned char c : query) {
        if (c >= 0x80) return false;
        if (std::isalnum(c)) has_alnum = true;
    }
    return has_alnum;
}

// The query as one FTS5 phrase: "..." with inner quotes doubled.
std::string fts_phrase(const std::string& query) {
    std::string out = "\"";
    for (char c : query) {
        if (c == '"') out += "\"\"";
        else out += c;
    }
    return out + "\"";
}

}  // namespace

std::vector<SearchHit> search_documents(Project& project, const std::string& query, const FullTextOptions& options) {
    std::vector<DocumentInfo> docs;
    if (options.documents.empty()) {
        docs = list_documents(project);
    } else {
        for (const auto& name : options.documents) docs.push_back(require_document(project, name));
    }
    if (fts_can_narrow(query) && options.whole_words) {
        std::set<DocumentId> candidates;
        sqlite::Statement st(project.db(), "SELECT rowid FROM document_fts WHERE document_fts MATCH ?");
        st.bind(1, "text : " + fts_phrase(query));
        while (st.step()) candidates.insert(st.id<DocumentId>(0));
        docs.erase(std::remove_if(docs.begin(), docs.end(), [&](const DocumentInfo& d) { return !candidates.count(d.id); }),
                   docs.end());
    }
    std::sort(docs.begin(), docs.end(), [](const DocumentInfo& a, const DocumentInfo& b) { return a.name < b.name; });

    text::SearchOptions find;
    find.whole_words = options.whole_words;
    std::vector<SearchHit> out;
    for (const DocumentInfo& d : docs) {
        std::string text = document_text(project, d.id);
        auto spans = text::find_all(text, query, find);
        if (spans.empty()) continue;
        text::CodePointIndex index(text);
        auto length = static_cast<std::int64_t>(index.size());
        for (const Span& s : spans) {
            SearchHit h;
            h.document_id = d.id;
            h.document = d.name;
            h.span = s;
            auto cut = [&](std::int64_t a, std::int64_t b) {
                return std::string(index.slice(static_cast<std::size_t>(a), static_cast<std::size_t>(b)));
            };
            h.match = cut(s.start, s.end);
            h.before = cut(std::max<std::int64_t>(0, s.start - options.context), s.start);
            h.after = cut(s.end, std::min(length, s.end + options.context));
            out.push_back(std::move(h));
            if (options.limit && out.size() >= options.limit) return out;
        }
    }
    return out;
}

}  // namespace npt
