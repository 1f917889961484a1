// quote_span.cpp — text::find_all over one document's text, with the ambiguity rule.
#include "core/model/quote_span.hpp"

#include "core/error.hpp"
#include "core/model/documents.hpp"
#include "core/text/text_search.hpp"

namespace npt {

Span find_quote(Project& project, const std::string& document, const std::string& quote, int occurrence) {
    if (quote.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError("the quote to code is empty");
    if (occurrence < 0) throw InputError("the occurrence must be 1 or more", "occurrence");
    DocumentInfo doc = require_document(project, document);
    text::SearchOptions options;
    options.whole_words = true;
    std::vector<Span> found = text::find_all(document_text(project, doc.id), quote, options);
    if (found.empty()) throw NotFoundError(doc.name + ": the quote \"" + quote + "\" is not in the text");
    if (occurrence == 0) {
        if (found.size() == 1) return found.front();
        std::string where;
        for (std::size_t i = 0; i < found.size() && i < 10; ++i)
            where += (i ? ", " : "") + std::to_string(found[i].start);
        if (found.size() > 10) where += ", ...";
        throw InputError(doc.name + ": the quote \"" + quote + "\" occurs " + std::to_string(found.size()) +
                         " times (at code points " + where + "); say which occurrence", "occurrence");
    }
    if (static_cast<std::size_t>(occurrence) > found.size())
        throw NotFoundError(doc.name + ": the quote \"" + quote + "\" occurs " + std::to_string(found.size()) +
                            " time(s), not " + std::to_string(occurrence));
    return found[static_cast<std::size_t>(occurrence) - 1];
}

}  // namespace npt
