// codebook_json.cpp — reading and writing nptcoder's codebook JSON (a nested code tree).
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <set>

#include "codebook/codebook.hpp"
#include "core/model/code_edits.hpp"
#include "core/model/codes.hpp"
#include "core/error.hpp"
#include "core/store/ids.hpp"

namespace npt::codebook {
namespace {

using nlohmann::json;

std::string text_field(const json& obj, const char* key, const std::string& where) {
    if (!obj.contains(key) || obj[key].is_null()) return {};
    if (!obj[key].is_string()) throw FormatError(where + ": \"" + key + "\" must be a string");
    return obj[key].get<std::string>();
}

// Reads one level of codes; `depth` is the level of the codes in `list` (1 = top). Recursive, but
// check_codebook_limits stops it at kMaxCodeDepth levels.
void read_codes(const json& list, const std::string& parent, const std::string& source, Codebook& out,
                std::set<std::string>& seen, std::size_t depth) {
    if (!list.is_array()) throw FormatError(source + ": \"codes\" under '" + (parent.empty() ? "the top" : parent) + "' must be a list");
    for (const json& item : list) {
        if (!item.is_object()) throw FormatError(source + ": a code must be an object (under '" + parent + "')");
        std::string name = text_field(item, "name", source);
        if (name.empty()) throw FormatError(source + ": a code under '" + (parent.empty() ? "the top" : parent) + "' has no name");
        CodebookCode c;
        c.path = parent.empty() ? join_code_path({name}) : parent + "/" + join_code_path({name});
        check_codebook_limits(source, depth, c.path, out.codes.size());
        std::string where = source + ": code '" + c.path + "'";
        if (!seen.insert(c.path).second) throw FormatError(where + " appears twice");
        c.description = text_field(item, "description", where);
        c.inclusion = text_field(item, "inclusion", where);
        c.exclusion = text_field(item, "exclusion", where);
        c.citation = text_field(item, "citation", where);
        c.guid = text_field(item, "guid", where);
        if (!c.guid.empty() && !is_guid(c.guid)) throw FormatError(where + ": '" + c.guid + "' is not a GUID");
        c.colour = text_field(item, "colour", where);
        if (!c.colour.empty()) {
            try {
                c.colour = normalise_colour(c.colour, where);
            } catch (const InputError& e) {
                throw FormatError(e.what());
            }
        }
        if (item.contains("examples")) {
            if (!item["examples"].is_array()) throw FormatError(where + ": \"examples\" must be a list of strings");
            for (const json& e : item["examples"]) {
                if (!e.is_string()) throw FormatError(where + ": \"examples\" must be a list of strings");
                c.examples.push_back(e.get<std::string>());
            }
        }
        std::string path = c.path;
        out.codes.push_back(std::move(c));
        if (item.contains("codes")) read_codes(item["codes"], path, source, out, seen, depth + 1);
    }
}

json code_json(const CodebookCode& c) {
    json j = json::object();
    j["name"] = split_code_path(c.path).back();
    if (!c.guid.empty()) j["guid"] = c.guid;
    if (!c.colour.empty()) j["colour"] = c.colour;
    j["description"] = c.description;
    j["inclusion"] = c.inclusion;
    j["exclusion"] = c.exclusion;
    j["examples"] = c.examples;
    j["citation"] = c.citation;
    return j;
}

}  // namespace

Codebook parse_codebook_json(std::string_view text, const std::string& source) {
    json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) throw FormatError(source + ": not a codebook JSON file (not a JSON object)");
    if (root.contains("format") && root["format"] != "nptcoder-codebook")
        throw FormatError(source + ": \"format\" is not \"nptcoder-codebook\"");
    Codebook cb;
    if (!root.contains("schema_version") || !root["schema_version"].is_number_integer())
        throw FormatError(source + ": no integer \"schema_version\"");
    cb.schema_version = root["schema_version"].get<int>();
    if (cb.schema_version > kSchemaVersion || cb.schema_version < 1)
        throw FormatError(source + ": codebook schema version " + std::to_string(cb.schema_version) +
                          " is not one this build reads (1 to " + std::to_string(kSchemaVersion) + ")");
    cb.name = text_field(root, "name", source);
    cb.title = text_field(root, "title", source);
    cb.description = text_field(root, "description", source);
    if (root.contains("references")) {
        if (!root["references"].is_array()) throw FormatError(source + ": \"references\" must be a list of strings");
        for (const json& r : root["references"]) {
            if (!r.is_string()) throw FormatError(source + ": \"references\" must be a list of strings");
            cb.references.push_back(r.get<std::string>());
        }
    }
    if (!root.contains("codes")) throw FormatError(source + ": no \"codes\" list");
    std::set<std::string> seen;
    try {
        read_codes(root["codes"], "", source, cb, seen, 1);
    } catch (const InputError& e) {  // an empty name inside a path
        throw FormatError(source + ": " + e.what());
    }
    if (root.contains("constructs")) {
        const json& list = root["constructs"];
        if (!list.is_array()) throw FormatError(source + ": \"constructs\" must be a list of code paths");
        for (const json& c : list) {
            if (!c.is_string()) throw FormatError(source + ": \"constructs\" must be a list of code paths");
            std::string path = c.get<std::string>();
            if (!seen.count(path)) throw FormatError(source + ": construct '" + path + "' is not one of the codes");
            cb.constructs.push_back(std::move(path));
        }
    }
    return cb;
}

std::string codebook_to_json(const Codebook& cb) {
    json root = json::object();
    root["format"] = "nptcoder-codebook";
    root["schema_version"] = kSchemaVersion;
    root["name"] = cb.name;
    root["title"] = cb.title;
    root["description"] = cb.description;
    root["references"] = cb.references;
    // Rebuild the tree from paths: children follow their parent in `codes`.
    json top = json::array();
    std::map<std::string, std::vector<std::size_t>> children;
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < cb.codes.size(); ++i) {
        auto names = split_code_path(cb.codes[i].path);
        if (names.size() == 1) {
            roots.push_back(i);
        } else {
            names.pop_back();
            children[join_code_path(names)].push_back(i);
        }
    }
    std::function<json(std::size_t)> build = [&](std::size_t i) {
        json j = code_json(cb.codes[i]);
        auto it = children.find(cb.codes[i].path);
        if (it != children.end()) {
            j["codes"] = json::array();
            for (std::size_t k : it->second) j["codes"].push_back(build(k));
        }
        return j;
    };
    for (std::size_t i : roots) top.push_back(build(i));
    root["codes"] = std::move(top);
    if (!cb.constructs.empty()) root["constructs"] = cb.constructs;
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace npt::codebook
