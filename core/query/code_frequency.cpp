// code_frequency.cpp — one GROUP BY (code, coder) over the codings, summed into the rows asked for.
#include "core/query/code_frequency.hpp"

#include <map>
#include <utility>

#include "core/detail/db_access.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/text/csv.hpp"

namespace npt {

CodeFrequency code_frequency(Project& project, const CodeFrequencyOptions& options) {
    CodeFrequency out;
    const std::vector<Code> all_codes = list_codes(project);
    std::vector<const Code*> rows;
    std::vector<Code> named;
    if (options.codes.empty()) {
        for (const Code& c : all_codes) rows.push_back(&c);
    } else {
        named.reserve(options.codes.size());
        for (const std::string& path : options.codes) named.push_back(require_code(project, path));
        for (const Code& c : named) rows.push_back(&c);
    }
    if (options.coders.empty()) {
        for (const Coder& c : list_coders(project)) {
            out.coder_ids.push_back(c.id);
            out.coders.push_back(c.name);
        }
    } else {
        for (const std::string& name : options.coders) {
            const Coder c = require_coder(project, name);
            out.coder_ids.push_back(c.id);
            out.coders.push_back(c.name);
        }
    }
    std::map<CoderId, std::size_t> coder_column;
    for (std::size_t i = 0; i < out.coder_ids.size(); ++i) coder_column.emplace(out.coder_ids[i], i);

    // Each code's own codings per listed coder.
    std::map<CodeId, std::vector<std::int64_t>> own;
    sqlite::Statement st(project.db(), "SELECT code_id, coder_id, COUNT(*) FROM coding GROUP BY code_id, coder_id");
    while (st.step()) {
        auto column = coder_column.find(st.id<CoderId>(1));
        if (column == coder_column.end()) continue;
        auto& counts = own.try_emplace(st.id<CodeId>(0), out.coder_ids.size(), 0).first->second;
        counts[column->second] += st.int64(2);
    }
    std::multimap<CodeId, CodeId> children;  // parent -> child
    for (const Code& c : all_codes)
        if (c.parent_id) children.emplace(*c.parent_id, c.id);

    for (const Code* code : rows) {
        std::vector<std::int64_t> counts(out.coder_ids.size(), 0);
        std::vector<CodeId> pending{code->id};
        while (!pending.empty()) {
            const CodeId id = pending.back();
            pending.pop_back();
            if (auto it = own.find(id); it != own.end())
                for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += it->second[i];
            if (!options.include_descendants) continue;
            auto [first, last] = children.equal_range(id);
            for (auto it = first; it != last; ++it) pending.push_back(it->second);
        }
        bool used = false;
        for (std::int64_t n : counts) used = used || n > 0;
        if (options.used_only && !used) continue;
        out.code_ids.push_back(code->id);
        out.codes.push_back(code->path);
        out.counts.push_back(std::move(counts));
    }
    return out;
}

std::string code_frequency_csv(const CodeFrequency& frequency) {
    std::vector<std::string> header{"code"};
    header.insert(header.end(), frequency.coders.begin(), frequency.coders.end());
    std::string out = csv::format_row(header, ',');
    for (std::size_t r = 0; r < frequency.codes.size(); ++r) {
        std::vector<std::string> row{frequency.codes[r]};
        for (std::int64_t n : frequency.counts[r]) row.push_back(std::to_string(n));
        out += csv::format_row(row, ',');
    }
    return out;
}

}  // namespace npt
