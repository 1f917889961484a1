// cmd_agreement.cpp — `agreement`, `agreement-table`, `disagreements`, `reconcile`, `merge`: how
// a team lead measures inter-coder agreement, walks through disagreements, records a consensus
// coding and brings coders' project files together.
#include <cctype>
#include <charconv>
#include <filesystem>
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/document_names.hpp"
#include "core/agreement/coding_agreement.hpp"
#include "core/agreement/construct_confusion.hpp"
#include "core/agreement/disagreements.hpp"
#include "core/agreement/reconcile.hpp"
#include "core/agreement/reliability_table.hpp"
#include "core/model/codes.hpp"
#include "codebook/codebook.hpp"
#include "codebook/npt_constructs.hpp"
#include "core/text/csv.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/model/merge.hpp"
#include "exporters/agreement_report.hpp"
#include "exporters/confusion_report.hpp"
#include "exporters/decision_log.hpp"

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

// `agreement --confusion`: the table, or with --row/--column the passages behind one cell.
template <class Opts>
void confusion(Project& p, const agreement::AgreementScope& scope, const Opts& o) {
    if (o.unit != "character") throw InputError("--confusion counts code points; it takes no --unit " + o.unit);
    if (o.format == "html" || o.format == "docx") throw InputError("--confusion writes text, csv or json (not " + o.format + ")");
    if (o.row.empty() != o.column.empty()) throw InputError("--row and --column go together (name one cell)");
    agreement::ConfusionMatrix m = agreement::construct_confusion(p, scope);
    if (o.row.empty()) {
        if (o.format == "json") emit(o.out, exporters::confusion_json(m).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        else if (o.format == "csv") emit(o.out, exporters::confusion_csv(m));
        else emit(o.out, exporters::confusion_text(m));
        return;
    }
    auto index = [&](const std::string& code, const char* option) {
        if (code == "-" || code == exporters::kNotCodedLabel) return m.not_coded();
        for (std::size_t i = 0; i < m.codes.size(); ++i)
            if (m.codes[i] == code) return i;
        throw InputError(std::string(option) + " " + code + ": not one of the compared codes (see the table's rows)");
    };
    auto passages = agreement::confusion_passages(p, scope, index(o.row, "--row"), index(o.column, "--column"));
    if (o.format == "json") {
        emit(o.out, exporters::confusion_passages_json(passages).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    } else if (o.format == "csv") {
        std::string out = csv::format_row({"doc", "start", "end", "speaker", "text"});
        for (const auto& x : passages)
            out += csv::format_row({x.document, std::to_string(x.start), std::to_string(x.end), x.speaker, x.text});
        emit(o.out, out);
    } else {
        std::string out;
        for (const auto& x : passages) {
            out += x.document + " " + std::to_string(x.start) + "-" + std::to_string(x.end);
            if (!x.speaker.empty()) out += "  [" + x.speaker + "]";
            out += "\n    \"" + x.text + "\"\n";
        }
        out += std::to_string(passages.size()) + " passage(s)\n";
        emit(o.out, out);
    }
}


// A Word report is a file: --out FILE.docx alone chooses it, --format docx needs it, and a .docx
// file never holds another format.
template <class Opts>
void choose_docx_format(Opts& o, bool format_given) {
    std::string ext = std::filesystem::path(o.out).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool docx_file = ext == ".docx";
    if (docx_file && !format_given) o.format = "docx";
    if (o.format == "docx" && !docx_file)
        throw InputError(o.out.empty() ? "--format docx writes a Word file: name it with --out FILE.docx"
                                       : o.out + ": --format docx writes a Word file, which needs the .docx extension");
    if (docx_file && o.format != "docx")
        throw InputError(o.out + ": a .docx file holds a Word report, not " + o.format + " (drop --format, or change the extension)");
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
        std::string path, unit = "character", format = "text", out, row, column;
        std::vector<std::string> coders, codes, docs;
        bool confusion = false;
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
        "       nptcoder agreement study.nptq --coders Amira,Ben --out agreement.docx\n"
        "       nptcoder agreement study.nptq --coders Amira,Ben,Chloe --unit segment --overlap 0.8 --json\n"
        "       nptcoder agreement study.nptq --coders Amira,Ben --codes Coherence --bootstrap 1000 --seed 7\n"
        "       nptcoder agreement study.nptq --coders Amira,Ben --confusion --format csv\n"
        "       nptcoder agreement study.nptq --coders Amira,Ben --confusion --row Coherence/Differentiation --column -");
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
    cmd->add_option("--format", o->format, "text, csv, json, html or docx (Word; needs --out FILE.docx, which alone implies it)")
        ->check(CLI::IsMember({"text", "csv", "json", "html", "docx"}));
    cmd->add_flag_callback("--json", [o] { o->format = "json"; }, "Same as --format json");
    cmd->add_option("--out", o->out, "Write to this file instead of standard output");
    cmd->add_flag("--confusion", o->confusion,
                  "Construct confusion for two coders: code points the first coded X and the second coded Y, per pair of\n"
                  "codes, with a not-coded row and column (character unit; text, csv or json)");
    cmd->add_option("--row", o->row, "With --confusion: list the passages of the cell in this row (first coder's code path, - = not coded)");
    cmd->add_option("--column", o->column, "With --confusion --row: ... and this column (second coder's code path, - = not coded)");
    cmd->callback([o, cmd] {
        choose_docx_format(*o, cmd->count("--format") + cmd->count("--json") > 0);
        Project p = open_project(o->path);
        o->docs = expand_document_names(p, o->docs);
        agreement::AgreementScope scope{o->coders, o->codes, o->docs,
                                        o->descendants || (!o->exact && codebook::names_builtin_construct(o->codes))};
        if (o->confusion) return confusion(p, scope, *o);
        agreement::AgreementInput input = agreement::load_agreement_input(p, scope);
        agreement::AgreementOptions options{agreement::unit_from_string(o->unit), o->overlap, o->bootstrap, o->seed,
                                            chance_codes(p, o->chance_codes)};
        agreement::AgreementReport report = agreement::compute_agreement(input, options);
        if (o->format == "json") {
            emit(o->out, exporters::agreement_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        } else if (o->format == "csv") {
            emit(o->out, exporters::agreement_csv(report));
        } else if (o->format == "html" || o->format == "docx") {
            auto top = agreement::longest_disagreements(agreement::find_disagreements(p, scope), 20);
            exporters::AgreementHtmlOptions h{p.name(), o->codes, o->docs, o->bootstrap, o->seed, input.documents.size()};
            if (o->format == "html") {
                emit(o->out, exporters::agreement_html(report, top, h));
            } else {
                exporters::write_agreement_docx(report, top, h, o->out, paper_from_environment());
                std::cerr << "Wrote " << o->out << '\n';
            }
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

// "ID=START-END" (--set-span) taken apart. Throws InputError naming the value.
std::pair<std::string, Span> parse_span_decision(const std::string& value) {
    auto eq = value.rfind('=');
    auto dash = eq == std::string::npos ? std::string::npos : value.find('-', eq);
    try {
        if (eq == std::string::npos || dash == std::string::npos) throw std::invalid_argument(value);
        std::size_t used = 0;
        std::string a = value.substr(eq + 1, dash - eq - 1), b = value.substr(dash + 1);
        Span span{std::stoll(a, &used), 0};
        if (used != a.size()) throw std::invalid_argument(value);
        span.end = std::stoll(b, &used);
        if (used != b.size()) throw std::invalid_argument(value);
        return {value.substr(0, eq), span};
    } catch (const std::logic_error&) {
        throw InputError("--set-span " + value + ": expected ID=START-END (a disagreement id, then the consensus span)");
    }
}

void print_decision_log(Project& p, const std::string& into, const std::string& format, const std::string& out) {
    auto decisions = agreement::list_reconcile_decisions(p, into);
    exporters::DecisionLogOptions options{p.name()};
    if (format == "csv") emit(out, exporters::decision_log_csv(decisions));
    else if (format == "html") emit(out, exporters::decision_log_html(decisions, options));
    else if (format == "json")
        emit(out, exporters::decision_log_json(decisions).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    else emit(out, exporters::decision_log_markdown(decisions, options));
}

void add_reconcile(CLI::App& app) {
    struct Opts {
        std::string path, format = "md", out;
        bool log = false;
        std::vector<std::string> accept_a, accept_b, set_span;
        agreement::ReconcileRequest request;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "reconcile",
        "Create a consensus coder from compared coders by a rule, and decide single disagreements (ids from\n"
        "`nptcoder disagreements`); every decision goes into the decision log. One undoable step per call\n"
        "  e.g. nptcoder reconcile study.nptq --coders Amira,Ben --into Consensus --rule intersection\n"
        "       nptcoder reconcile study.nptq --coders Amira,Ben --into Consensus --accept 3:7:120-245 --note 'agreed 3 May'\n"
        "       nptcoder reconcile study.nptq --coders Amira,Ben --into Consensus --set-span 3:7:120-245=110-245\n"
        "       nptcoder reconcile study.nptq --log --format html --out decisions.html");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("--coders", o->request.coders, "Compared coders, comma-separated (A first, then B)")->delimiter(',');
    cmd->add_option("--into", o->request.into, "Name of the consensus coder (with --log: only its decisions)");
    cmd->add_option("--rule", o->request.rule, "union, intersection, majority, A (first coder), B (second) or a coder's name");
    cmd->add_option("--accept", o->request.accept, "Disagreement id: accept both (the consensus coder gets this span)");
    cmd->add_option("--reject", o->request.reject, "Disagreement id: reject both (the consensus coder does not get it)");
    cmd->add_option("--accept-a", o->accept_a, "Disagreement id: the consensus follows the first coder there");
    cmd->add_option("--accept-b", o->accept_b, "Disagreement id: the consensus follows the second coder there");
    cmd->add_option("--set-span", o->set_span, "ID=START-END: the consensus coding around disagreement ID becomes START-END");
    cmd->add_option("--note", o->request.note, "A note stored with each decision");
    cmd->add_flag("--log", o->log, "Write the decision log (who, when, rule or manual, the note, the text) instead of deciding");
    cmd->add_option("--format", o->format, "With --log: md, csv, html or json")->check(CLI::IsMember({"md", "csv", "html", "json"}));
    cmd->add_flag_callback("--json", [o] { o->format = "json"; }, "Same as --format json");
    cmd->add_option("--out", o->out, "With --log: write to this file instead of standard output");
    cmd->callback([o] {
        Project p = open_project(o->path);
        if (o->log) {
            if (!o->request.rule.empty() || !o->request.accept.empty() || !o->request.reject.empty() ||
                !o->accept_a.empty() || !o->accept_b.empty() || !o->set_span.empty())
                throw InputError("--log writes the decision log; decide in a separate call");
            return print_decision_log(p, o->request.into, o->format, o->out);
        }
        if (o->request.coders.empty()) throw InputError("reconcile needs --coders A,B (or --log)");
        if (o->request.into.empty()) throw InputError("reconcile needs --into NAME (the consensus coder)");
        const agreement::ReconcileTarget target{o->request.coders, o->request.into};
        std::vector<std::pair<std::string, Span>> spans;
        for (const auto& v : o->set_span) spans.push_back(parse_span_decision(v));
        const bool single = !o->accept_a.empty() || !o->accept_b.empty() || !spans.empty();
        if (!single && o->request.rule.empty() && o->request.accept.empty() && o->request.reject.empty())
            throw InputError("reconcile needs --rule, --accept, --reject, --accept-a, --accept-b or --set-span (or --log)");
        // The rule pass is one undoable step (with a backup first); the single decisions are one more.
        agreement::ReconcileSummary summary;
        if (!o->request.rule.empty()) {
            agreement::ReconcileRequest rule_only = o->request;
            rule_only.accept.clear();
            rule_only.reject.clear();
            summary = agreement::reconcile(p, rule_only);
        }
        const bool decisions = !o->request.accept.empty() || !o->request.reject.empty() || single;
        if (decisions)
            p.action("Reconcile decisions into " + o->request.into, [&] {
                const std::string& note = o->request.note;
                auto count = [&](const agreement::DecisionOutcome& d) {
                    summary.consensus = d.consensus;
                    ++summary.decisions;
                };
                for (const auto& id : o->request.accept) count(agreement::accept_both(p, target, id, note));
                for (const auto& id : o->request.reject) count(agreement::reject_both(p, target, id, note));
                for (const auto& id : o->accept_a) count(agreement::accept_a(p, target, id, note));
                for (const auto& id : o->accept_b) count(agreement::accept_b(p, target, id, note));
                for (const auto& [id, span] : spans) count(agreement::set_consensus_span(p, target, id, span, note));
            });
        std::cout << "Consensus coder " << summary.consensus.name << ": " << summary.codings_created
                  << " codings by rule, " << summary.decisions << " decision(s) recorded (undo with `nptcoder undo`)\n";
    });
}

// The merge report (or, with --dry-run, the preview) as JSON or text.
void print_merge_report(const MergeReport& r, const std::string& other, const std::string& lead, bool dry_run, Format format) {
    if (format == Format::Json) {
        nlohmann::json conflicts = nlohmann::json::array();
        for (const auto& c : r.conflicts)
            conflicts.push_back({{"kind", c.kind}, {"subject", c.subject}, {"resolution", c.resolution}});
        return print_json({{"dry_run", dry_run},
                           {"coders_added", r.coders_added}, {"coders_matched", r.coders_matched},
                           {"documents_added", r.documents_added}, {"documents_matched", r.documents_matched},
                           {"codes_added", r.codes_added}, {"codes_matched", r.codes_matched},
                           {"codings_added", r.codings_added}, {"codings_present", r.codings_present},
                           {"memos_added", r.memos_added}, {"memos_present", r.memos_present},
                           {"added_coders", r.added_coders}, {"added_documents", r.added_documents},
                           {"added_codes", r.added_codes}, {"conflicts", conflicts}});
    }
    std::cout << (dry_run ? "Merging " + other + " into " + lead + " would add: " : "Merged " + other + " into " + lead + ": ")
              << r.coders_added << " coder(s), " << r.documents_added << " document(s), " << r.codes_added << " code(s), "
              << r.codings_added << " coding(s), " << r.memos_added << " memo(s)" << (dry_run ? "" : " added") << "; "
              << r.documents_matched << " document(s) and " << r.codings_present << " coding(s) already present\n";
    auto list = [](const char* what, const std::vector<std::string>& names) {
        if (names.empty()) return;
        std::cout << "  new " << what << ":";
        for (const auto& n : names) std::cout << ' ' << n << (&n == &names.back() ? "" : ",");
        std::cout << '\n';
    };
    if (dry_run) {
        list("coders", r.added_coders);
        list("documents", r.added_documents);
        list("codes", r.added_codes);
    }
    for (const auto& c : r.conflicts)
        std::cout << "conflict (" << c.kind << "): " << c.subject << " — " << c.resolution << '\n';
    if (dry_run) std::cout << "Nothing was changed (dry run).\n";
}

void add_merge(CLI::App& app) {
    struct Opts {
        std::string lead, other;
        std::vector<std::string> coder_map;
        std::uint64_t max_size = 100ull * 1024 * 1024;
        bool dry_run = false;
        Format format;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "merge",
        "Merge another coder's project into the lead project: coders, codings, memos and new codes;\n"
        "documents match by text (SHA-256), codes by GUID then path. One transaction; merging twice adds nothing\n"
        "  e.g. nptcoder merge study.nptq study-ben.nptq --coder-map 'Ben M=Ben'\n"
        "       nptcoder merge study.nptq study-ben.nptq --dry-run   (what it would add and the conflicts; changes nothing)");
    cmd->add_option("lead", o->lead, "The lead project (changed)")->required();
    cmd->add_option("other", o->other, "The project to bring in (read only)")->required();
    cmd->add_option("--coder-map", o->coder_map, "OLD=NEW: the other project's coder OLD is the lead's NEW");
    cmd->add_option("--max-size", o->max_size, "Largest document text taken from the other project, in bytes")
        ->capture_default_str();
    cmd->add_flag("--dry-run", o->dry_run, "Report what the merge would add and its conflicts without changing either file");
    add_format_options(cmd, o->format);
    cmd->callback([o] {
        MergeOptions options{parse_coder_map(o->coder_map)};
        options.max_document_bytes = o->max_size;
        Project p = open_project(o->lead);
        MergeReport r = o->dry_run ? preview_merge(p, o->other, options) : merge_project(p, o->other, options);
        print_merge_report(r, o->other, o->lead, o->dry_run, o->format);
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
