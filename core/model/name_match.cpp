// name_match.cpp — folding, a bounded Levenshtein distance over code points, and the walk down
// the code tree that corrects a path one name at a time.
#include "core/model/name_match.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/text/case_fold.hpp"

namespace npt {
namespace {

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0x00A0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

std::u32string without_digits(const std::u32string& s) {
    std::u32string out;
    for (char32_t c : s)
        if (c < U'0' || c > U'9') out.push_back(c);
    return out;
}

std::size_t levenshtein(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The distance that makes `given` a near miss of `existing`, or nullopt when it is not one.
std::optional<std::size_t> near_miss_distance(std::string_view given, std::string_view existing) {
    if (given == existing) return std::nullopt;
    std::u32string g = fold_name(given), e = fold_name(existing);
    if (g == e) return 0;
    if (without_digits(g) == without_digits(e)) return std::nullopt;
    std::size_t shorter = std::min(g.size(), e.size());
    std::size_t allowed = shorter >= 10 ? 2 : shorter >= 5 ? 1 : 0;
    if (allowed == 0) return std::nullopt;
    std::size_t longer = std::max(g.size(), e.size());
    if (longer - shorter > allowed) return std::nullopt;
    std::size_t d = levenshtein(g, e);
    if (d > allowed) return std::nullopt;
    return d;
}

}  // namespace

std::u32string fold_name(std::string_view name) {
    std::u32string out;
    bool pending_space = false;
    for (char32_t c : text::fold_case(name)) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(U' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

std::string spelling_key(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c == '-') c = ' ';
    for (std::size_t at; (at = out.find("ization")) != std::string::npos;) out.replace(at, 7, "isation");
    return out;
}

bool is_near_miss(std::string_view given, std::string_view existing) {
    return near_miss_distance(given, existing).has_value();
}

NameMatch match_name(std::string_view given, const std::vector<std::string>& existing) {
    NameMatch best;
    std::size_t best_distance = 0;
    for (const std::string& name : existing) {
        if (name == given) return {NameMatch::Kind::Exact, name};
        auto d = near_miss_distance(given, name);
        if (d && (best.kind == NameMatch::Kind::New || *d < best_distance)) {
            best = {NameMatch::Kind::NearMiss, name};
            best_distance = *d;
        }
    }
    return best;
}

NameMatch match_code_path(const std::vector<Code>& codes, const std::string& path) {
    std::map<CodeId, std::vector<const Code*>> children;  // parent id (0 = top level) -> codes
    for (const Code& c : codes) children[c.parent_id.value_or(CodeId{})].push_back(&c);
    std::vector<std::string> names = split_code_path(path);
    std::vector<std::string> corrected;
    bool near = false;
    CodeId parent;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::vector<std::string> siblings;
        for (const Code* c : children[parent]) siblings.push_back(c->name);
        NameMatch m = match_name(names[i], siblings);
        if (m.kind != NameMatch::Kind::Exact)
            for (const std::string& sibling : siblings)
                if (spelling_key(sibling) == spelling_key(names[i])) m = {NameMatch::Kind::Exact, sibling};
        if (m.kind == NameMatch::Kind::New) {
            if (!near) return {};
            corrected.insert(corrected.end(), names.begin() + static_cast<std::ptrdiff_t>(i), names.end());
            break;
        }
        near = near || m.kind == NameMatch::Kind::NearMiss;
        corrected.push_back(m.existing);
        for (const Code* c : children[parent])
            if (c->name == m.existing) {
                parent = c->id;
                break;
            }
    }
    return {near ? NameMatch::Kind::NearMiss : NameMatch::Kind::Exact, join_code_path(corrected)};
}

NameMatch match_code_path(Project& project, const std::string& path) {
    return match_code_path(list_codes(project), path);
}

NameMatch match_coder(Project& project, const std::string& name) {
    std::vector<std::string> names;
    for (const Coder& c : list_coders(project)) names.push_back(c.name);
    return match_name(name, names);
}

}  // namespace npt
