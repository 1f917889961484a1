// document_names.cpp — expanding --docs: exact names first, then comma-separated names and globs.
#include "cli/document_names.hpp"

#include <fnmatch.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/model/documents.hpp"

namespace npt::cli {

std::vector<std::string> expand_document_names(Project& project, const std::vector<std::string>& given) {
    if (given.empty()) return {};
    std::vector<std::string> names;
    for (const DocumentInfo& d : list_documents(project)) names.push_back(d.name);
    std::vector<std::string> out;
    auto add = [&](const std::string& name) {
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    };
    for (const std::string& value : given) {
        if (std::find(names.begin(), names.end(), value) != names.end()) {
            add(value);  // a name with a comma in it stays whole
            continue;
        }
        std::size_t from = 0;
        while (from <= value.size()) {
            std::size_t comma = value.find(',', from);
            std::string part = value.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
            from = comma == std::string::npos ? value.size() + 1 : comma + 1;
            if (part.empty()) continue;
            if (part.find_first_of("*?[") == std::string::npos) {
                add(part);
                continue;
            }
            bool matched = false;
            for (const std::string& name : names)
                if (::fnmatch(part.c_str(), name.c_str(), 0) == 0) {
                    add(name);
                    matched = true;
                }
            if (!matched) throw NotFoundError("no document matches '" + part + "'");
        }
    }
    return out;
}

}  // namespace npt::cli
