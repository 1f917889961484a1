// cases.cpp — storage of cases, attributes, values and case-document links.
#include "core/model/cases.hpp"

#include "core/detail/db_access.hpp"
#include "core/error.hpp"

namespace npt {
namespace {

Case read_case(sqlite::Statement& st) { return {st.id<CaseId>(0), st.text(1), st.text(2), st.text(3)}; }

}  // namespace

std::optional<Case> find_case(Project& project, const std::string& name) {
    sqlite::Statement st(project.db(), "SELECT id, name, description, guid FROM cases WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return read_case(st);
}

Case require_case(Project& project, const std::string& name) {
    if (auto c = find_case(project, name)) return *c;
    throw NotFoundError("no case named '" + name + "'");
}

Case case_by_id(Project& project, CaseId id) {
    sqlite::Statement st(project.db(), "SELECT id, name, description, guid FROM cases WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError("no case with id " + to_string(id));
    return read_case(st);
}

Case ensure_case(Project& project, const std::string& name) {
    if (name.empty()) throw InputError("a case needs a name");
    if (auto c = find_case(project, name)) return *c;
    return project.action("Add case " + name, [&] {
        Case c{CaseId{}, name, "", project.guids().next()};
        sqlite::Statement st(project.db(), "INSERT INTO cases(name, description, guid) VALUES(?, ?, ?)");
        st.bind(1, c.name).bind(2, c.description).bind(3, c.guid).run();
        c.id = CaseId{project.db().last_insert_rowid()};
        return c;
    });
}

std::vector<Case> list_cases(Project& project) {
    sqlite::Statement st(project.db(), "SELECT id, name, description, guid FROM cases ORDER BY name");
    std::vector<Case> out;
    while (st.step()) out.push_back(read_case(st));
    return out;
}

std::vector<CaseDetail> list_case_details(Project& project) {
    std::vector<CaseDetail> out;
    for (Case& c : list_cases(project)) {
        CaseDetail d{c, case_values(project, c.id), {}};
        sqlite::Statement st(project.db(),
                             "SELECT d.name FROM case_document cd JOIN document d ON d.id = cd.document_id "
                             "WHERE cd.case_id = ? ORDER BY d.name");
        st.bind(1, c.id);
        while (st.step()) d.documents.push_back(st.text(0));
        out.push_back(std::move(d));
    }
    return out;
}

std::optional<Attribute> find_attribute(Project& project, const std::string& name) {
    sqlite::Statement st(project.db(), "SELECT id, name, type FROM attribute WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return Attribute{st.id<AttributeId>(0), st.text(1), attribute_type_from_string(st.text(2))};
}

Attribute ensure_attribute(Project& project, const std::string& name, AttributeType type) {
    if (name.empty()) throw InputError("an attribute needs a name");
    if (auto a = find_attribute(project, name)) return *a;
    return project.action("Add attribute " + name, [&] {
        // Orders only grow with ids (this is the one place that sets them), so the newest row has
        // the largest: one index step, where max(sort_order) scanned the table on every insert and
        // made a 20,000-column cases CSV quadratic.
        std::int64_t order = project.db().scalar_int(
            "SELECT ifnull((SELECT sort_order + 1 FROM attribute ORDER BY id DESC LIMIT 1), 0)");
        sqlite::Statement st(project.db(), "INSERT INTO attribute(name, type, sort_order) VALUES(?, ?, ?)");
        st.bind(1, name).bind(2, to_string(type)).bind(3, order).run();
        return Attribute{AttributeId{project.db().last_insert_rowid()}, name, type};
    });
}

std::vector<Attribute> list_attributes(Project& project) {
    sqlite::Statement st(project.db(), "SELECT id, name, type FROM attribute ORDER BY sort_order, name");
    std::vector<Attribute> out;
    while (st.step()) out.push_back({st.id<AttributeId>(0), st.text(1), attribute_type_from_string(st.text(2))});
    return out;
}

void set_case_value(Project& project, CaseId case_id, AttributeId attribute_id, const std::string& value) {
    project.action("Set attribute value", [&] {
        sqlite::Statement st(project.db(),
                             "INSERT INTO case_value(case_id, attribute_id, value) VALUES(?, ?, ?) "
                             "ON CONFLICT(case_id, attribute_id) DO UPDATE SET value = excluded.value "
                             "WHERE value IS NOT excluded.value");
        st.bind(1, case_id).bind(2, attribute_id).bind(3, value).run();
    });
}

std::map<std::string, std::string> case_values(Project& project, CaseId case_id) {
    sqlite::Statement st(project.db(),
                         "SELECT a.name, v.value FROM case_value v JOIN attribute a ON a.id = v.attribute_id "
                         "WHERE v.case_id = ?");
    st.bind(1, case_id);
    std::map<std::string, std::string> out;
    while (st.step()) out[st.text(0)] = st.text(1);
    return out;
}

void link_document_to_case(Project& project, DocumentId document_id, CaseId case_id) {
    project.action("Link document to case", [&] {
        sqlite::Statement st(project.db(), "INSERT OR IGNORE INTO case_document(case_id, document_id) VALUES(?, ?)");
        st.bind(1, case_id).bind(2, document_id).run();
    });
}

std::vector<Case> cases_of_document(Project& project, DocumentId document_id) {
    sqlite::Statement st(project.db(),
                         "SELECT c.id, c.name, c.description, c.guid FROM case_document cd JOIN cases c ON c.id = cd.case_id "
                         "WHERE cd.document_id = ? ORDER BY c.name");
    st.bind(1, document_id);
    std::vector<Case> out;
    while (st.step()) out.push_back(read_case(st));
    return out;
}

std::vector<DocumentId> documents_of_case(Project& project, CaseId case_id) {
    sqlite::Statement st(project.db(), "SELECT document_id FROM case_document WHERE case_id = ?");
    st.bind(1, case_id);
    std::vector<DocumentId> out;
    while (st.step()) out.push_back(st.id<DocumentId>(0));
    return out;
}

}  // namespace npt
