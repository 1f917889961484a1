// case_edits.cpp — renaming and deleting cases and attributes, retyping attributes (choices in
// attribute_choice), unlinking documents and checked value edits; each one action.
#include "core/model/case_edits.hpp"

#include <set>
#include <utility>

#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/model/attribute_values.hpp"

namespace npt {
namespace {

// The choices a type takes, checked: any for Text (none = a plain text attribute), none otherwise.
std::vector<std::string> checked_choices(const std::string& attribute, AttributeType type,
                                         const std::vector<std::string>& choices) {
    if (choices.empty()) return {};
    if (type != AttributeType::Text)
        throw InputError("attribute " + attribute + ": only a choice attribute has values to choose from");
    std::set<std::string> seen;
    for (const std::string& c : choices) {
        if (c.empty()) throw InputError("attribute " + attribute + ": a choice cannot be empty");
        if (c.find('\n') != std::string::npos || c.find('\r') != std::string::npos)
            throw InputError("attribute " + attribute + ": a choice is one line");
        if (!seen.insert(c).second) throw InputError("attribute " + attribute + ": the choice '" + c + "' is listed twice");
    }
    return choices;
}

// Every value of attribute `a` checked against `type` and `choices` before anything is written:
// the values that change (dates made ISO). InputError naming the first case (by name) that does
// not fit.
std::vector<std::pair<CaseId, std::string>> values_refitted(Project& project, const Attribute& a, AttributeType type,
                                                            const std::vector<std::string>& choices) {
    std::vector<std::pair<CaseId, std::string>> rewritten;
    sqlite::Statement values(project.db(),
                             "SELECT c.id, c.name, v.value FROM case_value v JOIN cases c ON c.id = v.case_id "
                             "WHERE v.attribute_id = ? ORDER BY c.name");
    values.bind(1, a.id);
    while (values.step()) {
        const std::string value = values.text(2);
        std::string fitted;
        try {
            fitted = fitted_attribute_value(a.name, type, choices, value);
        } catch (const InputError& e) {
            throw InputError("case " + values.text(1) + ": " + e.what() + "; the type was not changed");
        }
        if (fitted != value) rewritten.emplace_back(values.id<CaseId>(0), fitted);
    }
    return rewritten;
}

void write_choices(Project& project, AttributeId id, const std::vector<std::string>& choices) {
    sqlite::Statement clear(project.db(), "DELETE FROM attribute_choice WHERE attribute_id = ?");
    clear.bind(1, id).run();
    sqlite::Statement add(project.db(), "INSERT INTO attribute_choice(attribute_id, position, value) VALUES(?, ?, ?)");
    for (std::size_t i = 0; i < choices.size(); ++i)
        add.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, choices[i]).run();
}

void check_new_case_name(Project& project, const std::string& name, CaseId self = {}) {
    if (name.empty()) throw InputError("a case needs a name");
    if (auto other = find_case(project, name); other && other->id.value != self.value)
        throw InputError("there is already a case named '" + name + "'");
}

void check_new_attribute_name(Project& project, const std::string& name, AttributeId self = {}) {
    if (name.empty()) throw InputError("an attribute needs a name");
    if (auto other = find_attribute(project, name); other && other->id.value != self.value)
        throw InputError("there is already an attribute named '" + name + "'");
}

}  // namespace

Case add_case(Project& project, const std::string& name) {
    check_new_case_name(project, name);
    return ensure_case(project, name);
}

void rename_case(Project& project, CaseId id, const std::string& name) {
    const Case c = case_by_id(project, id);
    check_new_case_name(project, name, id);
    if (c.name == name) return;
    project.action("Rename case " + c.name + " to " + name, [&] {
        sqlite::Statement st(project.db(), "UPDATE cases SET name = ? WHERE id = ?");
        st.bind(1, name).bind(2, id).run();
    });
}

void delete_case(Project& project, CaseId id) {
    const Case c = case_by_id(project, id);
    project.action("Delete case " + c.name, [&] {
        // The rows that name the case, explicitly (the foreign keys would cascade too), so that
        // each deletion is in the undo step and undo brings the case back whole.
        for (const char* table : {"case_value", "case_document", "memo", "matrix_cell"}) {
            sqlite::Statement st(project.db(), std::string("DELETE FROM ") + table + " WHERE case_id = ?");
            st.bind(1, id).run();
        }
        sqlite::Statement st(project.db(), "DELETE FROM cases WHERE id = ?");
        st.bind(1, id).run();
    });
}

void unlink_document_from_case(Project& project, DocumentId document_id, CaseId case_id) {
    const Case c = case_by_id(project, case_id);
    project.action("Unlink document from case " + c.name, [&] {
        sqlite::Statement st(project.db(), "DELETE FROM case_document WHERE case_id = ? AND document_id = ?");
        st.bind(1, case_id).bind(2, document_id).run();
        if (project.db().changes() == 0)
            throw NotFoundError("document " + to_string(document_id) + " does not belong to case " + c.name);
    });
}

AttributeKind attribute_kind_from_string(const std::string& name) {
    if (name == "choice") return {AttributeType::Text, true};
    try {
        return {attribute_type_from_string(name), false};
    } catch (const InputError&) {
        throw InputError("unknown attribute type '" + name + "' (use text, number, date, boolean or choice)");
    }
}

std::vector<std::string> choices_for_kind(const std::string& attribute, const AttributeKind& kind,
                                          const std::vector<std::string>& choices) {
    if (kind.choice && choices.empty())
        throw InputError("attribute " + attribute + ": a choice attribute needs its values (e.g. GP, nurse, manager)");
    if (!kind.choice && !choices.empty())
        throw InputError("attribute " + attribute + ": only a choice attribute has values to choose from");
    return choices;
}

std::string attribute_kind_name(AttributeType type, const std::vector<std::string>& choices) {
    return choices.empty() ? std::string(to_string(type)) : std::string("choice");
}

Attribute add_attribute(Project& project, const std::string& name, AttributeType type,
                        const std::vector<std::string>& choices_in) {
    check_new_attribute_name(project, name);
    const std::vector<std::string> choices = checked_choices(name, type, choices_in);
    return project.action("Add attribute " + name, [&] {
        const Attribute a = ensure_attribute(project, name, type);
        write_choices(project, a.id, choices);
        return a;
    });
}

Attribute attribute_by_id(Project& project, AttributeId id) {
    for (const Attribute& a : list_attributes(project))
        if (a.id.value == id.value) return a;
    throw NotFoundError("no attribute with id " + to_string(id));
}

Attribute require_attribute(Project& project, const std::string& name) {
    if (auto a = find_attribute(project, name)) return *a;
    throw NotFoundError("no attribute named '" + name + "'");
}

void rename_attribute(Project& project, AttributeId id, const std::string& name) {
    const Attribute a = attribute_by_id(project, id);
    check_new_attribute_name(project, name, id);
    if (a.name == name) return;
    project.action("Rename attribute " + a.name + " to " + name, [&] {
        sqlite::Statement st(project.db(), "UPDATE attribute SET name = ? WHERE id = ?");
        st.bind(1, name).bind(2, id).run();
    });
}

void delete_attribute(Project& project, AttributeId id) {
    const Attribute a = attribute_by_id(project, id);
    project.action("Delete attribute " + a.name, [&] {
        for (const char* table : {"case_value", "attribute_choice"}) {
            sqlite::Statement st(project.db(), std::string("DELETE FROM ") + table + " WHERE attribute_id = ?");
            st.bind(1, id).run();
        }
        sqlite::Statement st(project.db(), "DELETE FROM attribute WHERE id = ?");
        st.bind(1, id).run();
    });
}

void set_attribute_type(Project& project, AttributeId id, AttributeType type, const std::vector<std::string>& choices_in) {
    const Attribute a = attribute_by_id(project, id);
    const std::vector<std::string> choices = checked_choices(a.name, type, choices_in);
    const std::vector<std::pair<CaseId, std::string>> rewritten = values_refitted(project, a, type, choices);
    project.action("Make attribute " + a.name + " " + attribute_kind_name(type, choices), [&] {
        sqlite::Statement st(project.db(), "UPDATE attribute SET type = ? WHERE id = ?");
        st.bind(1, to_string(type)).bind(2, id).run();
        write_choices(project, id, choices);
        for (const auto& [case_id, value] : rewritten) {
            sqlite::Statement up(project.db(), "UPDATE case_value SET value = ? WHERE case_id = ? AND attribute_id = ?");
            up.bind(1, value).bind(2, case_id).bind(3, id).run();
        }
    });
}

std::vector<std::string> attribute_choices(Project& project, AttributeId id) {
    sqlite::Statement st(project.db(), "SELECT value FROM attribute_choice WHERE attribute_id = ? ORDER BY position");
    st.bind(1, id);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

std::map<AttributeId, std::vector<std::string>> all_attribute_choices(Project& project) {
    sqlite::Statement st(project.db(), "SELECT attribute_id, value FROM attribute_choice ORDER BY attribute_id, position");
    std::map<AttributeId, std::vector<std::string>> out;
    while (st.step()) out[st.id<AttributeId>(0)].push_back(st.text(1));
    return out;
}

void edit_case_value(Project& project, CaseId case_id, AttributeId attribute_id, const std::string& value) {
    const Case c = case_by_id(project, case_id);
    const Attribute a = attribute_by_id(project, attribute_id);
    std::string fitted;
    try {
        fitted = fitted_attribute_value(a.name, a.type, attribute_choices(project, attribute_id), value);
    } catch (const InputError& e) {
        throw InputError("case " + c.name + ": " + e.what());
    }
    if (!fitted.empty()) {
        set_case_value(project, case_id, attribute_id, fitted);
        return;
    }
    project.action("Clear attribute value", [&] {
        sqlite::Statement st(project.db(), "DELETE FROM case_value WHERE case_id = ? AND attribute_id = ?");
        st.bind(1, case_id).bind(2, attribute_id).run();
    });
}

}  // namespace npt
