// synthetic_corpus.hpp — a seeded generator of interview-like documents (speaker turns, a mix of
// Latin, accented, Greek, Cyrillic, CJK, Arabic and emoji words), an NPT-shaped code tree, coders
// and codings, for benchmarks and property tests. Same spec and seed, same corpus.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt::bench {

struct CorpusSpec {
    std::uint64_t seed = 42;
    int documents = 100;
    int words_per_document = 2000;
    double unicode_share = 0.1;  // share of words drawn from non-ASCII scripts
    int codes = 20;              // the first 20 follow NPT's constructs and sub-constructs
    int coders = 3;
    std::int64_t codings = 10000;
    int mean_coding_words = 25;
};

struct SyntheticDocument {
    std::string name;
    std::string text;          // NFC, LF line endings
    std::int64_t length = 0;   // code points
};

struct SyntheticCoding {
    int document = 0;  // index into documents
    std::int64_t start = 0;
    std::int64_t end = 0;
    int code = 0;   // index into code_paths
    int coder = 0;  // index into coders
};

struct Corpus {
    std::vector<SyntheticDocument> documents;
    std::vector<std::string> code_paths;
    std::vector<std::string> coders;
    std::vector<SyntheticCoding> codings;
    std::size_t total_bytes() const;
};

Corpus make_corpus(const CorpusSpec& spec);

// Writes the corpus into a project: documents one action each, then all codings in one action
// (the coding rule may join overlapping codings of one code and coder). Returns document ids.
std::vector<DocumentId> load_corpus(Project& project, const Corpus& corpus);

}  // namespace npt::bench
