// cmd_codebook.cpp — `codebook load|list|export|import|add|rename|move|merge|delete|colour|describe`:
// the built-in NPT codebooks, exchange (JSON, REFI-QDA .qdc, Markdown/HTML documents) and editing
// the code tree.
#include <algorithm>

#include "cli/cli_support.hpp"
#include "codebook/codebook.hpp"
#include "codebook/codebook_project.hpp"
#include "codebook/refi_codebook.hpp"
#include "core/model/code_edits.hpp"
#include "core/model/codes.hpp"
#include "core/text/csv.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "exporters/codebook_document.hpp"
#include "importers/qdpx_codebook.hpp"
#include "importers/refi_detect.hpp"

namespace npt::cli {
namespace {

std::string extension_of(const std::string& file) {
    std::string ext = std::filesystem::path(file).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

void print_report(const codebook::LoadReport& r, const std::string& what) {
    std::cout << "Loaded " << what << ": " << r.added << " code(s) added, " << r.updated << " updated, " << r.unchanged
              << " unchanged\n";
    for (const auto& note : r.notes) std::cout << "  note: " << note << '\n';
}

nlohmann::json code_json(const Code& c, std::int64_t codings) {
    return {{"path", c.path},         {"name", c.name},           {"guid", c.guid},
            {"colour", c.colour},     {"description", c.description}, {"inclusion", c.inclusion},
            {"exclusion", c.exclusion}, {"examples", c.examples}, {"citation", c.citation},
            {"codings", codings}};
}

void add_load(CLI::App* cb) {
    struct Opts { std::string path, name; };
    auto o = std::make_shared<Opts>();
    std::string names;
    for (const auto& n : codebook::builtin_codebook_names()) names += (names.empty() ? "" : ", ") + n;
    auto* cmd = cb->add_subcommand("load", "Load a built-in codebook (" + names + ") into the project; codes that exist\n"
                                           "  (same GUID or path) take its definitions, missing codes are added\n"
                                           "  e.g. nptcoder codebook load study.nptq npt");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("name", o->name, "Built-in codebook: " + names)->required();
    cmd->callback([o] {
        auto cb = codebook::builtin_codebook(o->name);
        Project p = open_project(o->path);
        print_report(codebook::load_codebook(p, cb), "codebook " + o->name);
    });
}

void add_import(CLI::App* cb) {
    struct Opts { std::string path, file; };
    auto o = std::make_shared<Opts>();
    auto* cmd = cb->add_subcommand("import", "Import a codebook from nptcoder JSON, a REFI-QDA .qdc file, or the code tree of a\n"
                                             "  REFI-QDA project (.qdpx or project.qde; its other contents are not read) (all or nothing)\n"
                                             "  e.g. nptcoder codebook import study.nptq team-codebook.qdc");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("file", o->file, "Codebook file (.json, .qdc, .qdpx or .qde)")->required();
    cmd->callback([o] {
        std::string ext = extension_of(o->file);
        std::string name = std::filesystem::path(o->file).filename().string();
        codebook::Codebook cb;
        auto take = [&](codebook::QdcImport imported) {
            for (const auto& w : imported.warnings) std::cerr << "nptcoder: warning: " << w << '\n';
            cb = std::move(imported.codebook);
        };
        if (ext == ".qdc") {
            take(codebook::read_qdc(read_file(o->file), name));
        } else if (ext == ".json") {
            cb = codebook::parse_codebook_json(read_file(o->file), name);
        } else if (ext == ".qdpx" || ext == ".qde" || importers::is_refi_project(read_file(o->file))) {
            take(importers::read_qdpx_codebook(o->file));
        } else {
            throw InputError(name + ": a codebook to import is .json (nptcoder), .qdc or a .qdpx project (REFI-QDA)");
        }
        Project p = open_project(o->path);
        print_report(codebook::load_codebook(p, cb), name);
    });
}

void add_export(CLI::App* cb) {
    struct Opts { std::string path, out; };
    auto o = std::make_shared<Opts>();
    auto* cmd = cb->add_subcommand("export", "Export the project's codebook: .json (nptcoder), .qdc (REFI-QDA), or a document\n"
                                             "  for a paper's appendix: .md, .html or .docx (tree, definitions, criteria, examples, counts)\n"
                                             "  e.g. nptcoder codebook export study.nptq codebook.html");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("out", o->out, "Output file: .json, .qdc, .md, .html or .docx")->required();
    cmd->callback([o] {
        std::string ext = extension_of(o->out);
        Project p = open_project(o->path);
        if (ext == ".md" || ext == ".html" || ext == ".htm" || ext == ".docx") {
            exporters::write_codebook_document(p, o->out);
        } else if (ext == ".json") {
            write_file_atomic(o->out, codebook::codebook_to_json(codebook::codebook_from_project(p, p.name())));
        } else if (ext == ".qdc") {
            write_file_atomic(o->out, codebook::write_qdc(codebook::codebook_from_project(p, p.name()), "nptcoder " NPT_VERSION_STRING));
        } else {
            throw InputError(std::filesystem::path(o->out).filename().string() + ": export a codebook as .json, .qdc, .md or .html");
        }
        std::cout << "Wrote " << o->out << '\n';
    });
}

void add_list(CLI::App* cb) {
    struct Opts { std::string path; Format format; };
    auto o = std::make_shared<Opts>();
    auto* cmd = cb->add_subcommand("list", "List the codes in tree order with definitions and coding counts\n"
                                           "  e.g. nptcoder codebook list study.nptq --json");
    cmd->add_option("project", o->path, "Project file")->required();
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        Project p = open_project(o->path);
        auto codes = list_codes(p);
        nlohmann::json out = nlohmann::json::array();
        for (const Code& c : codes) out.push_back(code_json(c, coding_count(p, c.id)));
        if (o->format == Format::Json) return print_json(out);
        if (o->format == Format::Csv) {
            std::cout << csv::format_row({"path", "guid", "colour", "codings", "description", "inclusion", "exclusion", "citation"});
            for (const auto& c : out)
                std::cout << csv::format_row({c["path"], c["guid"], c["colour"], std::to_string(c["codings"].get<std::int64_t>()),
                                              c["description"], c["inclusion"], c["exclusion"], c["citation"]});
            return;
        }
        for (const Code& c : codes)
            std::cout << std::string(2 * (split_code_path(c.path).size() - 1), ' ') << c.name << "  " << c.colour << "  "
                      << coding_count(p, c.id) << " codings\n";
    });
}

void add_add(CLI::App* cb) {
    struct Opts { std::string path; NewCode code; };
    auto o = std::make_shared<Opts>();
    auto* cmd = cb->add_subcommand("add", "Add a code (missing parent codes are created)\n"
                                          "  e.g. nptcoder codebook add study.nptq \"Inductive/Waiting times\" --description \"Talk of waiting for a first session\"");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("code", o->code.path, "Path of the new code, e.g. Inductive/Manager support")->required();
    cmd->add_option("--description", o->code.description, "Definition");
    cmd->add_option("--inclusion", o->code.inclusion, "When to apply it");
    cmd->add_option("--exclusion", o->code.exclusion, "When not to apply it");
    cmd->add_option("--example", o->code.examples, "An example quote (repeatable)");
    cmd->add_option("--citation", o->code.citation, "What the code rests on");
    cmd->add_option("--colour", o->code.colour, "#rrggbb");
    cmd->callback([o] {
        if (!o->code.colour.empty()) o->code.colour = normalise_colour(o->code.colour, "code '" + o->code.path + "'");
        Project p = open_project(o->path);
        Code c = add_code(p, o->code);
        std::cout << "Added code " << c.path << " (" << c.guid << ")\n";
    });
}

void add_edits(CLI::App* cb) {
    {
        struct Opts { std::string path, code, name; };
        auto o = std::make_shared<Opts>();
        auto* cmd = cb->add_subcommand("rename", "Rename a code (it keeps its place, GUID and codings)\n"
                                                 "  e.g. nptcoder codebook rename study.nptq \"Inductive/Waiting times\" \"Waiting for support\"");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("code", o->code, "Code path")->required();
        cmd->add_option("name", o->name, "New name (the last part of the path only)")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            std::cout << "Renamed to " << rename_code(p, require_code(p, o->code).id, o->name).path << '\n';
        });
    }
    {
        struct Opts { std::string path, code, parent; bool top = false; };
        auto o = std::make_shared<Opts>();
        auto* cmd = cb->add_subcommand("move", "Move a code, with the codes below it, under another code (or --top)\n"
                                               "  e.g. nptcoder codebook move study.nptq \"Inductive/Manager support\" \"Collective action\"");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("code", o->code, "Code path")->required();
        cmd->add_option("parent", o->parent, "New parent code path");
        cmd->add_flag("--top", o->top, "Move to the top level");
        cmd->callback([o] {
            if (o->top == !o->parent.empty()) throw InputError("give either a new parent code or --top");
            Project p = open_project(o->path);
            CodeId code = require_code(p, o->code).id;
            std::optional<CodeId> parent;
            if (!o->top) parent = require_code(p, o->parent).id;
            std::cout << "Moved to " << move_code(p, code, parent).path << '\n';
        });
    }
    {
        struct Opts { std::string path, source, target; };
        auto o = std::make_shared<Opts>();
        auto* cmd = cb->add_subcommand("merge", "Merge a code into another: its codings, memos and sub-codes move to the target\n"
                                                "  (overlapping or touching codings of one coder then join), and it is deleted\n"
                                                "  e.g. nptcoder codebook merge study.nptq \"Inductive/Waiting times\" \"Inductive/Access\"");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("source", o->source, "Code to merge away")->required();
        cmd->add_option("target", o->target, "Code that receives its codings")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            CodeId source = require_code(p, o->source).id;
            CodeId target = require_code(p, o->target).id;
            auto r = merge_codes(p, source, target);
            std::cout << "Merged " << o->source << " into " << o->target << ": " << r.codings_moved << " coding(s) moved, "
                      << r.codings_joined << " joined with overlapping ones, " << r.codes_removed << " code(s) removed\n";
        });
    }
    {
        struct Opts { std::string path, code; bool force = false; };
        auto o = std::make_shared<Opts>();
        auto* cmd = cb->add_subcommand("delete", "Delete a code and the codes below it (refused while they have codings, unless --force)\n"
                                                 "  e.g. nptcoder codebook delete study.nptq \"Inductive/Unused\"");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("code", o->code, "Code path")->required();
        cmd->add_flag("--force", o->force, "Also delete the codings (undo brings them back)");
        cmd->callback([o] {
            Project p = open_project(o->path);
            auto n = delete_code(p, require_code(p, o->code).id, o->force);
            std::cout << "Deleted " << o->code << (n ? " and " + std::to_string(n) + " coding(s)" : std::string()) << '\n';
        });
    }
    {
        struct Opts { std::string path, code, colour; };
        auto o = std::make_shared<Opts>();
        auto* cmd = cb->add_subcommand("colour", "Set a code's colour\n  e.g. nptcoder codebook colour study.nptq Coherence \"#4e79a7\"");
        cmd->alias("color");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("code", o->code, "Code path")->required();
        cmd->add_option("colour", o->colour, "#rrggbb or #rgb")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            std::cout << o->code << " is now " << set_code_colour(p, require_code(p, o->code).id, o->colour).colour << '\n';
        });
    }
    {
        struct Opts {
            std::string path, code;
            std::optional<std::string> description, inclusion, exclusion, citation;
            std::vector<std::string> examples;
            bool clear_examples = false;
        };
        auto o = std::make_shared<Opts>();
        auto* cmd = cb->add_subcommand("describe", "Set a code's definition, criteria, examples or citation (only those given change)\n"
                                                   "  e.g. nptcoder codebook describe study.nptq \"Inductive/Waiting times\" \\\n"
                                                   "         --description \"Waiting for a first session\" --example \"Three weeks, and I'd given up\"");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("code", o->code, "Code path")->required();
        cmd->add_option("--description", o->description, "Definition");
        cmd->add_option("--inclusion", o->inclusion, "When to apply it");
        cmd->add_option("--exclusion", o->exclusion, "When not to apply it");
        cmd->add_option("--example", o->examples, "Example quote (repeatable; replaces the examples)");
        cmd->add_flag("--clear-examples", o->clear_examples, "Remove every example quote");
        cmd->add_option("--citation", o->citation, "What the code rests on");
        cmd->callback([o] {
            CodeDetails d{o->description, o->inclusion, o->exclusion, std::nullopt, o->citation};
            if (!o->examples.empty() || o->clear_examples) d.examples = o->examples;
            Project p = open_project(o->path);
            std::cout << "Updated " << update_code_details(p, require_code(p, o->code).id, d).path << '\n';
        });
    }
}

}  // namespace

void add_codebook_commands(CLI::App& app) {
    auto* cb = app.add_subcommand("codebook", "The code tree: load the NPT codebooks, add and edit codes, import and export");
    cb->require_subcommand(1);
    add_load(cb);
    add_list(cb);
    add_export(cb);
    add_import(cb);
    add_add(cb);
    add_edits(cb);
}

}  // namespace npt::cli
