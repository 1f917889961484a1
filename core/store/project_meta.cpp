// project_meta.cpp — project_meta reads and writes by key.
#include "core/store/project_meta.hpp"

#include "core/detail/db_access.hpp"

namespace npt {

void set_meta(Project& project, const std::string& key, const std::string& value) {
    sqlite::Statement st(project.db(), "INSERT OR REPLACE INTO project_meta(key, value) VALUES(?, ?)");
    st.bind(1, key).bind(2, value).run();
}

std::vector<std::pair<std::string, std::string>> meta_with_prefix(Project& project, const std::string& prefix) {
    // substr rather than LIKE, so '%' and '_' in the prefix are not wildcards.
    sqlite::Statement st(project.db(),
                         "SELECT key, value FROM project_meta WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key");
    st.bind(1, prefix);
    std::vector<std::pair<std::string, std::string>> out;
    while (st.step()) out.emplace_back(st.text(0), st.text(1));
    return out;
}

}  // namespace npt
