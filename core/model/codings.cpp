// codings.cpp — the coding rule, bulk application and retrieval.
#include "core/model/codings.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/text_breaks.hpp"
#include "core/text/utf8_text.hpp"

namespace npt {
namespace {

constexpr const char* kColumns =
    "SELECT id, document_id, code_id, coder_id, start, end, created, modified, guid FROM coding ";

Coding read_coding(sqlite::Statement& st) {
    return {st.id<CodingId>(0), st.id<DocumentId>(1), st.id<CodeId>(2), st.id<CoderId>(3), st.int64(4),
            st.int64(5), st.text(6),  st.text(7),  st.text(8)};
}

std::string range(std::int64_t s, std::int64_t e) { return std::to_string(s) + "-" + std::to_string(e); }

void add_coding_memo(Project& project, CodingId coding_id, const std::string& text) {
    sqlite::Statement st(project.db(),
                         "INSERT INTO memo(coding_id, author, title, text, created, modified, guid) VALUES(?,?,?,?,?,?,?)");
    std::string now = project.now();
    st.bind(1, coding_id).bind(2, project.actor()).bind(3, "").bind(4, text).bind(5, now).bind(6, now);
    st.bind(7, project.guids().next()).run();
}

// Name lookups cached for one bulk call.
class NameCache {
public:
    NameCache(Project& project, const CodingOptions& options) : project_(project), options_(options) {}

    const DocumentInfo& document(const std::string& name) {
        auto it = docs_.find(name);
        if (it != docs_.end()) return it->second;
        return docs_.emplace(name, require_document(project_, name)).first->second;
    }
    CodeId code(const std::string& path) {
        auto it = codes_.find(path);
        if (it != codes_.end()) return it->second;
        CodeId id = options_.strict ? require_code(project_, path).id : ensure_code(project_, path).id;
        return codes_.emplace(path, id).first->second;
    }
    CoderId coder(const std::string& name) {
        auto it = coders_.find(name);
        if (it != coders_.end()) return it->second;
        CoderId id = options_.strict ? require_coder(project_, name).id : ensure_coder(project_, name).id;
        return coders_.emplace(name, id).first->second;
    }
    const std::string& text(DocumentId doc_id) {
        auto it = texts_.find(doc_id);
        if (it != texts_.end()) return it->second;
        return texts_.emplace(doc_id, document_text(project_, doc_id)).first->second;
    }

private:
    Project& project_;
    const CodingOptions& options_;
    std::unordered_map<std::string, DocumentInfo> docs_;
    std::unordered_map<std::string, CodeId> codes_;
    std::unordered_map<std::string, CoderId> coders_;
    std::unordered_map<DocumentId, std::string> texts_;
};

template <class F>
auto with_origin(const CodingRequest& r, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const NotFoundError& e) {
        if (r.origin.empty()) throw;
        throw NotFoundError(r.origin + ": " + e.what());
    } catch (const InputError& e) {
        if (r.origin.empty()) throw;
        throw InputError(r.origin + ": " + e.what());
    }
}

// The codings of one document, code and coder that overlap `span` (or also touch it, when
// `touching`), in start order. The coding rule keeps one owner's codings disjoint and apart, so
// only the last coding starting at or before span.start can reach into the span from the left;
// the rest start inside it. Two index range scans: O(log n + k), not a scan of the owner's codings.
std::vector<Coding> owner_codings_near(Project& project, DocumentId document_id, CodeId code_id, CoderId coder_id, Span span,
                                       bool touching) {
    std::vector<Coding> out;
    sqlite::Statement& before = project.db().cached(std::string(kColumns) +
                                               "WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start <= ? "
                                               "ORDER BY start DESC LIMIT 1");
    before.bind(1, document_id).bind(2, code_id).bind(3, coder_id).bind(4, span.start);
    if (before.step()) {
        Coding c = read_coding(before);
        if (touching ? c.end >= span.start : c.end > span.start) out.push_back(c);
    }
    before.reset();  // a half-read statement would hold a read snapshot open
    sqlite::Statement& inside = project.db().cached(std::string(kColumns) +
                                               "WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start > ? "
                                               "AND start " + (touching ? "<=" : "<") + " ? ORDER BY start");
    inside.bind(1, document_id).bind(2, code_id).bind(3, coder_id).bind(4, span.start).bind(5, span.end);
    while (inside.step()) out.push_back(read_coding(inside));
    inside.reset();
    return out;
}

Span resolve_span(NameCache& cache, const DocumentInfo& doc, const CodingRequest& r, const CodingOptions& options) {
    Span span{r.start, r.end};
    check_span(doc, span);
    if (options.snap_words) span = text::snap_to_words(cache.text(doc.id), span);
    return span;
}

}  // namespace

void check_span(const DocumentInfo& doc, Span span) {
    if (span.start < 0 || span.start >= span.end || span.end > doc.length)
        throw InputError(doc.name + ": invalid offsets " + range(span.start, span.end) +
                         " (need 0 <= start < end <= " + std::to_string(doc.length) + ", in code points)");
}

Coding coding_by_id(Project& project, CodingId coding_id) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "WHERE id = ?");
    st.bind(1, coding_id);
    if (!st.step()) throw NotFoundError("no coding with id " + to_string(coding_id));
    return read_coding(st);
}

Coding apply_coding(Project& project, DocumentId document_id, CodeId code_id, CoderId coder_id, Span span) {
    return project.action("Code " + range(span.start, span.end), [&] {
        check_span(document_info(project, document_id), span);
        std::vector<Coding> touching = owner_codings_near(project, document_id, code_id, coder_id, span, true);
        std::string now = project.now();
        if (touching.empty()) {
            Coding c{CodingId{}, document_id, code_id, coder_id, span.start, span.end, now, now, project.guids().next()};
            sqlite::Statement& ins = project.db().cached(
                "INSERT INTO coding(document_id, code_id, coder_id, start, end, created, modified, guid) "
                "VALUES(?,?,?,?,?,?,?,?)");
            ins.bind(1, c.document_id).bind(2, c.code_id).bind(3, c.coder_id).bind(4, c.start).bind(5, c.end);
            ins.bind(6, c.created).bind(7, c.modified).bind(8, c.guid).run();
            c.id = CodingId{project.db().last_insert_rowid()};
            return c;
        }
        Coding kept = touching.front();
        std::int64_t s = span.start, e = span.end;
        for (const Coding& c : touching) {
            s = std::min(s, c.start);
            e = std::max(e, c.end);
        }
        for (std::size_t i = 1; i < touching.size(); ++i) {
            sqlite::Statement memos(project.db(), "UPDATE memo SET coding_id = ? WHERE coding_id = ?");
            memos.bind(1, kept.id).bind(2, touching[i].id).run();
            sqlite::Statement links(project.db(), "UPDATE matrix_link SET coding_id = ? WHERE coding_id = ?");
            links.bind(1, kept.id).bind(2, touching[i].id).run();
            sqlite::Statement del(project.db(), "DELETE FROM coding WHERE id = ?");
            del.bind(1, touching[i].id).run();
        }
        if (s != kept.start || e != kept.end) {
            sqlite::Statement up(project.db(), "UPDATE coding SET start = ?, end = ?, modified = ? WHERE id = ?");
            up.bind(1, s).bind(2, e).bind(3, now).bind(4, kept.id).run();
            kept.start = s;
            kept.end = e;
            kept.modified = now;
        }
        return kept;
    });
}

int remove_coding(Project& project, DocumentId document_id, CodeId code_id, CoderId coder_id, Span span) {
    return project.action("Uncode " + range(span.start, span.end), [&] {
        std::vector<Coding> overlapping = owner_codings_near(project, document_id, code_id, coder_id, span, false);
        std::string now = project.now();
        for (const Coding& c : overlapping) {
            bool cut_left = span.start <= c.start, cut_right = span.end >= c.end;
            if (cut_left && cut_right) {
                sqlite::Statement del(project.db(), "DELETE FROM coding WHERE id = ?");
                del.bind(1, c.id).run();
            } else if (cut_left) {
                sqlite::Statement up(project.db(), "UPDATE coding SET start = ?, modified = ? WHERE id = ?");
                up.bind(1, span.end).bind(2, now).bind(3, c.id).run();
            } else if (cut_right) {
                sqlite::Statement up(project.db(), "UPDATE coding SET end = ?, modified = ? WHERE id = ?");
                up.bind(1, span.start).bind(2, now).bind(3, c.id).run();
            } else {  // split in two: the original keeps the left part and its GUID
                sqlite::Statement up(project.db(), "UPDATE coding SET end = ?, modified = ? WHERE id = ?");
                up.bind(1, span.start).bind(2, now).bind(3, c.id).run();
                sqlite::Statement ins(project.db(),
                                      "INSERT INTO coding(document_id, code_id, coder_id, start, end, created, modified, guid) "
                                      "VALUES(?,?,?,?,?,?,?,?)");
                ins.bind(1, c.document_id).bind(2, c.code_id).bind(3, c.coder_id).bind(4, span.end).bind(5, c.end);
                ins.bind(6, c.created).bind(7, now).bind(8, project.guids().next()).run();
            }
        }
        return static_cast<int>(overlapping.size());
    });
}

void delete_coding(Project& project, CodingId coding_id) {
    project.action("Delete coding", [&] {
        coding_by_id(project, coding_id);
        sqlite::Statement del(project.db(), "DELETE FROM coding WHERE id = ?");
        del.bind(1, coding_id).run();
    });
}

std::vector<Coding> apply_codings(Project& project, const std::vector<CodingRequest>& requests,
                                  const CodingOptions& options) {
    std::string label = requests.size() == 1 ? "Code " + requests[0].document + " " + range(requests[0].start, requests[0].end)
                                             : "Code " + std::to_string(requests.size()) + " segments";
    return project.action(label, [&] {
        NameCache cache(project, options);
        std::vector<Coding> out;
        out.reserve(requests.size());
        for (const CodingRequest& r : requests) {
            out.push_back(with_origin(r, [&] {
                const DocumentInfo& doc = cache.document(r.document);
                Span span = resolve_span(cache, doc, r, options);
                CodeId code = cache.code(r.code);
                CoderId coder = cache.coder(r.coder);
                Coding c = apply_coding(project, doc.id, code, coder, span);
                if (!r.memo.empty()) add_coding_memo(project, c.id, r.memo);
                return c;
            }));
        }
        return out;
    });
}

int remove_codings(Project& project, const std::vector<CodingRequest>& requests, const CodingOptions& options) {
    CodingOptions strict = options;
    strict.strict = true;
    return project.action("Uncode " + std::to_string(requests.size()) + " spans", [&] {
        NameCache cache(project, strict);
        int changed = 0;
        for (const CodingRequest& r : requests) {
            changed += with_origin(r, [&] {
                const DocumentInfo& doc = cache.document(r.document);
                Span span = resolve_span(cache, doc, r, options);
                CodeId code = cache.code(r.code);
                CoderId coder = cache.coder(r.coder);
                return remove_coding(project, doc.id, code, coder, span);
            });
        }
        return changed;
    });
}

std::vector<Coding> codings_in_document(Project& project, DocumentId document_id) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "WHERE document_id = ? ORDER BY start, end, id");
    st.bind(1, document_id);
    std::vector<Coding> out;
    while (st.step()) out.push_back(read_coding(st));
    return out;
}

std::vector<CodedSegment> list_segments(Project& project, const SegmentFilter& filter) {
    std::string sql = std::string(kColumns) + "WHERE 1";
    auto add_in = [&]<class IdType>(const char* column, const std::vector<IdType>& ids) {
        sql += std::string(" AND ") + column + " IN (SELECT value FROM json_each(?))";
        std::string json = "[";
        for (std::size_t i = 0; i < ids.size(); ++i) json += (i ? "," : "") + to_string(ids[i]);
        json += "]";
        return json;
    };
    std::vector<std::string> json_binds;
    if (!filter.documents.empty()) {
        std::vector<DocumentId> ids;
        for (const auto& n : filter.documents) ids.push_back(require_document(project, n).id);
        json_binds.push_back(add_in("document_id", ids));
    }
    if (!filter.codes.empty()) {
        std::vector<CodeId> ids;
        for (const auto& p : filter.codes) {
            CodeId id = require_code(project, p).id;
            if (filter.include_descendants) {
                auto sub = code_and_descendants(project, id);
                ids.insert(ids.end(), sub.begin(), sub.end());
            } else {
                ids.push_back(id);
            }
        }
        json_binds.push_back(add_in("code_id", ids));
    }
    if (!filter.coders.empty()) {
        std::vector<CoderId> ids;
        for (const auto& n : filter.coders) ids.push_back(require_coder(project, n).id);
        json_binds.push_back(add_in("coder_id", ids));
    }
    if (!filter.cases.empty()) {
        std::vector<DocumentId> ids;
        for (const auto& n : filter.cases) {
            auto docs = documents_of_case(project, require_case(project, n).id);
            ids.insert(ids.end(), docs.begin(), docs.end());
        }
        json_binds.push_back(add_in("document_id", ids));
    }

    std::unordered_map<CodeId, std::string> code_paths;
    std::unordered_map<CoderId, std::string> coder_names;
    std::unordered_map<DocumentId, std::string> doc_names;
    for (const Code& c : list_codes(project)) code_paths[c.id] = c.path;
    for (const Coder& c : list_coders(project)) coder_names[c.id] = c.name;
    for (const DocumentInfo& d : list_documents(project)) doc_names[d.id] = d.name;

    sqlite::Statement st(project.db(), sql);
    for (std::size_t i = 0; i < json_binds.size(); ++i) st.bind(static_cast<int>(i + 1), json_binds[i]);
    std::vector<CodedSegment> out;
    while (st.step()) {
        Coding c = read_coding(st);
        out.push_back({c, doc_names[c.document_id], code_paths[c.code_id], coder_names[c.coder_id], {}, {}});
    }
    std::sort(out.begin(), out.end(), [](const CodedSegment& a, const CodedSegment& b) {
        return std::tie(a.document, a.coding.start, a.coding.end, a.code, a.coder) <
               std::tie(b.document, b.coding.start, b.coding.end, b.code, b.coder);
    });

    // Text: each document loaded once, sliced through its code point index.
    std::unordered_map<DocumentId, std::pair<std::string, std::unique_ptr<text::CodePointIndex>>> texts;
    sqlite::Statement memos(project.db(), "SELECT text FROM memo WHERE coding_id = ? ORDER BY id");
    for (CodedSegment& s : out) {
        auto it = texts.find(s.coding.document_id);
        if (it == texts.end()) {
            it = texts.emplace(s.coding.document_id, std::make_pair(document_text(project, s.coding.document_id), nullptr)).first;
            it->second.second = std::make_unique<text::CodePointIndex>(it->second.first);
        }
        s.text = std::string(it->second.second->slice(static_cast<std::size_t>(s.coding.start),
                                                      static_cast<std::size_t>(s.coding.end)));
        memos.bind(1, s.coding.id);
        while (memos.step()) {
            if (!s.memo.empty()) s.memo += "\n\n";
            s.memo += memos.text(0);
        }
        memos.reset();
    }
    return out;
}

}  // namespace npt
