// retrieval.hpp — getting coded text back with everything a researcher filters and reads by:
// the SegmentFilter of codings.hpp (code, descendants, coder, document, case) plus case-attribute
// conditions ("group=Hub client"), the speaker of each segment and surrounding context.
// Offsets are code points, end-exclusive.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/codings.hpp"

namespace npt {

// One "ATTRIBUTE=VALUE" condition on the cases a document belongs to.
struct AttributeCondition {
    std::string attribute;
    std::string value;
};

// Parses "group=Hub client" (spaces around '=' and the ends are trimmed). Throws InputError naming
// the text when there is no '=' or either side is empty.
AttributeCondition parse_attribute_condition(const std::string& text);

// The cases (ids) that meet the conditions. Conditions on the same attribute are alternatives
// (OR); conditions on different attributes must all hold (AND). Throws NotFoundError for an
// attribute the project does not have. An empty list means "no restriction": nullopt.
std::optional<std::set<CaseId>> cases_where(Project& project, const std::vector<AttributeCondition>& conditions);

// The documents (ids) linked to at least one case that meets the conditions. Conditions on the
// same attribute are alternatives (OR); conditions on different attributes must all hold (AND),
// by the same case. Throws NotFoundError for an attribute the project does not have. An empty
// list means "no restriction" and returns nullopt.
std::optional<std::set<DocumentId>> documents_where(Project& project, const std::vector<AttributeCondition>& conditions);

// The documents in scope of a filter's documents, cases and attribute conditions (nullopt = all).
// Throws NotFoundError for unknown names.
std::optional<std::set<DocumentId>> documents_in_scope(Project& project, const std::vector<std::string>& documents,
                                                       const std::vector<std::string>& cases,
                                                       const std::vector<AttributeCondition>& where);

struct RetrievalFilter {
    SegmentFilter segments;
    std::vector<AttributeCondition> where;
    std::int64_t context = 0;  // code points of surrounding text either side (0 = none)
};

struct RetrievedSegment {
    CodedSegment segment;
    std::string speaker;             // speaker(s) of the turns the segment overlaps, joined by ", "
    std::string before;              // up to `context` code points before the segment
    std::string after;               // up to `context` code points after it
    std::vector<std::string> cases;  // names of the document's cases
};

// Segments matching the filter, in list_segments order. Throws NotFoundError for unknown names.
std::vector<RetrievedSegment> retrieve_segments(Project& project, const RetrievalFilter& filter);

// Speakers of the turns that overlap `span` (in text order, each once), joined by ", ".
// `turns` must be sorted by start, as speaker_turns() returns them.
std::string speaker_of(const std::vector<SpeakerTurn>& turns, Span span);

}  // namespace npt
