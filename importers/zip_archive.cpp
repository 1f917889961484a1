// zip_archive.cpp — libzip over an in-memory buffer, with size and ratio limits enforced while
// reading.
#include "importers/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/error.hpp"

namespace npt::importers {

namespace {
struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};
std::string mib(std::uint64_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }
}  // namespace

bool ZipArchive::is_unsafe_path(std::string_view path) {
    if (path.empty()) return true;
    if (path.front() == '/' || path.front() == '\\') return true;
    if (path.size() >= 2 && path[1] == ':') return true;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = path.size();
        if (path.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

ZipArchive::ZipArchive(std::string_view bytes, std::string_view source, const ZipLimits& limits)
    : source_(source), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) {
        zip_error_fini(&error);
        throw FormatError(source_ + ": cannot read the zip archive");
    }
    archive_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive_) {
        std::string why = zip_error_strerror(&error);
        zip_source_free(src);
        zip_error_fini(&error);
        throw FormatError(source_ + ": not a readable zip archive (" + why + "); the file may be truncated or corrupt");
    }
    zip_error_fini(&error);
    zip_int64_t count = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
        if (!name) continue;
        if (is_unsafe_path(name)) {
            ++unsafe_;
            continue;
        }
        entries_.emplace(name, static_cast<std::uint64_t>(i));
    }
}

ZipArchive::~ZipArchive() {
    if (archive_) zip_discard(archive_);
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
    auto it = entries_.find(name);
    if (it == entries_.end()) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, it->second, 0, &st) != 0)
        throw FormatError(source_ + ": cannot read zip entry " + name + " (" + zip_strerror(archive_) + ")");
    const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive_, it->second, 0));
    if (!file) throw FormatError(source_ + ": cannot read zip entry " + name + " (" + zip_strerror(archive_) + ")");
    std::string out;
    std::array<char, 65536> buffer{};
    for (;;) {
        zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
        if (n < 0)
            throw FormatError(source_ + ": zip entry " + name + " is corrupt (" + zip_file_strerror(file.get()) + ")");
        if (n == 0) break;
        out.append(buffer.data(), static_cast<std::size_t>(n));
        inflated_ += static_cast<std::uint64_t>(n);
        if (out.size() > limits_.max_entry_uncompressed)
            throw FormatError(source_ + ": zip entry " + name + " inflates beyond " + mib(limits_.max_entry_uncompressed) +
                              " (refusing a possible zip bomb)");
        if (inflated_ > limits_.max_total_uncompressed)
            throw FormatError(source_ + ": zip entries inflate beyond " + mib(limits_.max_total_uncompressed) +
                              " in total (refusing a possible zip bomb)");
        if (out.size() > limits_.ratio_exempt_below && out.size() / std::max<std::uint64_t>(compressed, 1) > limits_.max_ratio)
            throw FormatError(source_ + ": zip entry " + name + " has a compression ratio above " +
                              std::to_string(limits_.max_ratio) + ":1 (refusing a possible zip bomb)");
    }
    return out;
}

}  // namespace npt::importers
