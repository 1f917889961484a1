// word_frequency.cpp — union of the selected codings per document, then a count of the words that
// touch it.
#include "core/query/word_frequency.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/query/coding_query_spans.hpp"
#include "core/model/documents.hpp"
#include "core/text/text_breaks.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {
namespace {

const std::set<std::string_view>& stop_words() {
    static const std::set<std::string_view> words = {
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "don't", "down", "er",
        "erm", "for", "from", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "i'm",
        "if", "in", "into", "is", "it", "it's", "its", "just", "like", "me", "mean", "mm", "more", "my", "no", "not",
        "of", "off", "oh", "on", "one", "or", "our", "out", "over", "really", "so", "some", "such", "than", "that",
        "that's", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "um", "up",
        "very", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would", "yeah",
        "yes", "you", "your"};
    return words;
}

}  // namespace

std::string fold_word(std::string_view word) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    s.foldCase();
    std::string out;
    s.toUTF8String(out);
    return text::to_nfc(out);
}

bool is_stop_word(std::string_view folded_word) {
    if (stop_words().count(folded_word)) return true;
    // Typographic apostrophes: "don’t" is "don't".
    std::string plain(folded_word);
    for (std::size_t p; (p = plain.find("\u2019")) != std::string::npos;) plain.replace(p, 3, "'");
    return stop_words().count(plain) > 0;
}

std::vector<WordCount> word_frequency(Project& project, const WordFrequencyOptions& options) {
    std::optional<std::set<DocumentId>> where_docs = documents_where(project, options.where);
    std::map<DocumentId, std::vector<Span>> spans;
    for (const CodedSegment& s : list_segments(project, options.segments))
        if (!where_docs || where_docs->count(s.coding.document_id))
            spans[s.coding.document_id].push_back({s.coding.start, s.coding.end});

    std::unordered_map<std::string, WordCount> counts;
    for (auto& [doc, raw] : spans) {
        SpanSet coded = normalise_spans(std::move(raw));
        std::string text = document_text(project, doc);
        text::CodePointIndex index(text);
        std::set<std::string> seen_here;
        std::size_t k = 0;
        for (const Span& w : text::words(text)) {
            while (k < coded.size() && coded[k].end <= w.start) ++k;
            if (k == coded.size()) break;
            if (coded[k].start >= w.end) continue;
            if (static_cast<std::size_t>(w.length()) < options.min_length) continue;
            std::string word = fold_word(index.slice(static_cast<std::size_t>(w.start), static_cast<std::size_t>(w.end)));
            if (options.skip_stop_words && is_stop_word(word)) continue;
            WordCount& c = counts[word];
            c.word = word;
            ++c.count;
            if (seen_here.insert(word).second) ++c.documents;
        }
    }
    std::vector<WordCount> out;
    out.reserve(counts.size());
    for (auto& [word, c] : counts) out.push_back(std::move(c));
    std::sort(out.begin(), out.end(), [](const WordCount& a, const WordCount& b) {
        return a.count != b.count ? a.count > b.count : a.word < b.word;
    });
    if (options.limit && out.size() > options.limit) out.resize(options.limit);
    return out;
}

}  // namespace npt
