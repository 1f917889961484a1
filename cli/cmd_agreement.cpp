// cmd_agreement.cpp — `agreement`, `agreement-table`, `disagreements`, `reconcile`, `merge`: how
// a team lead measures inter-coder agreement, walks through disagreements, records a consensus
// coding and brings coders' project files together.
#include <charconv>
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/document_names.hpp"
#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/disagreements.hpp"
#include "core/agreement/reconcile.hpp"
#include "core/agreement/reliability_table.hpp"
#include "core/model/codes.hpp"
#include "codebook/codebook.hpp"
#include "core/text/csv.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/model/merge.hpp"
#include "exporters/agreement_report.hpp"

namespace npt::cli {
namespace {

// Writes to --out atomically, or to stdout.
void emit(const std::string& out_path, const std::string& content) {
    if (out_path.empty()) {
        std::cout << content;
        return;
    }
    write_file_atomic(out_path, content);
    std::cerr << "Wrote " << out_path << '\n';
}

// True when one of the code paths is a construct (a code with codes below it) of a built-in NPT
// codebook: its row then counts its sub-constructs, since nobody codes the construct itself.
bool names_builtin_construct(const std::vector<std::string>& paths) {
    for (const std::string& name : codebook::builtin_codebook_names()) {
        const codebook::Codebook book = codebook::builtin_codebook(name);
        for (const std::string& given : paths) {
            const std::string path = join_code_path(split_code_path(given));
            for (const codebook::CodebookCode& c : book.codes)
                if (c.path.size() > path.size() && c.path.compare(0, path.size() + 1, path + "/") == 0) return true;
        }
    }
    return false;
}

// --chance-codes: empty (the report's codes), "all" (every code in the project) or a positive number.
int chance_codes(Project& p, const std::string& value) {
    if (value.empty()) return 0;
    if (value == "all") return static_cast<int>(list_codes(p).size());
    int k = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), k);
    if (ec != std::errc() || ptr != value.data() + value.size() || k < 1)
        throw InputError("--chance-codes '" + value + "' is neither a positive whole number nor all");
    return k;
}

void add_agreement(CLI::App& app) {
    struct Opts {
        std::string path, unit = "character", format = "text", out;
        std::vector<std::string> coders, codes, docs;
        double overlap = 0.9;
        int bootstrap = 0;
        std::uint64_t seed = 1;
        bool descendants = false, exact = false;
        std::string chance_codes;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "agreement",
        "Inter-coder agreement per code, overall and per document: percent agreement (pooled over coder pairs),\n"
        "Cohen's kappa, Scott's pi, Fleiss' kappa, Krippendorff's alpha, Brennan-Prediger (definitions and sources:\n"
        "docs/agreement.md). The bootstrap uses seed 1 unless --seed is given, so intervals repeat exactly.\n"
        "  e.g. nptcoder agreement study.nptq --coders Amira,Ben --unit character --format html --out agreement.html\n"
        "       nptcoder agreement study.nptq --coders Amira,Ben,Chloe --unit segment --overlap 0.8 --json\n"
        "       nptcoder agreement study.nptq --coders Amira,Ben --codes Coherence --bootstrap 1000 --seed 7");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("--coders", o->coders, "Coders to compare, comma-separated (at least two)")->required()->delimiter(',');
    cmd->add_option("--unit", o->unit, "character, document or segment")
        ->check(CLI::IsMember({"character", "document", "segment"}));
    cmd->add_option("--codes", o->codes, "Code paths to compare (default: every code the coders applied)");
    cmd->add_option("--docs", o->docs, "Documents in scope: names or globs, comma-separated (default: all)");
    auto* descendants = cmd->add_flag("--descendants", o->descendants,
                                      "Each of --codes also counts the codes below it (default when a construct of a\n"
                                      "  built-in NPT codebook, e.g. Coherence, is named)");
    cmd->add_flag("--exact", o->exact, "Each of --codes counts only its own codings")->excludes(descendants);
    cmd->add_option("--overlap", o->overlap, "Segment unit: least intersection over union for two segments to agree");
    cmd->add_option("--chance-codes", o->chance_codes,
                    "Segment unit: K in Brennan-Prediger's chance 1/K: a number, or all (every code in the project);\n"
                    "  default: the number of codes in the report");
    cmd->add_option("--bootstrap", o->bootstrap, "Bootstrap replicates for a 95% interval for alpha (0 = none)")
        ->check(CLI::Range(0, 1000000));
    cmd->add_option("--seed", o->seed, "Seed of the bootstrap's random numbers (default 1: the same interval every run)");
    cmd->add_option("--format", o->format, "text, csv, json or html")->check(CLI::IsMember({"text", "csv", "json", "html"}));
    cmd->add_flag_callback("--json", [o] { o->format = "json"; }, "Same as --format json");
    cmd->add_option("--out", o->out, "Write to this file instead of standard output");
    cmd->callback([o] {
        Project p = open_project(o->path);
        o->docs = expand_document_names(p, o->docs);
        agreement::AgreementScope scope{o->coders, o->codes, o->docs,
                                        o->descendants || (!o->exact && names_builtin_construct(o->codes))};
        agreement::AgreementInput input = agreement::load_agreement_input(p, scope);
        agreement::AgreementOptions options{agreement::unit_from_string(o->unit), o->overlap, o->bootstrap, o->seed,
                                            chance_codes(p, o->chance_codes)};
        agreement::AgreementReport report = agreement::compute_agreement(input, options);
        if (o->format == "json") {
            emit(o->out, exporters::agreement_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        } else if (o->format == "csv") {
            emit(o->out, exporters::agreement_csv(report));
        } else if (o->format == "html") {
            auto top = agreement::longest_disagreements(agreement::find_disagreements(p, scope), 20);
            exporters::AgreementHtmlOptions h{p.name(), o->codes, o->docs, o->bootstrap, o->seed, input.documents.size()};
            emit(o->out, exporters::agreement_html(report, top, h));
        } else {
            emit(o->out, exporters::agreement_text(report));
        }
    });
}

void add_agreement_table(CLI::App& app) {
    struct Opts {
        std::string file, level = "nominal", format = "text";
        std::vector<std::string> categories;
        int bootstrap = 0;
        std::uint64_t seed = 1;
        bool pairwise = false;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "agreement-table",
        "Reliability statistics from a units x coders CSV (first column unit id, one column per coder,\n"
        "empty cell = missing; values are numbers or labels), as ReCal computes them. Percent agreement is\n"
        "pooled over every coder pair of every unit; ReCal's average of the pairs' percent agreements is\n"
        "--pairwise. The bootstrap uses seed 1 unless --seed is given, so intervals repeat exactly.\n"
        "  e.g. nptcoder agreement-table ratings.csv --level ordinal --categories low,medium,high --json");
    cmd->add_option("file", o->file, "CSV table with a header row")->required();
    cmd->add_option("--level", o->level, "nominal, ordinal, interval or ratio (Krippendorff's alpha metric)")
        ->check(CLI::IsMember({"nominal", "ordinal", "interval", "ratio"}));
    cmd->add_option("--categories", o->categories,
                    "The scheme's categories in order, each once (Brennan-Prediger's q; ordinal ranks)")
        ->delimiter(',');
    cmd->add_flag("--pairwise", o->pairwise, "Also ReCal's average pairwise percent agreement, and each pair's");
    cmd->add_option("--bootstrap", o->bootstrap, "Bootstrap replicates for a 95% interval for alpha")->check(CLI::Range(0, 1000000));
    cmd->add_option("--seed", o->seed, "Seed of the bootstrap's random numbers (default 1: the same interval every run)");
    cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag_callback("--json", [o] { o->format = "json"; }, "Same as --format json");
    cmd->callback([o] {
        agreement::Level level = agreement::level_from_string(o->level);
        auto table = agreement::parse_reliability_table(read_file(o->file), o->file, level, o->categories);
        auto result = agreement::compute_reliability(table.data, {level, o->bootstrap, o->seed});
        if (o->format == "json") print_json(exporters::reliability_json(result, table, level, o->pairwise));
        else std::cout << exporters::reliability_text(result, table, level, o->pairwise);
    });
}

void add_disagreements(CLI::App& app) {
    struct Opts {
        std::string path;
        std::vector<std::string> coders, codes, docs;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "disagreements",
        "Every span where the coders differ on a code, in document order, with its text and speaker\n"
        "  e.g. nptcoder disagreements study.nptq --coders Amira,Ben --code Coherence/Differentiation");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("--coders", o->coders, "Coders to compare, comma-separated")->required()->delimiter(',');
    cmd->add_option("--code,--codes", o->codes, "Only these code paths");
    cmd->add_option("--docs", o->docs, "Only these documents: names or globs, comma-separated");
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        Project p = open_project(o->path);
        auto list = agreement::find_disagreements(p, {o->coders, o->codes, expand_document_names(p, o->docs)});
        if (o->format == Format::Json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& d : list)
                out.push_back({{"id", d.id}, {"doc", d.document}, {"start", d.start}, {"end", d.end}, {"code", d.code},
                               {"coders_with", d.coders_with}, {"coders_without", d.coders_without},
                               {"text", d.text}, {"speaker", d.speaker}});
            return print_json(out);
        }
        if (o->format == Format::Csv) {
            std::cout << csv::format_row({"id", "doc", "start", "end", "code", "coders_with", "coders_without", "speaker", "text"});
            auto joined = [](const std::vector<std::string>& v) {
                std::string s;
                for (const auto& x : v) s += (s.empty() ? "" : ";") + x;
                return s;
            };
            for (const auto& d : list)
                std::cout << csv::format_row({d.id, d.document, std::to_string(d.start), std::to_string(d.end), d.code,
                                              joined(d.coders_with), joined(d.coders_without), d.speaker, d.text});
            return;
        }
        for (const auto& d : list) {
            std::cout << d.id << "  " << d.document << " " << d.start << "-" << d.end << "  " << d.code << "  with:";
            for (const auto& c : d.coders_with) std::cout << ' ' << c;
            std::cout << "  without:";
            for (const auto& c : d.coders_without) std::cout << ' ' << c;
            if (!d.speaker.empty()) std::cout << "  [" << d.speaker << "]";
            std::cout << "\n    \"" << d.text << "\"\n";
        }
        std::cout << list.size() << " disagreement(s)\n";
    });
}

void add_reconcile(CLI::App& app) {
    struct Opts {
        std::string path;
        agreement::ReconcileRequest request;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "reconcile",
        "Create a consensus coder from compared coders by a rule, and record accept/reject decisions on\n"
        "single disagreements (ids from `nptcoder disagreements`); one undoable step\n"
        "  e.g. nptcoder reconcile study.nptq --coders Amira,Ben --into Consensus --rule intersection\n"
        "       nptcoder reconcile study.nptq --coders Amira,Ben --into Consensus --accept 3:7:120-245");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("--coders", o->request.coders, "Compared coders, comma-separated")->required()->delimiter(',');
    cmd->add_option("--into", o->request.into, "Name of the consensus coder")->required();
    cmd->add_option("--rule", o->request.rule, "union, intersection, majority, A (first coder), B (second) or a coder's name");
    cmd->add_option("--accept", o->request.accept, "Disagreement id: the consensus coder gets this span");
    cmd->add_option("--reject", o->request.reject, "Disagreement id: the consensus coder does not get this span");
    cmd->add_option("--note", o->request.note, "A note stored with each decision");
    cmd->callback([o] {
        Project p = open_project(o->path);
        auto summary = agreement::reconcile(p, o->request);
        std::cout << "Consensus coder " << summary.consensus.name << ": " << summary.codings_created
                  << " codings by rule, " << summary.decisions << " decision(s) recorded (undo with `nptcoder undo`)\n";
    });
}

void add_merge(CLI::App& app) {
    struct Opts {
        std::string lead, other;
        std::vector<std::string> coder_map;
        std::uint64_t max_size = 100ull * 1024 * 1024;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "merge",
        "Merge another coder's project into the lead project: coders, codings, memos and new codes;\n"
        "documents match by text (SHA-256), codes by GUID then path. One transaction; merging twice adds nothing\n"
        "  e.g. nptcoder merge study.nptq study-ben.nptq --coder-map 'Ben M=Ben'");
    cmd->add_option("lead", o->lead, "The lead project (changed)")->required();
    cmd->add_option("other", o->other, "The project to bring in (read only)")->required();
    cmd->add_option("--coder-map", o->coder_map, "OLD=NEW: the other project's coder OLD is the lead's NEW");
    cmd->add_option("--max-size", o->max_size, "Largest document text taken from the other project, in bytes")
        ->capture_default_str();
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        MergeOptions options{parse_coder_map(o->coder_map)};
        options.max_document_bytes = o->max_size;
        Project p = open_project(o->lead);
        MergeReport r = merge_project(p, o->other, options);
        if (o->format == Format::Json) {
            nlohmann::json conflicts = nlohmann::json::array();
            for (const auto& c : r.conflicts)
                conflicts.push_back({{"kind", c.kind}, {"subject", c.subject}, {"resolution", c.resolution}});
            return print_json({{"coders_added", r.coders_added}, {"coders_matched", r.coders_matched},
                               {"documents_added", r.documents_added}, {"documents_matched", r.documents_matched},
                               {"codes_added", r.codes_added}, {"codes_matched", r.codes_matched},
                               {"codings_added", r.codings_added}, {"codings_present", r.codings_present},
                               {"memos_added", r.memos_added}, {"memos_present", r.memos_present},
                               {"conflicts", conflicts}});
        }
        std::cout << "Merged " << o->other << " into " << o->lead << ": " << r.coders_added << " coder(s), "
                  << r.documents_added << " document(s), " << r.codes_added << " code(s), " << r.codings_added
                  << " coding(s), " << r.memos_added << " memo(s) added; " << r.documents_matched
                  << " document(s) and " << r.codings_present << " coding(s) already present\n";
        for (const auto& c : r.conflicts)
            std::cout << "conflict (" << c.kind << "): " << c.subject << " — " << c.resolution << '\n';
    });
}

}  // namespace

void add_agreement_commands(CLI::App& app) {
    add_agreement(app);
    add_agreement_table(app);
    add_disagreements(app);
    add_reconcile(app);
    add_merge(app);
}

}  // namespace npt::cli
