// cmd_refi.cpp — REFI-QDA project exchange: `export qdpx`, `import-qdpx` and `refi check`. Each
// ends with the loss report (text on stdout; --report FILE.json writes it as JSON).
#include <algorithm>

#include "cli/cli_support.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/model/refi_report.hpp"
#include "core/model/refi_report.hpp"
#include "exporters/qdpx_writer.hpp"
#include "importers/qdpx_import.hpp"

namespace npt::cli {
namespace {

void finish(const RefiReport& report, const std::string& report_file, bool json) {
    if (!report_file.empty()) {
        write_file_atomic(report_file, report.to_json().dump(2) + "\n");  // 0600, never through a symlink
    }
    if (json) print_json(report.to_json());
    else std::cout << report.to_text();
}

void add_export_qdpx(CLI::App& app) {
    CLI::App* parent = app.get_subcommand("export");  // registered by add_export_commands
    struct Opts { std::string project, out, report; bool json = false; };
    auto o = std::make_shared<Opts>();
    auto* cmd = parent->add_subcommand("qdpx", "Export the whole project as a REFI-QDA project (.qdpx) for NVivo, MAXQDA,\n"
                                               "  ATLAS.ti, QualCoder...; ends with what the format cannot hold\n"
                                               "  e.g. nptcoder export qdpx study.nptq study.qdpx --report loss.json");
    cmd->add_option("project", o->project, "Project file")->required();
    cmd->add_option("out", o->out, "The .qdpx to write")->required();
    cmd->add_option("--report", o->report, "Also write the loss report as JSON to this file");
    cmd->add_flag("--json", o->json, "Print the report as JSON");
    cmd->callback([o] {
        Project p = open_project(o->project);
        finish(exporters::export_qdpx(p, o->out), o->report, o->json);
    });
}

void add_import_qdpx(CLI::App& app) {
    struct Opts { std::string file, project, report; bool json = false; };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("import-qdpx", "Make a new project from a REFI-QDA project (.qdpx, or an unpacked project.qde);\n"
                                                  "  ends with what could not be kept\n"
                                                  "  e.g. nptcoder import-qdpx from-nvivo.qdpx study.nptq --report loss.json");
    cmd->add_option("file", o->file, "The .qdpx (or project.qde) to read")->required();
    cmd->add_option("project", o->project, "The new project file")->required();
    cmd->add_option("--report", o->report, "Also write the loss report as JSON to this file");
    cmd->add_flag("--json", o->json, "Print the report as JSON");
    cmd->callback([o] {
        importers::QdpxImportOptions options;
        if (const char* who = std::getenv("NPT_CODER")) options.actor = who;
        finish(importers::import_qdpx(o->file, o->project, options), o->report, o->json);
    });
}

void add_check(CLI::App& app) {
    auto* refi = app.add_subcommand("refi", "REFI-QDA exchange files");
    refi->require_subcommand(1);
    struct Opts { std::string file, report; bool json = false; };
    auto o = std::make_shared<Opts>();
    auto* cmd = refi->add_subcommand("check", "Validate a .qdpx (or project.qde) or .qdc against the REFI-QDA schemas and list,\n"
                                              "  without importing, what an import would keep and lose, and why\n"
                                              "  e.g. nptcoder refi check from-maxqda.qdpx");
    cmd->add_option("file", o->file, "The .qdpx, .qde or .qdc")->required();
    cmd->add_option("--report", o->report, "Also write the report as JSON to this file");
    cmd->add_flag("--json", o->json, "Print the report as JSON");
    cmd->callback([o] {
        std::string ext = std::filesystem::path(o->file).extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        RefiReport report = ext == ".qdc" ? importers::check_qdc(o->file) : importers::check_qdpx(o->file);
        finish(report, o->report, o->json);
    });
}

}  // namespace

void add_refi_commands(CLI::App& app) {
    add_export_qdpx(app);
    add_import_qdpx(app);
    add_check(app);
}

}  // namespace npt::cli
