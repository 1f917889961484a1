// case_edits.hpp — editing cases and attributes after they exist: add, rename and delete a case,
// unlink a document, add, rename, delete and retype an attribute, choice attributes and values
// checked as typed. Each function that changes something is one action (one transaction, one undo
// step); InputError for a bad name or value, NotFoundError for an id not in the project. Used by
// `nptcoder cases ...` and the workbench's Cases and attributes window alike.
// A choice attribute is a text attribute with values to choose from (table attribute_choice,
// schema 3): a case's value for it is one of them.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model/cases.hpp"

namespace npt {

// Adds a case; InputError when the name is empty or another case has it.
Case add_case(Project& project, const std::string& name);
// Renames a case (values, links and codings stay); InputError when empty or taken.
void rename_case(Project& project, CaseId id, const std::string& name);
// Deletes a case with its attribute values, document links, memos and framework matrix rows.
// The documents and every coding in them stay.
void delete_case(Project& project, CaseId id);
// Removes the link; NotFoundError when the document does not belong to the case.
void unlink_document_from_case(Project& project, DocumentId document_id, CaseId case_id);

// What a researcher calls an attribute's type: text, number, date, boolean, or choice (a text
// attribute with values to choose from). InputError for another name.
struct AttributeKind {
    AttributeType type = AttributeType::Text;
    bool choice = false;
};
AttributeKind attribute_kind_from_string(const std::string& name);
// The choices a kind takes: `choices` for a choice (InputError when there are none), none for
// another kind (InputError when some were given). `attribute` names it in the message.
std::vector<std::string> choices_for_kind(const std::string& attribute, const AttributeKind& kind,
                                          const std::vector<std::string>& choices);
// "choice" when `choices` is not empty, else to_string(type).
std::string attribute_kind_name(AttributeType type, const std::vector<std::string>& choices);

// Adds an attribute; with `choices` (in order) it is a choice attribute, whose type must be Text.
// InputError when the name is empty or taken, or the choices are not valid (see set_attribute_type).
Attribute add_attribute(Project& project, const std::string& name, AttributeType type,
                        const std::vector<std::string>& choices = {});
Attribute attribute_by_id(Project& project, AttributeId id);            // NotFoundError
Attribute require_attribute(Project& project, const std::string& name);  // NotFoundError
// Renames an attribute (its values stay); InputError when the name is empty or taken.
void rename_attribute(Project& project, AttributeId id, const std::string& name);
// Deletes an attribute and every case's value for it.
void delete_attribute(Project& project, AttributeId id);
// Changes an attribute's type, and its choices: non-empty makes it a choice attribute (type Text;
// values non-empty, distinct, one line each, in the order they are offered), empty makes it none.
// Every existing value must fit: InputError naming the first case (by name) whose value does not,
// and nothing changes. Dates are rewritten YYYY-MM-DD.
void set_attribute_type(Project& project, AttributeId id, AttributeType type,
                        const std::vector<std::string>& choices = {});
// A choice attribute's values in order; empty for any other attribute.
std::vector<std::string> attribute_choices(Project& project, AttributeId id);
// Every choice attribute's values (attributes without choices are absent).
std::map<AttributeId, std::vector<std::string>> all_attribute_choices(Project& project);

// The value a researcher typed, checked against the attribute (fitted_attribute_value in
// attribute_values.hpp: a number, a date ISO or DD/MM/YYYY, yes/no, one of the choices) and
// stored; "" removes the case's value. InputError naming the case when it does not fit.
void edit_case_value(Project& project, CaseId case_id, AttributeId attribute_id, const std::string& value);

}  // namespace npt
