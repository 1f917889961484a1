// zip_archive.cpp — libzip over an in-memory buffer, with size and ratio limits enforced on every
// chunk inflated (ZipEntryStream::read), whether an entry is streamed or read whole.
#include "importers/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/error.hpp"

namespace npt::importers {

namespace {
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

void ZipEntryStream::FileCloser::operator()(zip_file* f) const { zip_fclose(f); }

ZipEntryStream::ZipEntryStream(ZipArchive& archive, std::string name, zip_file* file, std::uint64_t compressed)
    : archive_(&archive), name_(std::move(name)), file_(file), compressed_(compressed) {}

std::size_t ZipEntryStream::read(char* out, std::size_t size) {
    const std::string& source = archive_->source_;
    const ZipLimits& limits = archive_->limits_;
    zip_int64_t n = zip_fread(file_.get(), out, size);
    if (n < 0) throw FormatError(source + ": zip entry " + name_ + " is corrupt (" + zip_file_strerror(file_.get()) + ")");
    produced_ += static_cast<std::uint64_t>(n);
    archive_->inflated_ += static_cast<std::uint64_t>(n);
    if (produced_ > limits.max_entry_uncompressed)
        throw FormatError(source + ": zip entry " + name_ + " inflates beyond " + mib(limits.max_entry_uncompressed) +
                          " (refusing a possible zip bomb)");
    if (archive_->inflated_ > limits.max_total_uncompressed)
        throw FormatError(source + ": zip entries inflate beyond " + mib(limits.max_total_uncompressed) +
                          " in total (refusing a possible zip bomb)");
    if (produced_ > limits.ratio_exempt_below && produced_ / std::max<std::uint64_t>(compressed_, 1) > limits.max_ratio)
        throw FormatError(source + ": zip entry " + name_ + " has a compression ratio above " +
                          std::to_string(limits.max_ratio) + ":1 (refusing a possible zip bomb)");
    return static_cast<std::size_t>(n);
}

std::optional<ZipEntryStream> ZipArchive::open(const std::string& name) {
    auto it = entries_.find(name);
    if (it == entries_.end()) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, it->second, 0, &st) != 0)
        throw FormatError(source_ + ": cannot read zip entry " + name + " (" + zip_strerror(archive_) + ")");
    const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    zip_file_t* file = zip_fopen_index(archive_, it->second, 0);
    if (!file) throw FormatError(source_ + ": cannot read zip entry " + name + " (" + zip_strerror(archive_) + ")");
    return ZipEntryStream(*this, name, file, compressed);
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
    std::optional<ZipEntryStream> entry = open(name);
    if (!entry) return std::nullopt;
    std::string out;
    std::array<char, 65536> buffer{};
    while (std::size_t n = entry->read(buffer.data(), buffer.size())) out.append(buffer.data(), n);
    return out;
}

}  // namespace npt::importers
