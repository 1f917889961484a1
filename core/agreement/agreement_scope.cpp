// agreement_scope.cpp — documents every coder coded; a code's path with its descendants' paths.
#include "core/agreement/agreement_scope.hpp"

#include <algorithm>
#include <cstdint>
#include <set>

#include "core/model/codes.hpp"

namespace npt::agreement {

std::vector<std::string> documents_coded_by_all(const AgreementInput& input) {
    // Bit i of coded[d] is set when coder i has a coding in document d.
    std::vector<std::uint32_t> coded(input.documents.size(), 0);
    for (const AgreementCoding& c : input.codings)
        coded[static_cast<std::size_t>(c.document)] |= 1u << c.coder;
    const std::uint32_t all = input.coders.size() >= 32 ? ~0u : (1u << input.coders.size()) - 1;
    std::vector<std::string> names;
    for (std::size_t d = 0; d < input.documents.size(); ++d)
        if (coded[d] == all) names.push_back(input.documents[d]);
    return names;
}

std::vector<std::string> code_paths_with_descendants(Project& project, const std::string& path) {
    const Code root = require_code(project, path);
    const std::vector<CodeId> ids = code_and_descendants(project, root.id);
    const std::set<CodeId> wanted(ids.begin(), ids.end());
    std::vector<std::string> paths;
    for (const Code& c : list_codes(project))
        if (wanted.count(c.id)) paths.push_back(c.path);
    return paths;
}

}  // namespace npt::agreement
