// cmd_cases_edit.cpp — `nptcoder cases add|rename|delete|set|link|unlink` and
// `nptcoder cases attribute add|rename|delete|type|list`: editing cases, their attribute values
// and document links, and the attributes themselves, through the same core functions
// (core/model/cases.hpp) as the workbench's Cases and attributes window. Each is one undoable step.
#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "core/error.hpp"
#include "core/model/attribute_values.hpp"
#include "core/model/case_edits.hpp"
#include "core/model/documents.hpp"

namespace npt::cli {
namespace {

struct CaseOpts {
    std::string path, name, other, attribute, value;
};

// A subcommand taking the project and then `names` positional arguments into `o`'s fields.
CLI::App* case_command(CLI::App* parent, const std::string& name, const std::string& help, std::shared_ptr<CaseOpts> o,
                       std::initializer_list<std::pair<std::string*, const char*>> args) {
    auto* cmd = parent->add_subcommand(name, help);
    cmd->add_option("project", o->path, "Project file")->required();
    for (const auto& [field, what] : args) cmd->add_option(what, *field, what)->required();
    return cmd;
}

void add_case_edits(CLI::App* cases) {
    auto o = std::make_shared<CaseOpts>();
    case_command(cases, "add", "Add a case\n  e.g. nptcoder cases add study.nptq P09", o, {{&o->name, "case"}})
        ->callback([o] {
            Project p = open_project(o->path);
            add_case(p, o->name);
            std::cout << fmt::format("Added case {}\n", o->name);
        });
    auto r = std::make_shared<CaseOpts>();
    case_command(cases, "rename", "Rename a case (its values, documents and codings stay)\n"
                                  "  e.g. nptcoder cases rename study.nptq P09 P09a",
                 r, {{&r->name, "case"}, {&r->other, "new-name"}})
        ->callback([r] {
            Project p = open_project(r->path);
            rename_case(p, require_case(p, r->name).id, r->other);
            std::cout << fmt::format("Renamed case {} to {}\n", r->name, r->other);
        });
    auto d = std::make_shared<CaseOpts>();
    case_command(cases, "delete", "Delete a case with its attribute values and document links (the documents and their\n"
                                  "codings stay; undo brings it back)\n  e.g. nptcoder cases delete study.nptq P09",
                 d, {{&d->name, "case"}})
        ->callback([d] {
            Project p = open_project(d->path);
            delete_case(p, require_case(p, d->name).id);
            std::cout << fmt::format("Deleted case {}\n", d->name);
        });
    auto s = std::make_shared<CaseOpts>();
    case_command(cases, "set", "Set a case's value for an attribute, checked against its type (a number, a date\n"
                               "YYYY-MM-DD or DD/MM/YYYY, yes/no, one of a choice's values); \"\" clears it\n"
                               "  e.g. nptcoder cases set study.nptq P01 age 34",
                 s, {{&s->name, "case"}, {&s->attribute, "attribute"}})
        ->add_option("value", s->value, "The value (\"\" clears it)")
        ->required();
    cases->get_subcommand("set")->callback([s] {
        Project p = open_project(s->path);
        const Case c = require_case(p, s->name);
        edit_case_value(p, c.id, require_attribute(p, s->attribute).id, s->value);
        const auto values = case_values(p, c.id);
        const auto it = values.find(s->attribute);
        if (it == values.end()) std::cout << fmt::format("Cleared {} of {}\n", s->attribute, s->name);
        else std::cout << fmt::format("{} of {}: {}\n", s->attribute, s->name, it->second);
    });
    for (const bool link : {true, false}) {
        auto l = std::make_shared<CaseOpts>();
        case_command(cases, link ? "link" : "unlink",
                     link ? "Link a document to a case\n  e.g. nptcoder cases link study.nptq P01 p01.txt"
                          : "Unlink a document from a case\n  e.g. nptcoder cases unlink study.nptq P01 p01.txt",
                     l, {{&l->name, "case"}, {&l->other, "document"}})
            ->callback([l, link] {
                Project p = open_project(l->path);
                const Case c = require_case(p, l->name);
                const DocumentInfo doc = require_document(p, l->other);
                if (link) link_document_to_case(p, doc.id, c.id);
                else unlink_document_from_case(p, doc.id, c.id);
                if (link) std::cout << fmt::format("Linked {} to case {}\n", l->other, l->name);
                else std::cout << fmt::format("Unlinked {} from case {}\n", l->other, l->name);
            });
    }
}

struct AttributeOpts {
    std::string path, name, other, type = "text", values;
    bool json = false;
};

void add_attribute_edits(CLI::App* cases) {
    auto* attribute = cases->add_subcommand("attribute", "Add, rename, delete, retype or list attributes");
    attribute->require_subcommand(1);
    const char* values_help = "A choice attribute's values, comma-separated, in order (e.g. GP,nurse,manager)";
    {
        auto o = std::make_shared<AttributeOpts>();
        auto* cmd = attribute->add_subcommand("add", "Add an attribute\n"
                                                     "  e.g. nptcoder cases attribute add study.nptq role --type choice --values GP,nurse");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Attribute name")->required();
        cmd->add_option("--type", o->type, "text, number, date, boolean or choice (default text)");
        cmd->add_option("--values", o->values, values_help);
        cmd->callback([o] {
            Project p = open_project(o->path);
            const AttributeKind kind = attribute_kind_from_string(o->type);
            const auto choices = choices_for_kind(o->name, kind, parse_choice_list(o->values));
            const Attribute a = add_attribute(p, o->name, kind.type, choices);
            std::cout << fmt::format("Added attribute {} ({})\n", a.name, attribute_kind_name(a.type, choices));
        });
    }
    {
        auto o = std::make_shared<AttributeOpts>();
        auto* cmd = attribute->add_subcommand("rename", "Rename an attribute (its values stay)\n"
                                                        "  e.g. nptcoder cases attribute rename study.nptq site practice");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Attribute name")->required();
        cmd->add_option("new-name", o->other, "New name")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            rename_attribute(p, require_attribute(p, o->name).id, o->other);
            std::cout << fmt::format("Renamed attribute {} to {}\n", o->name, o->other);
        });
    }
    {
        auto o = std::make_shared<AttributeOpts>();
        auto* cmd = attribute->add_subcommand("delete", "Delete an attribute and every case's value for it\n"
                                                        "  e.g. nptcoder cases attribute delete study.nptq site");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Attribute name")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            delete_attribute(p, require_attribute(p, o->name).id);
            std::cout << fmt::format("Deleted attribute {}\n", o->name);
        });
    }
    {
        auto o = std::make_shared<AttributeOpts>();
        auto* cmd = attribute->add_subcommand(
            "type", "Change an attribute's type; refused, naming the case, when a value does not fit (dates become\n"
                    "YYYY-MM-DD)\n  e.g. nptcoder cases attribute type study.nptq age number\n"
                    "       nptcoder cases attribute type study.nptq role choice --values GP,nurse,manager");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Attribute name")->required();
        cmd->add_option("type", o->type, "text, number, date, boolean or choice")->required();
        cmd->add_option("--values", o->values, values_help);
        cmd->callback([o] {
            Project p = open_project(o->path);
            const AttributeKind kind = attribute_kind_from_string(o->type);
            const auto choices = choices_for_kind(o->name, kind, parse_choice_list(o->values));
            set_attribute_type(p, require_attribute(p, o->name).id, kind.type, choices);
            std::cout << fmt::format("Attribute {} is now {}\n", o->name, attribute_kind_name(kind.type, choices));
        });
    }
    {
        auto o = std::make_shared<AttributeOpts>();
        auto* cmd = attribute->add_subcommand("list", "List attributes with their types (and a choice's values)\n"
                                                      "  e.g. nptcoder cases attribute list study.nptq --json");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_flag("--json", o->json, "Print JSON");
        cmd->callback([o] {
            Project p = open_project(o->path);
            const std::vector<Attribute> attributes = list_attributes(p);
            const auto choices = all_attribute_choices(p);
            auto choices_of = [&](const Attribute& a) {
                auto it = choices.find(a.id);
                return it == choices.end() ? std::vector<std::string>{} : it->second;
            };
            if (o->json) {
                nlohmann::json out = nlohmann::json::array();
                for (const Attribute& a : attributes)
                    out.push_back({{"name", a.name}, {"type", attribute_kind_name(a.type, choices_of(a))}, {"choices", choices_of(a)}});
                print_json(out);
                return;
            }
            for (const Attribute& a : attributes) {
                std::string list;
                for (const std::string& c : choices_of(a)) list += (list.empty() ? ": " : ", ") + c;
                std::cout << fmt::format("{} ({}{})\n", a.name, attribute_kind_name(a.type, choices_of(a)), list);
            }
        });
    }
}

}  // namespace

void add_cases_edit_commands(CLI::App* cases) {
    add_case_edits(cases);
    add_attribute_edits(cases);
}

}  // namespace npt::cli
