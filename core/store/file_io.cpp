// file_io.cpp — whole-file reads and atomic writes.
#include "core/store/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

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
                          std::to_string(max_bytes), "max_size");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string() + ": cannot open for reading");
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size) throw InputError(path.string() + ": read was cut short");
    return bytes;
}

CreatedFile create_private_file(const fs::path& dir, const std::string& prefix, const std::string& label) {
    static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::random_device device;
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = prefix;
        for (int i = 0; i < 6; ++i) name += kChars[device() % (sizeof kChars - 1)];
        fs::path candidate = dir / name;
        int fd = ::open(candidate.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, kPrivateFileMode);
        if (fd >= 0) {
            ::fchmod(fd, kPrivateFileMode);  // exactly 0600, whatever the umask took away
            return {candidate, fd};
        }
        if (errno != EEXIST) throw InputError(label + ": cannot create a file in " + dir.string() + " (" + std::strerror(errno) + ")");
    }
    throw InputError(label + ": cannot create a temporary file in " + dir.string() + " (100 names taken)");
}

namespace {

// The folder a file at `path` is written in, after checking it exists and `path` is no open project.
fs::path target_folder(const fs::path& path) {
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw InputError(path.string() + ": folder " + dir.string() + " does not exist");
    refuse_open_project_file(path, "replacing");
    return dir;
}

void rename_into_place(const fs::path& temp, const fs::path& path) {
    std::error_code ec;
    fs::rename(temp, path, ec);  // replaces a symlink at `path` itself, never its target
    if (ec) throw InputError(path.string() + ": cannot write (" + ec.message() + ")");
}

}  // namespace

void produce_file_atomic(const fs::path& path, const std::function<void(const fs::path&)>& write) {
    fs::path dir = target_folder(path);
    CreatedFile created = create_private_file(dir, "." + path.filename().string() + ".tmp-", path.string());
    ::close(created.fd);
    std::error_code ec;
    try {
        write(created.path);  // the writer opens the empty 0600 file we made, by its unguessable name
        rename_into_place(created.path, path);
    } catch (...) {
        fs::remove(created.path, ec);
        throw;
    }
}

void write_file_atomic(const fs::path& path, std::string_view bytes) {
    fs::path dir = target_folder(path);
    CreatedFile created = create_private_file(dir, "." + path.filename().string() + ".tmp-", path.string());
    bool ok = true;
    for (std::size_t done = 0; ok && done < bytes.size();) {
        ssize_t n = ::write(created.fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    ok = ::fsync(created.fd) == 0 && ok;
    ok = ::close(created.fd) == 0 && ok;
    std::error_code ec;
    try {
        if (!ok) throw WriteError(path.string() + ": write failed (disk full?)");
        rename_into_place(created.path, path);
    } catch (...) {
        fs::remove(created.path, ec);
        throw;
    }
}

}  // namespace npt
