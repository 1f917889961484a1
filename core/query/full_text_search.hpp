// full_text_search.hpp — searching the text of every document, ignoring case and accents, with
// hits as document + code point offsets and surrounding context. SQLite FTS5 (table document_fts,
// kept in step with the documents by triggers) narrows the documents for plain-ASCII queries;
// text_search.hpp's find_all then finds the exact places, so offsets are always code points.
#pragma once
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

struct FullTextOptions {
    bool whole_words = true;     // a hit must start and end on word boundaries ("hub" misses "hubs")
    std::int64_t context = 40;   // code points of text shown either side
    std::size_t limit = 0;       // stop after this many hits (0 = all)
    std::vector<std::string> documents;  // only these documents (empty = all)
};

struct SearchHit {
    DocumentId document_id;
    std::string document;
    Span span;            // code points
    std::string match;    // the text matched, as written in the document
    std::string before;   // up to `context` code points before it
    std::string after;
};

// Hits in document-name then offset order. An empty query (or one of only marks) finds nothing.
// Throws NotFoundError for an unknown document name.
std::vector<SearchHit> search_documents(Project& project, const std::string& query, const FullTextOptions& options = {});

}  // namespace npt
