// random_study.hpp — a seeded random project for the query tests (retrieval, coding query,
// co-occurrence, matrix query, word frequency, search): documents of known words at known code
// point offsets with speaker turns, cases with attributes, a small code tree, two coders and
// random codings. The tests compute their expected answers from this ground truth by brute force.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/detail/db_access.hpp"
#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/text/utf8_text.hpp"
#include "support/test_support.hpp"

namespace npt::test {

struct KnownWord {
    Span span;               // code points in the document
    std::string text;        // as written
    std::string case_folded; // what word frequency counts it as
    std::string search_key;  // case- and accent-folded (what search matches on)
};

struct StudyDocument {
    DocumentId id;
    std::string name;
    std::string text;
    std::int64_t length = 0;
    std::vector<KnownWord> words;
    std::vector<SpeakerTurn> turns;
    std::string case_name;
};

struct StoredCoding {
    CodingId id;
    std::size_t doc = 0;  // index into documents
    std::string code;     // path
    std::string coder;
    std::int64_t start = 0, end = 0;
};

struct RandomStudy {
    std::vector<StudyDocument> documents;
    std::vector<std::string> codes = {"A", "A/a1", "A/a2", "B", "B/b1", "C"};
    std::vector<std::string> coders = {"K1", "K2"};
    std::map<std::string, std::map<std::string, std::string>> case_values;  // case -> attribute -> value
    std::vector<StoredCoding> codings;  // as stored after the coding rule

    // Bool-per-code-point coverage of document d by the listed codes (and coders, if non-empty).
    std::vector<char> covered(std::size_t d, const std::vector<std::string>& code_paths,
                              const std::vector<std::string>& coder_names = {}) const {
        std::vector<char> out(static_cast<std::size_t>(documents[d].length), 0);
        for (const StoredCoding& c : codings) {
            if (c.doc != d) continue;
            if (std::find(code_paths.begin(), code_paths.end(), c.code) == code_paths.end()) continue;
            if (!coder_names.empty() && std::find(coder_names.begin(), coder_names.end(), c.coder) == coder_names.end()) continue;
            for (auto i = c.start; i < c.end; ++i) out[static_cast<std::size_t>(i)] = 1;
        }
        return out;
    }
    // The code and every code whose path starts with "code/".
    std::vector<std::string> with_descendants(const std::string& code) const {
        std::vector<std::string> out;
        for (const auto& c : codes)
            if (c == code || c.rfind(code + "/", 0) == 0) out.push_back(c);
        return out;
    }
    std::size_t doc_index(const std::string& name) const {
        for (std::size_t i = 0; i < documents.size(); ++i)
            if (documents[i].name == name) return i;
        ADD_FAILURE() << "no document " << name;
        return 0;
    }
};

// Maximal runs of true.
inline std::vector<Span> runs_of(const std::vector<char>& bits) {
    std::vector<Span> out;
    for (std::size_t i = 0; i < bits.size();) {
        if (!bits[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < bits.size() && bits[j]) ++j;
        out.push_back({static_cast<std::int64_t>(i), static_cast<std::int64_t>(j)});
        i = j;
    }
    return out;
}

inline RandomStudy make_random_study(Project& project, std::uint64_t seed, int documents = 6, int words_per_doc = 220,
                                     int codings = 160) {
    struct Variant { const char* text; const char* folded; const char* key; };
    static const std::vector<Variant> vocabulary = {
        {"hub", "hub", "hub"},           {"Hub", "hub", "hub"},           {"HUB", "hub", "hub"},
        {"staff", "staff", "staff"},     {"Staff", "staff", "staff"},     {"waiting", "waiting", "waiting"},
        {"list", "list", "list"},        {"List", "list", "list"},        {"café", "café", "cafe"},
        {"Café", "café", "cafe"},        {"cafe", "cafe", "cafe"},        {"naïve", "naïve", "naive"},
        {"NAÏVE", "naïve", "naive"},     {"Ψυχή", "ψυχή", "ψυχη"},        {"ψυχή", "ψυχή", "ψυχη"},
        {"здоровье", "здоровье", "здоровье"}, {"Здоровье", "здоровье", "здоровье"}, {"support", "support", "support"},
        {"the", "the", "the"},           {"The", "the", "the"},           {"and", "and", "and"},
        {"manager", "manager", "manager"}};
    std::mt19937_64 rng(seed);
    auto uniform = [&](std::int64_t lo, std::int64_t hi) { return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng); };
    RandomStudy study;
    for (const auto& c : study.codes) ensure_code(project, c);
    for (const auto& k : study.coders) ensure_coder(project, k);
    ensure_attribute(project, "group", AttributeType::Text);
    ensure_attribute(project, "site", AttributeType::Text);
    const std::vector<std::string> groups = {"Hub client", "Hub staff", "Non-user"};
    const std::vector<std::string> sites = {"North", "East"};

    for (int d = 0; d < documents; ++d) {
        StudyDocument doc;
        doc.name = "doc" + std::to_string(d) + ".txt";
        std::string participant = "P0" + std::to_string(d + 1);
        std::int64_t pos = 0;
        int written = 0;
        bool interviewer = true;
        auto append = [&](const std::string& piece) {
            std::string nfc = text::to_nfc(piece);
            doc.text += nfc;
            pos += static_cast<std::int64_t>(text::count_code_points(nfc));
        };
        while (written < words_per_doc) {
            SpeakerTurn turn;
            turn.start = pos;
            std::string label = interviewer ? "Interviewer" : participant;
            doc.words.push_back({{pos, pos + static_cast<std::int64_t>(label.size())}, label,
                                 interviewer ? "interviewer" : "p0" + std::to_string(d + 1),
                                 interviewer ? "interviewer" : "p0" + std::to_string(d + 1)});
            append(label + ": ");
            auto n = uniform(3, 25);
            for (std::int64_t w = 0; w < n; ++w) {
                const Variant& v = vocabulary[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(vocabulary.size()) - 1))];
                if (w) append(" ");
                std::string t = text::to_nfc(v.text);
                std::int64_t len = static_cast<std::int64_t>(text::count_code_points(t));
                doc.words.push_back({{pos, pos + len}, t, text::to_nfc(v.folded), text::to_nfc(v.key)});
                append(t);
            }
            append(".");
            turn.end = pos;
            turn.speaker = label;
            doc.turns.push_back(turn);
            append("\n");
            written += static_cast<int>(n);
            interviewer = !interviewer;
        }
        doc.length = pos;
        NewDocument nd{doc.name, doc.text, doc.name, "text", "", doc.turns};
        doc.id = add_document(project, nd).id;
        doc.case_name = participant;
        Case c = ensure_case(project, participant);
        link_document_to_case(project, doc.id, c.id);
        std::string group = groups[static_cast<std::size_t>(d) % groups.size()];
        std::string site = sites[static_cast<std::size_t>(uniform(0, 1))];
        set_case_value(project, c.id, find_attribute(project, "group")->id, group);
        set_case_value(project, c.id, find_attribute(project, "site")->id, site);
        study.case_values[participant] = {{"group", group}, {"site", site}};
        study.documents.push_back(std::move(doc));
    }
    std::vector<CodingRequest> requests;
    for (int i = 0; i < codings; ++i) {
        const StudyDocument& doc = study.documents[static_cast<std::size_t>(uniform(0, documents - 1))];
        std::int64_t start = uniform(0, doc.length - 2);
        std::int64_t end = std::min(doc.length, start + uniform(1, 120));
        requests.push_back({doc.name, start, end, study.codes[static_cast<std::size_t>(uniform(0, 5))],
                            study.coders[static_cast<std::size_t>(uniform(0, 1))], "", ""});
    }
    apply_codings(project, requests, CodingOptions{true, false});
    // Read back what the coding rule stored, straight from the table.
    std::map<DocumentId, std::size_t> doc_index;
    for (std::size_t i = 0; i < study.documents.size(); ++i) doc_index[study.documents[i].id] = i;
    sqlite::Statement st(project.db(), "SELECT id, document_id, code_id, coder_id, start, end FROM coding ORDER BY id");
    while (st.step()) {
        study.codings.push_back({st.id<CodingId>(0), doc_index.at(st.id<DocumentId>(1)), code_by_id(project, st.id<CodeId>(2)).path, "",
                                 st.int64(4), st.int64(5)});
        sqlite::Statement who(project.db(), "SELECT name FROM coder WHERE id = ?");
        who.bind(1, st.int64(3));
        who.step();
        study.codings.back().coder = who.text(0);
    }
    return study;
}

}  // namespace npt::test
