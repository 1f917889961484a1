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

bool names_builtin_construct(const std::vector<std::string>& paths) {
    for (const std::string& name : builtin_codebook_names()) {
        const Codebook book = builtin_codebook(name);
        for (const std::string& given : paths) {
            const std::string path = join_code_path(split_code_path(given));
            for (const CodebookCode& c : book.codes)
                if (c.path.size() > path.size() && c.path.compare(0, path.size() + 1, path + "/") == 0) return true;
        }
    }
    return false;
}

}  // namespace npt::codebook
