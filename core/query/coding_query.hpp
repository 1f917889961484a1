// coding_query.hpp — the coding query: Boolean and proximity combinations of codes over the text
// they cover, e.g. "Coherence AND NOT Collective action/Skill set workability".
//
// Grammar (operators in capitals; everything between operators is a code path, or put a path in
// double quotes when it contains an operator word):
//   query  := or
//   or     := and ("OR" and)*
//   and    := near ("AND" near)*
//   near   := unary (("NEAR" n | "NEAR/n" | "SAME TURN" | "SAMETURN") unary)*
//   unary  := "NOT" unary | "(" query ")" | CODE-PATH
// A code stands for the code points its codings cover in each document (with the codes below it
// unless QueryOptions::include_descendants is false). AND = intersection, OR = union,
// NOT = difference from the whole document, A NEAR n B = the runs of A with a run of B at most n
// words away and the runs of B with a run of A at most n words away (overlapping or touching = 0
// words), A SAME TURN B = the runs of A and of B lying in a speaker turn that both occur in.
// Results are maximal runs of code points. Offsets are code points, end-exclusive.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/query/retrieval.hpp"

namespace npt {

struct QueryNode {
    enum class Kind { Code, And, Or, Not, Near, SameTurn };
    Kind kind = Kind::Code;
    std::string code;            // Kind::Code: the path as written
    std::int64_t words = 0;      // Kind::Near: the n in NEAR n
    std::unique_ptr<QueryNode> left, right;  // Not uses left only
};

// Parses a query. Throws InputError naming the query and the position of the problem.
std::unique_ptr<QueryNode> parse_coding_query(const std::string& query);
// The parsed query written back in canonical form, fully parenthesised ("(A AND (NOT B))").
std::string describe(const QueryNode& node);

struct QueryOptions {
    std::vector<std::string> coders;     // only codings by these coders (empty = every coder)
    std::vector<std::string> documents;  // only these documents (empty = all)
    std::vector<std::string> cases;      // only documents of these cases
    std::vector<AttributeCondition> where;
    bool include_descendants = true;     // a code also stands for the codes below it
};

struct QueryHit {
    DocumentId document_id;
    std::string document;
    Span span;
    std::string text;  // exactly the code points of span
};

// Runs a query over every document in scope; hits in document-name then offset order. Throws
// InputError (bad query), NotFoundError (unknown code, coder, document, case or attribute).
std::vector<QueryHit> run_coding_query(Project& project, const std::string& query, const QueryOptions& options = {});

}  // namespace npt
