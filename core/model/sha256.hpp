// sha256.hpp — SHA-256 of bytes as lowercase hex (OpenSSL EVP). Used to recognise a document's
// text across projects (merge, re-import) regardless of its name.
#pragma once
#include <string>
#include <string_view>

namespace npt {

std::string sha256_hex(std::string_view bytes);

}  // namespace npt
