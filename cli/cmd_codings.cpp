// cmd_codings.cpp — `code add|remove|list`: applying codes to spans and getting coded text back.
#include <charconv>

#include "cli/cli_support.hpp"
#include "core/codings.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/file_io.hpp"
#include "core/in_vivo.hpp"
#include "core/retrieval.hpp"

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

std::int64_t parse_offset(const std::string& text, const std::string& what, const std::string& where) {
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        throw InputError(where + ": " + what + " '" + text + "' is not a whole number");
    return value;
}

std::vector<CodingRequest> requests_from_csv(const std::string& file) {
    std::vector<csv::Row> rows;
    try {
        rows = csv::parse(read_file(file), ',');
    } catch (const FormatError& e) {
        throw FormatError(file + ": " + e.what());
    }
    if (rows.empty()) throw InputError(file + ": empty file (expected a header doc,start,end,code,coder[,memo])");
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < rows[0].fields.size(); ++i) col[rows[0].fields[i]] = i;
    for (const char* need : {"doc", "start", "end", "code", "coder"})
        if (!col.count(need)) throw InputError(file + ": header has no '" + need + "' column (expected doc,start,end,code,coder[,memo])");
    std::vector<CodingRequest> out;
    out.reserve(rows.size());
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& f = rows[r].fields;
        std::string where = file + " line " + std::to_string(rows[r].line);
        if (f.size() != rows[0].fields.size())
            throw InputError(where + ": " + std::to_string(f.size()) + " fields, the header has " + std::to_string(rows[0].fields.size()));
        CodingRequest req;
        req.document = f[col["doc"]];
        req.start = parse_offset(f[col["start"]], "start", where);
        req.end = parse_offset(f[col["end"]], "end", where);
        req.code = f[col["code"]];
        req.coder = f[col["coder"]];
        if (col.count("memo")) req.memo = f[col["memo"]];
        req.origin = where;
        out.push_back(std::move(req));
    }
    return out;
}

std::vector<CodingRequest> requests_from(const SpanOptions& o) {
    if (!o.from.empty()) {
        if (!o.doc.empty() || o.start >= 0 || o.end >= 0 || !o.code.empty())
            throw InputError("use either --from FILE.csv or --doc/--start/--end/--code, not both");
        return requests_from_csv(o.from);
    }
    if (o.doc.empty() || o.start < 0 || o.end < 0 || o.code.empty() || o.coder.empty())
        throw InputError("need --doc, --start, --end, --code and --coder (or --from FILE.csv)");
    return {CodingRequest{o.doc, o.start, o.end, o.code, o.coder, o.memo, ""}};
}

nlohmann::json segment_json(const CodedSegment& s) {
    return {{"doc", s.document}, {"start", s.coding.start}, {"end", s.coding.end}, {"code", s.code},
            {"coder", s.coder},  {"text", s.text},          {"memo", s.memo}};
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
            if (o->format == Format::Json) {
                nlohmann::json out = nlohmann::json::array();
                for (auto& r : segments) {
                    nlohmann::json j = segment_json(r.segment);
                    if (o->speaker) j["speaker"] = r.speaker;
                    if (context) {
                        j["before"] = r.before;
                        j["after"] = r.after;
                    }
                    out.push_back(std::move(j));
                }
                return print_json(out);
            }
            if (o->format == Format::Csv) {
                std::vector<std::string> header{"doc", "start", "end", "code", "coder", "text", "memo"};
                if (o->speaker) header.push_back("speaker");
                if (context) header.insert(header.end(), {"before", "after"});
                std::cout << csv::format_row(header, ',', cells);
                for (auto& r : segments) {
                    const CodedSegment& s = r.segment;
                    std::vector<std::string> row{s.document, std::to_string(s.coding.start), std::to_string(s.coding.end),
                                                 s.code, s.coder, s.text, s.memo};
                    if (o->speaker) row.push_back(r.speaker);
                    if (context) row.insert(row.end(), {r.before, r.after});
                    std::cout << csv::format_row(row, ',', cells);
                }
                return;
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
