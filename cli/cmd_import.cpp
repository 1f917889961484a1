// cmd_import.cpp — `nptcoder import`: bring transcripts (text in any encoding, DOCX, VTT, SRT, PDF)
// into a project through the importers' batch function; each file is all-or-nothing, a batch
// carries on past a bad file and ends with a summary. Progress goes to stderr unless --quiet.
#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "cli/option_hints.hpp"
#include "core/error.hpp"
#include "importers/import_batch.hpp"
#include "importers/refi_detect.hpp"

namespace npt::cli {
namespace {

// Prints "[3/12] p03.docx  2.4 MB/s" lines on stderr for batches of more than one file.
class StderrProgress : public importers::ProgressSink {
public:
    void file_started(std::size_t index, std::size_t total, const std::string& path, std::uint64_t bytes_done) override {
        if (total < 2) return;
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        double rate = seconds > 0 ? static_cast<double>(bytes_done) / 1e6 / seconds : 0.0;
        std::cerr << fmt::format("[{}/{}] {}  {:.1f} MB/s\n", index + 1, total, std::filesystem::path(path).filename().string(), rate);
    }

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

void add_import_command(CLI::App& app) {
    struct Opts {
        std::string path;
        std::vector<std::string> files;
        std::string format = "auto";
        std::string speaker_layout = "auto";
        std::uint64_t max_size_mb = 100;
        bool quiet = false, json = false;
        importers::ImportOptions options;
    };
    auto o = std::make_shared<Opts>();
    auto* cmd = app.add_subcommand(
        "import",
        "Import transcripts: plain text (UTF-8, UTF-16, Windows-1252...), DOCX, WebVTT, SRT and PDF.\n"
        "Files, folders and globs; format from the content, then the extension. Each file is all-or-nothing;\n"
        "a file whose text is already in the project is skipped; the exit code is 1 if any file failed.\n"
        "  e.g. nptcoder import study.nptq examples/transcripts/\n"
        "       nptcoder import study.nptq examples/transcripts/p08-teams.vtt --case P08");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("files", o->files, "Files, folders or globs to import")->required();
    cmd->add_option("--case", o->options.case_name, "Link the documents to this case (created if new)");
    cmd->add_option("--name", o->options.document_name, "Document name (one file only; default: the file name)");
    cmd->add_option("--format", o->format, "auto (default), text, docx, vtt, srt or pdf");
    cmd->add_option("--encoding", o->options.encoding, "Text encoding, overriding detection (e.g. windows-1252, UTF-16LE)");
    cmd->add_flag("--repair", o->options.repair, "Replace invalid byte sequences with U+FFFD instead of failing");
    cmd->add_option("--speaker-pattern", o->options.speaker_pattern,
                    "ICU regex for speaker labels at line starts; group 'speaker' (or 1) is the name, optional group "
                    "'time' a [h:mm:ss] stamp, e.g. '(?<speaker>[A-Z][a-z]+) said:'");
    cmd->add_option("--speaker-layout", o->speaker_layout,
                    "How the transcript shows who speaks: auto (default), labels ('Name:' at line starts), otter "
                    "(Otter.ai TXT: 'Name  0:03' above the text) or table (a Word Speaker|Text table)");
    cmd->add_flag("--speaker-case", o->options.speaker_cases, "Link each document to one case per speaker (focus groups)");
    cmd->add_flag("--rename", o->options.rename, "Import a different file with a taken name as 'name (2).ext'");
    cmd->add_option("--max-size", o->max_size_mb, "Largest file to read, in MB (default 100)");
    cmd->add_flag("--quiet,-q", o->quiet, "No progress or per-file messages on stderr");
    cmd->add_flag("--json", o->json, "Print the summary as JSON");
    cmd->callback([o] {
        importers::ImportOptions options = o->options;
        options.format = importers::source_format_from_string(o->format);
        options.speaker_layout = importers::speaker_layout_from_string(o->speaker_layout);
        options.max_size = o->max_size_mb * 1024 * 1024;
        for (const std::string& f : o->files)  // a project is not a transcript: one line, nothing opened
            if (std::error_code ec; std::filesystem::is_regular_file(f, ec) && importers::is_refi_project_file(f))
                throw InputError(importers::refi_project_not_a_transcript(f));
        Project p = open_project(o->path);
        StderrProgress progress;
        importers::ImportSummary s = importers::import_paths(p, o->files, options, o->quiet ? nullptr : &progress);
        if (o->json) {
            nlohmann::json out = {{"imported", nlohmann::json::array()}, {"skipped", nlohmann::json::array()},
                                  {"failed", nlohmann::json::array()}};
            for (const auto& f : s.imported)
                out["imported"].push_back(
                    {{"file", f.path}, {"document", f.document}, {"format", f.format}, {"note", f.note}, {"speaker_turns", f.turns}});
            for (const auto& f : s.skipped) out["skipped"].push_back({{"file", f.path}, {"same_as", f.same_as}});
            for (const auto& f : s.failed) out["failed"].push_back({{"file", f.path}, {"reason", with_option_hint(f.reason, f.about)}});
            print_json(out);
        } else {
            if (!o->quiet) {
                for (const auto& f : s.skipped) std::cerr << f.path << ": skipped, same text as document '" << f.same_as << "'\n";
                for (const auto& f : s.imported)
                    if (!f.note.empty()) std::cerr << f.path << ": " << f.note << '\n';
            }
            std::cout << "Imported " << s.imported.size() << ", skipped " << s.skipped.size() << ", failed " << s.failed.size()
                      << '\n';
        }
        for (const auto& f : s.failed) std::cerr << "nptcoder: " << with_option_hint(f.reason, f.about) << '\n';
        if (!s.failed.empty()) throw InputError(std::to_string(s.failed.size()) + " file(s) failed to import");
    });
}

}  // namespace npt::cli
