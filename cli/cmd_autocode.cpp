// cmd_autocode.cpp — `nptcoder autocode`: code every hit of a search, a coding query or a
// speaker's turns with one code for one coder, as one undoable step (--dry-run lists them).
#include "cli/cli_support.hpp"
#include "cli/document_names.hpp"
#include "cli/print_rows.hpp"

#include "core/error.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/name_match.hpp"
#include "core/query/autocode.hpp"

namespace npt::cli {

void add_autocode_command(CLI::App& app) {
    struct Opts {
        std::string path, search, query, speaker, code, coder, extend = "hit";
        std::vector<std::string> documents, query_coders;
        bool substring = false, dry_run = false;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "autocode",
        "Code every hit of a search, a coding query or a speaker's turns with one code, as one undoable\n"
        "  step; --extend grows each hit to its sentence, paragraph or speaker turn\n"
        "  e.g. nptcoder autocode study.nptq --search \"waiting list\" --extend sentence \\\n"
        "         --code \"Coherence/Differentiation\" --coder \"Ngozi A\" --dry-run");
    cmd->add_option("project", o->path, "Project file")->required();
    auto* search = cmd->add_option("--search", o->search, "Words or a phrase (ignoring case, accents, white space runs)");
    auto* query = cmd->add_option("--query", o->query, "A coding query, e.g. \"Coherence AND NOT Collective action\"");
    auto* speaker = cmd->add_option("--speaker", o->speaker, "Every turn of this speaker (\"P07\")");
    search->excludes(query)->excludes(speaker);
    query->excludes(speaker);
    cmd->add_option("--code", o->code, "The code to apply (it must exist: `codebook add` makes new ones)")->required();
    cmd->add_option("--coder", o->coder, "The coder the codings belong to")->required();
    cmd->add_option("--extend", o->extend, "hit (default), sentence, paragraph or turn")
        ->check(CLI::IsMember({"hit", "sentence", "paragraph", "turn"}));
    cmd->add_option("--docs,--doc", o->documents, "Only these documents (names, comma-separated names or globs)");
    cmd->add_option("--query-coder", o->query_coders, "--query: only these coders' codings count");
    cmd->add_flag("--substring", o->substring, "--search: match inside words too");
    cmd->add_flag("--dry-run", o->dry_run, "List the passages and change nothing");
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        const int sources = !o->search.empty() + !o->query.empty() + !o->speaker.empty();
        if (sources != 1) throw InputError("autocode needs one of --search, --query or --speaker");
        Project p = open_project(o->path);
        AutocodeRequest request;
        request.source = !o->search.empty() ? AutocodeSource::Search
                         : !o->query.empty() ? AutocodeSource::Query
                                             : AutocodeSource::Speaker;
        request.pattern = !o->search.empty() ? o->search : !o->query.empty() ? o->query : o->speaker;
        request.extend = autocode_extent_from_string(o->extend);
        request.documents = expand_document_names(p, o->documents);
        request.whole_words = !o->substring;
        request.query_coders = o->query_coders;
        const Code code = require_code(p, o->code);
        // A coder is found by name, or made (with a notice) as `code add` does; a near miss of an
        // existing name is refused with a suggestion.
        const std::optional<Coder> existing = find_coder(p, o->coder);
        if (!existing) {
            std::vector<std::string> names;
            for (const Coder& c : list_coders(p)) names.push_back(c.name);
            if (NameMatch m = match_name(o->coder, names); m.kind == NameMatch::Kind::NearMiss)
                throw NotFoundError("no coder named '" + o->coder + "'; did you mean '" + m.existing + "'?", "coder");
        }
        AutocodePlan plan = plan_autocode(p, request, code.id, existing ? existing->id : CoderId{});

        std::int64_t to_code = 0;
        for (const AutocodePassage& a : plan.passages) to_code += !a.covered;
        AutocodeResult result;
        if (!o->dry_run && to_code > 0) {
            p.action(autocode_step_label(plan.description, code.path, o->coder), [&] {
                const CoderId coder = existing ? existing->id : ensure_coder(p, o->coder).id;
                result = apply_autocode(p, plan.passages, code.id, coder, plan.description);
            });
            if (!existing) std::cerr << "nptcoder: created new coder: '" << o->coder << "'\n";
        }
        const std::string coder_name = existing ? existing->name : o->coder;

        std::vector<Row> rows;
        for (const AutocodePassage& a : plan.passages)
            rows.push_back({a.document, a.span.start, a.span.end, a.hits, a.covered ? "already coded" : o->dry_run ? "would code" : "coded",
                            a.text});
        if (o->format == Format::Json)
            return print_json({{"description", plan.description},
                               {"code", code.path},
                               {"coder", coder_name},
                               {"dry_run", o->dry_run},
                               {"hits", plan.hits},
                               {"passages", [&] {
                                    nlohmann::json list = nlohmann::json::array();
                                    for (const Row& r : rows)
                                        list.push_back({{"doc", r[0]}, {"start", r[1]}, {"end", r[2]}, {"hits", r[3]},
                                                        {"status", r[4]}, {"text", r[5]}});
                                    return list;
                                }()},
                               {"applied", result.passages},
                               {"code_points_added", result.code_points_added}});
        print_rows({"doc", "start", "end", "hits", "status", "text"}, rows, o->format, [](const Row& r) {
            std::string text = r[5].get<std::string>();
            for (char& c : text)
                if (c == '\n') c = ' ';
            if (text.size() > 100) text = text.substr(0, 97) + "...";
            std::cout << r[0].get<std::string>() << " " << r[1] << "-" << r[2] << "  " << r[4].get<std::string>() << "  " << text << '\n';
        });
        if (o->format != Format::Text) return;
        std::cout << plan.hits << " hit(s) in " << plan.passages.size() << " passage(s); ";
        if (o->dry_run)
            std::cout << to_code << " would be coded " << code.path << " for " << coder_name << " (dry run: nothing changed)\n";
        else if (to_code == 0)
            std::cout << "nothing to code: " << code.path << " already covers every passage for " << coder_name << '\n';
        else
            std::cout << "coded " << result.passages << " as " << code.path << " for " << coder_name << " (+"
                      << result.code_points_added << " characters; `nptcoder undo` takes it back)\n";
    });
}

}  // namespace npt::cli
