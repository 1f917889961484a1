// cmd_memos.cpp — `memo add|list|edit|delete`: notes on the project, documents, codes, cases, codings.
#include "cli/cli_support.hpp"
#include "cli/print_rows.hpp"
#include "core/model/cases.hpp"
#include "core/model/codes.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/model/memos.hpp"

namespace npt::cli {
namespace {

// Resolves a target name (document name, code path, case name, coding id) to an id.
std::optional<MemoTargetId> resolve_target(Project& p, MemoTarget target, const std::string& name) {
    switch (target) {
        case MemoTarget::Project: return std::nullopt;
        case MemoTarget::Document: return require_document(p, name).id;
        case MemoTarget::Code: return require_code(p, name).id;
        case MemoTarget::Case: return require_case(p, name).id;
        case MemoTarget::Coding:
            try {
                return CodingId{std::stoll(name)};
            } catch (const std::exception&) {
                throw InputError("a coding is named by its id, not '" + name + "'");
            }
    }
    return std::nullopt;
}

}  // namespace

void add_memo_commands(CLI::App& app) {
    auto* memo = app.add_subcommand("memo", "Write and read memos on the project, documents, codes, cases and codings");
    memo->require_subcommand(1);
    {
        struct Opts { std::string path, on = "project", target, text, title; };
        auto o = std::make_shared<Opts>();
        auto* cmd = memo->add_subcommand("add", "Add a memo\n  e.g. nptcoder memo add study.nptq --on code --target Coherence --text \"Sense-making is thin in site B\"");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("--on", o->on, "project, document, code, case or coding");
        cmd->add_option("--target", o->target, "Document name, code path, case name or coding id");
        cmd->add_option("--text", o->text, "Memo text")->required();
        cmd->add_option("--title", o->title, "Memo title");
        cmd->callback([o] {
            Project p = open_project(o->path);
            MemoTarget target = memo_target_from_string(o->on);
            if (target != MemoTarget::Project && o->target.empty()) throw InputError("--target is needed for a memo on a " + o->on);
            Memo m = add_memo(p, target, resolve_target(p, target, o->target), o->text, o->title);
            std::cout << "Added memo " << m.id << '\n';
        });
    }
    {
        struct Opts { std::string path, on, target; Format format; };
        auto o = std::make_shared<Opts>();
        auto* cmd = memo->add_subcommand("list", "List memos (all, or on one kind of target or one target)");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("--on", o->on, "project, document, code, case or coding");
        cmd->add_option("--target", o->target, "Document name, code path, case name or coding id");
        add_format_options(cmd, o->format);
        cmd->callback([o] {
            Project p = open_project(o->path);
            std::optional<MemoTarget> target;
            std::optional<MemoTargetId> id;
            if (!o->on.empty()) {
                target = memo_target_from_string(o->on);
                if (!o->target.empty()) id = resolve_target(p, *target, o->target);
            }
            std::vector<Row> rows;
            for (const Memo& m : list_memos(p, target, id))
                rows.push_back({m.id, to_string(m.target), m.target_id ? nlohmann::json(m.target_id->value) : nlohmann::json(nullptr),
                                m.author, m.title, m.text, m.modified});
            print_rows({"id", "on", "target_id", "author", "title", "text", "modified"}, rows, o->format, [](const Row& m) {
                std::cout << "#" << m[0] << " on " << m[1].get<std::string>() << " by " << m[3].get<std::string>() << ": "
                          << m[5].get<std::string>() << '\n';
            });
        });
    }
    {
        struct Opts { std::string path, text, title; std::int64_t id = 0; };
        auto o = std::make_shared<Opts>();
        auto* cmd = memo->add_subcommand("edit", "Replace a memo's text");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("id", o->id, "Memo id")->required();
        cmd->add_option("--text", o->text, "New text")->required();
        cmd->add_option("--title", o->title, "New title");
        cmd->callback([o] {
            Project p = open_project(o->path);
            update_memo(p, MemoId{o->id}, o->text, o->title);
            std::cout << "Updated memo " << o->id << '\n';
        });
    }
    {
        struct Opts { std::string path; std::int64_t id = 0; };
        auto o = std::make_shared<Opts>();
        auto* cmd = memo->add_subcommand("delete", "Delete a memo (undoable)");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("id", o->id, "Memo id")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            delete_memo(p, MemoId{o->id});
            std::cout << "Deleted memo " << o->id << '\n';
        });
    }
}

}  // namespace npt::cli
