// cmd_import.cpp — `nptcoder import`: bring transcripts into a project, each file all-or-nothing.
#include <filesystem>

#include "cli/cli_support.hpp"
#include "core/cases.hpp"
#include "core/documents.hpp"
#include "core/error.hpp"
#include "core/file_io.hpp"
#include "core/sha256.hpp"
#include "core/utf8_text.hpp"

namespace npt::cli {
namespace fs = std::filesystem;

void add_import_command(CLI::App& app) {
    struct Opts {
        std::string path;
        std::vector<std::string> files;
        std::string case_name, name;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand("import", "Import UTF-8 text transcripts; each file is all-or-nothing\n"
                                             "  e.g. nptcoder import study.nptq examples/transcripts/*.txt");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("files", o->files, "Files to import")->required();
    cmd->add_option("--case", o->case_name, "Link the documents to this case (created if new)");
    cmd->add_option("--name", o->name, "Document name (one file only; default: the file name)");
    cmd->callback([o] {
        if (!o->name.empty() && o->files.size() != 1) throw InputError("--name needs exactly one file");
        Project p = open_project(o->path);
        int imported = 0, skipped = 0;
        std::vector<std::string> failures;
        for (const std::string& file : o->files) {
            try {
                std::string bytes = read_file(file);
                std::string name = o->name.empty() ? fs::path(file).filename().string() : o->name;
                std::string prepared = text::prepare_for_store(bytes, file);
                if (auto same = find_document_by_sha256(p, sha256_hex(prepared))) {
                    std::cerr << file << ": skipped, same text as document '" << same->name << "'\n";
                    ++skipped;
                    continue;
                }
                p.action("Import " + name, [&] {
                    NewDocument doc{name, prepared, fs::path(file).filename().string(), "text", "", {}};
                    DocumentInfo info = add_document(p, doc);
                    if (!o->case_name.empty()) link_document_to_case(p, info.id, ensure_case(p, o->case_name).id);
                });
                ++imported;
            } catch (const Error& e) {
                std::string msg = e.what();
                if (msg.rfind(file, 0) != 0) msg = file + ": " + msg;
                failures.push_back(msg);
                std::cerr << "nptcoder: " << msg << '\n';
            }
        }
        std::cout << "Imported " << imported << ", skipped " << skipped << ", failed " << failures.size() << '\n';
        if (!failures.empty()) throw InputError(std::to_string(failures.size()) + " file(s) failed to import");
    });
}

}  // namespace npt::cli
