// cmd_project.cpp — project-level commands: init, info, check, undo, redo, history, copy.
#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "core/error.hpp"
#include "core/store/event_log.hpp"
#include "core/query/project_summary.hpp"
#include "core/store/undo.hpp"

namespace npt::cli {

void add_project_commands(CLI::App& app) {
    {
        struct Opts { std::string path, name; };
        auto o = std::make_shared<Opts>();
        auto* cmd = app.add_subcommand("init", "Create a new, empty project file\n  e.g. nptcoder init study.nptq --name \"Hub evaluation\"");
        cmd->add_option("project", o->path, "Project file to create (.nptq)")->required();
        cmd->add_option("--name", o->name, "Project name (default: the file name)");
        cmd->callback([o] {
            Project p = Project::create(o->path, o->name);
            std::cout << "Created project '" << p.name() << "' in " << o->path << '\n';
        });
    }
    {
        struct Opts { std::string path; Format format; };
        auto o = std::make_shared<Opts>();
        auto* cmd = app.add_subcommand("info", "Summarise a project: documents, cases, codes, coders, codings\n  e.g. nptcoder info study.nptq --json");
        cmd->add_option("project", o->path, "Project file")->required();
        add_format_options(cmd, o->format);
        cmd->callback([o] {
            Project p = open_project(o->path);
            ProjectSummary s = summarize(p);
            if (o->format == Format::Json) {
                print_json({{"name", s.name}, {"path", s.path}, {"created", s.created},
                            {"schema_version", s.schema_version}, {"documents", s.documents},
                            {"characters", s.characters}, {"cases", s.cases}, {"attributes", s.attributes},
                            {"codes", s.codes}, {"coders", s.coders}, {"codings", s.codings},
                            {"memos", s.memos}, {"matrices", s.matrices}});
                return;
            }
            std::cout << fmt::format(
                "Project     {}\nFile        {}\nCreated     {}\nSchema      {}\nDocuments   {} ({} characters)\n"
                "Cases       {} ({} attributes)\nCodes       {}\nCoders      {}\nCodings     {}\nMemos       {}\n"
                "Matrices    {}\n",
                s.name, s.path, s.created, s.schema_version, s.documents, s.characters, s.cases, s.attributes,
                s.codes, s.coders, s.codings, s.memos, s.matrices);
        });
    }
    {
        auto path = std::make_shared<std::string>();
        auto* cmd = app.add_subcommand("check", "Check the project file's integrity (PRAGMA integrity_check)");
        cmd->add_option("project", *path, "Project file")->required();
        cmd->callback([path] {
            Project p = open_project(*path);
            std::string result = p.integrity_check();
            if (result != "ok") throw FormatError(*path + ": integrity check failed: " + result);
            std::cout << *path << ": ok\n";
        });
    }
    for (bool is_undo : {true, false}) {
        auto path = std::make_shared<std::string>();
        auto* cmd = app.add_subcommand(is_undo ? "undo" : "redo",
                                       is_undo ? "Undo the last change (shared with the GUI; survives restarts)"
                                               : "Redo the last undone change");
        cmd->add_option("project", *path, "Project file")->required();
        cmd->callback([path, is_undo] {
            Project p = open_project(*path);
            auto step = is_undo ? undo(p) : redo(p);
            if (!step) throw InputError(*path + (is_undo ? ": nothing to undo" : ": nothing to redo"));
            std::cout << (is_undo ? "Undone: " : "Redone: ") << step->label << '\n';
        });
    }
    {
        struct Opts { std::string path; Format format; int limit = 20; };
        auto o = std::make_shared<Opts>();
        auto* cmd = app.add_subcommand("history", "Show the event log: who did what, when");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("--limit", o->limit, "Number of events (newest first)");
        add_format_options(cmd, o->format);
        cmd->callback([o] {
            Project p = open_project(o->path);
            auto events = list_events(p, o->limit);
            if (o->format == Format::Json) {
                nlohmann::json out = nlohmann::json::array();
                for (auto& e : events) out.push_back({{"time", e.time}, {"actor", e.actor}, {"action", e.action}});
                print_json(out);
                return;
            }
            for (auto& e : events) std::cout << e.time << "  " << e.actor << "  " << e.action << '\n';
        });
    }
    {
        struct Opts { std::string path, target; };
        auto o = std::make_shared<Opts>();
        auto* cmd = app.add_subcommand("copy", "Save a consistent copy of the project (SQLite backup), e.g. before merging");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("target", o->target, "New file to write")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            p.save_copy(o->target);
            std::cout << "Copied to " << o->target << '\n';
        });
    }
}

}  // namespace npt::cli
