// qdpx_package.cpp — reading .qdpx archives and unpacked project.qde folders safely.
#include "importers/qdpx_package.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "core/error.hpp"
#include "core/store/file_io.hpp"
#include "importers/zip_archive.hpp"

namespace npt::importers {

struct QdpxPackage::Zip {
    std::string bytes;
    std::unique_ptr<ZipArchive> archive;
};

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Every entry name of the zip (libzip), so a "<Project>.qde" and the sources can be found.
std::vector<std::string> entry_names(const std::string& bytes, const std::string& source) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
    if (!z) {
        if (src) zip_source_free(src);
        zip_error_fini(&error);
        throw FormatError(source + ": not a REFI-QDA project archive (not a readable zip)");
    }
    std::vector<std::string> names;
    zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS)) names.emplace_back(name);
    zip_discard(z);
    zip_error_fini(&error);
    return names;
}

void check_xml(const std::string& xml, const std::string& where, const QdpxLimits& limits) {
    if (xml.size() > limits.max_xml)
        throw FormatError(where + ": project.qde is " + std::to_string(xml.size()) + " bytes, over the limit of " +
                          std::to_string(limits.max_xml) + " (refused)");
    if (declares_entities(xml)) throw FormatError(where + ": project.qde declares XML entities (refused: entity expansion)");
}

}  // namespace

bool declares_entities(std::string_view xml) {
    auto doctype = xml.find("<!DOCTYPE");
    if (doctype == std::string_view::npos) return false;
    return xml.find("<!ENTITY", doctype) != std::string_view::npos;
}

QdpxPackage::~QdpxPackage() = default;
QdpxPackage::QdpxPackage(QdpxPackage&&) noexcept = default;
QdpxPackage& QdpxPackage::operator=(QdpxPackage&&) noexcept = default;

QdpxPackage QdpxPackage::open(const std::filesystem::path& path, const QdpxLimits& limits) {
    QdpxPackage p;
    p.limits_ = limits;
    p.name_ = path.filename().string();
    if (!std::filesystem::exists(path)) throw NotFoundError(path.string() + ": no such file");
    if (lower(path.extension().string()) == ".qde") {
        if (std::filesystem::file_size(path) > limits.max_xml)
            throw FormatError(p.name_ + ": over the limit of " + std::to_string(limits.max_xml) + " bytes (refused)");
        p.qde_ = read_file(path.string());
        p.qde_name_ = p.name_;
        p.folder_ = path.parent_path();
        for (const char* dir : {"sources", "Sources"})
            if (std::filesystem::is_directory(p.folder_ / dir)) {
                p.sources_dir_ = dir;
                for (const auto& entry : std::filesystem::directory_iterator(p.folder_ / dir))
                    if (entry.is_regular_file()) p.source_files_.push_back(entry.path().filename().string());
                break;
            }
        std::sort(p.source_files_.begin(), p.source_files_.end());
        check_xml(p.qde_, p.name_, limits);
        return p;
    }
    p.zip_ = std::make_unique<Zip>();
    p.zip_->bytes = read_file(path.string());
    std::vector<std::string> names = entry_names(p.zip_->bytes, p.name_);
    for (const std::string& n : names)
        if (ZipArchive::is_unsafe_path(n)) throw FormatError(p.name_ + ": entry '" + n + "' climbs out of the archive (refused)");
    p.zip_->archive = std::make_unique<ZipArchive>(p.zip_->bytes, p.name_, limits.zip);
    std::vector<std::string> qdes;
    for (const std::string& n : names)
        if (n.find('/') == std::string::npos && lower(std::filesystem::path(n).extension().string()) == ".qde") qdes.push_back(n);
    if (std::find(qdes.begin(), qdes.end(), "project.qde") != qdes.end()) p.qde_name_ = "project.qde";
    else if (qdes.size() == 1) p.qde_name_ = qdes.front();
    else if (qdes.empty()) throw FormatError(p.name_ + ": not a REFI-QDA project (no project.qde in the archive)");
    else throw FormatError(p.name_ + ": " + std::to_string(qdes.size()) + " .qde files and none is project.qde");
    auto qde = p.zip_->archive->read(p.qde_name_);  // size and ratio limits apply while inflating
    if (!qde) throw FormatError(p.name_ + ": cannot read " + p.qde_name_);
    p.qde_ = std::move(*qde);
    check_xml(p.qde_, p.name_, limits);
    for (const std::string& n : names) {
        auto slash = n.find('/');
        if (slash == std::string::npos || n.back() == '/') continue;
        std::string dir = n.substr(0, slash);
        if (lower(dir) != "sources") continue;
        if (p.sources_dir_.empty()) p.sources_dir_ = dir;
        if (dir == p.sources_dir_) p.source_files_.push_back(n.substr(slash + 1));
    }
    std::sort(p.source_files_.begin(), p.source_files_.end());
    return p;
}

std::optional<std::string> QdpxPackage::read_source(const std::string& reference) {
    std::string file = reference;
    if (file.rfind("internal://", 0) == 0) file = file.substr(11);
    if (file.empty()) return std::nullopt;
    if (ZipArchive::is_unsafe_path(file))
        throw FormatError(name_ + ": source path '" + reference + "' climbs out of the package (refused)");
    if (std::find(source_files_.begin(), source_files_.end(), file) == source_files_.end()) return std::nullopt;
    std::string entry = sources_dir_ + "/" + file;
    if (zip_) return zip_->archive->read(entry);
    std::filesystem::path full = folder_ / sources_dir_ / file;
    if (std::filesystem::file_size(full) > limits_.zip.max_entry_uncompressed)
        throw FormatError(name_ + ": source " + file + " is over the size limit (refused)");
    return read_file(full.string());
}

}  // namespace npt::importers
