// refi_exchange_store.hpp — what REFI-QDA project exchange needs from the store beyond the
// ordinary editing API: giving an imported coder, document, case, coding or memo the GUID (and
// times) it had in the file, so that GUIDs survive export -> import -> export, and a GUID derived
// from a name for things the store keeps no GUID for (variables, selections, generated notes).
// Each setter joins the caller's action (import runs as one action); none creates anything.
#pragma once
#include <string>
#include <string_view>

#include "core/store/project.hpp"

namespace npt {

enum class GuidOwner { Coder, Document, Case, Coding, Memo };

// Sets the GUID of one row (lowercase 8-4-4-4-12). Throws InputError when `guid` is not a GUID,
// StoreError when another row of the same kind already has it.
void set_exchange_guid(Project& project, CoderId id, const std::string& guid);
void set_exchange_guid(Project& project, DocumentId id, const std::string& guid);
void set_exchange_guid(Project& project, CaseId id, const std::string& guid);
void set_exchange_guid(Project& project, CodingId id, const std::string& guid);
void set_exchange_guid(Project& project, MemoId id, const std::string& guid);
// True when a row of that kind already has this GUID.
bool exchange_guid_taken(Project& project, GuidOwner owner, const std::string& guid);
// The project's own GUID and creation time (project_meta "guid" and "created").
void set_project_identity(Project& project, const std::string& guid, const std::string& created);
// A coding's creation and modification times as the file gave them (ISO 8601).
void set_coding_times(Project& project, CodingId coding_id, const std::string& created, const std::string& modified);
// A memo's author and times as the file gave them.
void set_memo_origin(Project& project, MemoId memo_id, const std::string& author, const std::string& created,
                     const std::string& modified);
// A case's description.
void set_case_description(Project& project, CaseId case_id, const std::string& description);

// A stable GUID (version 5 layout, from SHA-256) for `key` under the GUID `scope`: the same
// inputs always give the same GUID, so exports of one project name variables, selections and
// generated notes identically.
std::string derived_guid(std::string_view scope, std::string_view key);

}  // namespace npt
