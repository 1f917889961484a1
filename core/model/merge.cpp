// merge.cpp — merging another project file into the lead: each kind of record is matched to the
// lead's (coders by name after the coder map, documents by text SHA-256, codes by GUID then path,
// codings and memos by GUID or, for codings, by being covered already) and added when new.
#include "core/model/merge.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/memos.hpp"
#include "core/model/merge_validation.hpp"
#include "core/store/backups.hpp"

namespace npt {
namespace fs = std::filesystem;
namespace {

// `preferred` when no coder of the project has that colour yet (case-insensitively), else the
// first palette colour no coder has, else the palette colour for the number of coders.
std::string free_coder_colour(Project& project, const std::string& preferred) {
    std::vector<std::string> taken;
    for (const Coder& c : list_coders(project)) {
        std::string colour = c.colour;
        for (char& ch : colour) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        taken.push_back(colour);
    }
    auto is_taken = [&](std::string colour) {
        for (char& ch : colour) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return std::find(taken.begin(), taken.end(), colour) != taken.end();
    };
    if (!preferred.empty() && !is_taken(preferred)) return preferred;
    for (int n = 0; n < 10; ++n)
        if (!is_taken(palette_colour(n))) return palette_colour(n);
    return palette_colour(static_cast<std::int64_t>(taken.size()));
}


bool guid_taken(Project& p, const char* table, const std::string& guid) {
    sqlite::Statement st(p.db(), std::string("SELECT 1 FROM ") + table + " WHERE guid = ?");
    st.bind(1, guid);
    return st.step();
}

// A free document name for a document whose name is taken by different text.
std::string free_document_name(Project& lead, const std::string& name, const std::string& source) {
    for (int n = 1;; ++n) {
        std::string candidate = name + " (from " + source + (n > 1 ? " " + std::to_string(n) : "") + ")";
        if (!find_document(lead, candidate)) return candidate;
    }
}

class Merger {
public:
    Merger(Project& lead, Project& other, const MergeOptions& options, std::string source)
        : lead_(lead), other_(other), options_(options), source_(std::move(source)) {}

    MergeReport run() {
        merge_coders();
        merge_documents();
        merge_codes();
        merge_codings();
        merge_memos();
        return std::move(report_);
    }

private:
    void conflict(std::string kind, std::string subject, std::string resolution) {
        report_.conflicts.push_back({std::move(kind), std::move(subject), std::move(resolution)});
    }

    void merge_coders() {
        for (const Coder& oc : list_coders(other_)) {
            auto mapped = options_.coder_map.find(oc.name);
            std::string name = mapped == options_.coder_map.end() ? oc.name : mapped->second;
            if (auto lc = find_coder(lead_, name)) {
                coders_[oc.id] = lc->id;
                ++report_.coders_matched;
                continue;
            }
            sqlite::Statement st(lead_.db(), "INSERT INTO coder(name, colour, guid, created) VALUES(?,?,?,?)");
            std::string guid = guid_taken(lead_, "coder", oc.guid) ? lead_.guids().next() : oc.guid;
            // The other file numbered its coders' colours on its own: keep the colour unless a lead coder has it.
            st.bind(1, name).bind(2, free_coder_colour(lead_, oc.colour)).bind(3, guid).bind(4, oc.created).run();
            coders_[oc.id] = CoderId{lead_.db().last_insert_rowid()};
            ++report_.coders_added;
            report_.added_coders.push_back(name);
        }
    }

    void merge_documents() {
        for (const DocumentInfo& od : list_documents(other_)) {
            std::optional<DocumentInfo> match;
            if (auto same_name = find_document(lead_, od.name); same_name && same_name->sha256 == od.sha256) match = same_name;
            if (!match) match = find_document_by_sha256(lead_, od.sha256);
            if (match) {
                documents_[od.id] = match->id;
                ++report_.documents_matched;
                continue;
            }
            NewDocument doc{od.name, document_text(other_, od.id), od.source_file, od.format, od.import_note,
                            speaker_turns(other_, od.id)};
            if (find_document(lead_, od.name)) {
                doc.name = free_document_name(lead_, od.name, source_);
                conflict("document name", od.name,
                         "the lead has a different text under this name; added the other's as '" + doc.name + "'");
            }
            report_.added_documents.push_back(doc.name);
            documents_[od.id] = add_document(lead_, std::move(doc)).id;
            ++report_.documents_added;
        }
    }

    void merge_codes() {
        for (const Code& oc : list_codes(other_)) {  // parents before children
            if (auto lc = find_code_by_guid(lead_, oc.guid)) {
                codes_[oc.id] = lc->id;
                ++report_.codes_matched;
                if (lc->path != oc.path)
                    conflict("code path", oc.path,
                             "the same code (GUID) is '" + lc->path + "' in the lead; its codings go there");
                continue;
            }
            // Its place in the lead: under the lead's match of its parent.
            std::string path = oc.path;
            if (oc.parent_id) {
                std::vector<std::string> names = split_code_path(code_by_id(lead_, codes_.at(*oc.parent_id)).path);
                names.push_back(oc.name);
                path = join_code_path(names);
            }
            if (auto lc = find_code(lead_, path)) {
                codes_[oc.id] = lc->id;
                ++report_.codes_matched;
                conflict("code guid", path, "matched by path; the two projects gave this code different GUIDs");
                continue;
            }
            NewCode nc{path,       oc.description, oc.inclusion, oc.exclusion, oc.examples,
                       oc.citation, oc.colour,     oc.sort_order, oc.guid};
            codes_[oc.id] = add_code(lead_, nc).id;
            ++report_.codes_added;
            report_.added_codes.push_back(path);
        }
    }

    void merge_codings() {
        sqlite::Statement read(other_.db(),
                               "SELECT id, document_id, code_id, coder_id, start, end, created, modified, guid FROM coding ORDER BY id");
        sqlite::Statement by_guid(lead_.db(), "SELECT id FROM coding WHERE guid = ?");
        sqlite::Statement near(lead_.db(),
                               "SELECT id, start, end FROM coding WHERE document_id = ? AND code_id = ? AND coder_id = ? "
                               "AND start <= ? AND end >= ?");
        sqlite::Statement ins(lead_.db(),
                              "INSERT INTO coding(document_id, code_id, coder_id, start, end, created, modified, guid) "
                              "VALUES(?,?,?,?,?,?,?,?)");
        while (read.step()) {
            CodingId other_id = read.id<CodingId>(0);
            DocumentId doc = documents_.at(read.id<DocumentId>(1));
            CodeId code = codes_.at(read.id<CodeId>(2));
            CoderId coder = coders_.at(read.id<CoderId>(3));
            std::int64_t s = read.int64(4), e = read.int64(5);
            std::string guid = read.text(8);
            by_guid.bind(1, guid);
            if (by_guid.step()) {
                codings_[other_id] = by_guid.id<CodingId>(0);
                by_guid.reset();
                ++report_.codings_present;
                continue;
            }
            by_guid.reset();
            near.bind(1, doc).bind(2, code).bind(3, coder).bind(4, e).bind(5, s);
            std::optional<CodingId> covering;
            bool touching = false;
            while (near.step()) {
                touching = true;
                if (near.int64(1) <= s && near.int64(2) >= e) covering = near.id<CodingId>(0);
            }
            near.reset();
            if (covering) {
                codings_[other_id] = *covering;
                ++report_.codings_present;
                continue;
            }
            if (touching) {  // the coding rule joins it with the lead's overlapping coding
                codings_[other_id] = apply_coding(lead_, doc, code, coder, {s, e}).id;
            } else {
                ins.bind(1, doc).bind(2, code).bind(3, coder).bind(4, s).bind(5, e).bind(6, read.text(6)).bind(7, read.text(7));
                ins.bind(8, guid).run();
                ins.reset();
                codings_[other_id] = CodingId{lead_.db().last_insert_rowid()};
            }
            ++report_.codings_added;
        }
    }

    void merge_memos() {
        sqlite::Statement ins(lead_.db(),
                              "INSERT INTO memo(document_id, code_id, case_id, coding_id, author, title, text, created, "
                              "modified, guid) VALUES(?,?,?,?,?,?,?,?,?,?)");
        for (const Memo& m : list_memos(other_)) {
            if (guid_taken(lead_, "memo", m.guid)) {
                ++report_.memos_present;
                continue;
            }
            std::optional<std::int64_t> cols[4];  // document_id, code_id, case_id, coding_id
            switch (m.target) {
                case MemoTarget::Project: break;
                case MemoTarget::Document: cols[0] = documents_.at(DocumentId{m.target_id->value}).value; break;
                case MemoTarget::Code: cols[1] = codes_.at(CodeId{m.target_id->value}).value; break;
                case MemoTarget::Coding: cols[3] = codings_.at(CodingId{m.target_id->value}).value; break;
                case MemoTarget::Case: {
                    sqlite::Statement name(other_.db(), "SELECT name FROM cases WHERE id = ?");
                    name.bind(1, m.target_id->value);
                    name.step();
                    std::string case_name = name.text(0);
                    auto lc = find_case(lead_, case_name);
                    if (!lc) {
                        conflict("memo", m.title.empty() ? "memo on case " + case_name : m.title,
                                 "not merged: the lead project has no case '" + case_name + "'");
                        continue;
                    }
                    cols[2] = lc->id.value;
                    break;
                }
            }
            for (int i = 0; i < 4; ++i) ins.bind(i + 1, cols[i]);
            ins.bind(5, m.author).bind(6, m.title).bind(7, m.text).bind(8, m.created).bind(9, m.modified).bind(10, m.guid);
            ins.run();
            ins.reset();
            ++report_.memos_added;
        }
    }

    Project& lead_;
    Project& other_;
    const MergeOptions& options_;
    std::string source_;
    MergeReport report_;
    // The other project's ids -> the lead's.
    std::unordered_map<CoderId, CoderId> coders_;
    std::unordered_map<DocumentId, DocumentId> documents_;
    std::unordered_map<CodeId, CodeId> codes_;
    std::unordered_map<CodingId, CodingId> codings_;
};

}  // namespace

std::map<std::string, std::string> parse_coder_map(const std::vector<std::string>& pairs) {
    std::map<std::string, std::string> out;
    for (const std::string& p : pairs) {
        auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == p.size())
            throw InputError("coder map '" + p + "': expected OLD=NEW (the other project's coder name = the lead's)",
                             "coder_map");
        out[p.substr(0, eq)] = p.substr(eq + 1);
    }
    return out;
}

namespace {

// Opens and checks the other project as both merge and preview do.
Project open_merge_source(Project& lead, const fs::path& other_path, const MergeOptions& options) {
    std::error_code ec;
    if (fs::exists(other_path, ec) && fs::equivalent(other_path, lead.path(), ec))
        throw InputError(other_path.string() + ": is the lead project itself; merge another coder's file");
    // Read-only and immutable where nobody is writing it: the other coder's file is left byte-for-byte
    // as it was (no switch to WAL, no migration, no -wal/-shm files).
    Project other = Project::open(other_path, OpenMode::ReadOnly);
    validate_merge_source(other, other_path.string(), options.max_document_bytes);
    for (const auto& [from, to] : options.coder_map)
        if (!find_coder(other, from))
            throw InputError("coder map " + from + "=" + to + ": " + other_path.filename().string() + " has no coder '" + from + "'",
                             "coder_map");
    return other;
}

}  // namespace

MergeReport merge_project(Project& lead, const fs::path& other_path, const MergeOptions& options) {
    Project other = open_merge_source(lead, other_path, options);
    std::string source = other_path.filename().string();
    make_backup(lead, "merge");
    return lead.action("Merge " + source, [&] { return Merger(lead, other, options, source).run(); });
}

MergeReport preview_merge(Project& lead, const fs::path& other_path, const MergeOptions& options) {
    if (lead.in_action())
        throw StoreError("merge preview: cannot run inside another action (its rollback would undo that action too)");
    Project other = open_merge_source(lead, other_path, options);
    std::string source = other_path.filename().string();
    // The real merge, in the real action, which is then rolled back: the report leaves the action
    // in an exception of its own, so nothing is committed, logged or kept for undo.
    struct Rehearsed {
        MergeReport report;
    };
    try {
        lead.action("Merge " + source, [&] { throw Rehearsed{Merger(lead, other, options, source).run()}; });
    } catch (Rehearsed& done) {
        return std::move(done.report);
    }
    throw StoreError("merge preview: the rehearsal did not report");  // unreachable: the action always throws
}

}  // namespace npt
