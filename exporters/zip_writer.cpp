// zip_writer.cpp — libzip archive writer used by the REFI-QDA project export.
#include "exporters/zip_writer.hpp"

#include <zip.h>

#include <system_error>

#include "core/error.hpp"

namespace npt::exporters {

void write_zip(const std::filesystem::path& target, const std::vector<std::pair<std::string, std::string>>& entries) {
    std::filesystem::path temp = target;
    temp += ".part";
    std::filesystem::remove(temp);
    int error = 0;
    zip_t* archive = zip_open(temp.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) throw InputError(target.string() + ": cannot create the archive (libzip error " + std::to_string(error) + ")");
    auto fail = [&](const std::string& what) {
        std::string message = target.string() + ": " + what + " (" + zip_strerror(archive) + ")";
        zip_discard(archive);
        std::filesystem::remove(temp);
        throw InputError(message);
    };
    for (const auto& [name, bytes] : entries) {
        // libzip reads the buffer at zip_close(); `entries` outlives that call.
        zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        if (!source) fail("cannot add " + name);
        zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(source);
            fail("cannot add " + name);
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 6);
    }
    if (zip_close(archive) != 0) fail("cannot write the archive");
    std::error_code ec;
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::filesystem::remove(temp);
        throw InputError(target.string() + ": cannot write (" + ec.message() + ")");
    }
}

}  // namespace npt::exporters
