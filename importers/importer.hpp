// importer.hpp — the shared interface of every transcript importer: the options a researcher can
// set, the parsed document a format's parser returns, format detection (content first, file
// extension second), and the progress/cancel interface a batch (CLI or GUI worker) reports to.
// Parsers are pure: bytes in, ImportedDocument out; nothing here touches a project.
// Thread-safety: every function here is safe to call from any thread (no shared state).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/model/model.hpp"
#include "importers/speaker_layouts.hpp"

namespace npt::importers {

// The formats we read. Auto = detect from the content, then the file extension.
enum class SourceFormat { Auto, Text, Docx, Vtt, Srt, Pdf };
const char* to_string(SourceFormat format);
// "auto", "text" (or "txt"), "docx", "vtt", "srt", "pdf"; throws InputError naming the value.
SourceFormat source_format_from_string(std::string_view name);

struct ZipLimits {
    std::uint64_t max_total_uncompressed = 512ull * 1024 * 1024;  // bytes over all entries read
    std::uint64_t max_entry_uncompressed = 256ull * 1024 * 1024;  // bytes of one entry
    std::uint64_t max_ratio = 200;               // uncompressed / compressed, per entry ...
    std::uint64_t ratio_exempt_below = 1u << 20; // ... checked only for entries bigger than this
};

struct ImportOptions {
    SourceFormat format = SourceFormat::Auto;
    std::string encoding;          // plain text: ICU converter name overriding detection ("" = detect)
    bool repair = false;           // replace invalid byte sequences with U+FFFD instead of failing
    std::string speaker_pattern;   // ICU regex for speaker labels at line start ("" = the default)
    SpeakerLayout speaker_layout = SpeakerLayout::Auto;  // labels, otter, table (speaker_layouts.hpp)
    bool speaker_cases = false;    // batch: link the document to one case per speaker
    std::string case_name;         // batch: link every imported document to this case
    std::string document_name;     // batch: name of the document (one file only)
    bool rename = false;           // batch: a taken name gets " (2)", " (3)"... instead of failing
    std::uint64_t max_size = 100ull * 1024 * 1024;  // bytes of one input file
    ZipLimits zip;
};

// A parsed transcript, ready for add_document: `text` is already NFC with LF line endings and no
// BOM, and `turns` are code point offsets into it (end-exclusive).
struct ImportedDocument {
    std::string text;
    std::vector<SpeakerTurn> turns;
    SourceFormat format = SourceFormat::Text;
    std::string import_note;  // what the importer decided or dropped, one line ("" when nothing)
};

// Raised when a ProgressSink asks to stop. Not an input problem: a batch reports it as cancelled.
class ImportCancelled : public Error {
public:
    ImportCancelled() : Error("import cancelled") {}
};

// Where a batch reports progress. Called on the importing thread; an implementation that talks to
// a GUI must hand the values over to its own thread. cancelled() is polled between files and
// inside long parses (per page, per paragraph block): return true to stop cooperatively.
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    // Once, before the first file: how many files the arguments named and their size in bytes
    // (files whose size cannot be read count 0).
    virtual void batch_started(std::size_t total, std::uint64_t bytes_total) { (void)total, (void)bytes_total; }
    // Before file `index` (0-based) of `total` starts; `bytes_done` counts bytes read so far.
    virtual void file_started(std::size_t index, std::size_t total, const std::string& path, std::uint64_t bytes_done) {
        (void)index, (void)total, (void)path, (void)bytes_done;
    }
    // After a file is imported, skipped or failed; `outcome` is "imported", "skipped" or "failed".
    virtual void file_finished(std::size_t index, std::size_t total, const std::string& path, const std::string& outcome,
                               std::uint64_t bytes_done) {
        (void)index, (void)total, (void)path, (void)outcome, (void)bytes_done;
    }
    virtual bool cancelled() const { return false; }
};

// Throws ImportCancelled when `progress` is set and asks to stop.
inline void check_cancel(const ProgressSink* progress) {
    if (progress && progress->cancelled()) throw ImportCancelled();
}

// The format of a file: signatures in `bytes` first (zip -> docx, %PDF, WEBVTT, SRT cue shape),
// then the extension of `file_name`, then plain text.
SourceFormat detect_format(std::string_view bytes, std::string_view file_name);

// Parses one file's bytes as options.format (Auto = detect_format). `source` names the file in
// every error. Throws FormatError (not the claimed format, invalid encoding, zip limits, a REFI-QDA
// project, which points to import-qdpx, ...),
// InputError (bad option, e.g. an unknown --encoding), ImportCancelled.
ImportedDocument parse_document(std::string_view bytes, std::string_view source, const ImportOptions& options,
                                const ProgressSink* progress = nullptr);

}  // namespace npt::importers
