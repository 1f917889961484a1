// zip_writer.hpp — writing a zip archive (libzip) from named byte strings, for .qdpx and .docx. The
// archive is built beside the target and renamed into place, so a failed export leaves no file.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace npt::exporters {

// Writes `entries` (path inside the archive, bytes), deflated, in order. Throws InputError when the
// target cannot be made (naming it), WriteError when the disk refuses the archive (full, I/O error).
void write_zip(const std::filesystem::path& target, const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace npt::exporters
