// codebook_limits.cpp — the limits a codebook file (JSON or .qdc) must keep: nesting depth, number
// of codes and path length, so a hostile file can neither overflow the stack nor make loading it
// quadratic in time or memory.
#include <string>

#include "codebook/codebook.hpp"
#include "core/model/codes.hpp"
#include "core/error.hpp"

namespace npt::codebook {
namespace {

// The first code points of `s`, at most `bytes` bytes, with "…" when cut.
std::string shortened(const std::string& s, std::size_t bytes) {
    if (s.size() <= bytes) return s;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end) + "…";
}

}  // namespace

void check_codebook_limits(const std::string& source, std::size_t depth, const std::string& path, std::size_t codes_so_far) {
    if (depth > kMaxCodeDepth)
        throw FormatError(source + ": codes nest more than " + std::to_string(kMaxCodeDepth) + " levels deep (at '" +
                          shortened(path, 60) + "'); a codebook may have at most " + std::to_string(kMaxCodeDepth) +
                          " levels");
    if (codes_so_far >= kMaxCodebookCodes)
        throw FormatError(source + ": holds more than " + std::to_string(kMaxCodebookCodes) +
                          " codes; a codebook may hold at most " + std::to_string(kMaxCodebookCodes));
    if (path.size() > kMaxCodePathBytes)
        throw FormatError(source + ": code path '" + shortened(path, 60) + "' is " + std::to_string(path.size()) +
                          " bytes long; a code path may be at most " + std::to_string(kMaxCodePathBytes) + " bytes");
}

}  // namespace npt::codebook
