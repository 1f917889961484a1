// construct_confusion.hpp — where two coders' codes meet: a code × code table of the code points
// coder A coded X while coder B coded Y ("Ben used Legitimation where Amira used Enrolment"),
// with a "not coded" row and column, and the passages behind any one cell (docs/agreement.md,
// "Construct confusion"). Exact interval arithmetic: one sweep per document over both coders'
// codings of the chosen codes, so the cost grows with the codings, never with the text's length.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/agreement/coding_agreement.hpp"
#include "core/store/project.hpp"

namespace npt::agreement {

// Rows are coder A's codes, columns coder B's, both in the order of `codes`; index codes.size()
// (= not_coded()) is "not coded": none of the chosen codes by that coder at that code point.
//   cells[x][y]     (x, y codes)  code points where A has x and B has y;
//   cells[x][none]                code points where A has x and B has none of the codes;
//   cells[none][y]                code points where B has y and A has none of the codes;
//   cells[none][none]             code points of the documents in scope neither coded.
// A code point where a coder has several codes counts in each of their rows (or columns): the
// table counts pairs of codes at a code point, so its cells are not a partition of the text; the
// diagonal cells[x][x] are the code points both coders gave x.
struct ConfusionMatrix {
    std::string coder_a, coder_b;
    std::vector<std::string> codes;  // paths
    std::vector<CodeId> code_ids;    // project ids (empty for in-memory input)
    std::vector<std::vector<std::int64_t>> cells;  // (codes.size() + 1) × (codes.size() + 1)
    std::int64_t code_points = 0;    // total length of the documents in scope
    std::size_t documents = 0;       // documents in scope

    // coded_a[x]: code points coder A coded with code x, each once whatever B did (not a row sum:
    // B may hold several codes at a code point); coded_a[not_coded()]: code points A left without
    // any chosen code. The same for B. Both have codes.size() + 1 entries.
    std::vector<std::int64_t> coded_a, coded_b;

    std::size_t not_coded() const { return codes.size(); }
};

// The table from codings in memory; input.coders must be exactly two (A = coders[0]).
// Throws InputError otherwise.
ConfusionMatrix compute_confusion(const AgreementInput& input);

// The table for a project: scope.coders must be exactly two (A first); codes and documents as
// for agreement (empty codes = every code either coder used; empty documents = all). Throws
// InputError (not two coders) or as load_agreement_input.
ConfusionMatrix construct_confusion(Project& project, const AgreementScope& scope);

// One maximal stretch behind a cell.
struct ConfusionPassage {
    DocumentId document_id;  // project id (the document's index for in-memory input)
    std::string document;  // name
    std::int64_t start = 0;  // code points, end-exclusive
    std::int64_t end = 0;
    std::string text;      // the code points [start, end) ("" for in-memory input)
    std::string speaker;   // speaker of the turn where the passage starts ("" if none or unknown)
};

// The maximal stretches where cell (row, column) holds — coder A has the row's code (or none of
// the codes, row = not_coded()) and coder B has the column's — in document order then start.
// Their lengths sum to cells[row][column]. Throws InputError for a row or column out of range.
std::vector<ConfusionPassage> confusion_passages(const AgreementInput& input, std::size_t row, std::size_t column);
// The same for a project, with each passage's text and speaker.
std::vector<ConfusionPassage> confusion_passages(Project& project, const AgreementScope& scope, std::size_t row,
                                                 std::size_t column);

}  // namespace npt::agreement
