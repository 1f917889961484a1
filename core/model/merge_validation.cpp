// merge_validation.cpp — integrity, references, cycles, hashes, sizes and spans of the other project.
#include "core/model/merge_validation.hpp"

#include <unordered_map>
#include <unordered_set>

#include "core/detail/db_access.hpp"
#include "core/error.hpp"
#include "core/model/sha256.hpp"

namespace npt {
namespace {

// `about`: the merge option the problem concerns, if any (see npt::Error::about).
[[noreturn]] void refuse(const std::string& label, const std::string& problem, const std::string& about = {}) {
    throw FormatError(label + ": " + problem + "; nothing was merged", about);
}

void check_integrity(Project& other, const std::string& label) {
    sqlite::Statement st(other.db(), "PRAGMA quick_check");
    std::string first = st.step() ? st.text(0) : "no answer";
    if (first != "ok") refuse(label, "the file is damaged (" + first + ") — `nptcoder check --repair` writes a recovered copy");
}

void check_references(Project& other, const std::string& label) {
    sqlite::Statement st(other.db(), "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 1");
    if (st.step())
        refuse(label, "a row of '" + st.text(0) + "' (rowid " + std::to_string(st.int64(1)) + ") refers to a missing '" +
                          st.text(2) + "'");
}

void check_code_tree(Project& other, const std::string& label) {
    std::unordered_map<std::int64_t, std::int64_t> parent;
    sqlite::Statement st(other.db(), "SELECT id, parent_id FROM code WHERE parent_id IS NOT NULL");
    while (st.step()) parent[st.int64(0)] = st.int64(1);
    std::unordered_set<std::int64_t> acyclic;  // codes whose ancestry is known to end
    for (const auto& [start, unused] : parent) {
        std::unordered_set<std::int64_t> path;
        std::int64_t at = start;
        while (parent.count(at) && !acyclic.count(at)) {
            if (!path.insert(at).second) refuse(label, "code " + std::to_string(at) + " is its own ancestor (a cycle in the codebook)");
            at = parent.at(at);
        }
        acyclic.insert(path.begin(), path.end());
    }
}

std::int64_t code_points(std::string_view utf8) {
    std::int64_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

void check_documents(Project& other, const std::string& label, std::uint64_t max_bytes) {
    sqlite::Statement sizes(other.db(), "SELECT id, name, length(CAST(text AS BLOB)) FROM document");
    std::vector<std::int64_t> ids;
    while (sizes.step()) {
        if (static_cast<std::uint64_t>(sizes.int64(2)) > max_bytes)
            refuse(label, "document '" + sizes.text(1) + "' is " + std::to_string(sizes.int64(2)) +
                              " bytes, over the limit of " + std::to_string(max_bytes), "max_size");
        ids.push_back(sizes.int64(0));
    }
    sqlite::Statement doc(other.db(), "SELECT name, text, sha256, length FROM document WHERE id = ?");
    for (std::int64_t id : ids) {
        doc.bind(1, id);
        if (!doc.step()) continue;
        std::string_view text = doc.text_view(1);
        if (sha256_hex(text) != doc.text_view(2))
            refuse(label, "document '" + doc.text(0) + "': its stored SHA-256 does not match its text (documents are "
                                                     "matched by it, so it cannot be trusted)");
        if (code_points(text) != doc.int64(3))
            refuse(label, "document '" + doc.text(0) + "': its stored length does not match its text");
        doc.reset();
    }
}

void check_codings(Project& other, const std::string& label) {
    sqlite::Statement st(other.db(),
                         "SELECT c.id, d.name, c.start, c.end FROM coding c JOIN document d ON d.id = c.document_id "
                         "WHERE c.start < 0 OR c.end <= c.start OR c.end > d.length LIMIT 1");
    if (st.step())
        refuse(label, "coding " + std::to_string(st.int64(0)) + " spans " + std::to_string(st.int64(2)) + "-" +
                          std::to_string(st.int64(3)) + ", outside its document '" + st.text(1) + "'");
}

}  // namespace

void validate_merge_source(Project& other, const std::string& label, std::uint64_t max_document_bytes) {
    check_integrity(other, label);
    check_references(other, label);
    check_code_tree(other, label);
    check_documents(other, label, max_document_bytes);
    check_codings(other, label);
}

}  // namespace npt
