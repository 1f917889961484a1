// cmd_documents.cpp — `doc list|show|rename|delete`: reading the documents in a project (`doc speakers`
// is in cmd_doc_speakers.cpp).
#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "core/model/cases.hpp"
#include "core/model/documents.hpp"
#include "core/query/coding_counts.hpp"
#include "core/text/csv.hpp"
#include "core/text/utf8_text.hpp"

#include <algorithm>

namespace npt::cli {

// The document's cases, "; "-separated ("" when it belongs to none).
static std::string case_names(Project& p, DocumentId document_id) {
    std::string out;
    for (const Case& c : cases_of_document(p, document_id)) out += (out.empty() ? "" : "; ") + c.name;
    return out;
}

static nlohmann::json document_json(Project& p, const DocumentInfo& d, const CodingCounts& counts) {
    nlohmann::json cases = nlohmann::json::array();
    for (const Case& c : cases_of_document(p, d.id)) cases.push_back(c.name);
    const std::int64_t codings = counts.of_document(d.id);
    return {{"name", d.name},         {"length", d.length},   {"sha256", d.sha256},
            {"source_file", d.source_file}, {"format", d.format}, {"imported", d.imported},
            {"guid", d.guid},         {"cases", cases},       {"codings", codings},
            {"import_note", d.import_note}};
}

void add_document_commands(CLI::App& app) {
    auto* doc = app.add_subcommand("doc", "List, show, rename and delete documents; find their speaker turns again");
    doc->require_subcommand(1);
    {
        struct Opts { std::string path; Format format; };
        auto o = std::make_shared<Opts>();
        auto* cmd = doc->add_subcommand("list", "List documents with length (code points), format, import time and cases\n  e.g. nptcoder doc list study.nptq --json");
        cmd->add_option("project", o->path, "Project file")->required();
        add_format_options(cmd, o->format);
        cmd->callback([o] {
            Project p = open_project(o->path);
            auto docs = list_documents(p);
            if (o->format == Format::Json) {
                nlohmann::json out = nlohmann::json::array();
                const CodingCounts counts = coding_counts(p);
                for (auto& d : docs) out.push_back(document_json(p, d, counts));
                print_json(out);
            } else if (o->format == Format::Csv) {
                std::cout << csv::format_row({"name", "length", "format", "source_file", "imported", "sha256", "cases"});
                for (auto& d : docs)
                    std::cout << csv::format_row({d.name, std::to_string(d.length), d.format, d.source_file, d.imported, d.sha256,
                                                  case_names(p, d.id)});
            } else {
                std::size_t width = 32;  // names longer than that widen the column, so every row stays aligned
                for (auto& d : docs) width = std::max(width, text::count_code_points(d.name));
                for (auto& d : docs) {
                    std::string cases = case_names(p, d.id);
                    std::cout << fmt::format("{:<{}} {:>9} chars  {:<5} {}{}\n", d.name, width, d.length, d.format, d.imported,
                                             cases.empty() ? "" : "  " + cases);
                }
            }
        });
    }
    {
        struct Opts { std::string path, name; bool json = false; };
        auto o = std::make_shared<Opts>();
        auto* cmd = doc->add_subcommand("show", "Print a document's text exactly (UTF-8, NFC); --json prints its metadata and speaker turns");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Document name")->required();
        cmd->add_flag("--json", o->json, "Print metadata and speaker turns as JSON instead of the text");
        cmd->callback([o] {
            Project p = open_project(o->path);
            DocumentInfo d = require_document(p, o->name);
            if (!o->json) {
                std::string text = document_text(p, d.id);
                std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
                return;
            }
            nlohmann::json j = document_json(p, d, coding_counts(p));
            nlohmann::json turns = nlohmann::json::array();
            for (const SpeakerTurn& t : speaker_turns(p, d.id)) {
                nlohmann::json tj = {{"start", t.start}, {"end", t.end}, {"speaker", t.speaker}};
                tj["start_ms"] = t.start_ms ? nlohmann::json(*t.start_ms) : nlohmann::json(nullptr);
                tj["end_ms"] = t.end_ms ? nlohmann::json(*t.end_ms) : nlohmann::json(nullptr);
                turns.push_back(tj);
            }
            j["speaker_turns"] = turns;
            print_json(j);
        });
    }
    {
        struct Opts { std::string path, name, new_name; };
        auto o = std::make_shared<Opts>();
        auto* cmd = doc->add_subcommand("rename", "Rename a document");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Current name")->required();
        cmd->add_option("new_name", o->new_name, "New name")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            rename_document(p, require_document(p, o->name).id, o->new_name);
            std::cout << "Renamed " << o->name << " to " << o->new_name << '\n';
        });
    }
    {
        struct Opts { std::string path, name; };
        auto o = std::make_shared<Opts>();
        auto* cmd = doc->add_subcommand("delete", "Delete a document with its codings and memos (undoable)");
        cmd->add_option("project", o->path, "Project file")->required();
        cmd->add_option("name", o->name, "Document name")->required();
        cmd->callback([o] {
            Project p = open_project(o->path);
            delete_document(p, require_document(p, o->name).id);
            std::cout << "Deleted " << o->name << " (nptcoder undo restores it)\n";
        });
    }
    add_doc_speakers_command(doc);
}

}  // namespace npt::cli
