// cli_support.hpp — what every `nptcoder` command shares: opening the project, printing JSON,
// and the registration functions each command file provides. Commands throw npt::Error; main()
// turns it into one line on stderr and a non-zero exit.
#pragma once
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

#include "core/model/codings.hpp"
#include "core/store/project.hpp"

namespace npt::cli {

// Opens a project for a command; the actor is --as / $NPT_CODER / $USER.
Project open_project(const std::string& path);

// Prints JSON, indented, with a final newline; UTF-8 kept as is.
void print_json(const nlohmann::json& value);

// Output formats shared by list-like commands.
enum class Format { Text, Csv, Json };
// Adds --format text|csv|json and --json (same as --format json) to a command.
void add_format_options(CLI::App* cmd, Format& format, Format default_format = Format::Text);

// --where ATTRIBUTE=VALUE (repeatable): values of one attribute are alternatives, different
// attributes must all hold.
void add_where_option(CLI::App* cmd, std::vector<std::string>& where);
// The retrieval filters every command that selects coded segments shares: --doc, --code,
// --descendants, --coder, --case, and --where.
void add_segment_filter_options(CLI::App* cmd, SegmentFilter& filter, std::vector<std::string>& where);

// One function per command file registers its commands on the root app.
void add_project_commands(CLI::App& app);    // init, info, check, undo, redo, history, copy
void add_import_command(CLI::App& app);      // import
void add_cases_commands(CLI::App& app);      // cases import/list
void add_document_commands(CLI::App& app);   // doc list/show/rename/delete/speakers
void add_doc_speakers_command(CLI::App* doc);  // doc speakers (cmd_doc_speakers.cpp)
void add_coder_commands(CLI::App& app);      // coder add/list
void add_coding_commands(CLI::App& app);     // code add/remove/list
void add_memo_commands(CLI::App& app);       // memo add/list/edit/delete
void add_agreement_commands(CLI::App& app);  // agreement, agreement-table, disagreements, reconcile, merge
void add_matrix_commands(CLI::App& app);     // matrix create/list/show/draft/set-cell/link/unlink/export/delete
void add_export_commands(CLI::App& app);     // export segments/counts
void add_codebook_commands(CLI::App& app);   // codebook load/list/export/import/add/rename/move/merge/delete/colour/describe
void add_query_commands(CLI::App& app);      // query, cooccurrence, matrix-query, search, words
void add_autocode_command(CLI::App& app);    // autocode
void add_chart_commands(CLI::App& app);      // code-frequency, saturation
void add_refi_commands(CLI::App& app);       // export qdpx, import-qdpx, refi check (after add_export_commands)

}  // namespace npt::cli
