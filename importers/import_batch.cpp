// import_batch.cpp — path expansion (files, folders, globs) and the per-file import loop with
// skip-by-SHA-256, renaming, case links and cooperative cancellation.
#include "importers/import_batch.hpp"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/model/cases.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "core/model/sha256.hpp"

namespace npt::importers {
namespace fs = std::filesystem;

bool is_importable_extension(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    static const std::set<std::string> known = {".txt", ".text", ".md", ".docx", ".vtt", ".srt", ".pdf"};
    return known.count(ext) > 0;
}

namespace {

bool is_glob(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

bool is_hidden_or_lock(const fs::path& file) {
    std::string name = file.filename().string();
    return name.starts_with(".") || name.starts_with("~$");
}

std::vector<fs::path> folder_files(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (is_hidden_or_lock(it->path())) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && is_importable_extension(it->path())) out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<fs::path> glob_files(const std::string& pattern) {
    glob_t g{};
    std::vector<fs::path> out;
    if (::glob(pattern.c_str(), 0, nullptr, &g) == 0)
        for (std::size_t i = 0; i < g.gl_pathc; ++i)
            if (fs::is_regular_file(g.gl_pathv[i])) out.emplace_back(g.gl_pathv[i]);
    globfree(&g);
    return out;
}

// "p07.docx" -> "p07 (2).docx", "p07 (3).docx", ... the first name not in the project.
std::string free_name(Project& project, const std::string& name) {
    fs::path p(name);
    std::string stem = p.stem().string(), ext = p.extension().string();
    for (int n = 2;; ++n) {
        std::string candidate = stem + " (" + std::to_string(n) + ")" + ext;
        if (!find_document(project, candidate)) return candidate;
    }
}

std::string with_path(const std::string& path, std::string message) {
    return message.starts_with(path) ? message : path + ": " + message;
}

// Imports one text's bytes as `name` (`source` in messages, `source_file` stored); returns false
// when it was skipped (same text already present). Takes the bytes by value so that they are freed
// once parsed, before the text is stored: peak memory holds the text, not the text and the file.
bool import_one_text(Project& project, std::string bytes, const std::string& source, std::string name,
                     const std::string& source_file, const ImportOptions& options, const ProgressSink* progress,
                     ImportSummary& summary) {
    ImportedDocument parsed = parse_document(bytes, source, options, progress);
    std::string().swap(bytes);
    if (auto same = find_document_by_sha256(project, sha256_hex(parsed.text))) {
        summary.skipped.push_back({source, same->name});
        return false;
    }
    if (find_document(project, name)) {
        if (!options.rename)
            throw InputError(source + ": a different document named '" + name +
                             "' is already in the project (use --rename to import it under a new name)");
        name = free_name(project, name);
    }
    check_cancel(progress);
    ImportedFile done{source, name, to_string(parsed.format), parsed.import_note, parsed.turns.size()};
    std::set<std::string> speakers;
    if (options.speaker_cases)
        for (const SpeakerTurn& t : parsed.turns) speakers.insert(t.speaker);
    project.action("Import " + name, [&] {
        // Text and turns are moved, not copied: one transcript's worth of memory at a time.
        NewDocument doc{name, std::move(parsed.text), source_file, to_string(parsed.format), parsed.import_note,
                        std::move(parsed.turns)};
        DocumentInfo info = add_document(project, std::move(doc));
        if (!options.case_name.empty()) link_document_to_case(project, info.id, ensure_case(project, options.case_name).id);
        for (const std::string& s : speakers) link_document_to_case(project, info.id, ensure_case(project, s).id);
    });
    summary.imported.push_back(std::move(done));
    return true;
}

// Imports one file; returns false when it was skipped (same text already present).
bool import_one(Project& project, const fs::path& file, const ImportOptions& options, const ProgressSink* progress,
                ImportSummary& summary) {
    const std::string path = file.string();
    std::string bytes = read_file(file, options.max_size);
    summary.bytes += bytes.size();
    return import_one_text(project, std::move(bytes), path, options.document_name.empty() ? file.filename().string() : options.document_name,
                           file.filename().string(), options, progress, summary);
}

}  // namespace

std::vector<fs::path> expand_import_paths(const std::vector<std::string>& paths, std::vector<FailedFile>& missing) {
    std::vector<fs::path> out;
    for (const std::string& arg : paths) {
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            std::vector<fs::path> found = folder_files(arg);
            if (found.empty()) missing.push_back({arg, arg + ": the folder holds no importable files (.txt .docx .vtt .srt .pdf)", {}});
            out.insert(out.end(), found.begin(), found.end());
        } else if (fs::exists(arg, ec)) {
            out.emplace_back(arg);
        } else if (is_glob(arg)) {
            std::vector<fs::path> found = glob_files(arg);
            if (found.empty()) missing.push_back({arg, arg + ": no file matches this pattern", {}});
            out.insert(out.end(), found.begin(), found.end());
        } else {
            missing.push_back({arg, arg + ": no such file", {}});
        }
    }
    return out;
}

ImportSummary import_paths(Project& project, const std::vector<std::string>& paths, const ImportOptions& options,
                           ProgressSink* progress) {
    ImportSummary summary;
    std::vector<fs::path> files = expand_import_paths(paths, summary.failed);
    if (!options.document_name.empty() && files.size() > 1)
        throw InputError("--name needs exactly one file (" + std::to_string(files.size()) + " given)");
    if (progress) {
        std::uint64_t bytes_total = 0;
        for (const fs::path& f : files) {
            std::error_code ec;
            const std::uintmax_t size = fs::file_size(f, ec);
            if (!ec) bytes_total += size;
        }
        progress->batch_started(files.size(), bytes_total);
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string path = files[i].string();
        if (progress && progress->cancelled()) {
            summary.cancelled = true;
            break;
        }
        if (progress) progress->file_started(i, files.size(), path, summary.bytes);
        std::string outcome = "imported";
        try {
            if (!import_one(project, files[i], options, progress, summary)) outcome = "skipped";
        } catch (const ImportCancelled&) {
            summary.cancelled = true;
            break;
        } catch (const Error& e) {
            summary.failed.push_back({path, with_path(path, e.what()), e.about()});
            outcome = "failed";
        } catch (const std::exception& e) {
            summary.failed.push_back({path, path + ": unexpected error: " + e.what(), {}});
            outcome = "failed";
        }
        if (progress) progress->file_finished(i, files.size(), path, outcome, summary.bytes);
    }
    return summary;
}

ImportSummary import_bytes(Project& project, std::string_view bytes, const std::string& name, const std::string& source,
                           const ImportOptions& options) {
    ImportSummary summary;
    summary.bytes = bytes.size();
    try {
        if (name.empty()) throw InputError(source + ": the new document needs a name");
        if (bytes.size() > options.max_size)
            throw InputError(source + ": " + std::to_string(bytes.size()) + " bytes is more than the limit of " +
                             std::to_string(options.max_size));
        import_one_text(project, std::string(bytes), source, name, source, options, nullptr, summary);
    } catch (const Error& e) {
        summary.failed.push_back({source, with_path(source, e.what())});
    }
    return summary;
}

}  // namespace npt::importers
