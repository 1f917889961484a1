// speaker_redetect.cpp — re-running speaker detection on a stored document: read its text, detect,
// summarise the speakers, and replace the turns through the core (one action, undoable).
#include "importers/speaker_redetect.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/model/documents.hpp"

namespace npt::importers {

SpeakerRedetection redetect_speakers(Project& project, DocumentId document_id, SpeakerLayout layout, std::string_view pattern,
                                     bool dry_run) {
    DocumentInfo info = document_info(project, document_id);
    SpeakerRedetection out;
    out.previous_turns = speaker_turns(project, document_id).size();
    {
        std::string text = document_text(project, document_id);
        SpeakerDetection found = detect_speakers(text, layout, pattern);
        out.layout = found.layout;
        out.turns = std::move(found.turns);
    }
    for (const SpeakerTurn& turn : out.turns) {
        auto it = std::find_if(out.speakers.begin(), out.speakers.end(), [&](const auto& s) { return s.first == turn.speaker; });
        if (it == out.speakers.end())
            out.speakers.emplace_back(turn.speaker, 1);
        else
            ++it->second;
    }
    if (dry_run) return out;
    if (out.turns.empty())
        throw InputError(info.name + ": the " + to_string(out.layout) + " layout finds no speaker turns in the text; its " +
                         std::to_string(out.previous_turns) + " turn(s) are unchanged");
    set_speaker_turns(project, document_id, out.turns);
    out.applied = true;
    return out;
}

}  // namespace npt::importers
