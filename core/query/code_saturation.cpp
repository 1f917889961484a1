// code_saturation.cpp — documents sorted by the order key, then one pass over the distinct
// (document, code) pairs of the chosen coders' codings.
#include "core/query/code_saturation.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/text/csv.hpp"

namespace npt {
namespace {

// a < b as values of an attribute of `type`.
bool value_less(AttributeType type, const std::string& a, const std::string& b) {
    if (type == AttributeType::Number) {
        char* a_end = nullptr;
        char* b_end = nullptr;
        const double x = std::strtod(a.c_str(), &a_end);
        const double y = std::strtod(b.c_str(), &b_end);
        const bool a_number = a_end != a.c_str() && *a_end == '\0';
        const bool b_number = b_end != b.c_str() && *b_end == '\0';
        if (a_number && b_number) return x < y;
        if (a_number != b_number) return a_number;  // numbers before text
    }
    return a < b;
}

}  // namespace

CodeSaturation code_saturation(Project& project, const SaturationOptions& options) {
    CodeSaturation out;
    out.order = options.order;
    std::vector<DocumentInfo> documents = list_documents(project);
    std::sort(documents.begin(), documents.end(), [](const DocumentInfo& a, const DocumentInfo& b) { return a.id < b.id; });

    std::map<DocumentId, std::string> key;  // the order value of each document that has one
    if (options.order != "import") {
        const std::optional<Attribute> attribute = find_attribute(project, options.order);
        if (!attribute)
            throw NotFoundError("no case attribute '" + options.order + "' to order the documents by (or use import order)");
        sqlite::Statement st(project.db(),
                             "SELECT cd.document_id, cv.value FROM case_document cd "
                             "JOIN case_value cv ON cv.case_id = cd.case_id WHERE cv.attribute_id = ?");
        st.bind(1, attribute->id);
        while (st.step()) {
            const DocumentId id = st.id<DocumentId>(0);
            const std::string value = st.text(1);
            auto [it, added] = key.try_emplace(id, value);
            if (!added && value_less(attribute->type, value, it->second)) it->second = value;
        }
        const AttributeType type = attribute->type;
        std::stable_sort(documents.begin(), documents.end(), [&](const DocumentInfo& a, const DocumentInfo& b) {
            auto ka = key.find(a.id);
            auto kb = key.find(b.id);
            if (ka == key.end() || kb == key.end()) return ka != key.end() && kb == key.end();
            return value_less(type, ka->second, kb->second);
        });
    }

    std::set<CoderId> coders;
    for (const std::string& name : options.coders) coders.insert(require_coder(project, name).id);
    std::map<DocumentId, std::set<CodeId>> applied;
    sqlite::Statement st(project.db(), "SELECT DISTINCT document_id, code_id, coder_id FROM coding");
    while (st.step())
        if (coders.empty() || coders.count(st.id<CoderId>(2))) applied[st.id<DocumentId>(0)].insert(st.id<CodeId>(1));

    std::map<CodeId, std::size_t> tree_position;
    std::vector<Code> codes = list_codes(project);
    for (std::size_t i = 0; i < codes.size(); ++i) tree_position.emplace(codes[i].id, i);

    std::set<CodeId> seen;
    for (const DocumentInfo& d : documents) {
        SaturationPoint point;
        point.document_id = d.id;
        point.document = d.name;
        if (auto it = key.find(d.id); it != key.end()) point.order_value = it->second;
        std::vector<std::size_t> fresh;
        if (auto it = applied.find(d.id); it != applied.end())
            for (CodeId code : it->second)
                if (seen.insert(code).second) fresh.push_back(tree_position.at(code));
        std::sort(fresh.begin(), fresh.end());
        for (std::size_t i : fresh) point.new_codes.push_back(codes[i].path);
        point.codes_so_far = static_cast<std::int64_t>(seen.size());
        out.points.push_back(std::move(point));
    }
    return out;
}

std::string code_saturation_csv(const CodeSaturation& saturation) {
    const bool keyed = saturation.order != "import";
    std::vector<std::string> header{"document"};
    if (keyed) header.push_back(saturation.order);
    header.insert(header.end(), {"new_codes", "codes_so_far", "new_code_paths"});
    std::string out = csv::format_row(header, ',');
    for (const SaturationPoint& p : saturation.points) {
        std::vector<std::string> row{p.document};
        if (keyed) row.push_back(p.order_value);
        std::string paths;
        for (std::size_t i = 0; i < p.new_codes.size(); ++i) paths += (i ? "; " : "") + p.new_codes[i];
        row.insert(row.end(), {std::to_string(p.new_codes.size()), std::to_string(p.codes_so_far), paths});
        out += csv::format_row(row, ',');
    }
    return out;
}

}  // namespace npt
