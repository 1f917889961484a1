// matrix_attributes.cpp — keeping only the chosen case attribute columns of a framework matrix.
#include "exporters/matrix_attributes.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/model/name_match.hpp"

namespace npt {
namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

void check_known(const FrameworkMatrix& m, const std::vector<std::string>& chosen) {
    for (const std::string& name : chosen) {
        if (std::find(m.attributes.begin(), m.attributes.end(), name) != m.attributes.end()) continue;
        NameMatch match = match_name(name, m.attributes);
        std::string message = "matrix '" + m.info.name + "' has no case attribute '" + name + "'";
        if (match.kind == NameMatch::Kind::NearMiss) message += " (did you mean '" + match.existing + "'?)";
        message += m.attributes.empty() ? "; the project's cases have no attributes"
                                        : "; its attributes are " + joined(m.attributes);
        throw InputError(message, "attributes");
    }
}

}  // namespace

FrameworkMatrix with_attribute_columns(const FrameworkMatrix& m, const std::optional<std::vector<std::string>>& chosen) {
    if (!chosen) return m;
    check_known(m, *chosen);
    auto is_chosen = [&](const std::string& name) { return std::find(chosen->begin(), chosen->end(), name) != chosen->end(); };
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < m.attributes.size(); ++i)
        if (is_chosen(m.attributes[i])) keep.push_back(i);

    FrameworkMatrix out;
    out.info = m.info;
    out.columns = m.columns;
    // Group-by attributes are the first attributes; keep the outermost ones while all are chosen,
    // and they stay first among the kept columns, as FrameworkMatrix::group_of expects.
    std::size_t groups = 0;
    while (groups < m.info.group_by.size() && groups < m.attributes.size() && m.attributes[groups] == m.info.group_by[groups] && is_chosen(m.attributes[groups])) ++groups;
    out.info.group_by.resize(groups);
    for (std::size_t i : keep) out.attributes.push_back(m.attributes[i]);
    out.rows.reserve(m.rows.size());
    for (const MatrixRow& row : m.rows) {
        MatrixRow r{row.info, {}, row.cells};
        for (std::size_t i : keep) r.attributes.push_back(i < row.attributes.size() ? row.attributes[i] : std::string());
        out.rows.push_back(std::move(r));
    }
    return out;
}

const FrameworkMatrix& shown_matrix(const FrameworkMatrix& matrix, const std::optional<std::vector<std::string>>& chosen,
                                    FrameworkMatrix& storage) {
    if (!chosen) return matrix;
    storage = with_attribute_columns(matrix, chosen);
    return storage;
}

std::optional<std::vector<std::string>> parse_attribute_list(const std::string& list) {
    auto trim = [](std::string s) {
        s.erase(0, s.find_first_not_of(" \t"));
        s.erase(s.find_last_not_of(" \t") + 1);
        return s;
    };
    std::string whole = trim(list);
    if (whole == "all") return std::nullopt;
    if (whole == "none") return std::vector<std::string>{};
    std::vector<std::string> names;
    std::size_t start = 0;
    while (true) {
        std::size_t comma = list.find(',', start);
        std::string name = trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (name.empty())
            throw InputError("attribute list '" + list + "' has an empty name (give names separated by commas, or none)",
                             "attributes");
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return names;
}

}  // namespace npt
