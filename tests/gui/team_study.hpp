// team_study.hpp — the small team study the team-lead GUI tests share: three transcripts coded
// by Amira, Ben and Chloe against a slice of the NPT codebook (two constructs with two
// sub-constructs each), where the coders agree, overlap, confuse sibling constructs, and where
// one transcript (p03) only Amira coded; a case "Site A" holding p01 and p02. Plus helpers to
// run the CLI on it and to read a coder's codings back through a second connection.
#pragma once
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "support/test_support.hpp"

namespace npt::test {

inline const std::string kTeamP01 =
    "Interviewer: What is the hub for?\n"
    "P01: The hub is where staff see what is different about this way of working. We talked it through together "
    "and agreed what it was for.\n";
inline const std::string kTeamP02 =
    "Interviewer: How did people join in?\n"
    "P02: Some of us signed up at once; others needed to be convinced that it was legitimate work for a nurse.\n";
inline const std::string kTeamP03 = "Interviewer: Anything else?\nP03: Only that the rota made it hard.\n";

// (document, code, coder, start, end), code points.
using TeamCoding = std::tuple<std::string, std::string, std::string, std::int64_t, std::int64_t>;

inline std::vector<TeamCoding> team_codings() {
    const std::string diff = "Coherence/Differentiation", communal = "Coherence/Communal specification";
    const std::string enrol = "Cognitive participation/Enrolment", legit = "Cognitive participation/Legitimation";
    return {
        {"p01.txt", diff, "Amira", 35, 110},   {"p01.txt", diff, "Ben", 40, 110},   {"p01.txt", diff, "Chloe", 35, 100},
        {"p01.txt", communal, "Amira", 111, 150}, {"p01.txt", communal, "Ben", 111, 140},
        {"p01.txt", "Coherence", "Chloe", 111, 150},
        {"p02.txt", enrol, "Amira", 38, 75},   {"p02.txt", legit, "Ben", 38, 75},   {"p02.txt", enrol, "Chloe", 38, 70},
        {"p02.txt", legit, "Amira", 77, 140},  {"p02.txt", legit, "Ben", 90, 140},  {"p02.txt", enrol, "Ben", 77, 89},
        {"p03.txt", diff, "Amira", 28, 60},
    };
}

inline void make_team_study(const std::filesystem::path& file) {
    Project p = Project::create(file, "team study");
    p.set_actor("Lead");
    p.action("team study", [&] {
        for (const auto& [name, text] : {std::pair{"p01.txt", kTeamP01}, std::pair{"p02.txt", kTeamP02}, std::pair{"p03.txt", kTeamP03}})
            add_document(p, {name, text, name, "text", "", {}});
        for (const char* path : {"Coherence", "Coherence/Differentiation", "Coherence/Communal specification",
                                 "Cognitive participation", "Cognitive participation/Enrolment",
                                 "Cognitive participation/Legitimation"})
            ensure_code(p, path);
        for (const char* coder : {"Amira", "Ben", "Chloe"}) ensure_coder(p, coder);
        const Case site = ensure_case(p, "Site A");
        link_document_to_case(p, require_document(p, "p01.txt").id, site.id);
        link_document_to_case(p, require_document(p, "p02.txt").id, site.id);
        for (const auto& [doc, code, coder, start, end] : team_codings())
            apply_coding(p, require_document(p, doc).id, require_code(p, code).id, require_coder(p, coder).id, {start, end});
    });
}

// Runs the CLI and parses its standard output as JSON (the test fails on a non-zero exit).
inline nlohmann::json cli_json(const std::vector<std::string>& args) {
    CommandResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

// A coder's codings as (document, code, start, end), sorted, read through a new connection.
inline std::vector<std::tuple<std::string, std::string, std::int64_t, std::int64_t>> codings_of(
    const std::filesystem::path& file, const std::string& coder) {
    Project p = Project::open(file);
    std::vector<std::tuple<std::string, std::string, std::int64_t, std::int64_t>> out;
    auto c = find_coder(p, coder);
    if (!c) return out;
    for (const DocumentInfo& d : list_documents(p))
        for (const Coding& k : codings_in_document(p, d.id))
            if (k.coder_id == c->id) out.emplace_back(d.name, code_by_id(p, k.code_id).path, k.start, k.end);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace npt::test
