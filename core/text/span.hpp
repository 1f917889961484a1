// span.hpp — a half-open range [start, end) of code points in one document's text.
#pragma once
#include <cstddef>
#include <cstdint>

namespace npt {

struct Span {
    std::int64_t start = 0;  // code points, inclusive
    std::int64_t end = 0;    // code points, exclusive
    std::int64_t length() const { return end - start; }
    bool empty() const { return end <= start; }
    bool operator==(const Span&) const = default;
};

}  // namespace npt
