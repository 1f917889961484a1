// word_frequency.hpp — the most frequent words in coded text: the words (ICU word breaks) that
// share a code point with the segments a retrieval filter selects, counted once per occurrence in
// the text (a word coded twice, by two coders or two codes, counts once), case-folded and NFC.
#pragma once
#include <string>
#include <vector>

#include "core/query/retrieval.hpp"

namespace npt {

struct WordFrequencyOptions {
    SegmentFilter segments;              // which coded segments (empty = all codings)
    std::vector<AttributeCondition> where;
    bool skip_stop_words = false;        // leave out common English function words
    std::size_t min_length = 1;          // in code points
    std::size_t limit = 0;               // the top N (0 = all)
};

struct WordCount {
    std::string word;           // case-folded
    std::int64_t count = 0;     // occurrences in coded text
    std::int64_t documents = 0; // documents it occurs in (coded)
};

// Most frequent first; ties by word. Throws NotFoundError for unknown names in the filter.
std::vector<WordCount> word_frequency(Project& project, const WordFrequencyOptions& options = {});

// Full Unicode case folding of a word (ICU), in NFC.
std::string fold_word(std::string_view word);
// True for the built-in English stop words (compared after fold_word).
bool is_stop_word(std::string_view folded_word);

}  // namespace npt
