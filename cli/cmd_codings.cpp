// cmd_codings.cpp — `code add|remove|list`: applying codes to spans and getting coded text back.
#include <algorithm>
#include <limits>

#include "cli/cli_support.hpp"
#include "cli/print_rows.hpp"
#include "core/model/codings.hpp"
#include "core/text/csv.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/model/in_vivo.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/name_match.hpp"
#include "core/model/quote_span.hpp"
#include "core/query/retrieval.hpp"
#include "importers/codings_csv.hpp"

namespace npt::cli {
namespace {

// An offset option not given on the command line.
constexpr std::int64_t kUnset = std::numeric_limits<std::int64_t>::min();

struct SpanOptions {
    std::string path, doc, code, coder, memo, from, snap = "none", quote;
    std::int64_t start = kUnset, end = kUnset;
    int occurrence = 0;
    bool strict = false, json = false;
};

void add_span_options(CLI::App* cmd, SpanOptions& o, bool with_memo) {
    cmd->add_option("project", o.path, "Project file")->required();
    cmd->add_option("--doc", o.doc, "Document name");
    cmd->add_option("--start", o.start, "First code point (0-based)");
    cmd->add_option("--end", o.end, "Code point after the last (end-exclusive)");
    cmd->add_option("--code", o.code, "Code path, e.g. Coherence/Differentiation");
    cmd->add_option("--coder", o.coder, "Coder's name");
    if (with_memo) cmd->add_option("--memo", o.memo, "Memo to attach to the coding");
    cmd->add_option("--from", o.from, "CSV file with header doc,start,end,code,coder[,memo]: all rows in one transaction");
    cmd->add_option("--snap", o.snap, "Snap spans to whole words: none or words")->check(CLI::IsMember({"none", "words"}));
    cmd->add_flag("--strict", o.strict, "Refuse unknown codes and coders instead of creating them");
    cmd->add_option("--quote", o.quote,
                    "The span is where this text occurs in --doc (found as `search` finds it), instead of --start/--end");
    cmd->add_option("--occurrence", o.occurrence, "With --quote: its N-th occurrence (needed when it occurs more than once)")
        ->check(CLI::PositiveNumber);
}

// The requests of one command line: offsets as given (CLI11 has already refused non-numbers), or
// found by --quote.
std::vector<CodingRequest> requests_from(Project& p, const SpanOptions& o) {
    if (!o.from.empty()) {
        if (!o.doc.empty() || o.start != kUnset || o.end != kUnset || !o.code.empty() || !o.quote.empty())
            throw InputError("use either --from FILE.csv or --doc/--start/--end/--code, not both");
        return importers::read_codings_csv(o.from);
    }
    std::vector<std::string> missing;
    if (o.doc.empty()) missing.push_back("--doc");
    if (o.quote.empty()) {
        if (o.start == kUnset) missing.push_back("--start");
        if (o.end == kUnset) missing.push_back("--end");
    }
    if (o.code.empty()) missing.push_back("--code");
    if (o.coder.empty()) missing.push_back("--coder");
    if (!missing.empty()) {
        std::string list;
        for (std::size_t i = 0; i < missing.size(); ++i) list += (i ? ", " : "") + missing[i];
        throw InputError("missing " + list + " (a span needs --doc, --start and --end or --quote, --code and --coder; or --from FILE.csv)");
    }
    if (o.occurrence && o.quote.empty()) throw InputError("--occurrence goes with --quote");
    if (!o.quote.empty()) {
        if (o.start != kUnset || o.end != kUnset) throw InputError("use either --quote or --start/--end, not both");
        Span s = find_quote(p, o.doc, o.quote, o.occurrence);
        return {CodingRequest{o.doc, s.start, s.end, o.code, o.coder, o.memo, ""}};
    }
    if (o.start < 0 || o.end < 0)
        throw InputError(std::string(o.start < 0 ? "--start " + std::to_string(o.start) : "--end " + std::to_string(o.end)) +
                         " is negative: offsets are code points counted from 0");
    return {CodingRequest{o.doc, o.start, o.end, o.code, o.coder, o.memo, ""}};
}

// The codes and coders the requests would create, in first-use order.
struct NewNames {
    std::vector<std::string> codes, coders;
};

std::string at_origin(const CodingRequest& r) { return r.origin.empty() ? "" : r.origin + ": "; }

// Refuses (InputError, "did you mean …?") a code or coder that is a near miss of an existing one
// or of a new one an earlier request makes; returns the genuinely new names. --strict refuses
// those too.
NewNames check_new_names(Project& p, const std::vector<CodingRequest>& requests, bool strict) {
    const std::vector<Code> codes = list_codes(p);
    std::vector<std::string> coders;
    for (const Coder& c : list_coders(p)) coders.push_back(c.name);
    NewNames made;
    auto refuse = [](const CodingRequest& r, const std::string& what, const std::string& given, const std::string& meant) {
        throw InputError(at_origin(r) + "no " + what + " '" + given + "'; did you mean '" + meant + "'? (to create it anyway, " +
                         (what == "code" ? "add it first with `codebook add`)" : "add it first with `coder add`)"));
    };
    for (const CodingRequest& r : requests) {
        std::string path;
        try {
            path = join_code_path(split_code_path(r.code));
        } catch (const InputError& e) {
            throw InputError(at_origin(r) + e.what());
        }
        if (std::find(made.codes.begin(), made.codes.end(), path) == made.codes.end()) {
            NameMatch m = match_code_path(codes, path);
            if (m.kind == NameMatch::Kind::New) m = match_name(path, made.codes);
            if (m.kind == NameMatch::Kind::NearMiss) refuse(r, "code", r.code, m.existing);
            if (m.kind == NameMatch::Kind::New) {
                if (strict) throw NotFoundError(at_origin(r) + "no code '" + r.code + "' in the codebook (--strict)");
                made.codes.push_back(path);
            }
        }
        NameMatch m = match_name(r.coder, coders);
        if (m.kind == NameMatch::Kind::NearMiss) refuse(r, "coder", r.coder, m.existing);
        if (m.kind == NameMatch::Kind::New) {
            if (strict) throw NotFoundError(at_origin(r) + "no coder named '" + r.coder + "' (--strict)");
            made.coders.push_back(r.coder);
            coders.push_back(r.coder);
        }
    }
    return made;
}

// One line on stderr naming each kind of name that was created.
void announce_new_names(const NewNames& made) {
    auto line = [](const char* one, const char* many, const std::vector<std::string>& names) {
        if (names.empty()) return;
        std::cerr << "nptcoder: created new " << (names.size() == 1 ? one : many) << ": ";
        for (std::size_t i = 0; i < names.size(); ++i) std::cerr << (i ? ", '" : "'") << names[i] << "'";
        std::cerr << '\n';
    };
    line("code", "codes", made.codes);
    line("coder", "coders", made.coders);
}

}  // namespace

void add_coding_commands(CLI::App& app) {
    auto* code = app.add_subcommand("code", "Apply codes to spans of text, remove them, and list coded segments");
    code->require_subcommand(1);
    {
        auto o = std::make_shared<SpanOptions>();
        auto* cmd = code->add_subcommand(
            "add", "Code a span (overlapping or touching spans of the same code and coder join into one)\n"
                   "  e.g. nptcoder code add study.nptq --doc p01.txt --start 120 --end 245 \\\n"
                   "         --code Coherence/Differentiation --coder Amira");
        add_span_options(cmd, *o, true);
        cmd->add_flag("--json", o->json, "Print the resulting codings (id, doc, start, end, code, coder) as JSON");
        cmd->callback([o] {
            Project p = open_project(o->path);
            auto requests = requests_from(p, *o);
            CodingOptions options{o->strict, o->snap == "words"};
            const NewNames made = check_new_names(p, requests, o->strict);
            auto codings = apply_codings(p, requests, options);
            announce_new_names(made);
            if (o->json) {
                nlohmann::json out = nlohmann::json::array();
                for (std::size_t i = 0; i < codings.size(); ++i)
                    out.push_back({{"id", codings[i].id}, {"doc", requests[i].document}, {"start", codings[i].start},
                                   {"end", codings[i].end}, {"code", requests[i].code}, {"coder", requests[i].coder}});
                return print_json(out);
            }
            if (codings.size() == 1) {
                std::cout << "Coded " << requests[0].document << " " << codings[0].start << "-" << codings[0].end
                          << " with " << requests[0].code << " (coding " << codings[0].id << ")\n";
                return;
            }
            std::cout << "Applied " << codings.size() << " codings in one transaction (coding ids ";
            for (std::size_t i = 0; i < codings.size() && i < 20; ++i) std::cout << (i ? ", " : "") << codings[i].id;
            std::cout << (codings.size() > 20 ? ", ...; --json lists every one" : "") << ")\n";
        });
    }
    {
        auto o = std::make_shared<SpanOptions>();
        auto* cmd = code->add_subcommand("remove", "Remove a code from a span (shrinks, splits or deletes codings)\n"
                                                   "  e.g. nptcoder code remove study.nptq --doc p01.txt --start 150 --end 160 "
                                                   "--code Coherence/Differentiation --coder Amira");
        add_span_options(cmd, *o, false);
        cmd->callback([o] {
            Project p = open_project(o->path);
            auto requests = requests_from(p, *o);
            int changed = remove_codings(p, requests, CodingOptions{true, o->snap == "words"});
            if (changed == 0) throw InputError("no coding of that code by that coder overlaps the span");
            std::cout << "Changed " << changed << " coding(s)\n";
        });
    }
    {
        struct Opts {
            std::string path;
            SegmentFilter filter;
            std::vector<std::string> where;
            std::int64_t context = 0;
            bool speaker = false;
            bool raw = false;
            Format format;
        };
        auto o = std::make_shared<Opts>();
        auto* cmd = code->add_subcommand("list", "List coded segments with their exact text and coding id (for memo add --on coding, matrix link)\n"
                                                 "  e.g. nptcoder code list study.nptq --code Coherence --descendants --format csv\n"
                                                 "       nptcoder code list study.nptq --code Cognitive\\ participation/Legitimation --descendants \\\n"
                                                 "         --where \"group=Hub client\" --speaker --context 80");
        cmd->add_option("project", o->path, "Project file")->required();
        add_segment_filter_options(cmd, o->filter, o->where);
        cmd->add_option("--context", o->context, "Also show this many characters before and after each segment");
        cmd->add_flag("--speaker", o->speaker, "Also show the speaker of each segment");
        add_format_options(cmd, o->format);
        cmd->add_flag("--raw", o->raw, "CSV: write cells as stored (no \"'\" before cells starting with = + - @)");
        cmd->callback([o] {
            Project p = open_project(o->path);
            const csv::Cells cells = o->raw ? csv::Cells::Raw : csv::Cells::Neutralised;
            RetrievalFilter filter{o->filter, {}, o->context};
            for (const auto& w : o->where) filter.where.push_back(parse_attribute_condition(w));
            auto segments = retrieve_segments(p, filter);
            bool context = o->context > 0;
            std::vector<std::string> columns{"id", "doc", "start", "end", "code", "coder", "text", "memo"};
            if (o->speaker) columns.push_back("speaker");
            if (context) columns.insert(columns.end(), {"before", "after"});
            if (o->format != Format::Text) {
                std::vector<Row> rows;
                for (auto& r : segments) {
                    const CodedSegment& s = r.segment;
                    Row row{s.coding.id, s.document, s.coding.start, s.coding.end, s.code, s.coder, s.text, s.memo};
                    if (o->speaker) row.push_back(r.speaker);
                    if (context) row.insert(row.end(), {r.before, r.after});
                    rows.push_back(std::move(row));
                }
                return print_rows(columns, rows, o->format, {}, cells);
            }
            for (auto& r : segments) {
                const CodedSegment& s = r.segment;
                std::cout << s.document << " " << s.coding.start << "-" << s.coding.end << "  " << s.code << "  ["
                          << s.coder << "]  #" << s.coding.id;
                if (o->speaker && !r.speaker.empty()) std::cout << "  " << r.speaker << ":";
                std::cout << "\n    " << (context ? "..." + r.before + "[" : "") << s.text << (context ? "]" + r.after + "..." : "")
                          << '\n';
                if (!s.memo.empty()) std::cout << "    memo: " << s.memo << '\n';
            }
        });
    }
    {
        struct Opts { std::string path, doc, coder, parent, snap = "words"; std::int64_t start = -1, end = -1; };
        auto o = std::make_shared<Opts>();
        auto* cmd = code->add_subcommand("invivo", "In-vivo coding: make a code named from the selected words and code the span\n"
                                                   "  e.g. nptcoder code invivo study.nptq --doc p02.txt --start 410 --end 436 \\\n"
                                                   "         --coder Amira --parent \"In vivo\"");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("--doc", o->doc, "Document name")->required();
        cmd->add_option("--start", o->start, "First code point (0-based)")->required();
        cmd->add_option("--end", o->end, "Code point after the last (end-exclusive)")->required();
        cmd->add_option("--coder", o->coder, "Coder's name")->required();
        cmd->add_option("--parent", o->parent, "Put the new code under this code (default: the top level)");
        cmd->add_option("--snap", o->snap, "Snap the span to whole words first: words (default) or none")
            ->check(CLI::IsMember({"none", "words"}));
        cmd->callback([o] {
            Project p = open_project(o->path);
            auto r = code_in_vivo(p, o->doc, {o->start, o->end}, o->coder, o->parent, o->snap == "words");
            std::cout << (r.code_created ? "Created code " : "Used code ") << r.code.path << " and coded " << o->doc << " "
                      << r.coding.start << "-" << r.coding.end << '\n';
        });
    }
}

}  // namespace npt::cli
