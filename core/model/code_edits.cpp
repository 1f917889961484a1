// code_edits.cpp — rename, move, merge, delete, colour and details of codes, each one action.
#include "core/model/code_edits.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "core/detail/db_access.hpp"
#include "core/model/codes.hpp"
#include "core/error.hpp"

namespace npt {
namespace {

std::optional<CodeId> sibling_named(Project& project, std::optional<CodeId> parent, const std::string& name) {
    sqlite::Statement st(project.db(), "SELECT id FROM code WHERE ifnull(parent_id, 0) = ? AND name = ?");
    st.bind(1, parent.value_or(CodeId{})).bind(2, name);
    if (!st.step()) return std::nullopt;
    return st.id<CodeId>(0);
}

bool is_within(Project& project, CodeId code, CodeId ancestor) {
    auto ids = code_and_descendants(project, ancestor);
    return std::find(ids.begin(), ids.end(), code) != ids.end();
}

void touch(Project& project, CodeId code_id) {
    sqlite::Statement st(project.db(), "UPDATE code SET modified = ? WHERE id = ?");
    st.bind(1, project.now()).bind(2, code_id).run();
}

// Joins overlapping or touching codings of `code_id` by one coder in one document, keeping the
// earliest-starting coding of each run; memos and matrix links move to it. Returns codings removed.
std::int64_t join_codings_of(Project& project, CodeId code_id) {
    struct Row { std::int64_t id, doc, coder, start, end; };  // raw rowids: this is SQL bookkeeping
    std::vector<Row> rows;
    {
        sqlite::Statement st(project.db(),
                             "SELECT id, document_id, coder_id, start, end FROM coding WHERE code_id = ? "
                             "ORDER BY document_id, coder_id, start, id");
        st.bind(1, code_id);
        while (st.step()) rows.push_back({st.int64(0), st.int64(1), st.int64(2), st.int64(3), st.int64(4)});
    }
    sqlite::Statement memos(project.db(), "UPDATE memo SET coding_id = ? WHERE coding_id = ?");
    sqlite::Statement links(project.db(), "UPDATE matrix_link SET coding_id = ? WHERE coding_id = ?");
    sqlite::Statement del(project.db(), "DELETE FROM coding WHERE id = ?");
    sqlite::Statement grow(project.db(), "UPDATE coding SET end = ?, modified = ? WHERE id = ?");
    std::int64_t removed = 0;
    std::string now = project.now();
    for (std::size_t i = 0; i < rows.size();) {
        Row kept = rows[i];
        std::int64_t end = kept.end;
        std::size_t j = i + 1;
        for (; j < rows.size() && rows[j].doc == kept.doc && rows[j].coder == kept.coder && rows[j].start <= end; ++j) {
            end = std::max(end, rows[j].end);
            memos.bind(1, kept.id).bind(2, rows[j].id).run();
            memos.reset();
            links.bind(1, kept.id).bind(2, rows[j].id).run();
            links.reset();
            del.bind(1, rows[j].id).run();
            del.reset();
            ++removed;
        }
        if (end != kept.end) {
            grow.bind(1, end).bind(2, now).bind(3, kept.id).run();
            grow.reset();
        }
        i = j;
    }
    return removed;
}

// Moves everything that points at `source` to `target`, then deletes `source` (a leaf by now).
void merge_one(Project& project, CodeId source, CodeId target, MergeResult& result) {
    // Children first: re-parent, or merge into the target's child of the same name.
    std::vector<std::pair<CodeId, std::string>> children;
    {
        sqlite::Statement st(project.db(), "SELECT id, name FROM code WHERE parent_id = ? ORDER BY id");
        st.bind(1, source);
        while (st.step()) children.emplace_back(st.id<CodeId>(0), st.text(1));
    }
    for (const auto& [child, name] : children) {
        if (auto same = sibling_named(project, target, name)) {
            merge_one(project, child, *same, result);
        } else {
            sqlite::Statement up(project.db(), "UPDATE code SET parent_id = ? WHERE id = ?");
            up.bind(1, target).bind(2, child).run();
        }
    }
    auto exec_bound = [&](const char* sql) {
        sqlite::Statement st(project.db(), sql);
        st.bind(1, target).bind(2, source).run();
        return project.db().changes();
    };
    result.codings_moved += exec_bound("UPDATE coding SET code_id = ? WHERE code_id = ?");
    exec_bound("UPDATE memo SET code_id = ? WHERE code_id = ?");
    exec_bound("UPDATE reconcile_decision SET code_id = ? WHERE code_id = ?");
    exec_bound("UPDATE OR IGNORE matrix_column SET code_id = ? WHERE code_id = ?");
    exec_bound("UPDATE OR IGNORE matrix_cell SET code_id = ? WHERE code_id = ?");
    // Cells the target already had in the same matrix and case: keep the target's cell, add the
    // source cell's summary and links to it.
    {
        sqlite::Statement left(project.db(),
                               "SELECT s.id, t.id, s.summary FROM matrix_cell s JOIN matrix_cell t "
                               "ON t.matrix_id = s.matrix_id AND t.case_id = s.case_id AND t.code_id = ? "
                               "WHERE s.code_id = ?");
        left.bind(1, target).bind(2, source);
        std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> pairs;  // matrix_cell rowids
        while (left.step()) pairs.emplace_back(left.int64(0), left.int64(1), left.text(2));
        for (const auto& [from, to, summary] : pairs) {
            sqlite::Statement links(project.db(), "UPDATE matrix_link SET cell_id = ? WHERE cell_id = ?");
            links.bind(1, to).bind(2, from).run();
            if (!summary.empty()) {
                sqlite::Statement add(project.db(),
                                      "UPDATE matrix_cell SET summary = CASE WHEN summary = '' THEN ?1 "
                                      "ELSE summary || char(10) || char(10) || ?1 END, edited = 1 WHERE id = ?2");
                add.bind(1, summary).bind(2, to).run();
            }
        }
    }
    result.codings_joined += join_codings_of(project, target);
    sqlite::Statement del(project.db(), "DELETE FROM code WHERE id = ?");
    del.bind(1, source).run();
    ++result.codes_removed;
    touch(project, target);
}

}  // namespace

std::string normalise_colour(const std::string& colour, const std::string& what) {
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    bool ok = !colour.empty() && colour[0] == '#' && (colour.size() == 7 || colour.size() == 4) &&
              std::all_of(colour.begin() + 1, colour.end(), hex);
    if (!ok) throw InputError(what + ": colour '" + colour + "' is not #rrggbb or #rgb");
    std::string out = "#";
    if (colour.size() == 4) {
        for (std::size_t i = 1; i < 4; ++i) out += std::string(2, colour[i]);
    } else {
        out += colour.substr(1);
    }
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::int64_t coding_count(Project& project, CodeId code_id) {
    sqlite::Statement st(project.db(), "SELECT count(*) FROM coding WHERE code_id = ?");
    st.bind(1, code_id);
    st.step();
    return st.int64(0);
}

Code rename_code(Project& project, CodeId code, const std::string& new_name) {
    Code c = code_by_id(project, code);
    const std::string& path = c.path;
    return project.action("Rename code " + path + " to " + new_name, [&] {
        std::string name = new_name;
        auto b = name.find_first_not_of(' ');
        auto e = name.find_last_not_of(' ');
        name = b == std::string::npos ? std::string() : name.substr(b, e - b + 1);
        if (name.empty()) throw InputError("code '" + path + "': the new name is empty");
        if (name == c.name) return c;
        if (auto other = sibling_named(project, c.parent_id, name); other && *other != c.id)
            throw InputError("code '" + path + "': a code named '" + name + "' already exists beside it");
        sqlite::Statement st(project.db(), "UPDATE code SET name = ?, modified = ? WHERE id = ?");
        st.bind(1, name).bind(2, project.now()).bind(3, c.id).run();
        return code_by_id(project, c.id);
    });
}

Code move_code(Project& project, CodeId code, std::optional<CodeId> new_parent) {
    Code c = code_by_id(project, code);
    const std::string& path = c.path;
    std::optional<Code> p;
    if (new_parent) p = code_by_id(project, *new_parent);
    std::string where = p ? p->path : "the top level";
    return project.action("Move code " + path + " to " + where, [&] {
        std::optional<CodeId> parent;
        if (p) {
            if (is_within(project, p->id, c.id))
                throw InputError("code '" + path + "' cannot move under itself or its own sub-code '" + p->path + "'");
            parent = p->id;
        }
        if (parent == c.parent_id) return c;
        if (sibling_named(project, parent, c.name))
            throw InputError("code '" + path + "': " + where + " already has a code named '" + c.name + "'");
        sqlite::Statement st(project.db(), "UPDATE code SET parent_id = ?, modified = ? WHERE id = ?");
        st.bind(1, parent).bind(2, project.now()).bind(3, c.id).run();
        return code_by_id(project, c.id);
    });
}

MergeResult merge_codes(Project& project, CodeId source, CodeId target) {
    Code s = code_by_id(project, source);
    Code t = code_by_id(project, target);
    return project.action("Merge code " + s.path + " into " + t.path, [&] {
        if (s.id == t.id) throw InputError("code '" + s.path + "' cannot be merged into itself");
        if (is_within(project, t.id, s.id))
            throw InputError("code '" + s.path + "' cannot be merged into its own sub-code '" + t.path + "'");
        MergeResult result;
        merge_one(project, s.id, t.id, result);
        return result;
    });
}

std::int64_t delete_code(Project& project, CodeId code, bool force) {
    Code c = code_by_id(project, code);
    const std::string& path = c.path;
    return project.action("Delete code " + path, [&] {
        auto ids = code_and_descendants(project, c.id);
        std::int64_t codings = 0;
        for (CodeId id : ids) codings += coding_count(project, id);
        if (codings > 0 && !force)
            throw InputError("code '" + path + "' (with the codes below it) has " + std::to_string(codings) +
                             " coding(s); merge it into another code, or force the delete to remove them too",
                             "force");
        // Bottom-up, explicitly, so every removed row is recorded for undo.
        std::reverse(ids.begin(), ids.end());
        for (CodeId id : ids) {
            sqlite::Statement memos(project.db(),
                                    "DELETE FROM memo WHERE code_id = ?1 OR coding_id IN (SELECT id FROM coding WHERE code_id = ?1)");
            memos.bind(1, id).run();
            sqlite::Statement del_codings(project.db(), "DELETE FROM coding WHERE code_id = ?");
            del_codings.bind(1, id).run();
            sqlite::Statement del(project.db(), "DELETE FROM code WHERE id = ?");
            del.bind(1, id).run();
        }
        return codings;
    });
}

Code set_code_colour(Project& project, CodeId code, const std::string& colour) {
    Code c = code_by_id(project, code);
    const std::string& path = c.path;
    std::string value = normalise_colour(colour, "code '" + path + "'");
    return project.action("Colour code " + path, [&] {
        sqlite::Statement st(project.db(), "UPDATE code SET colour = ?, modified = ? WHERE id = ?");
        st.bind(1, value).bind(2, project.now()).bind(3, c.id).run();
        return code_by_id(project, c.id);
    });
}

Code update_code_details(Project& project, CodeId code, const CodeDetails& d) {
    Code c = code_by_id(project, code);
    return project.action("Describe code " + c.path, [&] {
        auto set = [&](const char* column, const std::string& value) {
            sqlite::Statement st(project.db(), std::string("UPDATE code SET ") + column + " = ?, modified = ? WHERE id = ?");
            st.bind(1, value).bind(2, project.now()).bind(3, c.id).run();
        };
        if (d.description) set("description", *d.description);
        if (d.inclusion) set("inclusion", *d.inclusion);
        if (d.exclusion) set("exclusion", *d.exclusion);
        if (d.examples) set("examples", nlohmann::json(*d.examples).dump());
        if (d.citation) set("citation", *d.citation);
        return code_by_id(project, c.id);
    });
}

}  // namespace npt
