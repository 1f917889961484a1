// qdpx_writer.cpp — building project.qde (pugixml) and the sources of a REFI-QDA project export.
#include "exporters/qdpx_writer.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "codebook/refi_codebook.hpp"
#include "core/agreement/reconcile.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/store/ids.hpp"
#include "core/model/memos.hpp"
#include "core/text/refi_dates.hpp"
#include "core/model/refi_exchange_store.hpp"
#include "core/text/utf8_text.hpp"
#include "exporters/decision_log.hpp"
#include "exporters/zip_writer.hpp"

namespace npt::exporters {
namespace {

constexpr const char* kNamespace = "urn:QDA-XML:project:1.0";
constexpr std::size_t kSelectionNameLength = 200;  // code points of the coded text in a selection's name

// The first `n` code points of `text`.
std::string first_code_points(const std::string& text, std::size_t n) {
    text::CodePointIndex index(text);
    if (index.size() <= n) return text;
    return std::string(index.slice(0, n));
}

void set_time(pugi::xml_node node, const char* attribute, const std::string& value) {
    if (is_xs_datetime(value)) node.append_attribute(attribute) = value.c_str();
}

struct Note {
    std::string guid, name, author_guid, created, modified, text;
};

class Writer {
public:
    Writer(Project& project, const QdpxOptions& options) : p_(project), options_(options) {
        project_guid_ = p_.meta("guid");
        if (!is_guid(project_guid_)) project_guid_ = derived_guid("nptcoder-project", p_.path().filename().string());
        created_ = p_.meta("created");
        report_.operation = "export";
        report_.origin = std::string("nptcoder ") + NPT_VERSION_STRING;
    }

    QdpxPackage run() {
        pugi::xml_document doc;
        auto decl = doc.append_child(pugi::node_declaration);
        decl.append_attribute("version") = "1.0";
        decl.append_attribute("encoding") = "utf-8";
        pugi::xml_node root = doc.append_child("Project");
        root.append_attribute("xmlns") = kNamespace;
        root.append_attribute("name") = p_.name().c_str();
        root.append_attribute("origin") = report_.origin.c_str();
        set_time(root, "creationDateTime", created_);
        std::string modified = options_.modified.empty() ? utc_now_iso() : options_.modified;
        set_time(root, "modifiedDateTime", modified);

        collect_memos();
        users(root);
        codebook(root);
        variables_and_cases(root);
        sources(root);
        generated_notes();
        notes(root);
        links(root);
        for (const std::string& guid : sorted(project_notes_)) root.append_child("NoteRef").append_attribute("targetGUID") = guid.c_str();

        std::ostringstream out;
        doc.save(out, " ", pugi::format_default, pugi::encoding_utf8);
        QdpxPackage package;
        package.project_qde = out.str();
        package.sources = std::move(files_);
        package.report = std::move(report_);
        return package;
    }

private:
    static std::vector<std::string> sorted(std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    }

    std::string user_guid(const std::string& name) {
        if (name.empty()) return "";
        if (auto it = users_.find(name); it != users_.end()) return it->second;
        std::string guid = derived_guid("nptcoder:user", name);
        users_[name] = guid;
        return guid;
    }

    void collect_memos() {
        for (const Memo& m : list_memos(p_)) {
            Note n{m.guid, m.title, "", m.created, m.modified, m.text};
            n.author_guid = m.author;  // resolved to a user GUID once the coders are known
            std::string guid = m.guid;
            switch (m.target) {
                case MemoTarget::Project: project_notes_.push_back(guid); break;
                case MemoTarget::Document: document_notes_[DocumentId{m.target_id->value}].push_back(guid); break;
                case MemoTarget::Code: code_notes_[CodeId{m.target_id->value}].push_back(guid); break;
                case MemoTarget::Case: case_notes_[CaseId{m.target_id->value}].push_back(guid); break;
                case MemoTarget::Coding: coding_notes_[CodingId{m.target_id->value}].push_back(guid); break;
            }
            notes_.push_back(std::move(n));
        }
        report_.kept["notes (memos)"] = static_cast<std::int64_t>(notes_.size());
    }

    void users(pugi::xml_node root) {
        std::int64_t coloured = 0;
        for (const Coder& c : list_coders(p_)) {
            users_[c.name] = c.guid;
            if (!c.colour.empty()) ++coloured;
        }
        for (Note& n : notes_) n.author_guid = user_guid(n.author_guid);
        report_.kept["users"] = static_cast<std::int64_t>(users_.size());
        report_.lose("coder colours", "REFI-QDA users have no colour", "", coloured);
        if (users_.empty()) return;
        pugi::xml_node list = root.append_child("Users");
        for (const auto& [name, guid] : users_) {
            pugi::xml_node u = list.append_child("User");
            u.append_attribute("guid") = guid.c_str();
            u.append_attribute("name") = name.c_str();
        }
    }

    void codebook(pugi::xml_node root) {
        std::vector<Code> codes = list_codes(p_);
        report_.kept["codes"] = static_cast<std::int64_t>(codes.size());
        if (codes.empty()) return;
        pugi::xml_node list = root.append_child("CodeBook").append_child("Codes");
        std::map<CodeId, pugi::xml_node> nodes;
        for (const Code& c : codes) {
            code_guids_[c.id] = c.guid;
            code_guid_by_path_[c.path] = c.guid;
            pugi::xml_node parent = c.parent_id ? nodes.at(*c.parent_id) : list;
            pugi::xml_node node = parent.append_child("Code");
            node.append_attribute("guid") = c.guid.c_str();
            node.append_attribute("name") = c.name.c_str();
            node.append_attribute("isCodable") = "true";
            if (!c.colour.empty()) node.append_attribute("color") = c.colour.c_str();
            codebook::CodebookCode cc;
            cc.description = c.description;
            cc.inclusion = c.inclusion;
            cc.exclusion = c.exclusion;
            cc.examples = c.examples;
            cc.citation = c.citation;
            std::string description = codebook::qdc_description(cc);
            if (!description.empty()) node.append_child("Description").text().set(description.c_str());
            for (const std::string& g : sorted(code_notes_[c.id])) node.append_child("NoteRef").append_attribute("targetGUID") = g.c_str();
            nodes[c.id] = node;
        }
    }

    // The typed element for one value, or TextValue (with a loss) when it is not of its type.
    void variable_value(pugi::xml_node parent, const Attribute& a, const std::string& type, const std::string& value,
                        const std::string& case_name) {
        pugi::xml_node vv = parent.append_child("VariableValue");
        vv.append_child("VariableRef").append_attribute("targetGUID") = variable_guids_.at(a.name).c_str();
        static const std::regex integer(R"(-?\d+)"), decimal(R"(-?(\d+(\.\d*)?|\.\d+))");
        std::string lower = value;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (type == "Integer" && std::regex_match(value, integer)) {
            vv.append_child("IntegerValue").text().set(value.c_str());
        } else if (type == "Float" && std::regex_match(value, decimal)) {
            vv.append_child("FloatValue").text().set(value.c_str());
        } else if (type == "Date" && is_xs_date(value)) {
            vv.append_child("DateValue").text().set(value.c_str());
        } else if (type == "Boolean" && (lower == "true" || lower == "false" || lower == "yes" || lower == "no" ||
                                         lower == "1" || lower == "0")) {
            bool b = lower == "true" || lower == "yes" || lower == "1";
            vv.append_child("BooleanValue").text().set(b ? "true" : "false");
        } else {
            if (type != "Text")
                report_.lose("case values not of their attribute's type", "written as TextValue",
                             case_name + "/" + a.name + "=" + value);
            vv.append_child("TextValue").text().set(value.c_str());
        }
    }

    void variables_and_cases(pugi::xml_node root) {
        std::vector<Attribute> attributes = list_attributes(p_);
        std::vector<CaseDetail> cases = list_case_details(p_);
        std::map<std::string, std::string> types;
        static const std::regex integer(R"(-?\d+)");
        for (const Attribute& a : attributes) {
            variable_guids_[a.name] = derived_guid("nptcoder:variable", a.name);
            std::string type = "Text";
            if (a.type == AttributeType::Number) {
                type = "Integer";
                for (const CaseDetail& c : cases)
                    if (auto it = c.values.find(a.name); it != c.values.end() && !std::regex_match(it->second, integer)) type = "Float";
            } else if (a.type == AttributeType::Date) {
                type = "Date";
            } else if (a.type == AttributeType::Boolean) {
                type = "Boolean";
            }
            types[a.name] = type;
        }
        report_.kept["variables"] = static_cast<std::int64_t>(attributes.size());
        report_.kept["cases"] = static_cast<std::int64_t>(cases.size());
        if (!attributes.empty()) {
            pugi::xml_node list = root.append_child("Variables");
            for (const Attribute& a : attributes) {
                pugi::xml_node v = list.append_child("Variable");
                v.append_attribute("guid") = variable_guids_[a.name].c_str();
                v.append_attribute("name") = a.name.c_str();
                v.append_attribute("typeOfVariable") = types[a.name].c_str();
            }
        }
        std::map<std::string, std::string> doc_guids;
        for (const DocumentInfo& d : list_documents(p_)) doc_guids[d.name] = d.guid;
        if (cases.empty()) return;
        pugi::xml_node list = root.append_child("Cases");
        for (const CaseDetail& c : cases) {
            pugi::xml_node node = list.append_child("Case");
            node.append_attribute("guid") = c.info.guid.c_str();
            node.append_attribute("name") = c.info.name.c_str();
            if (!c.info.description.empty()) node.append_child("Description").text().set(c.info.description.c_str());
            for (const Attribute& a : attributes)
                if (auto it = c.values.find(a.name); it != c.values.end() && !it->second.empty())
                    variable_value(node, a, types[a.name], it->second, c.info.name);
            for (const std::string& d : c.documents) node.append_child("SourceRef").append_attribute("targetGUID") = doc_guids.at(d).c_str();
            for (const std::string& g : sorted(case_notes_[c.info.id])) links_.emplace_back(c.info.guid, g);
        }
    }

    void sources(pugi::xml_node root) {
        std::vector<DocumentInfo> docs = list_documents(p_);
        report_.kept["sources"] = static_cast<std::int64_t>(docs.size());
        std::map<std::string, std::vector<CodedSegment>> by_document;
        std::int64_t codings = 0;
        for (CodedSegment& s : list_segments(p_)) by_document[s.document].push_back(std::move(s));
        std::map<std::string, std::string> coder_guids;
        for (const Coder& c : list_coders(p_)) coder_guids[c.name] = c.guid;
        std::int64_t with_details = 0;
        if (docs.empty()) return;
        pugi::xml_node list = root.append_child("Sources");
        for (const DocumentInfo& d : docs) {
            if (!d.source_file.empty() || !d.import_note.empty()) ++with_details;
            std::string file = d.guid + ".txt";
            pugi::xml_node node = list.append_child("TextSource");
            node.append_attribute("guid") = d.guid.c_str();
            node.append_attribute("name") = d.name.c_str();
            node.append_attribute("plainTextPath") = ("internal://" + file).c_str();
            set_time(node, "creationDateTime", d.imported);
            files_.emplace_back("sources/" + file, document_text(p_, d.id));
            for (const CodedSegment& s : by_document[d.name]) {
                ++codings;
                pugi::xml_node sel = node.append_child("PlainTextSelection");
                std::string coder = coder_guids.at(s.coder);
                sel.append_attribute("guid") = derived_guid(s.coding.guid, "selection").c_str();
                sel.append_attribute("name") = first_code_points(s.text, kSelectionNameLength).c_str();
                sel.append_attribute("startPosition") = static_cast<long long>(s.coding.start);
                sel.append_attribute("endPosition") = static_cast<long long>(s.coding.end);
                sel.append_attribute("creatingUser") = coder.c_str();
                set_time(sel, "creationDateTime", s.coding.created);
                set_time(sel, "modifiedDateTime", s.coding.modified);
                pugi::xml_node coding = sel.append_child("Coding");
                coding.append_attribute("guid") = s.coding.guid.c_str();
                coding.append_attribute("creatingUser") = coder.c_str();
                set_time(coding, "creationDateTime", s.coding.created);
                coding.append_child("CodeRef").append_attribute("targetGUID") = code_guids_.at(s.coding.code_id).c_str();
                for (const std::string& g : sorted(coding_notes_[s.coding.id]))
                    coding.append_child("NoteRef").append_attribute("targetGUID") = g.c_str();
            }
            std::vector<std::string> refs = document_notes_[d.id];
            if (std::vector<SpeakerTurn> turns = speaker_turns(p_, d.id); !turns.empty()) {
                Note n{derived_guid(d.guid, "speaker-turns"), "nptcoder: speaker turns", "", d.imported, d.imported, ""};
                n.text = "nptcoder speaker turns of '" + d.name + "': start<TAB>end (code points)<TAB>speaker[<TAB>media start ms<TAB>media end ms]\n";
                for (const SpeakerTurn& t : turns) {
                    std::string speaker = t.speaker;
                    std::replace(speaker.begin(), speaker.end(), '\t', ' ');
                    std::replace(speaker.begin(), speaker.end(), '\n', ' ');
                    n.text += std::to_string(t.start) + "\t" + std::to_string(t.end) + "\t" + speaker;
                    if (t.start_ms && t.end_ms) n.text += "\t" + std::to_string(*t.start_ms) + "\t" + std::to_string(*t.end_ms);
                    n.text += "\n";
                }
                refs.push_back(n.guid);
                notes_.push_back(std::move(n));
                ++turn_notes_;
            }
            for (const std::string& g : sorted(refs)) node.append_child("NoteRef").append_attribute("targetGUID") = g.c_str();
        }
        report_.kept["codings"] = codings;
        report_.lose("document import details (source file name, format, import note)",
                     "REFI-QDA text sources have no place for them", "", with_details);
        if (turn_notes_)
            report_.lose("documents' speaker turns", "written as a note \"nptcoder: speaker turns\" on the source (other tools show it as a memo)",
                         "", turn_notes_);
    }

    void generated_notes() {
        std::int64_t matrices = 0;
        for (const MatrixInfo& info : list_matrices(p_)) {
            FrameworkMatrix m = load_matrix(p_, info.name);
            Note n{info.guid, "nptcoder: framework matrix " + info.name, "", info.created, info.modified, ""};
            std::ostringstream text;
            text << "Framework matrix '" << info.name << "'\n";
            if (!info.description.empty()) text << "Description: " << info.description << '\n';
            text << "Rows: cases";
            for (std::size_t i = 0; i < info.group_by.size(); ++i) text << (i ? ", " : " grouped by ") << info.group_by[i];
            text << "\nColumns:";
            for (const MatrixColumn& c : m.columns) text << "\n  " << c.path;
            for (const MatrixRow& row : m.rows)
                for (std::size_t i = 0; i < row.cells.size(); ++i) {
                    const MatrixCell& cell = row.cells[i];
                    if (cell.empty()) continue;
                    text << "\n\n[" << row.info.name << " | " << m.columns[i].path << "]" << (cell.edited ? " (edited)" : "") << '\n';
                    text << cell.summary;
                    for (const MatrixLink& l : cell.links)
                        text << "\n  - \"" << l.quote << "\" (" << l.document << " " << l.start << "-" << l.end << ")";
                }
            n.text = text.str();
            if (!is_guid(n.guid)) n.guid = derived_guid(project_guid_, "matrix:" + info.name);
            project_notes_.push_back(n.guid);
            notes_.push_back(std::move(n));
            ++matrices;
        }
        report_.lose("framework matrices", "written as project notes \"nptcoder: framework matrix ...\" (not a structure other tools read)", "", matrices);
        std::vector<agreement::ReconcileDecision> decisions = agreement::list_reconcile_decisions(p_);
        if (decisions.empty()) return;
        Note n{derived_guid(project_guid_, "reconcile-decisions"), "nptcoder: reconcile decisions", "", created_, created_, ""};
        n.text = "nptcoder reconcile decisions: consensus coder<TAB>document<TAB>code<TAB>start<TAB>end<TAB>decision<TAB>decided by<TAB>time<TAB>note\n";
        for (const agreement::ReconcileDecision& d : decisions)
            n.text += d.consensus_coder + "\t" + d.document + "\t" + d.code + "\t" + std::to_string(d.start) + "\t" +
                      std::to_string(d.end) + "\t" + describe_decision(d) + "\t" + d.decided_by + "\t" + d.time + "\t" + d.note + "\n";
        project_notes_.push_back(n.guid);
        notes_.push_back(std::move(n));
        report_.lose("reconcile decisions", "written as the project note \"nptcoder: reconcile decisions\"", "",
                     static_cast<std::int64_t>(decisions.size()));
    }

    void notes(pugi::xml_node root) {
        if (notes_.empty()) return;
        std::sort(notes_.begin(), notes_.end(), [](const Note& a, const Note& b) { return a.guid < b.guid; });
        pugi::xml_node list = root.append_child("Notes");
        std::string fallback = is_xs_datetime(created_) ? created_ : utc_now_iso();
        for (const Note& n : notes_) {
            pugi::xml_node node = list.append_child("Note");
            node.append_attribute("guid") = n.guid.c_str();
            if (!n.name.empty()) node.append_attribute("name") = n.name.c_str();
            if (!n.author_guid.empty()) node.append_attribute("creatingUser") = n.author_guid.c_str();
            // QualCoder's importer needs a creation time on every note.
            node.append_attribute("creationDateTime") = (is_xs_datetime(n.created) ? n.created : fallback).c_str();
            set_time(node, "modifiedDateTime", n.modified);
            node.append_child("PlainTextContent").text().set(n.text.c_str());
        }
    }

    void links(pugi::xml_node root) {
        if (links_.empty()) return;
        pugi::xml_node list = root.append_child("Links");
        for (const auto& [case_guid, note_guid] : links_) {
            pugi::xml_node link = list.append_child("Link");
            link.append_attribute("guid") = derived_guid(note_guid, "case-link").c_str();
            link.append_attribute("name") = "nptcoder: memo on case";
            link.append_attribute("direction") = "OneWay";
            link.append_attribute("originGUID") = case_guid.c_str();
            link.append_attribute("targetGUID") = note_guid.c_str();
        }
    }

    Project& p_;
    QdpxOptions options_;
    RefiReport report_;
    std::string project_guid_, created_;
    std::map<std::string, std::string> users_;  // name -> GUID (coders, then memo authors)
    std::map<CodeId, std::string> code_guids_;
    std::map<std::string, std::string> code_guid_by_path_;
    std::map<std::string, std::string> variable_guids_;
    std::vector<Note> notes_;
    std::vector<std::string> project_notes_;
    std::map<DocumentId, std::vector<std::string>> document_notes_;
    std::map<CodeId, std::vector<std::string>> code_notes_;
    std::map<CaseId, std::vector<std::string>> case_notes_;
    std::map<CodingId, std::vector<std::string>> coding_notes_;
    std::vector<std::pair<std::string, std::string>> links_;  // case GUID -> note GUID
    std::vector<std::pair<std::string, std::string>> files_;
    std::int64_t turn_notes_ = 0;
};

}  // namespace

QdpxPackage build_qdpx(Project& project, const QdpxOptions& options) { return Writer(project, options).run(); }

RefiReport export_qdpx(Project& project, const std::filesystem::path& target, const QdpxOptions& options) {
    QdpxPackage package = build_qdpx(project, options);
    std::vector<std::pair<std::string, std::string>> entries;
    entries.emplace_back("project.qde", std::move(package.project_qde));
    for (auto& f : package.sources) entries.push_back(std::move(f));
    write_zip(target, entries);
    package.report.file = target.filename().string();
    return package.report;
}

}  // namespace npt::exporters
