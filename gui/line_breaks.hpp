// line_breaks.hpp — where a line of transcript text may wrap: ICU's line-break rules (UAX #14)
// run directly over UTF-8 through UText. One LineBreaker is reused for every paragraph (creating
// an ICU iterator is costly); it is not thread-safe.
#pragma once
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace npt::gui {

class LineBreaker {
public:
    LineBreaker();   // throws npt::Error if ICU cannot create the iterator
    ~LineBreaker();
    LineBreaker(const LineBreaker&) = delete;
    LineBreaker& operator=(const LineBreaker&) = delete;

    // Byte offsets (into `utf8`) after which a line may end, ascending, excluding 0 and always
    // ending with utf8.size() when the text is not empty.
    const std::vector<std::size_t>& opportunities(std::string_view utf8);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace npt::gui
