// cmd_coders.cpp — `coder add|list`: the people who code in a project.
#include "cli/cli_support.hpp"
#include "cli/print_rows.hpp"
#include "core/model/coders.hpp"
#include "core/query/coding_counts.hpp"

namespace npt::cli {

void add_coder_commands(CLI::App& app) {
    auto* coder = app.add_subcommand("coder", "Add and list coders");
    coder->require_subcommand(1);
    {
        struct Opts { std::string path, name, colour; };
        auto o = std::make_shared<Opts>();
        auto* cmd = coder->add_subcommand("add", "Add a coder\n  e.g. nptcoder coder add study.nptq Amira --colour '#e15759'");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Coder's name")->required();
        cmd->add_option("--colour,--color", o->colour, "Highlight colour, #rrggbb");
        cmd->callback([o] {
            Project p = open_project(o->path);
            Coder c = add_coder(p, o->name, o->colour);
            std::cout << "Added coder " << c.name << " (" << c.colour << ")\n";
        });
    }
    {
        struct Opts { std::string path; Format format; };
        auto o = std::make_shared<Opts>();
        auto* cmd = coder->add_subcommand("list", "List coders with their number of codings");
        cmd->add_option("project", o->path, "Project file")->required();
        add_format_options(cmd, o->format);
        cmd->callback([o] {
            Project p = open_project(o->path);
            std::vector<Row> rows;
            const CodingCounts counts = coding_counts(p);
            for (const Coder& c : list_coders(p)) rows.push_back({c.name, c.colour, c.guid, counts.of_coder(c.id)});
            print_rows({"name", "colour", "guid", "codings"}, rows, o->format, [](const Row& c) {
                std::cout << c[0].get<std::string>() << "  " << c[1].get<std::string>() << "  " << c[3].get<std::int64_t>()
                          << " codings\n";
            });
        });
    }
}

}  // namespace npt::cli
