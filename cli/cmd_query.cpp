// cmd_query.cpp — asking the data questions: `query` (coding query), `cooccurrence`,
// `matrix-query`, `search` (full text) and `words` (word frequency in coded text).
#include "cli/cli_support.hpp"
#include "cli/print_rows.hpp"
#include "core/query/coding_query.hpp"
#include "core/query/cooccurrence.hpp"
#include "core/text/csv.hpp"
#include "core/error.hpp"
#include "core/query/full_text_search.hpp"
#include "core/query/matrix_query.hpp"
#include "core/query/word_frequency.hpp"

namespace npt::cli {
namespace {

std::vector<AttributeCondition> conditions(const std::vector<std::string>& where) {
    std::vector<AttributeCondition> out;
    for (const auto& w : where) out.push_back(parse_attribute_condition(w));
    return out;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

void add_query(CLI::App& app) {
    struct Opts {
        std::string path, query;
        QueryOptions options;
        std::vector<std::string> where;
        bool exact = false;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "query",
        "Coding query: combine codes with AND (intersection), OR (union), NOT (difference), NEAR n (within n\n"
        "  words), SAME TURN (in one speaker turn) and parentheses; rows like `code list`\n"
        "  e.g. nptcoder query study.nptq \"Coherence AND NOT Collective action/Skill set workability\"\n"
        "       nptcoder query study.nptq \"Cognitive participation/Legitimation NEAR 10 Inductive/Manager support\" --json");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("query", o->query, "The query; quote a code path that contains an operator word")->required();
    cmd->add_option("--coder", o->options.coders, "Only codings by these coders");
    cmd->add_option("--doc", o->options.documents, "Only these documents");
    cmd->add_option("--case", o->options.cases, "Only documents of these cases");
    add_where_option(cmd, o->where);
    cmd->add_flag("--exact", o->exact, "A code stands for its own codings only, not the codes below it");
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        o->options.where = conditions(o->where);
        o->options.include_descendants = !o->exact;
        Project p = open_project(o->path);
        auto hits = run_coding_query(p, o->query, o->options);
        std::string coder = join(o->options.coders, ", ");
        std::vector<Row> rows;
        for (const auto& h : hits) rows.push_back({h.document, h.span.start, h.span.end, o->query, coder, h.text, ""});
        print_rows({"doc", "start", "end", "code", "coder", "text", "memo"}, rows, o->format, [](const Row& r) {
            std::cout << r[0].get<std::string>() << " " << r[1] << "-" << r[2] << "\n    " << r[5].get<std::string>() << '\n';
        });
        if (o->format != Format::Text) return;
        std::cout << hits.size() << " passage(s) match " << describe(*parse_coding_query(o->query)) << '\n';
    });
}

void add_cooccurrence(CLI::App& app) {
    struct Opts {
        std::string path;
        CooccurrenceOptions options;
        std::vector<std::string> where;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "cooccurrence",
        "Code co-occurrence: cell (i, j) counts pairs of segments of codes i and j in one document that\n"
        "  share at least one character; the diagonal is each code's number of segments\n"
        "  e.g. nptcoder cooccurrence study.nptq --coder Amira --json");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("--code", o->options.codes, "Only these codes, in this order (default: every code)");
    cmd->add_option("--coder", o->options.coders, "Only segments by these coders");
    cmd->add_option("--doc", o->options.documents, "Only these documents");
    cmd->add_option("--case", o->options.cases, "Only documents of these cases");
    add_where_option(cmd, o->where);
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        o->options.where = conditions(o->where);
        Project p = open_project(o->path);
        auto t = code_cooccurrence(p, o->options);
        if (o->format == Format::Json) return print_json({{"codes", t.codes}, {"counts", t.counts}});
        std::vector<std::string> header{"code"};
        header.insert(header.end(), t.codes.begin(), t.codes.end());
        char delimiter = o->format == Format::Csv ? ',' : '\t';
        std::cout << csv::format_row(header, delimiter);
        for (std::size_t i = 0; i < t.codes.size(); ++i) {
            std::vector<std::string> row{t.codes[i]};
            for (auto v : t.counts[i]) row.push_back(std::to_string(v));
            std::cout << csv::format_row(row, delimiter);
        }
    });
}

void add_matrix_query(CLI::App& app) {
    struct Opts {
        std::string path, count = "segments";
        MatrixQueryOptions options;
        std::vector<std::string> where;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "matrix-query",
        "Matrix coding query: rows are cases or the values of a case attribute, columns are codes, cells\n"
        "  count coded segments, cases with any coding, or words coded\n"
        "  e.g. nptcoder matrix-query study.nptq --rows group --count cases --code Coherence --code \"Cognitive participation\" \\\n"
        "         --descendants --format csv");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("--rows", o->options.rows, "case, or the name of a case attribute (e.g. group, site)");
    cmd->add_option("--count", o->count, "segments, cases or words")->check(CLI::IsMember({"segments", "cases", "words"}));
    cmd->add_option("--code", o->options.codes, "Column codes, in order (default: every code)");
    cmd->add_flag("--descendants", o->options.include_descendants, "A column also counts the codes below its code");
    cmd->add_option("--coder", o->options.coders, "Only codings by these coders");
    add_where_option(cmd, o->where);
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        o->options.where = conditions(o->where);
        o->options.count = matrix_count_from_string(o->count);
        Project p = open_project(o->path);
        auto m = matrix_query(p, o->options);
        if (o->format == Format::Json)
            return print_json({{"rows_by", m.row_label}, {"count", o->count}, {"rows", m.rows}, {"columns", m.columns},
                               {"counts", m.counts}});
        std::vector<std::string> header{m.row_label};
        header.insert(header.end(), m.columns.begin(), m.columns.end());
        char delimiter = o->format == Format::Csv ? ',' : '\t';
        std::cout << csv::format_row(header, delimiter);
        for (std::size_t r = 0; r < m.rows.size(); ++r) {
            std::vector<std::string> row{m.rows[r]};
            for (auto v : m.counts[r]) row.push_back(std::to_string(v));
            std::cout << csv::format_row(row, delimiter);
        }
    });
}

void add_search(CLI::App& app) {
    struct Opts {
        std::string path, query;
        FullTextOptions options;
        bool substring = false;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("search",
                                   "Search the text of every document, ignoring case and accents; hits with code point\n"
                                   "  offsets and context\n"
                                   "  e.g. nptcoder search study.nptq \"waiting list\" --context 60");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("query", o->query, "Words or a phrase to find")->required();
    cmd->add_option("--context", o->options.context, "Characters of context either side (default 40)");
    cmd->add_flag("--substring", o->substring, "Match inside words too (\"hub\" finds \"hubs\")");
    cmd->add_option("--limit", o->options.limit, "Stop after this many hits");
    cmd->add_option("--doc", o->options.documents, "Only these documents");
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        o->options.whole_words = !o->substring;
        Project p = open_project(o->path);
        auto hits = search_documents(p, o->query, o->options);
        auto flat = [](std::string s) {
            for (char& c : s)
                if (c == '\n') c = ' ';
            return s;
        };
        std::vector<Row> rows;
        for (const auto& h : hits) rows.push_back({h.document, h.span.start, h.span.end, h.match, h.before, h.after});
        print_rows({"doc", "start", "end", "text", "before", "after"}, rows, o->format, [&](const Row& r) {
            std::cout << r[0].get<std::string>() << " " << r[1] << "-" << r[2] << "  ..." << flat(r[4].get<std::string>()) << "["
                      << r[3].get<std::string>() << "]" << flat(r[5].get<std::string>()) << "...\n";
        });
        if (o->format != Format::Text) return;
        std::cout << hits.size() << " hit(s)\n";
    });
}

void add_words(CLI::App& app) {
    struct Opts {
        std::string path;
        WordFrequencyOptions options;
        std::vector<std::string> where;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("words",
                                   "Word frequency in coded text (ICU word breaks, case-folded; each coded word once)\n"
                                   "  e.g. nptcoder words study.nptq --code \"Reflexive monitoring\" --descendants --stop-words --limit 20");
    cmd->add_option("project", o->path, "Project file")->required();
    add_segment_filter_options(cmd, o->options.segments, o->where);
    cmd->add_flag("--stop-words", o->options.skip_stop_words, "Leave out common English words (the, and, um, ...)");
    cmd->add_option("--min-length", o->options.min_length, "Shortest word counted, in characters");
    cmd->add_option("--limit", o->options.limit, "Only the N most frequent");
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        o->options.where = conditions(o->where);
        Project p = open_project(o->path);
        auto words = word_frequency(p, o->options);
        std::vector<Row> rows;
        for (const auto& w : words) rows.push_back({w.word, w.count, w.documents});
        if (o->format == Format::Text) std::cout << "count\tdocuments\tword\n";
        print_rows({"word", "count", "documents"}, rows, o->format, [](const Row& r) {
            std::cout << r[1] << "\t" << r[2] << "\t" << r[0].get<std::string>() << '\n';
        });
    });
}

}  // namespace

void add_query_commands(CLI::App& app) {
    add_query(app);
    add_cooccurrence(app);
    add_matrix_query(app);
    add_search(app);
    add_words(app);
}

}  // namespace npt::cli
