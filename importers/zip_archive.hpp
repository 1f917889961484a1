// zip_archive.hpp — reading entries of a zip held in memory (DOCX) with limits against hostile
// files: per-entry and total uncompressed size, compression ratio (zip bombs), and entries with
// absolute or "../" paths ignored. Sizes are checked while inflating, not taken from the header.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "importers/importer.hpp"

struct zip;

namespace npt::importers {

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
    // Entries skipped because their path was absolute or climbed out with "..".
    std::size_t unsafe_entries() const { return unsafe_; }

    // True for a path that is absolute ("/x", "C:x", "\\x") or has a ".." component.
    static bool is_unsafe_path(std::string_view path);

private:
    zip* archive_ = nullptr;
    std::string source_;
    ZipLimits limits_;
    std::map<std::string, std::uint64_t> entries_;  // name -> index
    std::size_t unsafe_ = 0;
    std::uint64_t inflated_ = 0;  // bytes read so far over all entries
};

}  // namespace npt::importers
