// qdpx_reader.cpp — project.qde into RefiProjectFile with pugixml (no DTD, no entities).
#include "importers/qdpx_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/store/ids.hpp"
#include "core/text/refi_dates.hpp"
#include "core/model/refi_exchange_store.hpp"

namespace npt::importers {
namespace {

constexpr int kMaxDepth = 200;

std::string local_name(const pugi::xml_node& node) {
    std::string n = node.name();
    auto colon = n.find(':');
    return colon == std::string::npos ? n : n.substr(colon + 1);
}

struct Reader {
    std::string source;
    RefiReport& report;
    std::int64_t repaired_dates = 0, unreadable_dates = 0, odd_guids = 0;
    std::string date_example;

    std::string guid(const pugi::xml_node& node, const char* attribute = "guid") {
        std::string text = node.attribute(attribute).as_string();
        if (text.empty()) return "";
        std::string g = normalise_guid(text);
        if (!is_guid(g)) {
            ++odd_guids;
            g = derived_guid("refi-import", text);
        }
        return g;
    }

    std::string date(const pugi::xml_node& node, const char* attribute) {
        std::string text = node.attribute(attribute).as_string();
        if (text.empty() || is_xs_datetime(text)) return text;
        if (date_example.empty()) date_example = text;
        if (auto repaired = read_lenient_datetime(text)) {
            ++repaired_dates;
            return *repaired;
        }
        ++unreadable_dates;
        return "";
    }

    static std::string child_text(const pugi::xml_node& node, const char* name) {
        for (pugi::xml_node c : node.children())
            if (c.type() == pugi::node_element && local_name(c) == name) return c.text().as_string();
        return "";
    }

    std::vector<std::string> note_refs(const pugi::xml_node& node) {
        std::vector<std::string> out;
        for (pugi::xml_node c : node.children())
            if (local_name(c) == "NoteRef") out.push_back(guid(c, "targetGUID"));
        return out;
    }

    RefiCoding coding(const pugi::xml_node& node) {
        RefiCoding c{guid(node), "", normalise_guid(node.attribute("creatingUser").as_string()), date(node, "creationDateTime"), {}};
        for (pugi::xml_node ch : node.children())
            if (local_name(ch) == "CodeRef") c.code = guid(ch, "targetGUID");
        c.notes = note_refs(node);
        return c;
    }

    RefiCode code(const pugi::xml_node& node, int depth) {
        if (depth > kMaxDepth) throw FormatError(source + ": codes nested more than " + std::to_string(kMaxDepth) + " deep (refused)");
        RefiCode c;
        c.guid = guid(node);
        c.name = node.attribute("name").as_string();
        c.colour = node.attribute("color").as_string();
        c.codable = node.attribute("isCodable").as_bool(true);
        c.description = child_text(node, "Description");
        c.notes = note_refs(node);
        for (pugi::xml_node ch : node.children())
            if (local_name(ch) == "Code") c.children.push_back(code(ch, depth + 1));
        return c;
    }

    RefiTextSource text_source(const pugi::xml_node& node) {
        RefiTextSource s;
        s.guid = guid(node);
        s.name = node.attribute("name").as_string();
        s.plain_path = node.attribute("plainTextPath").as_string();
        s.rich_path = node.attribute("richTextPath").as_string();
        s.user = normalise_guid(node.attribute("creatingUser").as_string());
        s.created = date(node, "creationDateTime");
        s.description = child_text(node, "Description");
        for (pugi::xml_node ch : node.children()) {
            std::string n = local_name(ch);
            if (n == "PlainTextContent") {
                s.has_inline = true;
                s.inline_text = ch.text().as_string();
            } else if (n == "PlainTextSelection") {
                RefiSelection sel;
                sel.guid = guid(ch);
                sel.name = ch.attribute("name").as_string();
                sel.user = normalise_guid(ch.attribute("creatingUser").as_string());
                if (sel.user.empty()) sel.user = normalise_guid(ch.attribute("modifyingUser").as_string());
                sel.created = date(ch, "creationDateTime");
                sel.modified = date(ch, "modifiedDateTime");
                sel.description = child_text(ch, "Description");
                try {
                    sel.start = std::stoll(ch.attribute("startPosition").as_string());
                    sel.end = std::stoll(ch.attribute("endPosition").as_string());
                } catch (const std::exception&) {
                    sel.positions_read = false;
                }
                for (pugi::xml_node c : ch.children())
                    if (local_name(c) == "Coding") sel.codings.push_back(coding(c));
                sel.notes = note_refs(ch);
                s.selections.push_back(std::move(sel));
            } else if (n == "Coding") {
                s.whole_codings.push_back(coding(ch));
            } else if (n == "VariableValue") {
                ++s.variable_values;
            }
        }
        s.notes = note_refs(node);
        return s;
    }

    void other_source(const pugi::xml_node& node, const std::string& kind, RefiProjectFile& out) {
        RefiOtherSources& o = out.other_sources[kind];
        ++o.sources;
        for (pugi::xml_node ch : node.children()) {
            std::string n = local_name(ch);
            if (n == "PictureSelection" || n == "PDFSelection" || n == "AudioSelection" || n == "VideoSelection") {
                ++o.selections;
                if (n == "PDFSelection") ++out.pdf_region_selections;
                for (pugi::xml_node c : ch.children()) o.codings += local_name(c) == "Coding";
            } else if (n == "Coding") {
                ++o.codings;
            } else if (n == "Transcript") {
                ++out.transcripts;
                for (pugi::xml_node t : ch.children())
                    if (local_name(t) == "TranscriptSelection") {
                        ++o.selections;
                        for (pugi::xml_node c : t.children()) o.codings += local_name(c) == "Coding";
                    }
            } else if (n == "Representation") {
                for (pugi::xml_node t : ch.children())
                    if (local_name(t) == "PlainTextSelection") {
                        ++o.selections;
                        for (pugi::xml_node c : t.children()) o.codings += local_name(c) == "Coding";
                    }
            }
        }
    }
};

void count_codes(const std::vector<RefiCode>& codes, std::int64_t& n) {
    for (const RefiCode& c : codes) {
        ++n;
        count_codes(c.children, n);
    }
}

}  // namespace

std::string normalise_guid(const std::string& text) {
    std::string g = text;
    if (g.size() == 38 && g.front() == '{' && g.back() == '}') g = g.substr(1, 36);
    std::transform(g.begin(), g.end(), g.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return g;
}

std::int64_t RefiProjectFile::code_count() const {
    std::int64_t n = 0;
    count_codes(codes, n);
    return n;
}

std::int64_t RefiProjectFile::coding_count() const {
    std::int64_t n = 0;
    for (const RefiTextSource& s : sources) {
        n += static_cast<std::int64_t>(s.whole_codings.size());
        for (const RefiSelection& sel : s.selections) n += static_cast<std::int64_t>(sel.codings.size());
    }
    return n;
}

std::int64_t RefiProjectFile::selection_count() const {
    std::int64_t n = 0;
    for (const RefiTextSource& s : sources) n += static_cast<std::int64_t>(s.selections.size());
    return n;
}

RefiProjectFile read_project_qde(std::string_view xml, const std::string& source, RefiReport& report) {
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed) throw FormatError(source + ": project.qde is not XML (" + parsed.description() + " at byte " + std::to_string(parsed.offset) + ")");
    pugi::xml_node root = doc.document_element();
    if (local_name(root) != "Project")
        throw FormatError(source + ": not a REFI-QDA project (the root element is <" + std::string(root.name()) + ">, not <Project>)");
    Reader r{source, report};
    RefiProjectFile out;
    std::string ns = root.attribute("xmlns").as_string();
    if (ns != "urn:QDA-XML:project:1.0") report.warn("namespace '" + ns + "' is not urn:QDA-XML:project:1.0; read as a project anyway");
    out.name = root.attribute("name").as_string();
    out.origin = root.attribute("origin").as_string();
    out.creating_user = normalise_guid(root.attribute("creatingUserGUID").as_string());
    out.created = r.date(root, "creationDateTime");
    for (pugi::xml_node section : root.children()) {
        std::string n = local_name(section);
        if (n == "Users") {
            for (pugi::xml_node u : section.children())
                if (local_name(u) == "User") out.users.emplace_back(r.guid(u), u.attribute("name").as_string());
        } else if (n == "CodeBook") {
            for (pugi::xml_node codes : section.children())
                if (local_name(codes) == "Codes")
                    for (pugi::xml_node c : codes.children())
                        if (local_name(c) == "Code") out.codes.push_back(r.code(c, 0));
        } else if (n == "Variables") {
            for (pugi::xml_node v : section.children())
                if (local_name(v) == "Variable")
                    out.variables.push_back({r.guid(v), v.attribute("name").as_string(), v.attribute("typeOfVariable").as_string(),
                                             Reader::child_text(v, "Description")});
        } else if (n == "Cases") {
            for (pugi::xml_node c : section.children()) {
                if (local_name(c) != "Case") continue;
                RefiCase k{r.guid(c), c.attribute("name").as_string(), Reader::child_text(c, "Description"), {}, {}, 0, 0};
                for (pugi::xml_node ch : c.children()) {
                    std::string cn = local_name(ch);
                    if (cn == "VariableValue") {
                        std::string var, value;
                        for (pugi::xml_node v : ch.children()) {
                            if (local_name(v) == "VariableRef") var = r.guid(v, "targetGUID");
                            else if (v.type() == pugi::node_element) value = v.text().as_string();
                        }
                        k.values.emplace_back(var, value);
                    } else if (cn == "SourceRef") {
                        k.sources.push_back(r.guid(ch, "targetGUID"));
                    } else if (cn == "CodeRef") {
                        ++k.code_refs;
                    } else if (cn == "SelectionRef") {
                        ++k.selection_refs;
                    }
                }
                out.cases.push_back(std::move(k));
            }
        } else if (n == "Sources") {
            for (pugi::xml_node s : section.children()) {
                std::string sn = local_name(s);
                if (sn == "TextSource") out.sources.push_back(r.text_source(s));
                else if (sn == "PDFSource") r.other_source(s, "PDF", out);
                else if (sn == "PictureSource") r.other_source(s, "picture", out);
                else if (sn == "AudioSource") r.other_source(s, "audio", out);
                else if (sn == "VideoSource") r.other_source(s, "video", out);
            }
        } else if (n == "Notes") {
            for (pugi::xml_node note : section.children()) {
                if (local_name(note) != "Note") continue;
                RefiNote x;
                x.guid = r.guid(note);
                x.name = note.attribute("name").as_string();
                x.user = normalise_guid(note.attribute("creatingUser").as_string());
                if (x.user.empty()) x.user = normalise_guid(note.attribute("modifyingUser").as_string());
                x.created = r.date(note, "creationDateTime");
                x.modified = r.date(note, "modifiedDateTime");
                x.plain_path = note.attribute("plainTextPath").as_string();
                for (pugi::xml_node ch : note.children()) {
                    if (local_name(ch) == "PlainTextContent") {
                        x.has_inline = true;
                        x.text = ch.text().as_string();
                    }
                    x.selections += local_name(ch) == "PlainTextSelection";
                }
                if (!x.has_inline) x.text = Reader::child_text(note, "Description");
                out.notes.push_back(std::move(x));
            }
        } else if (n == "Links") {
            for (pugi::xml_node l : section.children())
                if (local_name(l) == "Link")
                    out.links.push_back({r.guid(l), l.attribute("name").as_string(), r.guid(l, "originGUID"), r.guid(l, "targetGUID")});
        } else if (n == "Sets") {
            for (pugi::xml_node s : section.children()) {
                if (local_name(s) != "Set") continue;
                RefiSet set{r.guid(s), s.attribute("name").as_string(), 0, 0, 0};
                for (pugi::xml_node m : s.children()) {
                    std::string mn = local_name(m);
                    set.codes += mn == "MemberCode";
                    set.sources += mn == "MemberSource";
                    set.notes += mn == "MemberNote";
                }
                out.sets.push_back(set);
            }
        } else if (n == "Graphs") {
            for (pugi::xml_node g : section.children()) out.graphs += local_name(g) == "Graph";
        } else if (n == "Description") {
            out.description = section.text().as_string();
        } else if (n == "NoteRef") {
            out.project_notes.push_back(r.guid(section, "targetGUID"));
        }
    }
    if (r.repaired_dates)
        report.warn(std::to_string(r.repaired_dates) + " timestamp(s) not valid xs:dateTime (e.g. '" + r.date_example +
                    "') read leniently as UTC");
    if (r.unreadable_dates)
        report.warn(std::to_string(r.unreadable_dates) + " timestamp(s) could not be read as dates (e.g. '" + r.date_example +
                    "'); the import time is used");
    if (r.odd_guids) report.warn(std::to_string(r.odd_guids) + " GUID(s) not in the 8-4-4-4-12 form; stable GUIDs derived from them");
    return out;
}

}  // namespace npt::importers
