// codes.cpp — storage and lookup of the code tree.
#include "core/model/codes.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>

#include "core/detail/db_access.hpp"
#include "core/model/coders.hpp"
#include "core/model/name_match.hpp"
#include "core/error.hpp"

namespace npt {
namespace {

constexpr const char* kColumns =
    "SELECT id, parent_id, name, description, inclusion, exclusion, examples, citation, colour, sort_order, guid "
    "FROM code ";

Code read_code(sqlite::Statement& st) {
    Code c;
    c.id = st.id<CodeId>(0);
    c.parent_id = st.optional_id<CodeId>(1);
    c.name = st.text(2);
    c.description = st.text(3);
    c.inclusion = st.text(4);
    c.exclusion = st.text(5);
    auto examples = nlohmann::json::parse(st.text_view(6), nullptr, false);
    if (examples.is_array())
        for (auto& e : examples)
            if (e.is_string()) c.examples.push_back(e.get<std::string>());
    c.citation = st.text(7);
    c.colour = st.text(8);
    c.sort_order = st.int32(9);
    c.guid = st.text(10);
    return c;
}

std::string escape_name(const std::string& name) {
    std::string out;
    for (char ch : name) {
        if (ch == '/' || ch == '\\') out.push_back('\\');
        out.push_back(ch);
    }
    return out;
}

std::optional<CodeId> child_named(Project& project, std::optional<CodeId> parent, const std::string& name) {
    sqlite::Statement st(project.db(), "SELECT id FROM code WHERE ifnull(parent_id, 0) = ? AND name = ?");
    st.bind(1, parent.value_or(CodeId{})).bind(2, name);
    if (!st.step()) return std::nullopt;
    return st.id<CodeId>(0);
}

// The child whose name is another spelling of `name` (spelling_key), when exactly one is.
std::optional<CodeId> child_spelled(Project& project, std::optional<CodeId> parent, const std::string& name) {
    // Spellings with one key differ only where '-' and ' ', or "ization" and "isation", trade
    // places: look each variant up by its exact name (the code_name_under_parent index) instead of
    // scanning the siblings, so that loading n new codes stays linear. A name with more than six
    // such places falls back to the scan below.
    std::vector<std::size_t> places;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (name[i] == ' ' || name[i] == '-') places.push_back(i);
    for (const char* suffix : {"isation", "ization"})
        for (std::size_t at = name.find(suffix); at != std::string::npos; at = name.find(suffix, at + 1))
            places.push_back(at + 1);  // the 's' or 'z'
    if (places.size() <= 6) {
        std::optional<CodeId> found;
        for (unsigned mask = 1; mask < (1u << places.size()); ++mask) {
            std::string variant = name;
            for (std::size_t b = 0; b < places.size(); ++b)
                if (mask & (1u << b)) {
                    char& c = variant[places[b]];
                    c = c == ' ' ? '-' : c == '-' ? ' ' : c == 's' ? 'z' : 's';
                }
            if (auto id = child_named(project, parent, variant)) {
                if (found && *found != *id) return std::nullopt;
                found = id;
            }
        }
        return found;
    }
    const std::string key = spelling_key(name);
    sqlite::Statement st(project.db(), "SELECT id, name FROM code WHERE ifnull(parent_id, 0) = ?");
    st.bind(1, parent.value_or(CodeId{}));
    std::optional<CodeId> found;
    while (st.step())
        if (spelling_key(st.text(1)) == key) {
            if (found) return std::nullopt;
            found = st.id<CodeId>(0);
        }
    return found;
}

CodeId insert_code(Project& project, std::optional<CodeId> parent, const std::string& name, const NewCode& details) {
    // The largest id stands in for the number of codes (equal until a code is deleted): one index
    // lookup, where count(*) walked the whole table on every insert and made loading n codes O(n²).
    std::int64_t count = project.db().scalar_int("SELECT ifnull(max(id), 0) FROM code");
    std::int64_t order = details.sort_order.value_or(static_cast<int>(count));
    sqlite::Statement st(project.db(),
                         "INSERT INTO code(parent_id, name, description, inclusion, exclusion, examples, citation, "
                         "colour, sort_order, guid, created, modified) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    std::string now = project.now();
    st.bind(1, parent).bind(2, name).bind(3, details.description).bind(4, details.inclusion);
    st.bind(5, details.exclusion).bind(6, nlohmann::json(details.examples).dump()).bind(7, details.citation);
    st.bind(8, details.colour.empty() ? palette_colour(count + 3) : details.colour).bind(9, order);
    st.bind(10, details.guid.empty() ? project.guids().next() : details.guid).bind(11, now).bind(12, now);
    st.run();
    return CodeId{project.db().last_insert_rowid()};
}

}  // namespace

std::vector<std::string> split_code_path(const std::string& path) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < path.size(); ++i) {
        char ch = path[i];
        if (ch == '\\' && i + 1 < path.size() && (path[i + 1] == '/' || path[i + 1] == '\\')) {
            parts.back().push_back(path[++i]);
        } else if (ch == '/') {
            parts.emplace_back();
        } else {
            parts.back().push_back(ch);
        }
    }
    for (auto& p : parts) {
        // Trim spaces around each name so "Coherence / Differentiation" works too.
        auto b = p.find_first_not_of(' ');
        auto e = p.find_last_not_of(' ');
        p = b == std::string::npos ? std::string() : p.substr(b, e - b + 1);
        if (p.empty()) throw InputError("code path '" + path + "' has an empty name in it");
    }
    return parts;
}

std::string join_code_path(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out.push_back('/');
        out += escape_name(names[i]);
    }
    return out;
}

std::vector<Code> list_codes(Project& project) {
    sqlite::Statement st(project.db(), std::string(kColumns));
    std::vector<Code> all;
    while (st.step()) all.push_back(read_code(st));
    std::map<CodeId, std::vector<std::size_t>> children;  // parent id (0 = root) -> indexes
    for (std::size_t i = 0; i < all.size(); ++i) children[all[i].parent_id.value_or(CodeId{})].push_back(i);
    for (auto& [parent, list] : children)
        std::sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            if (all[a].sort_order != all[b].sort_order) return all[a].sort_order < all[b].sort_order;
            return all[a].name < all[b].name;
        });
    std::vector<Code> out;
    out.reserve(all.size());
    std::function<void(CodeId, const std::string&)> walk = [&](CodeId parent, const std::string& prefix) {
        auto it = children.find(parent);
        if (it == children.end()) return;
        for (std::size_t i : it->second) {
            Code c = all[i];
            c.path = prefix.empty() ? escape_name(c.name) : prefix + "/" + escape_name(c.name);
            out.push_back(c);
            walk(c.id, out.back().path);
        }
    };
    walk(CodeId{}, "");
    return out;
}

std::optional<Code> find_code(Project& project, const std::string& path) {
    std::optional<CodeId> id;
    bool alias = false;
    for (const std::string& name : split_code_path(path)) {
        std::optional<CodeId> parent = id;
        id = child_named(project, parent, name);
        if (!id) id = child_spelled(project, parent, name);
        if (!id) return std::nullopt;
        alias = alias || !child_named(project, parent, name);
    }
    Code c = code_by_id(project, *id);
    if (!alias) c.path = join_code_path(split_code_path(path));
    return c;
}

std::optional<Code> find_code_by_guid(Project& project, const std::string& guid) {
    sqlite::Statement st(project.db(), "SELECT id FROM code WHERE guid = ?");
    st.bind(1, guid);
    if (!st.step()) return std::nullopt;
    return code_by_id(project, st.id<CodeId>(0));
}

Code code_by_id(Project& project, CodeId id) {
    sqlite::Statement st(project.db(), std::string(kColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError("no code with id " + to_string(id));
    Code c = read_code(st);
    std::vector<std::string> names{c.name};
    std::optional<CodeId> parent = c.parent_id;
    sqlite::Statement up(project.db(), "SELECT parent_id, name FROM code WHERE id = ?");
    for (int guard = 0; parent && guard < 10000; ++guard) {
        up.bind(1, *parent);
        if (!up.step()) break;
        std::optional<CodeId> next = up.optional_id<CodeId>(0);
        names.push_back(up.text(1));
        up.reset();
        parent = next;
    }
    std::reverse(names.begin(), names.end());
    c.path = join_code_path(names);
    return c;
}

Code require_code(Project& project, const std::string& path) {
    if (auto c = find_code(project, path)) return *c;
    NameMatch near = match_code_path(project, path);
    throw NotFoundError("no code '" + path + "' in the codebook" +
                        (near.kind == NameMatch::Kind::NearMiss ? "; did you mean '" + near.existing + "'?" : ""));
}

std::vector<CodeId> code_and_descendants(Project& project, CodeId code_id) {
    sqlite::Statement st(project.db(),
                         "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM code c JOIN sub ON c.parent_id = sub.id) "
                         "SELECT id FROM sub");
    st.bind(1, code_id);
    std::vector<CodeId> out;
    while (st.step()) out.push_back(st.id<CodeId>(0));
    return out;
}

Code add_code(Project& project, const NewCode& code) {
    auto names = split_code_path(code.path);
    if (names.size() > kMaxCodeDepth)
        throw InputError("code '" + names.front() + "/…/" + names.back() + "' is " + std::to_string(names.size()) +
                         " levels deep; codes nest at most " + std::to_string(kMaxCodeDepth) + " levels");
    return project.action("Add code " + code.path, [&] {
        if (find_code(project, code.path)) throw InputError("code '" + code.path + "' already exists");
        if (!code.guid.empty() && find_code_by_guid(project, code.guid))
            throw InputError("code '" + code.path + "': GUID " + code.guid + " is already used by another code");
        std::optional<CodeId> parent;
        for (std::size_t i = 0; i + 1 < names.size(); ++i) {
            auto existing = child_named(project, parent, names[i]);
            parent = existing ? *existing : insert_code(project, parent, names[i], NewCode{});
        }
        CodeId id = insert_code(project, parent, names.back(), code);
        return code_by_id(project, id);
    });
}

Code ensure_code(Project& project, const std::string& path) {
    if (auto c = find_code(project, path)) return *c;
    NewCode nc;
    nc.path = path;
    return add_code(project, nc);
}

int max_code_sort_order(Project& project) {
    return static_cast<int>(project.db().scalar_int("SELECT ifnull(max(sort_order), 0) FROM code"));
}

}  // namespace npt
