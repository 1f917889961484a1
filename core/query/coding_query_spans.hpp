// coding_query_spans.hpp — span sets: the code points of one document that a code (or a query)
// covers, kept as sorted, disjoint, non-touching spans (maximal runs). The set algebra the coding
// query is built from, plus loading the spans of codes from the project. Offsets are code points.
#pragma once
#include <map>
#include <set>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

using SpanSet = std::vector<Span>;  // sorted by start; disjoint; no two touch; none empty

// Sorts, drops empty spans and joins overlapping or touching ones.
SpanSet normalise_spans(std::vector<Span> spans);

SpanSet span_union(const SpanSet& a, const SpanSet& b);
SpanSet span_intersection(const SpanSet& a, const SpanSet& b);
SpanSet span_difference(const SpanSet& a, const SpanSet& b);  // code points of a not in b
SpanSet span_complement(const SpanSet& a, std::int64_t length);  // of [0, length)

// The runs of `a` that have a run of `b` within `max_words` words, plus the runs of `b` that have a
// run of `a` within `max_words` words. Two runs that overlap or touch are 0 words apart; otherwise
// the distance is the number of `words` lying wholly in the gap between them. `words` are the
// document's word spans in order (text::words).
SpanSet span_near(const SpanSet& a, const SpanSet& b, std::int64_t max_words, const std::vector<Span>& words);

// The runs of `a` and of `b` that overlap a speaker turn which both a run of `a` and a run of `b`
// overlap. `turns` are the document's turns sorted by start.
SpanSet span_same_turn(const SpanSet& a, const SpanSet& b, const std::vector<SpeakerTurn>& turns);

// Codings of the given codes (and coders, when the list is not empty; documents, when `documents`
// holds a set) as span sets per document id.
std::map<DocumentId, SpanSet> load_code_spans(Project& project, const std::vector<CodeId>& code_ids,
                                              const std::vector<CoderId>& coder_ids, const std::set<DocumentId>* documents);

}  // namespace npt
