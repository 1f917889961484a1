// agreement_input.cpp — reads the compared coders' codings of the codes and documents in scope
// from a project into an AgreementInput (one query over the coding table).
#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/detail/db_access.hpp"
#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/interval_sweep.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"

namespace npt::agreement {

AgreementInput load_agreement_input(Project& project, const AgreementScope& scope) {
    if (scope.coders.size() < 2)
        throw InputError("agreement needs at least two coders", "coders");
    if (scope.coders.size() > static_cast<std::size_t>(kMaxSweepCoders))
        throw InputError("agreement compares at most " + std::to_string(kMaxSweepCoders) + " coders at once");
    AgreementInput in;
    std::unordered_map<Id, int> coder_index, doc_index, code_index;
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
        Id code;
        AgreementCoding coding;
    };
    std::vector<Raw> raw;
    std::set<Id> used;
    while (st.step()) {
        auto d = doc_index.find(st.int64(0));
        if (d == doc_index.end()) continue;
        Raw r{st.int64(1), {d->second, 0, coder_index.at(st.int64(2)), st.int64(3), st.int64(4)}};
        used.insert(r.code);
        raw.push_back(r);
    }
    if (scope.codes.empty())
        for (const Code& c : list_codes(project))
            if (used.count(c.id)) codes.push_back(c);
    for (const Code& c : codes) {
        if (code_index.count(c.id)) continue;
        code_index[c.id] = static_cast<int>(in.codes.size());
        in.codes.push_back(c.path);
        in.code_ids.push_back(c.id);
    }
    in.codings.reserve(raw.size());
    for (Raw& r : raw) {
        auto c = code_index.find(r.code);
        if (c == code_index.end()) continue;
        r.coding.code = c->second;
        in.codings.push_back(r.coding);
    }
    return in;
}

}  // namespace npt::agreement
