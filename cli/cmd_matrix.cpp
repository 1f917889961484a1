// cmd_matrix.cpp — `matrix create|list|show|draft|set-cell|link|unlink|export|rename|delete`: framework
// matrices (cases × codes, summaries with linked quotes) and their export for write-up.
#include <algorithm>

#include "cli/cli_support.hpp"
#include "codebook/npt_constructs.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/text/csv.hpp"
#include "core/error.hpp"
#include "core/matrix/framework_matrix.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "exporters/matrix_attributes.hpp"
#include "exporters/matrix_export.hpp"

namespace npt::cli {
namespace {

nlohmann::json link_json(const MatrixLink& l) {
    return {{"link", l.id},
            {"coding", l.coding_id ? nlohmann::json(*l.coding_id) : nlohmann::json()},
            {"doc", l.document},
            {"start", l.start},
            {"end", l.end},
            {"speaker", l.speaker},
            {"time_ms", l.time_ms ? nlohmann::json(*l.time_ms) : nlohmann::json()},
            {"coder", l.coder},
            {"quote", l.quote},
            {"status", to_string(l.status)},
            {"reference", link_reference(l)}};
}

nlohmann::json matrix_json(const FrameworkMatrix& m) {
    nlohmann::json columns = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const MatrixColumn& c : m.columns) columns.push_back(c.path);
    for (const MatrixRow& r : m.rows) {
        nlohmann::json attributes = nlohmann::json::object(), cells = nlohmann::json::object();
        for (std::size_t i = 0; i < m.attributes.size(); ++i) attributes[m.attributes[i]] = r.attributes[i];
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            const MatrixCell& cell = r.cells[c];
            nlohmann::json links = nlohmann::json::array();
            for (const MatrixLink& l : cell.links) links.push_back(link_json(l));
            cells[m.columns[c].path] = {{"summary", cell.summary}, {"edited", cell.edited}, {"links", links}};
        }
        rows.push_back({{"case", r.info.name}, {"attributes", attributes}, {"cells", cells}});
    }
    return {{"name", m.info.name}, {"description", m.info.description}, {"group_by", m.info.group_by},
            {"attributes", m.attributes}, {"columns", columns}, {"rows", rows}};
}

void print_matrix_text(const FrameworkMatrix& m) {
    std::cout << "Matrix " << m.info.name << ": " << m.rows.size() << " cases x " << m.columns.size() << " codes\n";
    for (const MatrixRow& r : m.rows) {
        std::cout << "\n" << r.info.name;
        for (std::size_t i = 0; i < m.attributes.size(); ++i)
            if (!r.attributes[i].empty()) std::cout << "  " << m.attributes[i] << "=" << r.attributes[i];
        std::cout << '\n';
        for (std::size_t c = 0; c < m.columns.size(); ++c) {
            const MatrixCell& cell = r.cells[c];
            if (cell.empty()) continue;
            std::cout << "  " << m.columns[c].path << (cell.edited ? " (edited)" : " (draft)") << '\n';
            if (!cell.summary.empty()) std::cout << "    " << cell.summary << '\n';
            for (const MatrixLink& l : cell.links)
                std::cout << "    [link " << l.id << "] " << matrix_quote_line(l) << '\n';
        }
    }
}

struct CellOptions {
    std::string path, matrix, case_name, code;
};

void add_cell_options(CLI::App* cmd, CellOptions& o) {
    cmd->add_option("project", o.path, "Project file")->required();
    cmd->add_option("name", o.matrix, "Matrix name")->required();
    cmd->add_option("--case", o.case_name, "Case (row)")->required();
    cmd->add_option("--code", o.code, "Code path (column)")->required();
}

// The cell the options name, by ids: matrix, then case, then code (NotFoundError for the first unknown).
struct Cell {
    MatrixId matrix;
    CaseId case_id;
    CodeId code;
};
Cell resolve_cell(Project& p, const CellOptions& o) {
    MatrixId matrix = require_matrix(p, o.matrix).id;
    CaseId case_id = require_case(p, o.case_name).id;
    CodeId code = require_code(p, o.code).id;
    return {matrix, case_id, code};
}

}  // namespace

void add_matrix_commands(CLI::App& app) {
    auto* matrix = app.add_subcommand("matrix", "Framework matrices: cases x codes, summaries with linked quotes");
    matrix->require_subcommand(1);
    {
        struct Opts { std::string path; NewMatrix m; bool sub_constructs = false; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand(
            "create", "Create a matrix (default columns: the four NPT constructs)\n"
                      "  e.g. nptcoder matrix create hub-study.nptq NPT --group-by group --group-by site");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->m.name, "Matrix name")->required();
        cmd->add_option("--codes", o->m.codes, "Column code paths, in order (a column also gathers the codes below it)");
        cmd->add_flag("--sub-constructs", o->sub_constructs, "Default columns: NPT's sixteen sub-constructs");
        cmd->add_option("--group-by", o->m.group_by, "Group and sort rows by these attributes, outermost first");
        cmd->add_option("--description", o->m.description, "What the matrix is for");
        cmd->callback([o] {
            Project p = open_project(o->path);
            if (o->m.codes.empty()) {
                o->m.codes = codebook::npt_default_columns(p, o->sub_constructs);
                if (o->m.codes.empty())
                    throw InputError("matrix '" + o->m.name + "': the codebook has no NPT " +
                                     (o->sub_constructs ? "sub-constructs" : "constructs") +
                                     " (Coherence, Cognitive participation, ...); name the columns with --codes");
            }
            MatrixInfo info = create_matrix(p, o->m);
            std::cout << "Created matrix '" << info.name << "' with " << matrix_columns(p, info.id).size() << " columns\n";
        });
    }
    {
        struct Opts { std::string path; Format format; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand("list", "List matrices\n  e.g. nptcoder matrix list hub-study.nptq --json");
        cmd->add_option("project", o->path, "Project file")->required();
        add_format_options(cmd, o->format);
        cmd->callback([o] {
            Project p = open_project(o->path);
            nlohmann::json out = nlohmann::json::array();
            if (o->format == Format::Csv) std::cout << csv::format_row({"name", "columns", "group_by", "modified"});
            for (const MatrixInfo& m : list_matrices(p)) {
                std::vector<std::string> cols;
                for (const MatrixColumn& c : matrix_columns(p, m.id)) cols.push_back(c.path);
                std::string groups;
                for (const std::string& g : m.group_by) groups += (groups.empty() ? "" : ";") + g;
                if (o->format == Format::Json)
                    out.push_back({{"name", m.name}, {"description", m.description}, {"columns", cols},
                                   {"group_by", m.group_by}, {"created", m.created}, {"modified", m.modified}});
                else if (o->format == Format::Csv)
                    std::cout << csv::format_row({m.name, std::to_string(cols.size()), groups, m.modified});
                else
                    std::cout << m.name << "  (" << cols.size() << " columns" << (groups.empty() ? "" : "; grouped by " + groups)
                              << ")\n";
            }
            if (o->format == Format::Json) print_json(out);
        });
    }
    {
        struct Opts { std::string path, name, attributes; Format format; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand("show", "Show a matrix's cells with their quotes and link ids\n"
                                                   "  e.g. nptcoder matrix show hub-study.nptq NPT --attributes group");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Matrix name")->required();
        cmd->add_option("--attributes", o->attributes, "Case attributes shown, comma-separated, or none (default: all of them)");
        add_format_options(cmd, o->format);
        cmd->callback([o] {
            std::optional<std::vector<std::string>> chosen;
            if (!o->attributes.empty()) chosen = parse_attribute_list(o->attributes);
            Project p = open_project(o->path);
            FrameworkMatrix m = with_attribute_columns(load_matrix(p, o->name), chosen);
            if (o->format == Format::Json) return print_json(matrix_json(m));
            if (o->format == Format::Csv) {
                std::cout << matrix_csv(m, false);
                return;
            }
            print_matrix_text(m);
        });
    }
    {
        struct Opts { std::string path, name; DraftOptions options; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand(
            "draft", "Fill every cell you have not edited with the case's coded segments for its column\n"
                     "  e.g. nptcoder matrix draft hub-study.nptq NPT --coder Amira");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Matrix name")->required();
        cmd->add_option("--coder", o->options.coders, "Only this coder's codings (e.g. the consensus coder); default: all");
        cmd->callback([o] {
            Project p = open_project(o->path);
            DraftResult r = draft_matrix(p, require_matrix(p, o->name).id, o->options);
            std::cout << "Drafted " << r.filled << " cells with " << r.links << " quotes; " << r.unchanged
                      << " already up to date; " << r.kept_edited << " edited cells kept; " << r.without_segments
                      << " cells with no coded segments\n";
        });
    }
    {
        struct Opts { CellOptions cell; std::string text; bool reset = false; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand(
            "set-cell", "Write a cell's summary (the cell is then never redrafted), or --reset it\n"
                        "  e.g. nptcoder matrix set-cell hub-study.nptq NPT --case P01 --code Coherence \\\n"
                        "         --text \"Sees the hub as separate from occupational health\"");
        add_cell_options(cmd, o->cell);
        cmd->add_option("--text", o->text, "Summary text");
        cmd->add_flag("--reset", o->reset, "Empty the cell and hand it back to draft");
        cmd->callback([o] {
            Project p = open_project(o->cell.path);
            if (o->reset) {
                Cell cell = resolve_cell(p, o->cell);
                bool done = reset_cell(p, cell.matrix, cell.case_id, cell.code);
                std::cout << (done ? "Reset " : "Already empty: ") << o->cell.case_name << " / " << o->cell.code << '\n';
                return;
            }
            Cell cell = resolve_cell(p, o->cell);
            set_cell_summary(p, cell.matrix, cell.case_id, cell.code, o->text);
            std::cout << "Set " << o->cell.case_name << " / " << o->cell.code << '\n';
        });
    }
    {
        struct Opts { CellOptions cell; std::int64_t coding = 0; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand(
            "link", "Link a coded segment (by coding id, see `code list`) to a cell as a quote; a coding of a code\n"
                    "  that is neither the column's code nor below it is linked with a warning\n"
                    "  e.g. nptcoder matrix link hub-study.nptq NPT --case P01 --code Coherence --coding 12");
        add_cell_options(cmd, o->cell);
        cmd->add_option("--coding", o->coding, "Coding id")->required();
        cmd->callback([o] {
            Project p = open_project(o->cell.path);
            Cell cell = resolve_cell(p, o->cell);
            MatrixLinkId link = link_coding(p, cell.matrix, cell.case_id, cell.code, CodingId{o->coding});
            const Code coded = code_by_id(p, coding_by_id(p, CodingId{o->coding}).code_id);
            const std::vector<CodeId> column = code_and_descendants(p, cell.code);
            if (std::find(column.begin(), column.end(), coded.id) == column.end())
                std::cerr << "nptcoder: warning: coding " << o->coding << " is coded '" << coded.path << "', which is not '"
                          << o->cell.code << "' or a code below it\n";
            std::cout << "Linked coding " << o->coding << " as link " << link << '\n';
        });
    }
    {
        struct Opts { CellOptions cell; std::optional<std::int64_t> link, coding; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand(
            "unlink", "Remove a quote from a cell (by link id from `matrix show`, or by coding id)\n"
                      "  e.g. nptcoder matrix unlink hub-study.nptq NPT --case P01 --code Coherence --link 7");
        add_cell_options(cmd, o->cell);
        auto* by_link = cmd->add_option("--link", o->link, "Link id");
        cmd->add_option("--coding", o->coding, "Coding id")->excludes(by_link);
        cmd->callback([o] {
            Project p = open_project(o->cell.path);
            Cell cell = resolve_cell(p, o->cell);
            std::optional<MatrixLinkId> link;
            std::optional<CodingId> coding;
            if (o->link) link = MatrixLinkId{*o->link};
            if (o->coding) coding = CodingId{*o->coding};
            int n = unlink_from_cell(p, cell.matrix, cell.case_id, cell.code, link, coding);
            std::cout << "Removed " << n << " link(s)\n";
        });
    }
    {
        struct Opts { std::string path, name, out, attributes; ExportOptions options; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand(
            "export", "Export a matrix to .xlsx (with a Quotes sheet), .csv, .html (printable), .md or .docx (Word)\n"
                      "  e.g. nptcoder matrix export hub-study.nptq NPT npt-matrix.docx --attributes group,site");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Matrix name")->required();
        cmd->add_option("out", o->out, "Output file; the extension chooses the format")->required();
        cmd->add_option("--attributes", o->attributes,
                        "Case attributes shown as columns, comma-separated, or none (default: all of them)");
        cmd->add_flag("--excel", o->options.excel_bom, "CSV: add a byte order mark so Excel reads UTF-8");
        cmd->add_flag("--raw", o->options.raw_cells, "CSV: write cells as stored (no \"'\" before cells starting with = + - @)");
        cmd->callback([o] {
            export_format_of(o->out);
            if (!o->attributes.empty()) o->options.attributes = parse_attribute_list(o->attributes);
            Project p = open_project(o->path);
            FrameworkMatrix m = load_matrix(p, o->name);
            export_matrix(m, o->out, o->options);
            std::cout << "Wrote " << o->out << " (" << m.rows.size() << " cases x " << m.columns.size() << " codes)\n";
        });
    }
    {
        struct Opts { std::string path, name, new_name; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand("rename", "Rename a matrix, keeping its summaries and links (undoable)\n"
                                                     "  e.g. nptcoder matrix rename hub-study.nptq NPT \"NPT by site\"");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Matrix name")->required();
        cmd->add_option("new_name", o->new_name, "New name")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            rename_matrix(p, require_matrix(p, o->name).id, o->new_name);
            std::cout << "Renamed matrix '" << o->name << "' to '" << o->new_name << "'\n";
        });
    }
    {
        struct Opts { std::string path, name; };
        auto o = std::make_shared<Opts>();
        auto* cmd = matrix->add_subcommand("delete", "Delete a matrix with its summaries and links (undoable)\n"
                                                     "  e.g. nptcoder matrix delete hub-study.nptq NPT");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Matrix name")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            delete_matrix(p, require_matrix(p, o->name).id);
            std::cout << "Deleted matrix '" << o->name << "'\n";
        });
    }
}

}  // namespace npt::cli
