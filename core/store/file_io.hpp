// file_io.hpp — reading whole files with a size limit, and writing files atomically (a temporary
// file beside the target, flushed, then renamed into place) so a failed write never leaves a
// half-written file where the user expects one. Neither ever opens a project file this process has
// open (see open_project_files.hpp): that is refused with InputError. Every file written here is
// created 0600 (owner only: transcripts are confidential), under a fresh random name with
// O_CREAT|O_EXCL|O_NOFOLLOW, so a symlink or file planted beside the target is never followed.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace npt {

// Reads a file's bytes. Throws InputError (missing, a folder, unreadable) or FormatError (larger
// than max_bytes), each naming the file.
std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes = 100ull * 1024 * 1024);

// The mode of every file nptcoder creates: projects, copies and exports (owner read/write only).
constexpr unsigned kPrivateFileMode = 0600;

// Creates a new empty file `dir/<prefix>XXXXXX` (six random characters) with
// O_CREAT|O_EXCL|O_NOFOLLOW and mode kPrivateFileMode, retrying on a name that exists; returns
// its path and the open descriptor (the caller closes it). Throws InputError naming `label`.
struct CreatedFile {
    std::filesystem::path path;
    int fd = -1;
};
CreatedFile create_private_file(const std::filesystem::path& dir, const std::string& prefix, const std::string& label);

// Writes bytes atomically to `path`. Throws InputError (its folder does not exist, or a folder has
// its name) or WriteError (the disk refused the bytes: full, no permission, an I/O error), each
// naming the file.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

// Calls write(temp_path) to produce the file, then renames it to `path`; on any exception the
// temporary file is removed and `path` is untouched. For writers that need a file name
// (libxlsxwriter, SQLite).
void produce_file_atomic(const std::filesystem::path& path, const std::function<void(const std::filesystem::path&)>& write);

}  // namespace npt
