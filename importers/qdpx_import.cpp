// qdpx_import.cpp — building a new nptcoder project from a REFI-QDA project, with the loss report.
#include "importers/qdpx_import.hpp"

#include <map>
#include <random>
#include <set>
#include <sstream>

#include "codebook/refi_codebook.hpp"
#include "core/model/cases.hpp"
#include "core/model/code_edits.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/store/ids.hpp"
#include "core/model/memos.hpp"
#include "core/model/refi_exchange_store.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/formats.hpp"
#include "importers/qdpx_offsets.hpp"
#include "importers/qdpx_reader.hpp"
#include "importers/refi_schema.hpp"

namespace npt::importers {
namespace {

const std::string kTurnsNote = "nptcoder: speaker turns";

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string::npos; }

class Importer {
public:
    Importer(Project& p, QdpxPackage& pkg, const RefiProjectFile& f, RefiReport& report) : p_(p), pkg_(pkg), f_(f), r_(report) {}

    void run() {
        users();
        for (const RefiCode& c : f_.codes) code(c, "");
        variables();
        for (const RefiTextSource& s : f_.sources) source(s);
        cases();
        links();
        notes();
        the_rest();
        count_kept();
    }

private:
    void users() {
        for (const auto& [guid, given] : f_.users) {
            std::string name = given.empty() ? "user " + guid.substr(0, 8) : given;
            std::string unique = name;
            for (int n = 2; find_coder(p_, unique); ++n) unique = name + " (" + std::to_string(n) + ")";
            if (unique != name) r_.warn("user '" + name + "' appears twice; the second is coder '" + unique + "'");
            Coder c = ensure_coder(p_, unique);
            set_guid(GuidOwner::Coder, c.id, guid, "user " + unique);
            coders_[guid] = c.id;
            coder_names_[guid] = unique;
        }
    }

    CoderId coder_for(const std::string& user, const std::string& fallback_user = "") {
        for (const std::string& g : {user, fallback_user, f_.creating_user})
            if (auto it = coders_.find(g); !g.empty() && it != coders_.end()) return it->second;
        if (!fallback_coder_) {
            std::string name = "imported (" + (f_.origin.empty() ? std::string("REFI-QDA") : f_.origin) + ")";
            fallback_coder_ = ensure_coder(p_, name).id;
            r_.warn("codings without a known user are coded by '" + name + "'");
        }
        return *fallback_coder_;
    }

    template <class IdType>
    void set_guid(GuidOwner owner, IdType id, const std::string& guid, const std::string& what) {
        if (!is_guid(guid)) return;
        if (exchange_guid_taken(p_, owner, guid)) {
            ++repeated_guids_;
            if (repeated_example_.empty()) repeated_example_ = what + " " + guid;
            return;
        }
        set_exchange_guid(p_, id, guid);
    }

    template <class IdType>
    void attach(const std::vector<std::string>& notes, MemoTarget target, IdType id) {
        for (const std::string& n : notes)
            if (!note_targets_.emplace(n, std::make_pair(target, MemoTargetId(id))).second) ++shared_notes_;
    }

    void code(const RefiCode& c, const std::string& parent) {
        if (c.name.empty()) {
            r_.lose("codes without a name", "not imported (nor the codes below them)", c.guid);
            return;
        }
        std::string own = join_code_path({c.name});
        std::string path = parent.empty() ? own : parent + "/" + own;
        for (int n = 2; code_paths_.count(path); ++n) {
            std::string renamed = join_code_path({c.name + " (" + std::to_string(n) + ")"});
            path = parent.empty() ? renamed : parent + "/" + renamed;
            if (!code_paths_.count(path)) r_.warn("code '" + c.name + "' appears twice under one parent; the second is '" + path + "'");
        }
        code_paths_.insert(path);
        codebook::CodebookCode cc;
        codebook::apply_qdc_description(c.description, cc);
        NewCode nc;
        nc.path = path;
        nc.description = cc.description;
        nc.inclusion = cc.inclusion;
        nc.exclusion = cc.exclusion;
        nc.examples = cc.examples;
        nc.citation = cc.citation;
        if (!c.colour.empty()) {
            try {
                nc.colour = normalise_colour(c.colour, "code " + path);
            } catch (const InputError&) {
                r_.warn("code '" + path + "': colour '" + c.colour + "' is not #rrggbb; a palette colour is used");
            }
        }
        if (is_guid(c.guid) && !find_code_by_guid(p_, c.guid)) nc.guid = c.guid;
        else if (!c.guid.empty()) ++repeated_guids_;
        if (!c.codable) ++non_codable_;
        Code made = add_code(p_, nc);
        codes_[c.guid] = made.id;
        attach(c.notes, MemoTarget::Code, made.id);
        for (const RefiCode& child : c.children) code(child, path);
    }

    void variables() {
        for (const RefiVariable& v : f_.variables) {
            std::optional<AttributeType> type;
            if (v.type == "Text") type = AttributeType::Text;
            else if (v.type == "Boolean") type = AttributeType::Boolean;
            else if (v.type == "Integer" || v.type == "Float") type = AttributeType::Number;
            else if (v.type == "Date") type = AttributeType::Date;
            else if (v.type == "DateTime") {
                type = AttributeType::Text;
                r_.warn("variable '" + v.name + "' is a DateTime: kept as a text attribute");
            }
            if (!type || v.name.empty()) {
                r_.lose("variables of unsupported types", "not imported (nor their values)", v.name + " (" + v.type + ")");
                continue;
            }
            variables_[v.guid] = ensure_attribute(p_, v.name, *type).id;
        }
    }

    // The source's text as its tool wrote it, and where it came from; empty when there is none.
    std::pair<std::string, std::string> source_text(const RefiTextSource& s) {
        std::string raw, origin;
        if (s.has_inline) {
            raw = s.inline_text;
            origin = "inline";
        } else if (!s.plain_path.empty()) {
            const std::string& path = s.plain_path;
            if (path.rfind("internal://", 0) == 0 || path.find("://") == std::string::npos) {
                if (path.rfind("internal://", 0) != 0) ++bare_paths_;
                referenced_.insert(path.rfind("internal://", 0) == 0 ? path.substr(11) : path);
                if (auto bytes = pkg_.read_source(path)) raw = std::move(*bytes), origin = path;
            } else {
                r_.lose("text sources stored outside the package", "not imported: only internal:// files are read", s.name + " (" + path + ")");
                return {};
            }
        }
        if (blank(raw) && !s.rich_path.empty() && s.rich_path.rfind("internal://", 0) == 0) {
            referenced_.insert(s.rich_path.substr(11));
            if (auto bytes = pkg_.read_source(s.rich_path)) {
                std::string ext = lower(std::filesystem::path(s.rich_path).extension().string());
                if (ext == ".docx") {
                    try {
                        raw = parse_docx(*bytes, s.rich_path, ImportOptions{}).text;
                        ++from_docx_;
                    } catch (const FormatError&) {
                        // An empty DOCX (NVivo writes one for an empty source): the source is empty.
                    }
                } else if (ext == ".txt") {
                    raw = std::move(*bytes);
                }
                origin = s.rich_path;
            }
        }
        if (raw.empty() && origin.empty())
            r_.lose("text sources", "their text is missing from the package: not imported", s.name.empty() ? s.guid : s.name);
        return {raw, origin};
    }

    void source(const RefiTextSource& s) {
        auto [raw, origin] = source_text(s);
        std::int64_t codings = static_cast<std::int64_t>(s.whole_codings.size());
        for (const RefiSelection& sel : s.selections) codings += static_cast<std::int64_t>(sel.codings.size());
        if (origin.empty() && raw.empty()) {
            r_.lose("codings in text sources that were not imported", "not imported", "", codings);
            return;
        }
        if (text::first_invalid_utf8(raw)) {
            raw = text::repair_utf8(raw);
            r_.warn("source '" + s.name + "' is not valid UTF-8; invalid bytes became U+FFFD");
        }
        SourceOffsets offsets(raw);
        if (blank(offsets.stored())) {
            r_.lose("text sources", "empty (no text in the plain or rich text): not imported", s.name.empty() ? s.guid : s.name);
            r_.lose("codings in text sources that were not imported", "not imported", "", codings);
            return;
        }
        std::string name = s.name;  // qc 1.3.2 names none: use its file's name, else the GUID
        if (name.empty() && !s.plain_path.empty()) name = std::filesystem::path(s.plain_path.substr(s.plain_path.rfind('/') + 1)).string();
        if (name.empty()) name = s.guid;
        std::string unique = name;
        for (int n = 2; find_document(p_, unique); ++n) unique = name + " (" + std::to_string(n) + ")";
        if (unique != name) r_.warn("source name '" + name + "' appears twice; the second is '" + unique + "'");
        NewDocument nd;
        nd.name = unique;
        nd.text = offsets.stored();
        nd.source_file = origin;
        nd.format = "text";
        nd.import_note = "REFI-QDA import from " + (f_.origin.empty() ? pkg_.name() : f_.origin);
        DocumentInfo doc = add_document(p_, nd);
        set_guid(GuidOwner::Document, doc.id, s.guid, "source " + unique);
        docs_[s.guid] = doc.id;
        attach(s.notes, MemoTarget::Document, doc.id);
        if (!blank(s.description)) add_memo(p_, MemoTarget::Document, doc.id, s.description, "Description");
        if (s.variable_values) r_.lose("variable values on sources", "not imported: nptcoder attributes belong to cases", unique, s.variable_values);

        std::vector<SelectionSample> samples;
        for (const RefiSelection& sel : s.selections)
            if (sel.positions_read && !sel.name.empty()) samples.push_back({sel.start, sel.end, sel.name});
        UnitChoice unit = choose_unit(offsets, samples);
        if (unit.unit != PositionUnit::CodePoints)
            r_.warn("source '" + unique + "': positions read as " + to_string(unit.unit) + " (" + std::to_string(unit.matches) +
                    " of " + std::to_string(unit.samples) + " selection texts match that way)");
        else if (offsets.units_differ() && unit.matches == 0 && !s.selections.empty())
            r_.warn("source '" + unique + "': positions could not be checked against selection texts; read as code points (the standard's unit)");
        verified_ += unit.matches;
        samples_ += unit.samples;

        for (const RefiSelection& sel : s.selections) {
            if (sel.codings.empty()) {
                r_.lose("text selections without a code (annotations)", "not imported: a coding needs a code", unique + " " +
                        std::to_string(sel.start) + "-" + std::to_string(sel.end));
                continue;
            }
            std::optional<Span> span;
            if (sel.positions_read) span = offsets.map(sel.start, sel.end, unit.unit);
            if (!span) {
                r_.lose("codings whose positions fall outside their source", "not imported",
                        unique + " " + std::to_string(sel.start) + "-" + std::to_string(sel.end), static_cast<std::int64_t>(sel.codings.size()));
                continue;
            }
            std::optional<CodingId> first;
            for (const RefiCoding& c : sel.codings) {
                std::optional<CodingId> id = coding(doc.id, *span, c, sel.user, sel.created, sel.modified, unique);
                if (id && !first) first = id;
            }
            if (first) {
                attach(sel.notes, MemoTarget::Coding, *first);
                if (!blank(sel.description)) add_memo(p_, MemoTarget::Coding, *first, sel.description, "Selection description");
            }
        }
        for (const RefiCoding& c : s.whole_codings) coding(doc.id, {0, doc.length}, c, s.user, s.created, "", unique);
    }

    // The coding made (or joined), or nullopt when its code was not imported.
    std::optional<CodingId> coding(DocumentId doc, Span span, const RefiCoding& c, const std::string& user, const std::string& created,
              const std::string& modified, const std::string& where) {
        auto code = codes_.find(c.code);
        if (code == codes_.end()) {
            r_.lose("codings of codes not in the codebook", "not imported", where + " " + c.code);
            return std::nullopt;
        }
        Coding made = apply_coding(p_, doc, code->second, coder_for(c.user, user), span);
        if (!coding_ids_.insert(made.id).second || made.start != span.start || made.end != span.end) {
            ++merged_;
            return made.id;
        }
        set_guid(GuidOwner::Coding, made.id, c.guid, "coding");
        std::string when = c.created.empty() ? created : c.created;
        if (!when.empty()) set_coding_times(p_, made.id, when, modified.empty() ? when : modified);
        attach(c.notes, MemoTarget::Coding, made.id);
        return made.id;
    }

    void cases() {
        for (const RefiCase& k : f_.cases) {
            if (k.name.empty()) {
                r_.lose("cases without a name", "not imported", k.guid);
                continue;
            }
            std::string unique = k.name;
            for (int n = 2; find_case(p_, unique); ++n) unique = k.name + " (" + std::to_string(n) + ")";
            Case c = ensure_case(p_, unique);
            set_guid(GuidOwner::Case, c.id, k.guid, "case " + unique);
            if (!k.description.empty()) set_case_description(p_, c.id, k.description);
            cases_[k.guid] = c.id;
            for (const auto& [var, value] : k.values) {
                auto a = variables_.find(var);
                if (a == variables_.end()) {
                    r_.lose("case values of variables not imported", "not imported", unique);
                    continue;
                }
                set_case_value(p_, c.id, a->second, value);
            }
            for (const std::string& s : k.sources) {
                if (auto d = docs_.find(s); d != docs_.end()) link_document_to_case(p_, d->second, c.id);
                else r_.lose("case members that are not imported text sources", "not linked", unique);
            }
            r_.lose("codes assigned to cases (CodeRef in a case)", "not imported", unique, k.code_refs);
            r_.lose("selections assigned to cases (SelectionRef)", "not imported", unique, k.selection_refs);
        }
    }

    void links() {
        std::set<std::string> notes;
        for (const RefiNote& n : f_.notes) notes.insert(n.guid);
        for (const RefiLink& l : f_.links) {
            auto c = cases_.find(l.origin);
            if (c != cases_.end() && notes.count(l.target)) {
                attach({l.target}, MemoTarget::Case, c->second);
                continue;
            }
            c = cases_.find(l.target);
            if (c != cases_.end() && notes.count(l.origin)) {
                attach({l.origin}, MemoTarget::Case, c->second);
                continue;
            }
            r_.lose("links", "not imported: nptcoder has no links between items", l.name.empty() ? l.guid : l.name);
        }
    }

    void notes() {
        for (const std::string& g : f_.project_notes) note_targets_.emplace(g, std::make_pair(MemoTarget::Project, MemoTargetId{}));
        for (const RefiNote& n : f_.notes) {
            std::string text = n.text;
            if (!n.has_inline && !n.plain_path.empty() && n.plain_path.rfind("internal://", 0) == 0) {
                referenced_.insert(n.plain_path.substr(11));
                if (auto bytes = pkg_.read_source(n.plain_path)) text = text::repair_utf8(text::strip_utf8_bom(*bytes));
            }
            auto target = note_targets_.find(n.guid);
            MemoTarget kind = target == note_targets_.end() ? MemoTarget::Project : target->second.first;
            std::optional<MemoTargetId> id;
            if (kind != MemoTarget::Project) id = target->second.second;
            if (n.selections) r_.lose("selections inside notes (annotations)", "not imported", n.name, n.selections);
            if (kind == MemoTarget::Document && n.name == kTurnsNote && turns(DocumentId{id->value}, text)) continue;
            Memo m = add_memo(p_, kind, id, text, n.name);
            std::string author = coder_names_.count(n.user) ? coder_names_[n.user] : "";
            std::string created = n.created.empty() ? m.created : n.created;
            set_memo_origin(p_, m.id, author, created, n.modified.empty() ? created : n.modified);
            set_guid(GuidOwner::Memo, m.id, n.guid, "note");
        }
        if (!blank(f_.description)) add_memo(p_, MemoTarget::Project, std::nullopt, f_.description, "Project description");
    }

    // nptcoder's own speaker-turn note; false when the text is not in its form (kept as a memo).
    bool turns(DocumentId doc, const std::string& text) {
        std::vector<SpeakerTurn> out;
        std::istringstream in(text);
        std::string line;
        std::getline(in, line);  // the header
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            std::vector<std::string> f;
            std::size_t pos = 0;
            for (std::size_t tab; (tab = line.find('\t', pos)) != std::string::npos; pos = tab + 1) f.push_back(line.substr(pos, tab - pos));
            f.push_back(line.substr(pos));
            if (f.size() != 3 && f.size() != 5) return false;
            try {
                SpeakerTurn t{std::stoll(f[0]), std::stoll(f[1]), f[2], std::nullopt, std::nullopt};
                if (f.size() == 5) t.start_ms = std::stoll(f[3]), t.end_ms = std::stoll(f[4]);
                out.push_back(t);
            } catch (const std::exception&) {
                return false;
            }
        }
        try {
            set_speaker_turns(p_, doc, out);
        } catch (const InputError&) {
            return false;
        }
        return true;
    }

    void the_rest() {
        for (const auto& [kind, o] : f_.other_sources) {
            r_.lose(kind + " sources", "not imported: nptcoder holds text only", "", o.sources);
            r_.lose("selections in " + kind + " sources", "not imported", "", o.selections);
            r_.lose("codings in " + kind + " sources", "not imported", "", o.codings);
        }
        r_.lose("PDF region selections", "not imported (counted with the PDF sources' selections)", "", f_.pdf_region_selections);
        r_.lose("audio/video transcripts", "not imported with their media", "", f_.transcripts);
        for (const RefiSet& s : f_.sets)
            r_.lose("sets", "not imported: nptcoder has no sets",
                    s.name + " (" + std::to_string(s.codes + s.sources + s.notes) + " members)");
        r_.lose("graphs", "not imported: nptcoder has no graphs", "", f_.graphs);
        for (const std::string& file : pkg_.source_files())
            if (!referenced_.count(file) && file != ".root")
                r_.lose("files in the sources folder that no source refers to", "not imported", file);
        if (merged_)
            r_.lose("codings", "merged into an overlapping or touching coding of the same code and coder (nptcoder's coding rule)", "", merged_);
        if (non_codable_) r_.warn(std::to_string(non_codable_) + " code(s) marked not codable were imported as ordinary codes");
        if (bare_paths_) r_.warn(std::to_string(bare_paths_) + " source path(s) without internal:// (not conformant) read from the sources folder");
        if (from_docx_) r_.warn(std::to_string(from_docx_) + " source(s) had no plain text; their text was read from the DOCX rich text");
        if (repeated_guids_) r_.warn(std::to_string(repeated_guids_) + " GUID(s) used twice or unusable (e.g. " + repeated_example_ + "); fresh GUIDs given");
        if (shared_notes_) r_.warn(std::to_string(shared_notes_) + " note reference(s) to a note already attached elsewhere; each note is kept once");
        if (samples_ && !verified_)
            r_.warn("selection names are not their text (" + std::to_string(samples_) + " compared): positions read as code points, not verified");
        else if (samples_) r_.warn("positions checked against " + std::to_string(samples_) + " selection texts: " + std::to_string(verified_) + " match");
    }

    void count_kept() {
        r_.kept["users"] = static_cast<std::int64_t>(list_coders(p_).size());
        r_.kept["codes"] = static_cast<std::int64_t>(list_codes(p_).size());
        r_.kept["sources"] = static_cast<std::int64_t>(list_documents(p_).size());
        r_.kept["codings"] = static_cast<std::int64_t>(list_segments(p_).size());
        r_.kept["cases"] = static_cast<std::int64_t>(list_cases(p_).size());
        r_.kept["variables"] = static_cast<std::int64_t>(list_attributes(p_).size());
        r_.kept["notes"] = static_cast<std::int64_t>(list_memos(p_).size());
    }

    Project& p_;
    QdpxPackage& pkg_;
    const RefiProjectFile& f_;
    RefiReport& r_;
    // By GUID in the file.
    std::map<std::string, CoderId> coders_;
    std::map<std::string, CodeId> codes_;
    std::map<std::string, DocumentId> docs_;
    std::map<std::string, CaseId> cases_;
    std::map<std::string, AttributeId> variables_;
    std::map<std::string, std::string> coder_names_;
    std::map<std::string, std::pair<MemoTarget, MemoTargetId>> note_targets_;  // note GUID -> what it is on
    std::set<std::string> code_paths_, referenced_;
    std::set<CodingId> coding_ids_;
    std::optional<CoderId> fallback_coder_;
    std::int64_t merged_ = 0, non_codable_ = 0, bare_paths_ = 0, from_docx_ = 0, repeated_guids_ = 0, shared_notes_ = 0;
    std::size_t verified_ = 0, samples_ = 0;
    std::string repeated_example_;
};

void fill_in_file(const RefiProjectFile& f, RefiReport& r) {
    std::int64_t sources = static_cast<std::int64_t>(f.sources.size()), codings = f.coding_count();
    for (const auto& [kind, o] : f.other_sources) sources += o.sources, codings += o.codings;
    r.in_file["users"] = static_cast<std::int64_t>(f.users.size());
    r.in_file["codes"] = f.code_count();
    r.in_file["sources"] = sources;
    r.in_file["codings"] = codings;
    r.in_file["cases"] = static_cast<std::int64_t>(f.cases.size());
    r.in_file["variables"] = static_cast<std::int64_t>(f.variables.size());
    r.in_file["notes"] = static_cast<std::int64_t>(f.notes.size());
}

void remove_project_files(const std::filesystem::path& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::path p = path;
        p += suffix;
        std::filesystem::remove(p, ec);
    }
}

}  // namespace

RefiReport import_qdpx(const std::filesystem::path& file, const std::filesystem::path& target, const QdpxImportOptions& options) {
    if (std::filesystem::exists(target)) throw InputError(target.string() + ": already exists (import-qdpx makes a new project)");
    QdpxPackage package = QdpxPackage::open(file, options.limits);
    RefiReport report;
    report.operation = "import";
    report.file = package.name();
    SchemaCheck schema = validate_refi_xml(package.qde(), RefiSchema::Project);
    report.schema_valid = schema.valid;
    report.schema_errors = schema.errors;
    if (!schema.valid)
        report.warn(package.qde_name() + " is not valid against Project.xsd (" + std::to_string(schema.error_count) +
                    " error(s)); read as far as possible");
    RefiProjectFile f = read_project_qde(package.qde(), package.name(), report);
    report.origin = f.origin;
    fill_in_file(f, report);
    std::filesystem::path temp = target;
    temp += ".importing";
    remove_project_files(temp);
    try {
        {
            Project p = Project::create(temp, f.name.empty() ? file.stem().string() : f.name);
            if (!options.actor.empty()) p.set_actor(options.actor);
            p.action("Import REFI-QDA project " + package.name(), [&] {
                if (!f.created.empty()) set_project_identity(p, p.meta("guid"), f.created);
                Importer(p, package, f, report).run();
            });
        }
        std::filesystem::rename(temp, target);
    } catch (...) {
        remove_project_files(temp);
        throw;
    }
    return report;
}

RefiReport check_qdpx(const std::filesystem::path& file, const QdpxImportOptions& options) {
    std::random_device rd;
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("nptcoder-refi-check-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    try {
        RefiReport report = import_qdpx(file, dir / "check.nptq", options);
        report.operation = "check";
        std::filesystem::remove_all(dir);
        return report;
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        throw;
    }
}

RefiReport check_qdc(const std::filesystem::path& file) {
    std::string xml = read_file(file.string());
    RefiReport report;
    report.operation = "check";
    report.file = file.filename().string();
    if (declares_entities(xml)) throw FormatError(report.file + ": declares XML entities (refused: entity expansion)");
    SchemaCheck schema = validate_refi_xml(xml, RefiSchema::Codebook);
    report.schema_valid = schema.valid;
    report.schema_errors = schema.errors;
    codebook::QdcImport imported = codebook::read_qdc(xml, report.file);
    report.in_file["codes"] = static_cast<std::int64_t>(imported.codebook.codes.size());
    report.kept["codes"] = static_cast<std::int64_t>(imported.codebook.codes.size());
    for (const std::string& w : imported.warnings) {
        if (w.find("not kept") != std::string::npos) report.lose("code sets", "not kept: nptcoder has no code sets", w);
        else report.warn(w);
    }
    return report;
}

}  // namespace npt::importers
