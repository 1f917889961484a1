// builtin_codebooks.cpp — the codebooks compiled into the program from codebook/data/*.json.
#include <algorithm>

#include "codebook/codebook.hpp"
#include "core/error.hpp"

namespace npt::codebook {

// Defined in the generated embedded_codebooks.cpp: (name, JSON text) for each data file.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_codebooks();

std::vector<std::string> builtin_codebook_names() {
    std::vector<std::string> names;
    for (const auto& [name, text] : embedded_codebooks()) names.emplace_back(name);
    std::sort(names.begin(), names.end());
    return names;
}

Codebook builtin_codebook(const std::string& name) {
    for (const auto& [n, text] : embedded_codebooks())
        if (n == name) return parse_codebook_json(text, "built-in codebook '" + name + "'");
    std::string known;
    for (const auto& n : builtin_codebook_names()) known += (known.empty() ? "" : ", ") + n;
    throw NotFoundError("no built-in codebook '" + name + "' (built in: " + known + ")");
}

}  // namespace npt::codebook
