// agreement_input.cpp — reads the compared coders' codings of the codes and documents in scope
// from a project into an AgreementInput (one query over the coding table).
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/detail/db_access.hpp"
#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/interval_sweep.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"

namespace npt::agreement {
namespace {

// One coder's codings of one row in one document, joined where they overlap or touch (codings of
// different codes below a construct may), so each code point and each segment counts once.
void join_overlapping(std::vector<AgreementCoding>& codings) {
    std::sort(codings.begin(), codings.end(), [](const AgreementCoding& a, const AgreementCoding& b) {
        return std::tie(a.code, a.document, a.coder, a.start, a.end) < std::tie(b.code, b.document, b.coder, b.start, b.end);
    });
    std::vector<AgreementCoding> out;
    for (const AgreementCoding& c : codings) {
        if (!out.empty()) {
            AgreementCoding& last = out.back();
            if (last.code == c.code && last.document == c.document && last.coder == c.coder && c.start <= last.end) {
                last.end = std::max(last.end, c.end);
                continue;
            }
        }
        out.push_back(c);
    }
    codings = std::move(out);
}

}  // namespace

AgreementInput load_agreement_input(Project& project, const AgreementScope& scope) {
    if (scope.coders.size() < 2)
        throw InputError("agreement needs at least two coders", "coders");
    if (scope.coders.size() > static_cast<std::size_t>(kMaxSweepCoders))
        throw InputError("agreement compares at most " + std::to_string(kMaxSweepCoders) + " coders at once");
    AgreementInput in;
    std::unordered_map<CoderId, int> coder_index;
    std::unordered_map<DocumentId, int> doc_index;
    std::unordered_map<CodeId, std::vector<int>> code_index;  // a code id -> the rows it counts in
    for (const std::string& name : scope.coders) {
        Coder c = require_coder(project, name);
        if (coder_index.count(c.id)) throw InputError("coder " + name + " is named twice among the coders compared", "coders");
        coder_index[c.id] = static_cast<int>(in.coders.size());
        in.coders.push_back(c.name);
        in.coder_ids.push_back(c.id);
    }
    std::vector<DocumentInfo> docs;
    if (scope.documents.empty()) docs = list_documents(project);
    else
        for (const std::string& name : scope.documents) docs.push_back(require_document(project, name));
    for (const DocumentInfo& d : docs) {
        if (doc_index.count(d.id)) continue;
        doc_index[d.id] = static_cast<int>(in.documents.size());
        in.documents.push_back(d.name);
        in.document_lengths.push_back(d.length);
        in.document_ids.push_back(d.id);
    }
    std::vector<Code> codes;
    if (!scope.codes.empty())
        for (const std::string& path : scope.codes) codes.push_back(require_code(project, path));

    std::string sql = "SELECT document_id, code_id, coder_id, start, end FROM coding WHERE coder_id IN (";
    for (std::size_t i = 0; i < in.coder_ids.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
    sqlite::Statement st(project.db(), sql);
    for (std::size_t i = 0; i < in.coder_ids.size(); ++i) st.bind(static_cast<int>(i) + 1, in.coder_ids[i]);
    struct Raw {
        CodeId code;
        AgreementCoding coding;
    };
    std::vector<Raw> raw;
    std::set<CodeId> used;
    while (st.step()) {
        auto d = doc_index.find(st.id<DocumentId>(0));
        if (d == doc_index.end()) continue;
        Raw r{st.id<CodeId>(1), {d->second, 0, coder_index.at(st.id<CoderId>(2)), st.int64(3), st.int64(4)}};
        used.insert(r.code);
        raw.push_back(r);
    }
    if (scope.codes.empty())
        for (const Code& c : list_codes(project))
            if (used.count(c.id)) codes.push_back(c);
    const bool roll_up = scope.include_descendants && !scope.codes.empty();
    for (const Code& c : codes) {
        if (std::find(in.code_ids.begin(), in.code_ids.end(), c.id) != in.code_ids.end()) continue;
        const int row = static_cast<int>(in.codes.size());
        in.codes.push_back(c.path);
        in.code_ids.push_back(c.id);
        if (roll_up)
            for (CodeId below : code_and_descendants(project, c.id)) code_index[below].push_back(row);
        else
            code_index[c.id].push_back(row);
    }
    in.codings.reserve(raw.size());
    for (Raw& r : raw) {
        auto c = code_index.find(r.code);
        if (c == code_index.end()) continue;
        for (int row : c->second) {
            r.coding.code = row;
            in.codings.push_back(r.coding);
        }
    }
    if (roll_up) join_overlapping(in.codings);
    in.descendants_joined = roll_up;
    return in;
}

}  // namespace npt::agreement
