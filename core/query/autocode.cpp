// autocode.cpp — finding the passages (search, coding query or speaker), growing them to a
// sentence, paragraph or turn, joining them, and applying them as one action.
#include "core/query/autocode.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/model/codes.hpp"
#include "core/model/coders.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/name_match.hpp"
#include "core/query/full_text_search.hpp"
#include "core/text/text_breaks.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {
namespace {

struct Found {
    DocumentId document_id;
    std::string document;
    Span span;
};

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0xA0 ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

// `grown` without white space at either end, never smaller than `hit`.
Span trimmed(const text::CodePointIndex& index, Span grown, Span hit) {
    while (grown.start < hit.start && is_space(index.at(static_cast<std::size_t>(grown.start)))) ++grown.start;
    while (grown.end > hit.end && is_space(index.at(static_cast<std::size_t>(grown.end - 1)))) --grown.end;
    return grown;
}

// The union of the units (sentences, paragraphs or turns, in order) that overlap `hit`; the
// hit itself when none does.
Span grown_to(const std::vector<Span>& units, Span hit) {
    Span out = hit;
    auto it = std::lower_bound(units.begin(), units.end(), hit.start, [](const Span& u, std::int64_t at) { return u.end <= at; });
    for (; it != units.end() && it->start < std::max(hit.end, hit.start + 1); ++it) {
        out.start = std::min(out.start, it->start);
        out.end = std::max(out.end, it->end);
    }
    return out;
}

// The codings of `code` by `coder` in one document (the coding rule keeps them disjoint).
std::vector<Coding> codings_of(Project& project, DocumentId doc, CodeId code, CoderId coder) {
    std::vector<Coding> out;
    for (const Coding& c : codings_in_document(project, doc))
        if (c.code_id == code && c.coder_id == coder) out.push_back(c);
    return out;
}

std::int64_t covered_length(const std::vector<Coding>& codings) {
    std::int64_t n = 0;
    for (const Coding& c : codings) n += c.end - c.start;
    return n;
}

std::vector<Span> turn_spans(const std::vector<SpeakerTurn>& turns) {
    std::vector<Span> out;
    for (const SpeakerTurn& t : turns) out.push_back({t.start, t.end});
    std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    return out;
}

std::vector<DocumentInfo> documents_in_scope(Project& project, const std::vector<std::string>& names) {
    if (names.empty()) return list_documents(project);
    std::vector<DocumentInfo> out;
    for (const std::string& name : names) out.push_back(require_document(project, name));
    return out;
}

std::vector<Found> speaker_passages(Project& project, const AutocodeRequest& request) {
    const std::u32string wanted = fold_name(request.pattern);
    std::vector<Found> out;
    std::vector<std::string> speakers;  // every speaker in scope, for the suggestion
    std::vector<DocumentInfo> docs = documents_in_scope(project, request.documents);
    std::sort(docs.begin(), docs.end(), [](const DocumentInfo& a, const DocumentInfo& b) { return a.name < b.name; });
    for (const DocumentInfo& d : docs)
        for (const SpeakerTurn& t : speaker_turns(project, d.id)) {
            if (fold_name(t.speaker) == wanted) out.push_back({d.id, d.name, {t.start, t.end}});
            else if (std::find(speakers.begin(), speakers.end(), t.speaker) == speakers.end()) speakers.push_back(t.speaker);
        }
    if (out.empty()) {
        NameMatch near = match_name(request.pattern, speakers);
        throw NotFoundError("no speaker '" + request.pattern + "' has a turn in " +
                                (request.documents.empty() ? std::string("the project") : std::string("those documents")) +
                                (near.kind == NameMatch::Kind::NearMiss ? "; did you mean '" + near.existing + "'?" : ""),
                            "speaker");
    }
    return out;
}

std::vector<Found> found_by(Project& project, const AutocodeRequest& request) {
    std::vector<Found> out;
    switch (request.source) {
        case AutocodeSource::Search: {
            FullTextOptions options;
            options.whole_words = request.whole_words;
            options.context = 0;
            options.documents = request.documents;
            for (SearchHit& h : search_documents(project, request.pattern, options))
                out.push_back({h.document_id, std::move(h.document), h.span});
            break;
        }
        case AutocodeSource::Query: {
            QueryOptions options;
            options.coders = request.query_coders;
            options.documents = request.documents;
            for (QueryHit& h : run_coding_query(project, request.pattern, options))
                out.push_back({h.document_id, std::move(h.document), h.span});
            break;
        }
        case AutocodeSource::Speaker: out = speaker_passages(project, request); break;
    }
    return out;
}

std::string describe_request(const AutocodeRequest& r) {
    std::string what = r.source == AutocodeSource::Search  ? "search \"" + r.pattern + "\""
                       : r.source == AutocodeSource::Query ? "query " + r.pattern
                                                           : "speaker " + r.pattern;
    if (r.extend != AutocodeExtent::Hit) what += std::string(" (") + to_string(r.extend) + ")";
    return what;
}

}  // namespace

const char* to_string(AutocodeExtent extent) {
    switch (extent) {
        case AutocodeExtent::Hit: return "hit";
        case AutocodeExtent::Sentence: return "sentence";
        case AutocodeExtent::Paragraph: return "paragraph";
        case AutocodeExtent::Turn: return "turn";
    }
    return "hit";
}

AutocodeExtent autocode_extent_from_string(const std::string& name) {
    for (AutocodeExtent e : {AutocodeExtent::Hit, AutocodeExtent::Sentence, AutocodeExtent::Paragraph, AutocodeExtent::Turn})
        if (name == to_string(e)) return e;
    throw InputError("extent '" + name + "' is not one of hit, sentence, paragraph, turn", "extend");
}

AutocodePlan plan_autocode(Project& project, const AutocodeRequest& request, CodeId code, CoderId coder) {
    if (request.pattern.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError(std::string("nothing to look for: the ") +
                             (request.source == AutocodeSource::Search  ? "search text"
                              : request.source == AutocodeSource::Query ? "query"
                                                                        : "speaker name") +
                             " is empty",
                         "pattern");
    AutocodePlan plan;
    plan.description = describe_request(request);
    std::vector<Found> found = found_by(project, request);
    plan.hits = static_cast<std::int64_t>(found.size());
    std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return a.document != b.document ? a.document < b.document : a.span.start < b.span.start;
    });

    for (std::size_t i = 0; i < found.size();) {
        // One document at a time: its text is read once, its units computed once.
        std::size_t j = i;
        while (j < found.size() && found[j].document_id == found[i].document_id) ++j;
        const DocumentId doc = found[i].document_id;
        const std::string text = document_text(project, doc);
        const text::CodePointIndex index(text);
        std::vector<Span> units;
        const bool grow = request.extend != AutocodeExtent::Hit && request.source != AutocodeSource::Speaker;
        if (grow) {
            if (request.extend == AutocodeExtent::Sentence) units = text::sentences(text);
            else if (request.extend == AutocodeExtent::Paragraph) units = text::paragraphs(text);
            else units = turn_spans(speaker_turns(project, doc));
        }
        const std::vector<Coding> existing = code.value && coder.value ? codings_of(project, doc, code, coder)
                                                                       : std::vector<Coding>{};
        const std::size_t first = plan.passages.size();
        for (std::size_t k = i; k < j; ++k) {
            Span span = found[k].span;
            if (grow) span = trimmed(index, grown_to(units, span), span);
            AutocodePassage* last = plan.passages.size() > first ? &plan.passages.back() : nullptr;
            if (last && span.start <= last->span.end) {  // overlapping or touching: one passage
                last->span.end = std::max(last->span.end, span.end);
                ++last->hits;
            } else {
                plan.passages.push_back({doc, found[i].document, span, "", 1, false});
            }
        }
        for (std::size_t p = first; p < plan.passages.size(); ++p) {
            AutocodePassage& passage = plan.passages[p];
            passage.text = std::string(index.slice(static_cast<std::size_t>(passage.span.start),
                                                   static_cast<std::size_t>(passage.span.end)));
            // Codings of one code by one coder never overlap (the coding rule joins them), so a
            // passage is covered exactly when one of them holds it whole.
            passage.covered = std::any_of(existing.begin(), existing.end(), [&](const Coding& c) {
                return c.start <= passage.span.start && passage.span.end <= c.end;
            });
        }
        i = j;
    }
    return plan;
}

std::string autocode_step_label(const std::string& description, const std::string& code_path, const std::string& coder) {
    return "Autocode: " + description + " as " + code_path + " (" + coder + ")";
}

AutocodeResult apply_autocode(Project& project, const std::vector<AutocodePassage>& passages, CodeId code,
                              CoderId coder, const std::string& description) {
    const Code c = code_by_id(project, code);
    std::string who_name;
    for (const Coder& k : list_coders(project))
        if (k.id == coder) who_name = k.name;
    if (who_name.empty()) throw NotFoundError("no coder with id " + to_string(coder));
    AutocodeResult result;
    project.action(autocode_step_label(description, c.path, who_name), [&] {
        std::map<DocumentId, std::int64_t> covered_before;
        for (const AutocodePassage& p : passages)
            if (!covered_before.count(p.document_id))
                covered_before[p.document_id] = covered_length(codings_of(project, p.document_id, code, coder));
        for (const AutocodePassage& p : passages) {
            if (p.covered) continue;
            apply_coding(project, p.document_id, code, coder, p.span);
            ++result.passages;
        }
        for (const auto& [doc, before] : covered_before) {  // one read of each document's codings after
            const std::vector<Coding> after = codings_of(project, doc, code, coder);
            result.code_points_added += covered_length(after) - before;
            result.codings += static_cast<std::int64_t>(after.size());
        }
    });
    return result;
}

}  // namespace npt
