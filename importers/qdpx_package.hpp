// qdpx_package.hpp — opening a REFI-QDA project for reading: a .qdpx zip (project.qde, or the one
// "<Project>.qde" some exporters write, and the sources/ or Sources/ folder), or an unpacked
// project.qde with its sources/ folder beside it. Hostile input is refused before anything is
// read into a project: entries climbing out with "../" or absolute, zip bombs (size and ratio
// limits, checked while inflating), XML larger than the limit, and documents declaring entities.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "importers/importer.hpp"

namespace npt::importers {

struct QdpxLimits {
    ZipLimits zip;
    std::uint64_t max_xml = 256ull * 1024 * 1024;  // bytes of project.qde
};

class QdpxPackage {
public:
    // Opens `path` (.qdpx or .qde). Throws NotFoundError, FormatError naming the file and the reason.
    static QdpxPackage open(const std::filesystem::path& path, const QdpxLimits& limits = {});
    ~QdpxPackage();
    QdpxPackage(QdpxPackage&&) noexcept;
    QdpxPackage& operator=(QdpxPackage&&) noexcept;

    const std::string& name() const { return name_; }     // file name, for messages
    const std::string& qde() const { return qde_; }       // project.qde bytes
    const std::string& qde_name() const { return qde_name_; }
    // Bytes of a file a source refers to: "internal://x.txt" or a bare "x.txt" (looked up in the
    // sources folder, case-insensitively for the folder). nullopt when absent. Throws FormatError
    // for a path that climbs out of the package.
    std::optional<std::string> read_source(const std::string& reference);
    // Files in the sources folder (names without the folder), to report those no source uses.
    const std::vector<std::string>& source_files() const { return source_files_; }

private:
    QdpxPackage() = default;
    struct Zip;
    std::unique_ptr<Zip> zip_;
    std::filesystem::path folder_;  // unpacked: the folder holding project.qde
    std::string name_, qde_, qde_name_, sources_dir_;
    std::vector<std::string> source_files_;
    QdpxLimits limits_;
};

// True when the XML declares entities in a DOCTYPE (refused: entity expansion).
bool declares_entities(std::string_view xml);

}  // namespace npt::importers
