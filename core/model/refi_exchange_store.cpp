// refi_exchange_store.cpp — GUID and time setters for REFI-QDA exchange (SQL on the tables the
// exchange fills; the rest of the store is reached through its public functions).
#include "core/model/refi_exchange_store.hpp"

#include <algorithm>
#include <cctype>

#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/store/ids.hpp"
#include "core/model/sha256.hpp"

namespace npt {
namespace {

const char* table_of(GuidOwner owner) {
    switch (owner) {
        case GuidOwner::Coder: return "coder";
        case GuidOwner::Document: return "document";
        case GuidOwner::Case: return "cases";
        case GuidOwner::Coding: return "coding";
        case GuidOwner::Memo: return "memo";
    }
    return "coder";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

void set_guid(Project& project, GuidOwner owner, std::int64_t id, const std::string& guid) {
    if (!is_guid(guid)) throw InputError("'" + guid + "' is not a GUID");
    std::string sql = std::string("UPDATE ") + table_of(owner) + " SET guid = ? WHERE id = ?";
    project.action("Set GUID", [&] {
        sqlite::Statement st(project.db(), sql);
        st.bind(1, lower(guid)).bind(2, id).run();
    });
}

}  // namespace

void set_exchange_guid(Project& project, CoderId id, const std::string& guid) { set_guid(project, GuidOwner::Coder, id.value, guid); }
void set_exchange_guid(Project& project, DocumentId id, const std::string& guid) { set_guid(project, GuidOwner::Document, id.value, guid); }
void set_exchange_guid(Project& project, CaseId id, const std::string& guid) { set_guid(project, GuidOwner::Case, id.value, guid); }
void set_exchange_guid(Project& project, CodingId id, const std::string& guid) { set_guid(project, GuidOwner::Coding, id.value, guid); }
void set_exchange_guid(Project& project, MemoId id, const std::string& guid) { set_guid(project, GuidOwner::Memo, id.value, guid); }

bool exchange_guid_taken(Project& project, GuidOwner owner, const std::string& guid) {
    std::string sql = std::string("SELECT 1 FROM ") + table_of(owner) + " WHERE guid = ?";
    sqlite::Statement st(project.db(), sql);
    st.bind(1, lower(guid));
    return st.step();
}

void set_project_identity(Project& project, const std::string& guid, const std::string& created) {
    if (!is_guid(guid)) throw InputError("'" + guid + "' is not a GUID");
    project.action("Set project identity", [&] {
        sqlite::Statement st(project.db(), "UPDATE project_meta SET value = ? WHERE key = ?");
        st.bind(1, lower(guid)).bind(2, "guid").run();
        if (!created.empty()) {
            st.reset();
            st.bind(1, created).bind(2, "created").run();
        }
    });
}

void set_coding_times(Project& project, CodingId coding_id, const std::string& created, const std::string& modified) {
    project.action("Set coding times", [&] {
        sqlite::Statement st(project.db(), "UPDATE coding SET created = ?, modified = ? WHERE id = ?");
        st.bind(1, created).bind(2, modified.empty() ? created : modified).bind(3, coding_id).run();
    });
}

void set_memo_origin(Project& project, MemoId memo_id, const std::string& author, const std::string& created,
                     const std::string& modified) {
    project.action("Set memo origin", [&] {
        sqlite::Statement st(project.db(), "UPDATE memo SET author = ?, created = ?, modified = ? WHERE id = ?");
        st.bind(1, author).bind(2, created).bind(3, modified.empty() ? created : modified).bind(4, memo_id).run();
    });
}

void set_case_description(Project& project, CaseId case_id, const std::string& description) {
    project.action("Set case description", [&] {
        sqlite::Statement st(project.db(), "UPDATE cases SET description = ? WHERE id = ?");
        st.bind(1, description).bind(2, case_id).run();
    });
}

std::string derived_guid(std::string_view scope, std::string_view key) {
    std::string hex = sha256_hex(std::string(scope) + '\n' + std::string(key));
    hex[12] = '5';                                                   // version 5 layout
    static const char* variant = "89ab";
    hex[16] = variant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];  // RFC 4122 variant
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

}  // namespace npt
