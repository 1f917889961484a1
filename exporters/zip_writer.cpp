// zip_writer.cpp — libzip archive writer used by the REFI-QDA project export and Word documents.
#include "exporters/zip_writer.hpp"

#include <zip.h>

#include "core/error.hpp"
#include "core/store/file_io.hpp"

namespace npt::exporters {

void write_zip(const std::filesystem::path& target, const std::vector<std::pair<std::string, std::string>>& entries) {
    // produce_file_atomic makes the temporary file (0600, a fresh name, never a planted symlink);
    // libzip writes beside it and renames over it, keeping its mode.
    produce_file_atomic(target, [&](const std::filesystem::path& temp) {
        int error = 0;
        zip_t* archive = zip_open(temp.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        if (!archive) throw InputError(target.string() + ": cannot create the archive (libzip error " + std::to_string(error) + ")");
        auto message = [&](const std::string& what) { return target.string() + ": " + what + " (" + zip_strerror(archive) + ")"; };
        auto fail = [&](const std::string& what) {
            std::string m = message(what);
            zip_discard(archive);
            throw InputError(m);
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
        // zip_close writes the archive: its failure is the disk's (full, an I/O error).
        if (zip_close(archive) != 0) {
            std::string m = message("cannot write the archive");
            zip_discard(archive);
            throw WriteError(m);
        }
    });
}

}  // namespace npt::exporters
