// retrieval.cpp — attribute conditions, document scope, speakers and context for retrieval.
#include "core/query/retrieval.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/documents.hpp"
#include "core/model/name_match.hpp"
#include "core/error.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {
namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

AttributeCondition parse_attribute_condition(const std::string& text) {
    auto eq = text.find('=');
    if (eq == std::string::npos)
        throw InputError("attribute condition '" + text + "' needs the form ATTRIBUTE=VALUE, e.g. \"group=Hub client\"");
    AttributeCondition c{trim(text.substr(0, eq)), trim(text.substr(eq + 1))};
    if (c.attribute.empty() || c.value.empty())
        throw InputError("attribute condition '" + text + "' has an empty attribute or value");
    return c;
}

namespace {

// The attribute a condition names: its exact name, else the one attribute whose name is the same
// ignoring case and white space ("Group" for "group").
Attribute attribute_named(Project& project, const AttributeCondition& c) {
    if (auto a = find_attribute(project, c.attribute)) return *a;
    std::vector<Attribute> alike;
    for (const Attribute& a : list_attributes(project))
        if (fold_name(a.name) == fold_name(c.attribute)) alike.push_back(a);
    if (alike.size() == 1) return alike.front();
    if (alike.size() > 1)
        throw InputError("condition " + c.attribute + "=" + c.value + ": attributes '" + alike[0].name + "' and '" +
                             alike[1].name + "' differ only in case; give the name exactly",
                         "where");
    throw NotFoundError("no case attribute '" + c.attribute + "' in the project (in the condition " + c.attribute + "=" + c.value + ")",
                        "where");
}

}  // namespace

// Attribute names and values match ignoring case and white space runs (an exact attribute name
// wins), and a value no case has is a NotFoundError ("no case has group=gp"), so a typo never
// silently selects nothing.
std::optional<std::set<CaseId>> cases_where(Project& project, const std::vector<AttributeCondition>& conditions) {
    if (conditions.empty()) return std::nullopt;
    struct Wanted {
        std::string name;                      // as stored
        std::vector<const AttributeCondition*> conditions;
    };
    std::map<AttributeId, Wanted> wanted;  // attribute id -> the conditions on it
    for (const AttributeCondition& c : conditions) {
        Attribute a = attribute_named(project, c);
        wanted[a.id].name = a.name;
        wanted[a.id].conditions.push_back(&c);
    }
    std::set<CaseId> cases;
    bool first = true;
    for (const auto& [attribute, want] : wanted) {
        // Values match ignoring case and white space runs ("hub client" for "Hub client").
        std::set<std::u32string> values;
        for (const AttributeCondition* c : want.conditions) values.insert(fold_name(c->value));
        std::set<CaseId> meeting;
        std::set<std::u32string> matched;
        sqlite::Statement st(project.db(), "SELECT case_id, value FROM case_value WHERE attribute_id = ?");
        st.bind(1, attribute);
        while (st.step()) {
            std::u32string v = fold_name(st.text(1));
            if (values.count(v)) {
                meeting.insert(st.id<CaseId>(0));
                matched.insert(v);
            }
        }
        for (const AttributeCondition* c : want.conditions)
            if (!matched.count(fold_name(c->value)))
                throw NotFoundError("no case has " + want.name + "=" + c->value + " (in the condition " + c->attribute + "=" +
                                        c->value + ")",
                                    "where");
        if (first) {
            cases = std::move(meeting);
            first = false;
        } else {
            std::set<CaseId> both;
            std::set_intersection(cases.begin(), cases.end(), meeting.begin(), meeting.end(), std::inserter(both, both.end()));
            cases = std::move(both);
        }
    }
    return cases;
}

std::optional<std::set<DocumentId>> documents_where(Project& project, const std::vector<AttributeCondition>& conditions) {
    auto cases = cases_where(project, conditions);
    if (!cases) return std::nullopt;
    std::set<DocumentId> docs;
    for (CaseId c : *cases)
        for (DocumentId d : documents_of_case(project, c)) docs.insert(d);
    return docs;
}

std::optional<std::set<DocumentId>> documents_in_scope(Project& project, const std::vector<std::string>& documents,
                                                       const std::vector<std::string>& cases,
                                                       const std::vector<AttributeCondition>& where) {
    std::optional<std::set<DocumentId>> scope;
    auto narrow = [&](std::set<DocumentId> ids) {
        if (!scope) {
            scope = std::move(ids);
            return;
        }
        std::set<DocumentId> both;
        std::set_intersection(scope->begin(), scope->end(), ids.begin(), ids.end(), std::inserter(both, both.end()));
        scope = std::move(both);
    };
    if (!documents.empty()) {
        std::set<DocumentId> ids;
        for (const auto& n : documents) ids.insert(require_document(project, n).id);
        narrow(std::move(ids));
    }
    if (!cases.empty()) {
        std::set<DocumentId> ids;
        for (const auto& n : cases)
            for (DocumentId d : documents_of_case(project, require_case(project, n).id)) ids.insert(d);
        narrow(std::move(ids));
    }
    if (auto ids = documents_where(project, where)) narrow(std::move(*ids));
    return scope;
}

std::string speaker_of(const std::vector<SpeakerTurn>& turns, Span span) {
    std::vector<std::string> names;
    // Turns are sorted by start and do not overlap, so their ends are sorted too.
    auto it = std::partition_point(turns.begin(), turns.end(), [&](const SpeakerTurn& t) { return t.end <= span.start; });
    for (; it != turns.end() && it->start < span.end; ++it) {
        bool overlaps = it->start < span.end && span.start < it->end;
        if (overlaps && std::find(names.begin(), names.end(), it->speaker) == names.end()) names.push_back(it->speaker);
    }
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out;
}

std::vector<RetrievedSegment> retrieve_segments(Project& project, const RetrievalFilter& filter) {
    std::optional<std::set<DocumentId>> where_docs = documents_where(project, filter.where);
    std::vector<CodedSegment> segments = list_segments(project, filter.segments);
    struct DocumentData {
        std::string text;
        std::unique_ptr<text::CodePointIndex> index;
        std::vector<SpeakerTurn> turns;
        std::vector<std::string> cases;
    };
    std::unordered_map<DocumentId, DocumentData> docs;
    std::vector<RetrievedSegment> out;
    out.reserve(segments.size());
    for (CodedSegment& s : segments) {
        DocumentId doc_id = s.coding.document_id;
        if (where_docs && !where_docs->count(doc_id)) continue;
        auto it = docs.find(doc_id);
        if (it == docs.end()) {
            DocumentData d;
            d.turns = speaker_turns(project, doc_id);
            for (const Case& c : cases_of_document(project, doc_id)) d.cases.push_back(c.name);
            if (filter.context > 0) {
                d.text = document_text(project, doc_id);
            }
            it = docs.emplace(doc_id, std::move(d)).first;
            if (filter.context > 0) it->second.index = std::make_unique<text::CodePointIndex>(it->second.text);
        }
        RetrievedSegment r;
        r.speaker = speaker_of(it->second.turns, {s.coding.start, s.coding.end});
        r.cases = it->second.cases;
        if (filter.context > 0) {
            const auto& index = *it->second.index;
            auto length = static_cast<std::int64_t>(index.size());
            auto b = static_cast<std::size_t>(std::max<std::int64_t>(0, s.coding.start - filter.context));
            auto e = static_cast<std::size_t>(std::min(length, s.coding.end + filter.context));
            r.before = std::string(index.slice(b, static_cast<std::size_t>(s.coding.start)));
            r.after = std::string(index.slice(static_cast<std::size_t>(s.coding.end), e));
        }
        r.segment = std::move(s);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace npt
