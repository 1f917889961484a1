// cmd_codings.cpp — `code add|remove|list`: applying codes to spans and getting coded text back.
#include "cli/cli_support.hpp"
#include "cli/print_rows.hpp"
#include "core/model/codings.hpp"
#include "core/text/csv.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/model/in_vivo.hpp"
#include "core/query/retrieval.hpp"
#include "importers/codings_csv.hpp"

namespace npt::cli {
namespace {

struct SpanOptions {
    std::string path, doc, code, coder, memo, from, snap = "none";
    std::int64_t start = -1, end = -1;
    bool strict = false;
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
}

std::vector<CodingRequest> requests_from(const SpanOptions& o) {
    if (!o.from.empty()) {
        if (!o.doc.empty() || o.start >= 0 || o.end >= 0 || !o.code.empty())
            throw InputError("use either --from FILE.csv or --doc/--start/--end/--code, not both");
        return importers::read_codings_csv(o.from);
    }
    if (o.doc.empty() || o.start < 0 || o.end < 0 || o.code.empty() || o.coder.empty())
        throw InputError("need --doc, --start, --end, --code and --coder (or --from FILE.csv)");
    return {CodingRequest{o.doc, o.start, o.end, o.code, o.coder, o.memo, ""}};
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
        cmd->callback([o] {
            auto requests = requests_from(*o);
            Project p = open_project(o->path);
            CodingOptions options{o->strict, o->snap == "words"};
            auto codings = apply_codings(p, requests, options);
            if (codings.size() == 1)
                std::cout << "Coded " << requests[0].document << " " << codings[0].start << "-" << codings[0].end
                          << " with " << requests[0].code << '\n';
            else
                std::cout << "Applied " << codings.size() << " codings in one transaction\n";
        });
    }
    {
        auto o = std::make_shared<SpanOptions>();
        auto* cmd = code->add_subcommand("remove", "Remove a code from a span (shrinks, splits or deletes codings)\n"
                                                   "  e.g. nptcoder code remove study.nptq --doc p01.txt --start 150 --end 160 "
                                                   "--code Coherence/Differentiation --coder Amira");
        add_span_options(cmd, *o, false);
        cmd->callback([o] {
            auto requests = requests_from(*o);
            Project p = open_project(o->path);
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
        auto* cmd = code->add_subcommand("list", "List coded segments with their exact text\n"
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
            std::vector<std::string> columns{"doc", "start", "end", "code", "coder", "text", "memo"};
            if (o->speaker) columns.push_back("speaker");
            if (context) columns.insert(columns.end(), {"before", "after"});
            if (o->format != Format::Text) {
                std::vector<Row> rows;
                for (auto& r : segments) {
                    const CodedSegment& s = r.segment;
                    Row row{s.document, s.coding.start, s.coding.end, s.code, s.coder, s.text, s.memo};
                    if (o->speaker) row.push_back(r.speaker);
                    if (context) row.insert(row.end(), {r.before, r.after});
                    rows.push_back(std::move(row));
                }
                return print_rows(columns, rows, o->format, {}, cells);
            }
            for (auto& r : segments) {
                const CodedSegment& s = r.segment;
                std::cout << s.document << " " << s.coding.start << "-" << s.coding.end << "  " << s.code << "  ["
                          << s.coder << "]";
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
