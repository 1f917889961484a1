// refi_codebook.cpp — .qdc reading and writing with pugixml.
#include "codebook/refi_codebook.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "core/model/code_edits.hpp"
#include "core/model/codes.hpp"
#include "core/error.hpp"
#include "core/store/ids.hpp"

namespace npt::codebook {
namespace {

constexpr const char* kNamespace = "urn:QDA-XML:codebook:1.0";
constexpr const char* kOldNamespace = "urn:QDA-XML:codebook:0:4";

const std::vector<std::pair<std::string, std::string CodebookCode::*>> kLabels = {
    {"Inclusion: ", &CodebookCode::inclusion},
    {"Exclusion: ", &CodebookCode::exclusion},
    {"Citation: ", &CodebookCode::citation},
};
const std::string kExampleLabel = "Example: ";

// The element's name without any namespace prefix.
std::string local_name(const pugi::xml_node& node) {
    std::string n = node.name();
    auto colon = n.find(':');
    return colon == std::string::npos ? n : n.substr(colon + 1);
}

std::vector<pugi::xml_node> children_named(const pugi::xml_node& node, const std::string& name) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node child : node.children())
        if (child.type() == pugi::node_element && local_name(child) == name) out.push_back(child);
    return out;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

bool is_label_line(const std::string& line) {
    if (starts_with(line, kExampleLabel)) return true;
    return std::any_of(kLabels.begin(), kLabels.end(), [&](const auto& l) { return starts_with(line, l.first); });
}

std::string trim_newlines(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && (s[b] == '\n' || s[b] == '\r')) ++b;
    return s.substr(b);
}

struct Reader {
    std::string source;
    QdcImport result;
    std::set<std::string> paths;
    std::map<std::string, int> next_suffix;  // path -> the next n to try for "name (n)"
    int non_codable = 0;

    // One <Code> at `depth` (1 = top level) and, recursively, its children; check_codebook_limits
    // stops the recursion at kMaxCodeDepth levels.
    void code(const pugi::xml_node& node, const std::string& parent, std::size_t depth) {
        std::string name = node.attribute("name").as_string();
        std::string guid = node.attribute("guid").as_string();
        std::string where = source + ": code '" + name + "'" + (parent.empty() ? "" : " under '" + parent + "'");
        if (name.empty()) throw FormatError(source + ": a code" + (parent.empty() ? "" : " under '" + parent + "'") + " has no name");
        if (guid.size() == 38 && guid.front() == '{' && guid.back() == '}') guid = guid.substr(1, 36);
        if (!is_guid(guid)) throw FormatError(where + ": '" + guid + "' is not a GUID");
        std::transform(guid.begin(), guid.end(), guid.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string own = join_code_path({name});
        std::string path = parent.empty() ? own : parent + "/" + own;
        if (paths.count(path)) {
            // The next free "name (n)": counting on from the last one given to this path keeps a
            // file of 40,000 equal names linear.
            int& n = next_suffix.try_emplace(path, 2).first->second;
            for (;; ++n) {
                std::string renamed = name + " (" + std::to_string(n) + ")";
                std::string candidate = parent.empty() ? join_code_path({renamed}) : parent + "/" + join_code_path({renamed});
                if (paths.count(candidate)) continue;
                result.warnings.push_back(where + " appears twice under one parent; the second is named '" + renamed + "'");
                path = candidate;
                ++n;
                break;
            }
        }
        check_codebook_limits(source, depth, path, result.codebook.codes.size());
        paths.insert(path);
        CodebookCode c;
        c.path = path;
        c.guid = guid;
        if (std::string colour = node.attribute("color").as_string(); !colour.empty()) {
            try {
                c.colour = normalise_colour(colour, where);
            } catch (const InputError&) {
                result.warnings.push_back(where + ": colour '" + colour + "' is not #rrggbb; a palette colour is used");
            }
        }
        if (!node.attribute("isCodable").as_bool(true)) ++non_codable;
        auto descriptions = children_named(node, "Description");
        if (!descriptions.empty()) apply_qdc_description(descriptions.front().text().as_string(), c);
        result.codebook.codes.push_back(std::move(c));
        for (const pugi::xml_node& child : children_named(node, "Code")) code(child, path, depth + 1);
    }
};

}  // namespace

std::string qdc_description(const CodebookCode& c) {
    std::string out = c.description;
    std::string labelled;
    for (const auto& [label, member] : kLabels) {
        if (label == "Citation: ") continue;
        if (!(c.*member).empty()) labelled += label + c.*member + "\n";
    }
    for (const std::string& e : c.examples) labelled += kExampleLabel + e + "\n";
    if (!c.citation.empty()) labelled += "Citation: " + c.citation + "\n";
    if (labelled.empty()) return out;
    if (!out.empty()) out += "\n\n";
    out += labelled;
    out.pop_back();
    return out;
}

void apply_qdc_description(const std::string& description, CodebookCode& c) {
    std::vector<std::string> lines;
    std::stringstream in(description);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    std::size_t first = lines.size();
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (is_label_line(lines[i]) && (i == 0 || lines[i - 1].empty())) {
            first = i;
            break;
        }
    std::string plain;
    for (std::size_t i = 0; i < first; ++i) plain += (i ? "\n" : "") + lines[i];
    c.description = trim_newlines(plain);
    std::string* current = nullptr;
    for (std::size_t i = first; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (starts_with(line, kExampleLabel)) {
            c.examples.push_back(line.substr(kExampleLabel.size()));
            current = &c.examples.back();
            continue;
        }
        bool labelled = false;
        for (const auto& [label, member] : kLabels)
            if (starts_with(line, label)) {
                c.*member = line.substr(label.size());
                current = &(c.*member);
                labelled = true;
            }
        if (!labelled && current) *current += "\n" + line;
    }
    if (c.examples.size() > 0)
        for (auto& e : c.examples) e = trim_newlines(e);
    for (const auto& [label, member] : kLabels) c.*member = trim_newlines(c.*member);
}

QdcImport read_qdc(std::string_view xml, const std::string& source) {
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed) throw FormatError(source + ": not XML (" + parsed.description() + " at byte " + std::to_string(parsed.offset) + ")");
    pugi::xml_node root = doc.document_element();
    if (local_name(root) != "CodeBook") throw FormatError(source + ": not a REFI-QDA codebook (the root element is <" + std::string(root.name()) + ">, not <CodeBook>)");
    Reader reader;
    reader.source = source;
    std::string ns = root.attribute("xmlns").as_string();
    if (ns != kNamespace && ns != kOldNamespace)
        reader.result.warnings.push_back(source + ": namespace '" + ns + "' is not " + kNamespace + "; read as a codebook anyway");
    reader.result.codebook.name = std::filesystem::path(source).stem().string();
    std::string origin = root.attribute("origin").as_string();
    reader.result.codebook.title = origin.empty() ? reader.result.codebook.name : "Codebook from " + origin;
    auto codes = children_named(root, "Codes");
    if (codes.empty()) throw FormatError(source + ": the codebook has no <Codes> element");
    for (const pugi::xml_node& code : children_named(codes.front(), "Code")) reader.code(code, "", 1);
    if (reader.result.codebook.codes.empty()) reader.result.warnings.push_back(source + ": <Codes> is empty (not valid against the schema)");
    for (const pugi::xml_node& sets : children_named(root, "Sets")) {
        auto list = children_named(sets, "Set");
        if (list.empty())
            reader.result.warnings.push_back(source + ": empty <Sets/> (not valid against the REFI-QDA schema); ignored");
        else
            reader.result.warnings.push_back(source + ": " + std::to_string(list.size()) +
                                             " code set(s) not kept (nptcoder has no code sets; their codes were imported)");
    }
    if (reader.non_codable)
        reader.result.warnings.push_back(source + ": " + std::to_string(reader.non_codable) +
                                         " code(s) marked not codable were imported as ordinary codes");
    return reader.result;
}

std::string write_qdc(const Codebook& cb, const std::string& origin) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "utf-8";
    pugi::xml_node root = doc.append_child("CodeBook");
    root.append_attribute("xmlns") = kNamespace;
    root.append_attribute("origin") = origin.c_str();
    pugi::xml_node codes = root.append_child("Codes");
    std::map<std::string, pugi::xml_node> nodes;
    GuidGenerator guids;
    for (const CodebookCode& c : cb.codes) {
        auto names = split_code_path(c.path);
        pugi::xml_node parent = codes;
        if (names.size() > 1) {
            std::vector<std::string> up(names.begin(), names.end() - 1);
            auto it = nodes.find(join_code_path(up));
            if (it == nodes.end()) throw FormatError("codebook " + cb.name + ": code '" + c.path + "' comes before its parent");
            parent = it->second;
        }
        pugi::xml_node node = parent.append_child("Code");
        std::string guid = c.guid.empty() ? guids.next() : c.guid;
        node.append_attribute("guid") = guid.c_str();
        node.append_attribute("name") = names.back().c_str();
        node.append_attribute("isCodable") = "true";
        if (!c.colour.empty()) node.append_attribute("color") = c.colour.c_str();
        std::string description = qdc_description(c);
        if (!description.empty()) node.append_child("Description").text().set(description.c_str());
        // The schema wants Description before child codes; children are appended later, so it is.
        nodes[c.path] = node;
    }
    if (cb.codes.empty()) throw InputError("codebook " + cb.name + ": a .qdc needs at least one code");
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

}  // namespace npt::codebook
