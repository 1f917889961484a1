// sha256.cpp — SHA-256 through OpenSSL's EVP interface.
#include "core/model/sha256.hpp"

#include <openssl/evp.h>

#include "core/error.hpp"

namespace npt {

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) != 1)
        throw Error("SHA-256 failed (OpenSSL EVP_Digest)");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 0xF]);
    }
    return out;
}

}  // namespace npt
