// cmd_cases.cpp — `nptcoder cases import|list`: participants and their attributes from a CSV
// spreadsheet, and each case with its attribute values and documents (editing: cmd_cases_edit.cpp).
#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "core/error.hpp"
#include "core/model/cases.hpp"
#include "core/text/csv.hpp"
#include "core/store/file_io.hpp"
#include "importers/cases_csv_importer.hpp"
#include "importers/cases_xlsx.hpp"

namespace npt::cli {
namespace {

void add_cases_import(CLI::App* cases) {
    struct Opts {
        std::string path, csv_file, sheet;
        importers::CasesImportOptions options;
        bool no_link = false, json = false;
        std::uint64_t max_size_mb = 100;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = cases->add_subcommand(
        "import",
        "Import cases and attributes from a CSV or an Excel workbook (.xlsx): first column the case, other columns\n"
        "attributes (type inferred: number, date YYYY-MM-DD or DD/MM/YYYY, boolean yes/no, text). Documents are\n"
        "linked to cases by name ('P07.docx' -> P07) or by --match. One undoable action; a bad file changes nothing.\n"
        "  e.g. nptcoder cases import study.nptq examples/participants.csv\n"
        "       nptcoder cases import study.nptq participants.xlsx --sheet Participants\n"
        "       nptcoder cases import study.nptq sites.csv --match '{case}_*.docx'");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("file", o->csv_file, "CSV file (',' or ';' separated, UTF-8 or a Windows code page) or .xlsx workbook")
        ->required();
    cmd->add_option("--sheet", o->sheet, "XLSX: the sheet to read (default: the first)");
    cmd->add_option("--match", o->options.match, "File name pattern linking documents to cases; {case} is the case name");
    cmd->add_flag("--no-link", o->no_link, "Do not link documents to cases");
    cmd->add_option("--max-size", o->max_size_mb, "Largest file to read, in MB (default 100)");
    cmd->add_flag("--json", o->json, "Print the summary as JSON");
    cmd->callback([o] {
        Project p = open_project(o->path);
        importers::CasesImportOptions options = o->options;
        options.link_documents = !o->no_link;
        const std::uint64_t max_size = o->max_size_mb * 1024 * 1024;
        const bool xlsx = importers::looks_like_xlsx(read_file(o->csv_file, max_size).substr(0, 4));
        if (!xlsx && !o->sheet.empty()) throw InputError(o->csv_file + ": --sheet is for .xlsx workbooks; this is a CSV file");
        auto s = xlsx ? importers::import_cases_xlsx(p, o->csv_file, options, o->sheet, max_size)
                      : importers::import_cases_csv(p, o->csv_file, options, max_size);
        if (o->json) {
            nlohmann::json attrs = nlohmann::json::array();
            for (const Attribute& a : s.attributes) attrs.push_back({{"name", a.name}, {"type", to_string(a.type)}});
            print_json({{"cases_added", s.cases_added}, {"cases_updated", s.cases_updated}, {"values_set", s.values_set},
                        {"links_added", s.links_added}, {"attributes", attrs}});
            return;
        }
        std::cout << fmt::format("Cases: {} added, {} updated; {} value(s) set; {} document link(s) added\n", s.cases_added,
                                 s.cases_updated, s.values_set, s.links_added);
        for (const Attribute& a : s.attributes) std::cout << fmt::format("  {} ({})\n", a.name, to_string(a.type));
    });
}

void add_cases_list(CLI::App* cases) {
    struct Opts {
        std::string path;
        Format format;
        bool raw = false;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = cases->add_subcommand("list", "List cases with their attribute values and documents\n"
                                              "  e.g. nptcoder cases list study.nptq --json");
    cmd->add_option("project", o->path, "Project file")->required();
    add_format_options(cmd, o->format);
    cmd->add_flag("--raw", o->raw, "CSV: write cells as stored (no \"'\" before cells starting with = + - @)");
    cmd->callback([o] {
        Project p = open_project(o->path);
        const csv::Cells cells = o->raw ? csv::Cells::Raw : csv::Cells::Neutralised;
        std::vector<CaseDetail> details = list_case_details(p);
        std::vector<Attribute> attributes = list_attributes(p);
        auto value_of = [](const CaseDetail& d, const std::string& a) {
            auto it = d.values.find(a);
            return it == d.values.end() ? std::string() : it->second;
        };
        if (o->format == Format::Json) {
            nlohmann::json out = nlohmann::json::array();
            for (const CaseDetail& d : details)
                out.push_back({{"name", d.info.name}, {"description", d.info.description}, {"guid", d.info.guid},
                               {"values", d.values}, {"documents", d.documents}});
            print_json(out);
        } else if (o->format == Format::Csv) {
            std::vector<std::string> header{"case"};
            for (const Attribute& a : attributes) header.push_back(a.name);
            header.push_back("documents");
            std::cout << csv::format_row(header, ',', cells);
            for (const CaseDetail& d : details) {
                std::vector<std::string> row{d.info.name};
                for (const Attribute& a : attributes) row.push_back(value_of(d, a.name));
                std::string docs;
                for (const std::string& doc : d.documents) docs += (docs.empty() ? "" : "; ") + doc;
                row.push_back(docs);
                std::cout << csv::format_row(row, ',', cells);
            }
        } else {
            for (const CaseDetail& d : details) {
                std::cout << d.info.name << '\n';
                for (const Attribute& a : attributes)
                    if (auto v = value_of(d, a.name); !v.empty()) std::cout << fmt::format("  {}: {}\n", a.name, v);
                for (const std::string& doc : d.documents) std::cout << "  document: " << doc << '\n';
            }
        }
    });
}

}  // namespace

void add_cases_edit_commands(CLI::App* cases);  // cmd_cases_edit.cpp

void add_cases_commands(CLI::App& app) {
    auto* cases = app.add_subcommand("cases", "Import, list and edit cases (participants, sites) and their attributes");
    cases->require_subcommand(1);
    add_cases_import(cases);
    add_cases_list(cases);
    add_cases_edit_commands(cases);
}

}  // namespace npt::cli
