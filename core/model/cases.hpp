// cases.hpp — cases (participants, sites), their attributes (group, site, role...) and values,
// and which documents belong to which case.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace npt {

// A case with everything `cases list` shows.
struct CaseDetail {
    Case info;
    std::map<std::string, std::string> values;  // attribute name -> value
    std::vector<std::string> documents;         // document names
};

// Finds the case, or adds it (joins the caller's action, or is its own).
Case ensure_case(Project& project, const std::string& name);
std::optional<Case> find_case(Project& project, const std::string& name);
Case require_case(Project& project, const std::string& name);  // NotFoundError
Case case_by_id(Project& project, CaseId id);                   // NotFoundError
std::vector<Case> list_cases(Project& project);
std::vector<CaseDetail> list_case_details(Project& project);

// Finds the attribute or adds it with `type`. An existing attribute keeps its type.
Attribute ensure_attribute(Project& project, const std::string& name, AttributeType type);
std::optional<Attribute> find_attribute(Project& project, const std::string& name);
std::vector<Attribute> list_attributes(Project& project);  // in sort order
void set_case_value(Project& project, CaseId case_id, AttributeId attribute_id, const std::string& value);
std::map<std::string, std::string> case_values(Project& project, CaseId case_id);

void link_document_to_case(Project& project, DocumentId document_id, CaseId case_id);
std::vector<Case> cases_of_document(Project& project, DocumentId document_id);
std::vector<DocumentId> documents_of_case(Project& project, CaseId case_id);

}  // namespace npt
