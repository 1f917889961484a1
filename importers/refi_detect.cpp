// refi_detect.cpp — REFI-QDA project signatures: the zip's top-level .qde entry (libzip, central
// directory only) and the root element of an XML document (a scan of its prolog, no parse).
#include "importers/refi_detect.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace npt::importers {
namespace {

bool ends_with_qde(std::string_view name) {
    if (name.size() < 4 || name.find('/') != std::string_view::npos) return false;
    std::string ext(name.substr(name.size() - 4));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".qde";
}

// True when the open archive has a .qde entry at its top level; closes the archive.
bool holds_qde(zip_t* z) {
    bool found = false;
    const zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n && !found; ++i)
        if (const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS)) found = ends_with_qde(name);
    zip_discard(z);
    return found;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

bool is_refi_project_archive(std::string_view bytes) {
    if (!bytes.starts_with("PK\x03\x04") && !bytes.starts_with("PK\x05\x06")) return false;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
    bool found = false;
    if (z) found = holds_qde(z);
    else if (src) zip_source_free(src);
    zip_error_fini(&error);
    return found;
}

bool is_refi_project_xml(std::string_view xml) {
    if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
    std::size_t i = 0;
    // The prolog: whitespace, <?...?>, <!--...-->, <!DOCTYPE ...[...]>; then the root's start tag.
    for (int guard = 0; guard < 1000; ++guard) {
        while (i < xml.size() && is_space(xml[i])) ++i;
        if (i >= xml.size() || xml[i] != '<') return false;
        std::string_view rest = xml.substr(i);
        if (rest.starts_with("<?")) {
            std::size_t end = xml.find("?>", i);
            if (end == std::string_view::npos) return false;
            i = end + 2;
        } else if (rest.starts_with("<!--")) {
            std::size_t end = xml.find("-->", i);
            if (end == std::string_view::npos) return false;
            i = end + 3;
        } else if (rest.starts_with("<!")) {
            int depth = 0;
            for (++i; i < xml.size(); ++i) {
                if (xml[i] == '[') ++depth;
                else if (xml[i] == ']') --depth;
                else if (xml[i] == '>' && depth <= 0) break;
            }
            if (i >= xml.size()) return false;
            ++i;
        } else {
            std::size_t end = xml.find('>', i);
            if (end == std::string_view::npos) return false;
            std::string_view tag = xml.substr(i + 1, end - i - 1);
            std::size_t name_end = 0;
            while (name_end < tag.size() && !is_space(tag[name_end]) && tag[name_end] != '/') ++name_end;
            std::string_view name = tag.substr(0, name_end);
            if (auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
            return name == "Project" && tag.find("urn:QDA-XML:project") != std::string_view::npos;
        }
    }
    return false;
}

bool is_refi_project_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (!head.starts_with("PK")) return is_refi_project_xml(head);
    int error = 0;
    zip_t* z = zip_open(file.string().c_str(), ZIP_RDONLY, &error);
    return z && holds_qde(z);
}

std::string refi_project_not_a_transcript(std::string_view source) {
    const std::string s(source);
    return s + ": a REFI-QDA project, not a transcript; make a new project from it with `nptcoder import-qdpx " + s +
           " NEW.nptq` (workbench: File > Open REFI-QDA project...)";
}

}  // namespace npt::importers
