// main.cpp — the `nptcoder` command: registers every command, runs one, and turns any error
// into a single line on stderr with a non-zero exit code.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/option_hints.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
    CLI::App app{"nptcoder " NPT_VERSION_STRING
                 " — code interview transcripts against Normalisation Process Theory.\n"
                 "Every command works on one project file (.nptq). Offsets are Unicode code points, end-exclusive."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "nptcoder " NPT_VERSION_STRING);
    app.set_help_all_flag("--help-all", "Show every command's help");

    npt::cli::add_project_commands(app);
    npt::cli::add_import_command(app);
    npt::cli::add_cases_commands(app);
    npt::cli::add_document_commands(app);
    npt::cli::add_coder_commands(app);
    npt::cli::add_coding_commands(app);
    npt::cli::add_memo_commands(app);
    npt::cli::add_agreement_commands(app);
    npt::cli::add_matrix_commands(app);
    npt::cli::add_export_commands(app);
    npt::cli::add_codebook_commands(app);
    npt::cli::add_query_commands(app);
    npt::cli::add_autocode_command(app);
    npt::cli::add_chart_commands(app);
    npt::cli::add_refi_commands(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const npt::Error& e) {
        std::cerr << "nptcoder: " << npt::cli::cli_message(e) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "nptcoder: unexpected error: " << e.what() << '\n';
        return 3;
    }
    return 0;
}
