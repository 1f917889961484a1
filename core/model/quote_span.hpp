// quote_span.hpp — coding by quoted text: where a quote lies in a document, found as `search`
// finds a phrase (case, accents, white space runs and typographic quotes folded; whole words), so
// a researcher can code "nobody explained it" without counting code points.
#pragma once
#include <string>

#include "core/model/model.hpp"

namespace npt {

// The span of `quote` in the document. occurrence 0: the quote must occur exactly once (InputError
// listing where when it occurs more often); occurrence n >= 1: its n-th occurrence. Throws
// NotFoundError for an unknown document or a quote that is not in the text (or has fewer than n
// occurrences), InputError for an empty quote.
Span find_quote(Project& project, const std::string& document, const std::string& quote, int occurrence = 0);

}  // namespace npt
