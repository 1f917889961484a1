// speaker_redetect.hpp — finding a stored document's speaker turns again (another layout or
// pattern) without re-importing it: the text never changes, so every coding stays valid, and the
// turns are replaced in one undoable action (set_speaker_turns).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/model.hpp"
#include "importers/speaker_layouts.hpp"

namespace npt::importers {

struct SpeakerRedetection {
    SpeakerLayout layout = SpeakerLayout::Labels;               // the layout that found the turns
    std::vector<SpeakerTurn> turns;                            // code points into the stored text
    std::vector<std::pair<std::string, std::size_t>> speakers; // name and turns, in order of first turn
    std::size_t previous_turns = 0;                            // the document's turns before
    bool applied = false;                                      // false for a dry run
};

// Detects the turns of document `document_id`'s stored text with `layout` and `pattern` (as
// detect_speakers) and, unless `dry_run`, replaces its turns in one action. Throws NotFoundError
// for no such document, InputError for a bad pattern or layout, and InputError (turns left as they
// were) when nothing is found and it is not a dry run.
SpeakerRedetection redetect_speakers(Project& project, DocumentId document_id, SpeakerLayout layout, std::string_view pattern,
                                     bool dry_run);

}  // namespace npt::importers
