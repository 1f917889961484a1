// synthetic_corpus.cpp — word lists, turn structure and coding placement for the generator.
#include "corpus/synthetic_corpus.hpp"

#include <algorithm>
#include <random>

#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::bench {
namespace {

const std::vector<std::string> kPlainWords = {
    "the", "hub", "staff", "we", "it", "was", "really", "support", "team", "manager", "referral", "service",
    "wellbeing", "people", "time", "felt", "because", "and", "they", "work", "shift", "ward", "session",
    "helpful", "phone", "call", "waiting", "list", "know", "think", "just", "like", "you", "about", "what",
    "colleagues", "confidential", "trust", "psychologist", "pandemic", "stress", "burnout", "after", "then"};
const std::vector<std::string> kUnicodeWords = {
    "café", "naïve", "résumé", "Zoë", "São", "straße", "ψυχή", "υγεία", "здоровье", "помощь", "支持",
    "医院", "同事", "دعم", "مستشفى", "שלום", "😀", "👩🏽‍⚕️", "e\u0301te\u0301", "Ångström", "fiancée"};
const std::vector<std::string> kConstructs = {"Coherence", "Cognitive participation", "Collective action",
                                              "Reflexive monitoring"};
const std::vector<std::vector<std::string>> kSubConstructs = {
    {"Differentiation", "Communal specification", "Individual specification", "Internalisation"},
    {"Initiation", "Enrolment", "Legitimation", "Activation"},
    {"Interactional workability", "Relational integration", "Skill set workability", "Contextual integration"},
    {"Systematisation", "Communal appraisal", "Individual appraisal", "Reconfiguration"}};

}  // namespace

std::size_t Corpus::total_bytes() const {
    std::size_t n = 0;
    for (auto& d : documents) n += d.text.size();
    return n;
}

Corpus make_corpus(const CorpusSpec& spec) {
    std::mt19937_64 rng(spec.seed);
    Corpus corpus;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto pick = [&](const std::vector<std::string>& v) -> const std::string& {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
    };
    std::uniform_int_distribution<int> turn_words(8, 60);
    for (int d = 0; d < spec.documents; ++d) {
        SyntheticDocument doc;
        char name[32];
        std::snprintf(name, sizeof name, "doc%05d.txt", d);
        doc.name = name;
        int written = 0;
        bool interviewer = true;
        while (written < spec.words_per_document) {
            doc.text += interviewer ? "Interviewer: " : "P" + std::to_string(d % 100) + ": ";
            int n = std::min(turn_words(rng), spec.words_per_document - written);
            for (int w = 0; w < n; ++w) {
                if (w) doc.text += ' ';
                doc.text += unit(rng) < spec.unicode_share ? pick(kUnicodeWords) : pick(kPlainWords);
            }
            doc.text += ".\n";
            written += n;
            interviewer = !interviewer;
        }
        doc.text = text::to_nfc(doc.text);
        doc.length = static_cast<std::int64_t>(text::count_code_points(doc.text));
        corpus.documents.push_back(std::move(doc));
    }
    for (int c = 0; c < spec.codes; ++c) {
        if (c < 4) corpus.code_paths.push_back(kConstructs[static_cast<std::size_t>(c)]);
        else if (c < 20) corpus.code_paths.push_back(kConstructs[static_cast<std::size_t>((c - 4) / 4)] + "/" +
                                                     kSubConstructs[static_cast<std::size_t>((c - 4) / 4)][static_cast<std::size_t>((c - 4) % 4)]);
        else corpus.code_paths.push_back("Inductive/Theme " + std::to_string(c - 19));
    }
    for (int k = 0; k < spec.coders; ++k) corpus.coders.push_back("Coder " + std::string(1, static_cast<char>('A' + k % 26)) + (k >= 26 ? std::to_string(k) : ""));
    if (spec.documents > 0) {
        std::uniform_int_distribution<int> doc_dist(0, spec.documents - 1);
        std::uniform_int_distribution<int> code_dist(0, std::max(0, spec.codes - 1));
        std::uniform_int_distribution<int> coder_dist(0, std::max(0, spec.coders - 1));
        std::geometric_distribution<int> len_dist(1.0 / (spec.mean_coding_words * 6.0));
        for (std::int64_t i = 0; i < spec.codings; ++i) {
            SyntheticCoding c;
            c.document = doc_dist(rng);
            std::int64_t length = corpus.documents[static_cast<std::size_t>(c.document)].length;
            if (length < 2) continue;
            std::int64_t len = std::clamp<std::int64_t>(len_dist(rng) + 1, 1, length);
            c.start = std::uniform_int_distribution<std::int64_t>(0, length - len)(rng);
            c.end = c.start + len;
            c.code = code_dist(rng);
            c.coder = coder_dist(rng);
            corpus.codings.push_back(c);
        }
    }
    return corpus;
}

std::vector<DocumentId> load_corpus(Project& project, const Corpus& corpus) {
    std::vector<DocumentId> doc_ids;
    project.action("Load synthetic corpus", [&] {
        for (const auto& d : corpus.documents) doc_ids.push_back(add_document(project, {d.name, d.text, d.name, "text", "", {}}).id);
        std::vector<CodeId> code_ids;
        std::vector<CoderId> coder_ids;
        for (const auto& p : corpus.code_paths) code_ids.push_back(ensure_code(project, p).id);
        for (const auto& c : corpus.coders) coder_ids.push_back(ensure_coder(project, c).id);
        for (const auto& c : corpus.codings)
            apply_coding(project, doc_ids[static_cast<std::size_t>(c.document)], code_ids[static_cast<std::size_t>(c.code)],
                         coder_ids[static_cast<std::size_t>(c.coder)], {c.start, c.end});
    });
    return doc_ids;
}

}  // namespace npt::bench
