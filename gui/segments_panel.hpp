// segments_panel.hpp — the Segments panel: retrieval of the text coded with the selected code
// (and, optionally, its descendants), filtered by coder, case and case attribute, with speakers,
// memos inline, and a click that jumps to the text in the transcript view.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/query/retrieval.hpp"

namespace npt::gui {

class App;

class SegmentsPanel {
public:
    void draw(App& app);
    const std::vector<RetrievedSegment>& segments() const { return segments_; }

private:
    void reload(App& app);
    bool descendants_ = true;
    std::string coder_;       // "" = every coder
    std::string case_;        // "" = every case
    std::string attribute_;   // "" = no condition
    std::string value_;
    std::uint64_t loaded_revision_ = ~0ull;
    CodeId loaded_code_{-1};
    bool dirty_ = true;
    std::vector<RetrievedSegment> segments_;
    std::string problem_;
};

}  // namespace npt::gui
