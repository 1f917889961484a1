// cmd_charts.cpp — the numbers behind the workbench's charts: `code-frequency` (codings per code per
// coder, the bar chart) and `saturation` (new codes per document in interview or import order,
// the saturation curve). The heatmap's numbers are `matrix-query`.
#include "cli/cli_support.hpp"
#include "core/query/code_frequency.hpp"
#include "core/query/code_saturation.hpp"

namespace npt::cli {
namespace {

void add_code_frequency(CLI::App& app) {
    struct Opts {
        std::string path;
        CodeFrequencyOptions options;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "code-frequency",
        "Code frequencies per coder: how many codings each coder applied with each code (rows: codes,\n"
        "  columns: coders), the numbers the workbench's bar chart draws\n"
        "  e.g. nptcoder code-frequency study.nptq --code Coherence --code \"Collective action\" --descendants --format csv");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("--code", o->options.codes, "Only these codes, in this order (default: every code, tree order)");
    cmd->add_flag("--descendants", o->options.include_descendants, "A code also counts the codings of the codes below it");
    cmd->add_option("--coder", o->options.coders, "Only these coders, in this order (default: every coder)");
    cmd->add_flag("--used-only", o->options.used_only, "Leave out codes none of the coders applied");
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        Project p = open_project(o->path);
        const CodeFrequency f = code_frequency(p, o->options);
        if (o->format == Format::Json) {
            nlohmann::json rows = nlohmann::json::array();
            for (std::size_t r = 0; r < f.codes.size(); ++r) rows.push_back({{"code", f.codes[r]}, {"counts", f.counts[r]}});
            return print_json({{"coders", f.coders}, {"rows", rows}});
        }
        if (o->format == Format::Csv) {
            std::cout << code_frequency_csv(f);
            return;
        }
        std::cout << "code";
        for (const std::string& coder : f.coders) std::cout << '\t' << coder;
        std::cout << '\n';
        for (std::size_t r = 0; r < f.codes.size(); ++r) {
            std::cout << f.codes[r];
            for (std::int64_t n : f.counts[r]) std::cout << '\t' << n;
            std::cout << '\n';
        }
    });
}

void add_saturation(CLI::App& app) {
    struct Opts {
        std::string path;
        SaturationOptions options;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "saturation",
        "Code saturation: documents in interview order (a case attribute such as interview_date) or import\n"
        "  order, with the codes first applied in each and the number of distinct codes so far\n"
        "  e.g. nptcoder saturation study.nptq --order interview_date --coder Amira --format csv");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("--order", o->options.order, "import (default), or the case attribute to order the documents by");
    cmd->add_option("--coder", o->options.coders, "Only codings by these coders (default: every coder)");
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        Project p = open_project(o->path);
        const CodeSaturation s = code_saturation(p, o->options);
        if (o->format == Format::Json) {
            nlohmann::json points = nlohmann::json::array();
            for (const SaturationPoint& pt : s.points)
                points.push_back({{"document", pt.document},
                                  {"order_value", pt.order_value},
                                  {"new_codes", pt.new_codes},
                                  {"codes_so_far", pt.codes_so_far}});
            return print_json({{"order", s.order}, {"points", points}});
        }
        if (o->format == Format::Csv) {
            std::cout << code_saturation_csv(s);
            return;
        }
        const bool keyed = s.order != "import";
        std::cout << "document" << (keyed ? "\t" + s.order : "") << "\tnew\tso far\n";
        for (const SaturationPoint& pt : s.points)
            std::cout << pt.document << (keyed ? "\t" + pt.order_value : "") << '\t' << pt.new_codes.size() << '\t'
                      << pt.codes_so_far << '\n';
    });
}

}  // namespace

void add_chart_commands(CLI::App& app) {
    add_code_frequency(app);
    add_saturation(app);
}

}  // namespace npt::cli
