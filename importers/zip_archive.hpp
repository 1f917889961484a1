// zip_archive.hpp — reading entries of a zip held in memory (DOCX) with limits against hostile
// files: per-entry and total uncompressed size, compression ratio (zip bombs), and entries with
// absolute or "../" paths ignored. Sizes are checked while inflating, not taken from the header.
// An entry is read whole (read) or streamed in chunks (open), under the same limits.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "importers/importer.hpp"

struct zip;
struct zip_file;

namespace npt::importers {

class ZipArchive;

// One entry being inflated: read() hands out the next bytes with the archive's limits checked on
// every chunk, so a caller can parse an entry far larger than it keeps in memory.
class ZipEntryStream {
public:
    // Up to `size` more inflated bytes into `out`; 0 at the end of the entry. Throws FormatError
    // when a limit is exceeded or the entry is corrupt.
    std::size_t read(char* out, std::size_t size);
    // Bytes inflated from this entry so far.
    std::uint64_t inflated() const { return produced_; }

private:
    friend class ZipArchive;
    struct FileCloser {
        void operator()(zip_file* f) const;
    };
    ZipEntryStream(ZipArchive& archive, std::string name, zip_file* file, std::uint64_t compressed);
    ZipArchive* archive_;
    std::string name_;
    std::unique_ptr<zip_file, FileCloser> file_;
    std::uint64_t compressed_ = 0;
    std::uint64_t produced_ = 0;
};

class ZipArchive {
public:
    // Opens the zip in `bytes` (which must outlive the archive). Throws FormatError naming `source`
    // when it is not a readable zip (truncated, corrupt).
    ZipArchive(std::string_view bytes, std::string_view source, const ZipLimits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool contains(const std::string& name) const { return entries_.count(name) > 0; }
    // The inflated bytes of entry `name`, or nullopt when there is no such (safe) entry. Throws
    // FormatError when a limit is exceeded or the entry is corrupt.
    std::optional<std::string> read(const std::string& name);
    // The same entry as a stream (nullopt when there is no such safe entry); the archive must
    // outlive it. Throws FormatError when the entry cannot be opened.
    std::optional<ZipEntryStream> open(const std::string& name);
    // Entries skipped because their path was absolute or climbed out with "..".
    std::size_t unsafe_entries() const { return unsafe_; }

    // True for a path that is absolute ("/x", "C:x", "\\x") or has a ".." component.
    static bool is_unsafe_path(std::string_view path);

private:
    friend class ZipEntryStream;
    zip* archive_ = nullptr;
    std::string source_;
    ZipLimits limits_;
    std::map<std::string, std::uint64_t> entries_;  // name -> index
    std::size_t unsafe_ = 0;
    std::uint64_t inflated_ = 0;  // bytes read so far over all entries
};

}  // namespace npt::importers
