// file_io.cpp — whole-file reads and atomic writes.
#include "core/store/file_io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <unistd.h>

#include "core/error.hpp"
#include "core/store/open_project_files.hpp"

namespace npt {
namespace fs = std::filesystem;

std::string read_file(const fs::path& path, std::uint64_t max_bytes) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError(path.string() + ": no such file");
    if (fs::is_directory(path, ec)) throw InputError(path.string() + ": is a folder, not a file");
    refuse_open_project_file(path, "reading");
    auto size = fs::file_size(path, ec);
    if (ec) throw InputError(path.string() + ": cannot read (" + ec.message() + ")");
    if (size > max_bytes)
        throw FormatError(path.string() + ": file is " + std::to_string(size) + " bytes, over the limit of " +
                          std::to_string(max_bytes) + " (raise it with --max-size)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string() + ": cannot open for reading");
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size) throw InputError(path.string() + ": read was cut short");
    return bytes;
}

void produce_file_atomic(const fs::path& path, const std::function<void(const fs::path&)>& write) {
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw InputError(path.string() + ": folder " + dir.string() + " does not exist");
    refuse_open_project_file(path, "replacing");
    fs::path temp = dir / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
    try {
        write(temp);
        fs::rename(temp, path, ec);
        if (ec) throw InputError(path.string() + ": cannot write (" + ec.message() + ")");  // e.g. a folder of that name
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
}

void write_file_atomic(const fs::path& path, std::string_view bytes) {
    produce_file_atomic(path, [&](const fs::path& temp) {
        std::FILE* f = std::fopen(temp.c_str(), "wb");
        if (!f) throw WriteError(path.string() + ": cannot write (" + std::strerror(errno) + ")");
        bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        ok = std::fflush(f) == 0 && ok;
        ok = ::fsync(fileno(f)) == 0 && ok;
        ok = std::fclose(f) == 0 && ok;
        if (!ok) throw WriteError(path.string() + ": write failed (disk full?)");
    });
}

}  // namespace npt
