// codebook_project.cpp — codebook load (match by GUID, then path) and export from a project.
#include "codebook/codebook_project.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/model/code_edits.hpp"
#include "core/model/codes.hpp"
#include "core/query/coding_counts.hpp"
#include "core/store/project_meta.hpp"
#include "core/error.hpp"

namespace npt::codebook {
namespace {

bool same_details(const Code& have, const CodebookCode& want) {
    return (want.description.empty() || have.description == want.description) &&
           (want.inclusion.empty() || have.inclusion == want.inclusion) &&
           (want.exclusion.empty() || have.exclusion == want.exclusion) &&
           (want.examples.empty() || have.examples == want.examples) &&
           (want.citation.empty() || have.citation == want.citation) &&
           (want.colour.empty() || have.colour == want.colour);
}

}  // namespace

LoadReport load_codebook(Project& project, const Codebook& cb) {
    std::string label = "Load codebook " + (cb.name.empty() ? std::string("(unnamed)") : cb.name);
    return project.action(label, [&] {
        LoadReport report;
        // New codes sort after the codes already there, in the codebook's order.
        int order = max_code_sort_order(project);
        for (const CodebookCode& c : cb.codes) {
            ++order;
            std::optional<Code> have;
            if (!c.guid.empty()) have = find_code_by_guid(project, c.guid);
            if (have) {
                if (have->path != c.path)
                    report.notes.push_back("code '" + c.path + "' is '" + have->path + "' in this project (same GUID); its definitions were updated there");
            } else {
                have = find_code(project, c.path);
            }
            if (!have) {
                NewCode nc;
                nc.path = c.path;
                nc.description = c.description;
                nc.inclusion = c.inclusion;
                nc.exclusion = c.exclusion;
                nc.examples = c.examples;
                nc.citation = c.citation;
                nc.colour = c.colour;
                nc.sort_order = order;
                nc.guid = c.guid;
                // A path whose parents are missing from the codebook gets them created by add_code.
                try {
                    add_code(project, nc);
                } catch (const InputError& e) {
                    throw InputError("codebook " + cb.name + ": code '" + c.path + "': " + e.what());
                }
                ++report.added;
                continue;
            }
            if (same_details(*have, c)) {
                ++report.unchanged;
                continue;
            }
            CodeDetails d;
            if (!c.description.empty()) d.description = c.description;
            if (!c.inclusion.empty()) d.inclusion = c.inclusion;
            if (!c.exclusion.empty()) d.exclusion = c.exclusion;
            if (!c.examples.empty()) d.examples = c.examples;
            if (!c.citation.empty()) d.citation = c.citation;
            update_code_details(project, have->id, d);
            if (!c.colour.empty()) set_code_colour(project, have->id, c.colour);
            ++report.updated;
        }
        if (!cb.name.empty() && (!cb.title.empty() || !cb.references.empty())) {
            nlohmann::json about = {{"title", cb.title}, {"references", cb.references}};
            set_meta(project, "codebook:" + cb.name, about.dump());
        }
        return report;
    });
}

Codebook codebook_from_project(Project& project, const std::string& name) {
    Codebook cb;
    cb.name = name;
    cb.title = "Codebook: " + project.name();
    // References of the codebooks loaded into the project (load_codebook records them).
    for (const auto& [key, value] : meta_with_prefix(project, "codebook:")) {
        auto about = nlohmann::json::parse(value, nullptr, false);
        if (!about.is_object() || !about.contains("references") || !about["references"].is_array()) continue;
        for (const auto& r : about["references"])
            if (r.is_string() && std::find(cb.references.begin(), cb.references.end(), r.get<std::string>()) == cb.references.end())
                cb.references.push_back(r.get<std::string>());
    }
    for (const Code& c : list_codes(project)) {
        CodebookCode out;
        out.path = c.path;
        out.description = c.description;
        out.inclusion = c.inclusion;
        out.exclusion = c.exclusion;
        out.examples = c.examples;
        out.citation = c.citation;
        out.colour = c.colour;
        out.guid = c.guid;
        cb.codes.push_back(std::move(out));
    }
    return cb;
}

std::map<std::string, CodeUse> code_use(Project& project) {
    const CodingCounts counts = coding_counts(project);
    const std::map<CodeId, std::int64_t> documents = documents_per_code(project);
    std::map<std::string, CodeUse> out;
    for (const Code& c : list_codes(project)) {
        auto docs = documents.find(c.id);
        out[c.path] = {counts.of_code(c.id), docs == documents.end() ? 0 : docs->second};
    }
    return out;
}

}  // namespace npt::codebook
