// cmd_project.cpp — project-level commands: init, info, check, undo, redo, history, copy.
#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "cli/print_rows.hpp"
#include "core/store/backups.hpp"
#include "core/error.hpp"
#include "core/query/project_summary.hpp"
#include "core/store/event_log.hpp"
#include "core/store/project_repair.hpp"
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
                            {"memos", s.memos}, {"matrices", s.matrices}, {"read_only", p.read_only()}});
                return;
            }
            std::cout << fmt::format(
                "Project     {}\nFile        {}\nCreated     {}\nSchema      {}\nDocuments   {} ({} characters)\n"
                "Cases       {} ({} attributes)\nCodes       {}\nCoders      {}\nCodings     {}\nMemos       {}\n"
                "Matrices    {}\n",
                s.name, s.path, s.created, s.schema_version, s.documents, s.characters, s.cases, s.attributes,
                s.codes, s.coders, s.codings, s.memos, s.matrices);
            if (p.read_only()) std::cout << "Access      read-only (no write access to the file or its folder)\n";
        });
    }
    {
        struct Opts { std::string path, out; bool repair = false; };
        auto o = std::make_shared<Opts>();
        auto* cmd = app.add_subcommand("check", "Check the project file's integrity; --repair writes a recovered copy");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_flag("--repair", o->repair,
                      "Write a recovered copy (never a change in place): every readable row in a fresh project,\n"
                      "  without schema objects the file brought with it; the undo history is not carried over");
        cmd->add_option("--out", o->out, "File for the repaired copy (default: PROJECT-repaired.nptq beside it)");
        cmd->footer("Example: nptcoder check out/hub-study.nptq\n"
                    "         nptcoder check damaged.nptq --repair --out recovered.nptq");
        cmd->callback([o] {
            if (o->repair) {
                std::filesystem::path out = o->out.empty() ? default_repair_path(o->path) : std::filesystem::path(o->out);
                RepairReport r = repair_project(o->path, out);
                for (const std::string& left : r.left_out) std::cout << "left out: " << left << '\n';
                for (const RepairedTable& t : r.tables) {
                    if (t.copied == 0 && t.dropped == 0 && t.unreadable_runs == 0) continue;
                    std::cout << fmt::format("{:<20} {:>8} rows copied", t.table, t.copied);
                    if (t.dropped) std::cout << fmt::format(", {} dropped (broke a rule or lost their parent)", t.dropped);
                    if (t.unreadable_runs) std::cout << fmt::format(", {} unreadable stretch(es) skipped", t.unreadable_runs);
                    std::cout << '\n';
                }
                std::cout << "undo history: not carried over (it is statements read from the damaged file)\n";
                std::cout << "Wrote " << out.string() << " (integrity: " << r.integrity << "); " << o->path
                          << " was not changed\n";
                return;
            }
            Project p = open_project(o->path);
            std::string result = p.integrity_check();
            if (result != "ok")
                throw FormatError(o->path + ": integrity check failed: " + result + " — `nptcoder check " + o->path +
                                  " --repair` writes a recovered copy");
            std::cout << o->path << ": ok\n";
        });
    }
    {
        auto* backup = app.add_subcommand("backup", "Backups kept next to the project (P.nptq.backups/): list, now, restore, keep");
        backup->require_subcommand(1);
        backup->footer("Backups are made automatically before merge, reconcile and the undo of a large step.\n"
                       "Example: nptcoder backup list out/hub-study.nptq");
        {
            struct Opts { std::string path; Format format; };
            auto o = std::make_shared<Opts>();
            auto* cmd = backup->add_subcommand("list", "List the project's backups, newest first");
            cmd->add_option("project", o->path, "Project file")->required();
            add_format_options(cmd, o->format);
            cmd->callback([o] {
                auto backups = list_backups(o->path);
                if (o->format == Format::Text && backups.empty())
                    std::cout << "No backups in " << backup_folder(o->path).string() << '\n';
                std::vector<Row> rows;
                for (const Backup& b : backups) rows.push_back({b.file.string(), b.time, b.reason, b.bytes});
                print_rows({"file", "time", "reason", "bytes"}, rows, o->format, [](const Row& b) {
                    std::cout << fmt::format("{}  {:<15} {:>12} bytes  {}\n", b[1].get<std::string>(), b[2].get<std::string>(),
                                             b[3].dump(), b[0].get<std::string>());
                });
            });
        }
        {
            auto path = std::make_shared<std::string>();
            auto* cmd = backup->add_subcommand("now", "Make a backup now");
            cmd->add_option("project", *path, "Project file")->required();
            cmd->callback([path] {
                Project p = open_project(*path);
                auto b = make_backup(p, "manual");
                if (!b) throw InputError(*path + ": is read-only; no backup was made");
                std::cout << "Wrote " << b->file.string() << '\n';
            });
        }
        {
            struct Opts { std::string path, file; };
            auto o = std::make_shared<Opts>();
            auto* cmd = backup->add_subcommand("restore", "Put a backup's content back into the project (the current state is backed up first)");
            cmd->add_option("project", o->path, "Project file")->required();
            cmd->add_option("backup", o->file, "Backup file (see backup list)")->required();
            cmd->callback([o] {
                Project p = open_project(o->path);
                restore_backup(p, o->file);
                std::cout << "Restored " << o->file << " into " << o->path << " (the state before is in backup list)\n";
            });
        }
        {
            struct Opts { std::string path; int keep = kDefaultBackupKeep; };
            auto o = std::make_shared<Opts>();
            auto* cmd = backup->add_subcommand("keep", "How many automatic backups to keep (default 5)");
            cmd->add_option("project", o->path, "Project file")->required();
            cmd->add_option("count", o->keep, "1 to 1000")->required();
            cmd->callback([o] {
                Project p = open_project(o->path);
                set_backup_keep(p, o->keep);
                std::cout << "Keeping " << o->keep << " automatic backups of " << o->path << '\n';
            });
        }
    }
    for (bool is_undo : {true, false}) {
        struct Opts { std::string path, actor; bool any = false; };
        auto o = std::make_shared<Opts>();
        auto* cmd = app.add_subcommand(is_undo ? "undo" : "redo",
                                       is_undo ? "Undo your last change (shared with the GUI; survives restarts)"
                                               : "Redo your last undone change");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("--actor", o->actor,
                        "Whose steps: this actor's (default: $NPT_ACTOR, else $NPT_CODER, else $USER; the GUI uses\n"
                        "  the active coder's name)");
        cmd->add_flag("--any", o->any,
                      is_undo ? "Undo the newest step in the whole shared history, whoever made it"
                              : "Redo the most recently undone step, whoever made it");
        cmd->footer(is_undo ? "Several writers may share a project (a GUI and the CLI, two coders): undo takes back only\n"
                              "the actor's own newest step, and refuses when someone's later step changed the same rows.\n"
                              "Example: nptcoder undo out/hub-study.nptq --actor Amira"
                            : "Example: nptcoder redo out/hub-study.nptq --actor Amira");
        cmd->callback([o, is_undo] {
            Project p = open_project(o->path);
            if (!o->actor.empty()) p.set_actor(o->actor);
            UndoScope scope = o->any ? UndoScope::Any : UndoScope::Own;
            auto step = is_undo ? undo(p, scope) : redo(p, scope);
            if (!step) {
                std::string whose = o->any ? "" : " of " + p.actor() + "'s (use --any for everyone's history)";
                throw InputError(o->path + (is_undo ? ": nothing to undo" : ": nothing to redo") + whose);
            }
            std::cout << (is_undo ? "Undone: " : "Redone: ") << step->label;
            if (step->actor != p.actor()) std::cout << " (" << step->actor << "'s step)";
            std::cout << '\n';
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
            std::vector<Row> rows;
            for (auto& e : list_events(p, o->limit)) rows.push_back({e.time, e.actor, e.action});
            print_rows({"time", "actor", "action"}, rows, o->format, [](const Row& e) {
                std::cout << e[0].get<std::string>() << "  " << e[1].get<std::string>() << "  " << e[2].get<std::string>() << '\n';
            });
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
