// matrix_query.hpp — the matrix coding query: rows are cases (or the values of a case attribute),
// columns are codes, and each cell counts what those cases' documents hold for that code: coded
// segments, cases with any coding, or words coded. The counts the matrix exports draw on.
#pragma once
#include <string>
#include <vector>

#include "core/query/retrieval.hpp"

namespace npt {

enum class MatrixCount {
    Segments,  // codings of the column's code(s) in the row's documents (each coding once per row)
    Cases,     // cases of the row with at least one such coding in their documents
    Words,     // words (ICU word breaks) of the row's documents sharing a code point with such a coding,
               // each word of each document counted once per row
};
const char* to_string(MatrixCount count);
MatrixCount matrix_count_from_string(const std::string& name);  // InputError

struct MatrixQueryOptions {
    std::string rows = "case";           // "case", or the name of a case attribute
    MatrixCount count = MatrixCount::Segments;
    std::vector<std::string> codes;      // column code paths (empty = every code, tree order)
    bool include_descendants = false;    // a column also counts the codes below its code
    std::vector<std::string> coders;     // only codings by these coders (empty = all)
    std::vector<AttributeCondition> where;  // only cases meeting these conditions
};

struct MatrixQueryResult {
    std::string row_label;                          // "case" or the attribute name
    std::vector<std::string> rows;                  // case names, or attribute values (sorted)
    std::vector<std::string> columns;               // code paths
    std::vector<std::vector<std::int64_t>> counts;  // counts[row][column]
};

// Rows by attribute: one per distinct value, in text order; cases without a value are left out.
// Throws NotFoundError for an unknown attribute, code or coder.
MatrixQueryResult matrix_query(Project& project, const MatrixQueryOptions& options = {});

}  // namespace npt
