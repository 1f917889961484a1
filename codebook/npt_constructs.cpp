// npt_constructs.cpp — NPT's constructs read from the built-in NPT codebook's data, and the
// default matrix columns they give in a project.
#include "codebook/npt_constructs.hpp"

#include "codebook/codebook.hpp"
#include "core/model/codes.hpp"

namespace npt::codebook {

const std::vector<std::string>& npt_construct_paths() {
    static const std::vector<std::string> paths = builtin_codebook("npt").constructs;
    return paths;
}

std::vector<std::string> npt_default_columns(Project& project, bool sub_constructs) {
    std::vector<std::string> out;
    std::vector<Code> all = sub_constructs ? list_codes(project) : std::vector<Code>{};
    for (const std::string& path : npt_construct_paths()) {
        auto construct = find_code(project, path);
        if (!construct) continue;
        if (!sub_constructs) {
            out.push_back(construct->path);
            continue;
        }
        for (const Code& c : all)
            if (c.parent_id == construct->id) out.push_back(c.path);
    }
    return out;
}

}  // namespace npt::codebook
