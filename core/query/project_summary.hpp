// project_summary.hpp — counts that `nptcoder info` and the GUI's status show.
#pragma once
#include <string>

#include "core/store/project.hpp"

namespace npt {

struct ProjectSummary {
    std::string name;
    std::string path;
    std::string created;
    int schema_version = 0;
    std::int64_t documents = 0;
    std::int64_t characters = 0;  // code points over all documents
    std::int64_t cases = 0;
    std::int64_t attributes = 0;
    std::int64_t codes = 0;
    std::int64_t coders = 0;
    std::int64_t codings = 0;
    std::int64_t memos = 0;
    std::int64_t matrices = 0;
};

ProjectSummary summarize(Project& project);

}  // namespace npt
