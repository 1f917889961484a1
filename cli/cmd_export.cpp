// cmd_export.cpp — `export segments|counts`: tables for write-up. Coded segments (filtered like
// `code list`) to .xlsx/.csv/.html/.md/.docx, and matrix coding query counts with a colour scale to
// .xlsx/.csv/.html. Framework matrices are exported with `matrix export`.
#include "cli/cli_support.hpp"
#include "codebook/npt_constructs.hpp"
#include "core/error.hpp"
#include "core/query/matrix_query.hpp"
#include "exporters/counts_export.hpp"
#include "exporters/segments_report.hpp"

namespace npt::cli {

void add_export_commands(CLI::App& app) {
    auto* exp = app.add_subcommand("export", "Write tables for a paper: coded segments reports and coding counts");
    exp->require_subcommand(1);
    {
        struct Opts {
            std::string path, out, title;
            RetrievalFilter filter;
            std::vector<std::string> where;
            ExportOptions options;
        };
        auto o = std::make_shared<Opts>();
        auto* cmd = exp->add_subcommand(
            "segments", "Coded segments report (code, case, attributes, document, location, speaker, coder, text, memo)\n"
                        "to .xlsx, .csv, .html, .md or .docx (Word), filtered like `code list`\n"
                        "  e.g. nptcoder export segments hub-study.nptq legitimation.html \\\n"
                        "         --code \"Cognitive participation/Legitimation\" --where \"group=Hub client\"");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("out", o->out, "Output file; the extension chooses the format")->required();
        add_segment_filter_options(cmd, o->filter.segments, o->where);
        cmd->add_option("--title", o->title, "Report title (default: Coded segments)");
        cmd->add_flag("--excel", o->options.excel_bom, "CSV: add a byte order mark so Excel reads UTF-8");
        cmd->add_flag("--raw", o->options.raw_cells, "CSV: write cells as stored (no \"'\" before cells starting with = + - @)");
        cmd->callback([o] {
            export_format_of(o->out);
            for (const std::string& w : o->where) o->filter.where.push_back(parse_attribute_condition(w));
            Project p = open_project(o->path);
            SegmentReport report = build_segment_report(p, o->filter);
            if (!o->title.empty()) report.title = o->title;
            export_segments(report, o->out, o->options);
            std::cout << "Wrote " << o->out << " (" << report.rows.size() << " segments)\n";
        });
    }
    {
        struct Opts {
            std::string path, out, count = "segments", title;
            MatrixQueryOptions query;
            std::vector<std::string> where;
            bool own_codes_only = false;
            ExportOptions options;
        };
        auto o = std::make_shared<Opts>();
        auto* cmd = exp->add_subcommand(
            "counts", "Matrix coding query counts (rows: cases or an attribute's values; columns: codes) with a colour\n"
                      "scale, to .xlsx, .csv or .html. Default columns: the four NPT constructs, each with the codes below it\n"
                      "  e.g. nptcoder export counts hub-study.nptq constructs-by-group.xlsx --rows group");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("out", o->out, "Output file; the extension chooses the format")->required();
        cmd->add_option("--rows", o->query.rows, "case (default) or the name of a case attribute");
        cmd->add_option("--codes", o->query.codes, "Column code paths (default: the NPT constructs present)");
        cmd->add_flag("--own-codes-only", o->own_codes_only, "Count only each column's own code, not the codes below it");
        cmd->add_option("--count", o->count, "segments, cases or words")->check(CLI::IsMember({"segments", "cases", "words"}));
        cmd->add_option("--coder", o->query.coders, "Only these coders");
        cmd->add_option("--where", o->where, "Only cases with ATTRIBUTE=VALUE");
        cmd->add_option("--title", o->title, "Title (default: says what was counted)");
        cmd->add_flag("--excel", o->options.excel_bom, "CSV: add a byte order mark so Excel reads UTF-8");
        cmd->add_flag("--raw", o->options.raw_cells, "CSV: write cells as stored (no \"'\" before cells starting with = + - @)");
        cmd->callback([o] {
            export_format_of(o->out, {ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Html});
            for (const std::string& w : o->where) o->query.where.push_back(parse_attribute_condition(w));
            o->query.count = matrix_count_from_string(o->count);
            o->query.include_descendants = !o->own_codes_only;
            Project p = open_project(o->path);
            if (o->query.codes.empty()) o->query.codes = codebook::npt_default_columns(p, false);
            if (o->query.codes.empty())
                throw InputError("the codebook has no NPT constructs; name the columns with --codes");
            MatrixQueryResult result = matrix_query(p, o->query);
            std::string title = o->title.empty() ? "Coded " + o->count + " per " + result.row_label : o->title;
            if (o->count == "cases") title = o->title.empty() ? "Cases coded, per " + result.row_label : o->title;
            export_counts(result, o->out, title, o->options);
            std::cout << "Wrote " << o->out << " (" << result.rows.size() << " rows x " << result.columns.size() << " codes)\n";
        });
    }
}

}  // namespace npt::cli
