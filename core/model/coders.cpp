// coders.cpp — storage of coders.
#include "core/model/coders.hpp"

#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/model/name_match.hpp"

namespace npt {

std::string palette_colour(std::int64_t n) {
    static const char* palette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    return palette[static_cast<std::size_t>(n < 0 ? -n : n) % 10];
}

static Coder read_coder(sqlite::Statement& st) {
    return {st.id<CoderId>(0), st.text(1), st.text(2), st.text(3), st.text(4)};
}

Coder add_coder(Project& project, const std::string& name, const std::string& colour) {
    if (name.empty()) throw InputError("a coder needs a name");
    return project.action("Add coder " + name, [&] {
        if (find_coder(project, name)) throw InputError("coder '" + name + "' already exists");
        std::int64_t count = project.db().scalar_int("SELECT count(*) FROM coder");
        Coder c{CoderId{}, name, colour.empty() ? palette_colour(count) : colour, project.guids().next(), project.now()};
        sqlite::Statement st(project.db(), "INSERT INTO coder(name, colour, guid, created) VALUES(?, ?, ?, ?)");
        st.bind(1, c.name).bind(2, c.colour).bind(3, c.guid).bind(4, c.created).run();
        c.id = CoderId{project.db().last_insert_rowid()};
        return c;
    });
}

std::vector<Coder> list_coders(Project& project) {
    sqlite::Statement st(project.db(), "SELECT id, name, colour, guid, created FROM coder ORDER BY name");
    std::vector<Coder> out;
    while (st.step()) out.push_back(read_coder(st));
    return out;
}

std::optional<Coder> find_coder(Project& project, const std::string& name) {
    sqlite::Statement st(project.db(), "SELECT id, name, colour, guid, created FROM coder WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return read_coder(st);
}

Coder require_coder(Project& project, const std::string& name) {
    if (auto c = find_coder(project, name)) return *c;
    NameMatch near = match_coder(project, name);
    throw NotFoundError("no coder named '" + name + "'" +
                        (near.kind == NameMatch::Kind::NearMiss ? "; did you mean '" + near.existing + "'?" : ""));
}

Coder ensure_coder(Project& project, const std::string& name) {
    if (auto c = find_coder(project, name)) return *c;
    return add_coder(project, name);
}

}  // namespace npt
